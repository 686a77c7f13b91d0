"""How findings are grouped the way the committee reads them (plain Python)."""

from __future__ import annotations

# (family key, English label for gettext, rule-id prefixes), in reading order.
FAMILIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("portal", "Portal", ("portal.",)),
    ("menus", "Menus and pages", ("menu.", "page.", "box.", "eservice.")),
    ("links", "Links", ("link.",)),
    ("charter", "Citizen charter", ("charter.",)),
    (
        "officers",
        "Officers, RTI, GRS and integrity",
        ("officers.", "rti.", "grs.", "nis.", "contact."),
    ),
    ("notices", "Notices and news", ("notice.", "news.")),
    ("content", "Content", ("content.", "innovation.")),
    ("stats", "Statistics", ("stats.",)),
]
FAMILY_ORDER = {key: i for i, (key, _label, _p) in enumerate(FAMILIES)}


def family_of(rule: str) -> str:
    for key, _label, prefixes in FAMILIES:
        if rule.startswith(prefixes):
            return key
    return "content"
