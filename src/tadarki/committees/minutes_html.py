"""Minutes out as a printable HTML page, the same lines as the DOCX (see minutes_layout)."""

from __future__ import annotations

from django.template.loader import render_to_string

from tadarki.committees import minutes_layout
from tadarki.committees.models import Meeting


def render(meeting: Meeting, request=None) -> str:
    return render_to_string(
        "committees/minutes_print.html",
        {"minutes": minutes_layout.build(meeting), "meeting": meeting},
        request=request,
    )
