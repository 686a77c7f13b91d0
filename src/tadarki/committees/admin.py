from django.contrib import admin

from tadarki.committees import models


@admin.register(models.NumberingScheme)
class NumberingSchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "serial_year", "last_serial"]


class MemberInline(admin.TabularInline):
    model = models.CommitteeMember
    extra = 0


@admin.register(models.Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "owner"]
    list_filter = ["kind"]
    inlines = [MemberInline]


class AgendaItemInline(admin.StackedInline):
    model = models.AgendaItem
    extra = 0
    fields = ["order", "number", "title", "discussion", "implementers_text"]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "committee", "date", "state", "memo_number"]
    list_filter = ["committee", "state"]
    inlines = [AgendaItemInline]


class AssignmentInline(admin.TabularInline):
    model = models.Assignment
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(models.Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "agenda_item", "due_date"]
    inlines = [AssignmentInline]


@admin.register(models.Occurrence)
class OccurrenceAdmin(admin.ModelAdmin):
    list_display = ["assignment", "due_date", "status"]
    list_filter = ["status"]
    # Status changes go through actions.change_status so that they are recorded.
    readonly_fields = ["assignment", "status", "updated_at"]


@admin.register(models.ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["occurrence", "kind", "sent_on"]
