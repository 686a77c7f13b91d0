"""How findings are grouped the way the committee reads them."""

from __future__ import annotations

from django.utils.translation import gettext_noop as N_

# (family key, English label for gettext, rule-id prefixes), in reading order.
FAMILIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("portal", N_("Portal"), ("portal.",)),
    ("menus", N_("Menus and pages"), ("menu.", "page.", "box.", "eservice.")),
    ("links", N_("Links"), ("link.",)),
    ("charter", N_("Citizen charter"), ("charter.",)),
    (
        "officers",
        N_("Officers, RTI, GRS and integrity"),
        ("officers.", "rti.", "grs.", "nis.", "contact."),
    ),
    ("notices", N_("Notices and news"), ("notice.", "news.")),
    ("content", N_("Content"), ("content.", "innovation.")),
    ("stats", N_("Statistics"), ("stats.",)),
]
FAMILY_ORDER = {key: i for i, (key, _label, _p) in enumerate(FAMILIES)}


def family_of(rule: str) -> str:
    for key, _label, prefixes in FAMILIES:
        if rule.startswith(prefixes):
            return key
    return "content"
