"""Bengali text as the auditor compares it: NFC, no tags, collapsed space; junk detection.

npf-structure.md §11–12: compare only after NFC; `<wbr>` sits inside e-mail addresses;
ZWNJ/ZWJ occur inside words; legacy-font (Bijoy/SutonnyMJ) text is ASCII that only looks
like Bengali in the old font.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from functools import lru_cache

_WBR = re.compile(r"<wbr\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# Labels, menu items and text runs repeat on every page of a portal, so short strings are
# cleaned once; long ones (page texts) are not kept: a cache of them would grow with the crawl.
_MEMO_MAX_LEN = 200


def nfc(text: str) -> str:
    if not text or text.isascii() or _is_plain_nfc(text):
        return text or ""
    return unicodedata.normalize("NFC", text)


# Normalising Bengali text costs some thousand instructions a character; most text is NFC
# already, which a scan proves for text of Latin-1, Bengali letters and punctuation
# (U+2002-206F): of those, only ড় ঢ় য় (U+09DC/DD/DF) change (decomposed), ে+া / ে+ৗ compose,
# and ্ before ় is reordered (U+09FE, rarer still, is left to unicodedata).
_PLAIN = re.compile(
    "[\x00-\xff\u0964\u0965\u0980-\u09db\u09de\u09e0-\u09fd\u09ff\u2002-\u206f\ufffd]*"
)
_CHANGED_BY_NFC = ("\u09c7\u09be", "\u09c7\u09d7", "\u09cd\u09bc")


def _is_plain_nfc(text: str) -> bool:
    """True only when NFC leaves `text` as it is."""
    return _PLAIN.fullmatch(text) is not None and not any(pair in text for pair in _CHANGED_BY_NFC)


def _clean(text: str) -> str:
    # str.split() splits on what `\s` matches (no-break space included), a few times faster.
    return " ".join(nfc(text).split())


_clean_short = lru_cache(maxsize=4096)(_clean)


def clean(text: str) -> str:
    """NFC, non-breaking spaces as spaces, whitespace collapsed, trimmed."""
    if not text:
        return ""
    return _clean_short(text) if len(text) <= _MEMO_MAX_LEN else _clean(text)


def _match_key(text: str) -> str:
    key = clean(_without_zero_width(text or ""))
    return key.rstrip(" :ঃ").strip()


_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
_ZW = re.compile("[" + "".join(_ZERO_WIDTH) + "]")


def _without_zero_width(text: str) -> str:
    # Searching for each is cheaper than a substitution over text that has none.
    if any(char in text for char in _ZERO_WIDTH):
        return _ZW.sub("", text)
    return text


_match_key_short = lru_cache(maxsize=4096)(_match_key)


def match_key(text: str) -> str:
    """A key for comparing labels: clean, without zero-width joiners, trailing ':'/'ঃ' removed."""
    if not text:
        return ""
    return _match_key_short(text) if len(text) <= _MEMO_MAX_LEN else _match_key(text)


def strip_tags(markup: str) -> str:
    """Visible text of an HTML fragment (entities decoded, `<wbr>` joined, whitespace collapsed)."""
    markup = _WBR.sub("", markup or "")
    markup = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", markup, flags=re.IGNORECASE | re.DOTALL)
    markup = re.sub(r"<!--.*?-->", " ", markup, flags=re.DOTALL)
    return clean(html_lib.unescape(_TAG.sub(" ", markup)))


# --- junk -------------------------------------------------------------------------------

# Characters a Bijoy/SutonnyMJ text shows when read as Unicode: these Latin-1/Windows-1252
# symbols stand for Bengali vowel signs and conjuncts.
_BIJOY_SYMBOLS = "†‡‰Š¨¯©ÒÓ×Ö¶ÿ˜ˆ¸¤ª¦«»Ñ"
_BIJOY_SYMBOL_IN_WORD = re.compile(rf"[A-Za-z][{_BIJOY_SYMBOLS}]|[{_BIJOY_SYMBOLS}][A-Za-z]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z|]*")
# A lowercase letter followed by an uppercase one inside a word ("mnKvix", "mwPe").
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_DARI_AFTER_LATIN = re.compile(r"[A-Za-z]\|")
# English words written in camel case on portals are not legacy Bengali.
_CAMEL_OK = re.compile(
    r"^(?:YouTube|WhatsApp|iPhone|iPad|eService|eServices|PowerPoint|JavaScript|LinkedIn|"
    r"GitHub|PayPal|McAfee|MyGov|mGov|eNothi|eFile|eGP|eTIN|eCitizen|bKash|iBAS|iBAS\+\+|"
    r"ePassport|ICTDivision|WiFi|PhD|MoHA|DoICT|BdREN|TeleTalk|MHz|GHz|KiB|MiB|GiB)$"
)

_MOJIBAKE = re.compile(r"à¦|à§|Ã[\x80-\xbf©¡-¿]|â€[™œ\x9d“”˜¦]|Â[\xa0©®]|ï»¿")
_ESCAPED_MARKUP = re.compile(
    r"<\\/[a-z]+>|\\r\\n|\\n\\t|\\t\\t|&lt;/?[a-z]+|</?(?:span|div|p|br|td|tr|strong)\b[^>]*>"
)
# Symbol-font bullets pasted before Bengali text ("¢ক)").
_STRAY_SYMBOL = re.compile("[¢¤¥§¬¯±¶¼½¾Ø][\u0980-\u09ff]")


def is_legacy_bengali(text: str) -> bool:
    """True when `text` looks like Bengali typed in a legacy font (Bijoy, SutonnyMJ)."""
    if _BIJOY_SYMBOL_IN_WORD.search(text) and len(_BIJOY_SYMBOL_IN_WORD.findall(text)) >= 1:
        words = _LATIN_WORD.findall(text)
        if words:
            return True
    words = [w.rstrip("|") for w in _LATIN_WORD.findall(text)]
    words = [w for w in words if len(w) >= 3]
    if not words:
        return False
    suspect = [w for w in words if _INNER_CAPITAL.search(w) and not _CAMEL_OK.match(w)]
    if len(suspect) >= 2 and len(suspect) * 2 >= len(words):
        return True
    return bool(suspect) and bool(_DARI_AFTER_LATIN.search(text))


def find_junk(text: str) -> str:
    """The first junk snippet in visible `text` ("" when clean): U+FFFD, mojibake,
    legacy-font Bengali, escaped markup shown as text, symbol-font bullets."""
    if not text:
        return ""
    return _find_junk_short(text) if len(text) <= _MEMO_MAX_LEN else _find_junk(text)


def _find_junk(text: str) -> str:
    pos = text.find("\ufffd")
    if pos >= 0:
        return text[max(0, pos - 20) : pos + 20]
    for pattern in (_MOJIBAKE, _ESCAPED_MARKUP, _STRAY_SYMBOL):
        match = pattern.search(text)
        if match:
            return text[max(0, match.start() - 20) : match.end() + 20]
    # Legacy-font text: judge sentence-sized runs so that an English sentence nearby does
    # not dilute the evidence.
    for run in _SENTENCE_GAP.split(text):
        if run and is_legacy_bengali(run):
            return run[:80]
    return ""


_find_junk_short = lru_cache(maxsize=2048)(_find_junk)
_SENTENCE_GAP = re.compile(r"(?<=[.!?।])\s+|\s{2,}")

_NUKTA_FORMS = {"য়": "(?:য়|\u09df)", "ড়": "(?:ড়|\u09dc)", "ঢ়": "(?:ঢ়|\u09dd)"}


def variant_pattern(text: str) -> re.Pattern[str]:
    """A pattern matching `text` in raw (non-NFC) HTML: য়/ড়/ঢ় in either encoding."""
    pattern = re.escape(nfc(text))
    for composed, alternatives in _NUKTA_FORMS.items():
        pattern = pattern.replace(re.escape(composed), alternatives).replace(composed, alternatives)
    return re.compile(pattern)
