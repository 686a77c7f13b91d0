"""How findings are grouped the way the committee reads them."""

from __future__ import annotations

from django.utils.translation import gettext_noop

# (family key, English label for gettext, rule-id prefixes), in reading order.
FAMILIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("portal", gettext_noop("Portal"), ("portal.",)),
    ("menus", gettext_noop("Menus and pages"), ("menu.", "page.", "box.", "eservice.")),
    ("links", gettext_noop("Links"), ("link.",)),
    ("charter", gettext_noop("Citizen charter"), ("charter.",)),
    (
        "officers",
        gettext_noop("Officers, RTI, GRS and integrity"),
        ("officers.", "rti.", "grs.", "nis.", "contact."),
    ),
    ("notices", gettext_noop("Notices and news"), ("notice.", "news.")),
    ("content", gettext_noop("Content"), ("content.", "innovation.")),
    ("stats", gettext_noop("Statistics"), ("stats.",)),
]
FAMILY_ORDER = {key: i for i, (key, _label, _p) in enumerate(FAMILIES)}


def family_of(rule: str) -> str:
    for key, _label, prefixes in FAMILIES:
        if rule.startswith(prefixes):
            return key
    return "content"


# Severity names as the pages show them (the identifiers stay English in data and exports).
SEVERITY_LABELS = {
    "critical": gettext_noop("critical"),
    "major": gettext_noop("major"),
    "minor": gettext_noop("minor"),
    "info": gettext_noop("info"),
}
