from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tadarki.committees.models import AgendaItem, Meeting, Status
from tadarki.registry.models import OrgUnit


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "sequence",
            "title",
            "chair_name",
            "chair_designation",
            "date",
            "time",
            "venue",
            "attendees",
            "opening",
            "closing",
            "distribution",
            "signatory_name",
            "signatory_designation",
            "layout",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "attendees": forms.Textarea(attrs={"rows": 4}),
            "opening": forms.Textarea(attrs={"rows": 3}),
            "closing": forms.Textarea(attrs={"rows": 2}),
            "distribution": forms.Textarea(attrs={"rows": 4}),
        }


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["number", "title", "discussion", "implementers_text"]
        widgets = {"discussion": forms.Textarea(attrs={"rows": 4})}


class DecisionForm(forms.Form):
    DEADLINE_KINDS = [
        ("auto", _("Read from the decision's wording")),
        ("", _("No deadline")),
        ("date", _("By a date")),
        ("working_days", _("Within working days of issue")),
        ("recurring", _("Recurring")),
        ("next_meeting", _("By the next meeting")),
        ("asap", _("As soon as possible")),
    ]
    RECURRENCES = [
        ("FREQ=MONTHLY;BYMONTHDAY=4", _("Monthly, by the 4th")),
        ("FREQ=MONTHLY;BYMONTHDAY=15", _("Monthly, by the 15th")),
        ("FREQ=MONTHLY", _("Monthly")),
        ("FREQ=MONTHLY;INTERVAL=3", _("Every three months")),
        (
            "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=7",
            _("Quarterly, first week of the third month"),
        ),
    ]

    label = forms.CharField(label=_("Label"), max_length=10, required=False)
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}))
    deadline_kind = forms.ChoiceField(
        label=_("Deadline"), choices=DEADLINE_KINDS, required=False, initial="auto"
    )
    deadline_date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    deadline_count = forms.IntegerField(label=_("Working days"), min_value=1, required=False)
    deadline_rrule = forms.ChoiceField(label=_("Recurrence"), choices=RECURRENCES, required=False)
    units = forms.ModelMultipleChoiceField(
        label=_("Implementing units"),
        queryset=OrgUnit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    all_departments = forms.BooleanField(label=_("All departments"), required=False)
    free_text = forms.CharField(
        label=_("Other implementers (posts or sections, one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, unit_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_choices is not None:
            self.fields["units"].queryset = unit_choices

    def clean(self):
        data = super().clean()
        kind = data.get("deadline_kind")
        if kind == "date" and not data.get("deadline_date"):
            self.add_error("deadline_date", _("Give the date."))
        if kind == "working_days" and not data.get("deadline_count"):
            self.add_error("deadline_count", _("Give the number of working days."))
        return data

    def deadline(self) -> dict | None:
        data = self.cleaned_data
        kind = data.get("deadline_kind")
        if kind == "date":
            return {"kind": "date", "date": data["deadline_date"].isoformat()}
        if kind == "working_days":
            return {"kind": "working_days", "count": data["deadline_count"]}
        if kind == "recurring":
            return {"kind": "recurring", "rrule": data["deadline_rrule"] or "FREQ=MONTHLY"}
        if kind in ("next_meeting", "asap"):
            return {"kind": kind}
        if kind == "auto":  # "আগামী ০৭ কার্যদিবসের মধ্যে" and the like, as the importer reads them
            from tadarki.minutes import parse_deadline

            return parse_deadline(data["text"])
        return None

    def free_text_names(self) -> list[str]:
        return [
            line.strip()
            for line in self.cleaned_data.get("free_text", "").splitlines()
            if line.strip()
        ]


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    note = forms.CharField(
        label=_("Progress note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(label=_("Evidence (PDF, DOCX, XLSX, PNG, JPG)"), required=False)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in targets]


class MinutesUploadForm(forms.Form):
    file = forms.FileField(label=_("Minutes file (TXT, MD or DOCX)"))

    def clean_file(self):
        f = self.cleaned_data["file"]
        limit = getattr(settings, "TADARKI_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
        if f.size > limit:
            raise forms.ValidationError(_("The file is larger than the allowed size."))
        if not f.name.lower().endswith((".txt", ".md", ".docx")):
            raise forms.ValidationError(_("Only TXT, MD and DOCX minutes can be read."))
        return f
