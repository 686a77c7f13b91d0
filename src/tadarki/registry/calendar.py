"""The working calendar with the ICT cell's holiday edits applied."""

from tadarki.registry.models import Holiday


def working_calendar():
    """A `tadarki.bangla.workdays.WorkingCalendar` with holidays added or removed in the admin."""
    from tadarki.bangla.workdays import WorkingCalendar

    extra = Holiday.objects.filter(removed=False).values_list("date", flat=True)
    removed = Holiday.objects.filter(removed=True).values_list("date", flat=True)
    return WorkingCalendar(extra_holidays=list(extra), removed=list(removed))
