"""The committed .mo must match the .po, so a checkout without gettext still shows Bengali."""

import gettext
import re
from pathlib import Path

import tadarki

LOCALE = Path(tadarki.__file__).parent / "locale" / "bn" / "LC_MESSAGES"


def po_singular_msgids() -> list[str]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    ids = re.findall(r'^msgid "(.+)"\nmsgstr "', text, flags=re.M)
    return [i.replace('\\"', '"') for i in ids]


def test_every_string_is_translated_in_the_po():
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    assert not re.search(r'^msgstr ""\n\n', text[text.index("\n\n") :], flags=re.M)
    assert "#, fuzzy" not in text


def test_compiled_mo_has_every_po_string():
    with (LOCALE / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    ids = po_singular_msgids()
    assert len(ids) > 150
    missing = [i for i in ids if catalogue.gettext(i) == i]
    assert missing == [], "run: cd src/tadarki && msgfmt -o locale/bn/LC_MESSAGES/django.mo …po"
