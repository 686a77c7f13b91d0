"""Field accuracy of a parse against a hand-checked expectation.

The judged fields: meeting.date, issued_on, memo_number, meeting.chair.name, and for every
expected decision (agenda items flattened, in order) its text, implementers and deadline.
A decision the parser missed counts its three fields as wrong; extra decisions cost
nothing here (they show up as misalignment of the following ones).
"""

from __future__ import annotations


def _decisions(minutes: dict) -> list[dict]:
    return [d for item in minutes.get("agenda_items") or [] for d in item.get("decisions") or []]


def _get(minutes: dict, *path: str):
    value = minutes
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def score(expected: dict, actual: dict) -> tuple[int, int]:
    """(fields right, fields checked)."""
    right = checked = 0
    for path in (
        ("meeting", "date"),
        ("issued_on",),
        ("memo_number",),
        ("meeting", "chair", "name"),
    ):
        checked += 1
        right += _get(expected, *path) == _get(actual, *path)
    got = _decisions(actual)
    for i, want in enumerate(_decisions(expected)):
        have = got[i] if i < len(got) else {}
        for key in ("text", "implementers", "deadline"):
            checked += 1
            right += want.get(key) == have.get(key, object())
    return right, checked


def mistakes(expected: dict, actual: dict) -> list[str]:
    """The judged fields that differ, as readable paths (for test failure messages)."""
    wrong = []
    for path in (
        ("meeting", "date"),
        ("issued_on",),
        ("memo_number",),
        ("meeting", "chair", "name"),
    ):
        if _get(expected, *path) != _get(actual, *path):
            wrong.append(".".join(path))
    got = _decisions(actual)
    for i, want in enumerate(_decisions(expected)):
        have = got[i] if i < len(got) else {}
        for key in ("text", "implementers", "deadline"):
            if want.get(key) != have.get(key, object()):
                wrong.append(f"decisions[{i}].{key}")
    return wrong
