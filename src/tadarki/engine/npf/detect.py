"""Which NPF generation a page belongs to (npf-structure.md §1, detection order)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

# Server error pages (Tomcat/Apache/nginx defaults) carry no portal content.
_ERROR_TITLE = re.compile(
    r"<title>\s*(?:Apache Tomcat[^<]*Error report|\d{3}\s+[A-Za-z ]+|"
    r"Error\s+\d{3}[^<]*|[^<]*\bHTTP Status \d{3}[^<]*)\s*</title>",
    re.IGNORECASE,
)
_ERROR_BODY = re.compile(r"<h1>\s*(?:HTTP Status \d{3}|\d{3} [A-Z][a-z]+(?: [A-Z][a-z]+)*)\b")
# Bot challenges and web application firewalls: (text just before a case-less anchor, the
# marker from that anchor on). A pattern that starts with a case-less character lets `re` jump
# between candidates with a literal scan; one case-insensitive alternation tried at every
# position of a 20 kB head cost ~0.7 ms per page, more than the rest of a page's reading.
_CHALLENGE_MARKERS = tuple(
    (re.compile(before, re.IGNORECASE) if before else None, len(before), re.compile(rest, re.I))
    for before, rest in (
        ("window", r"\._cf_chl_opt"),
        (
            "",
            r"<title>\s*(?:Just a moment\.\.\.\s*</title>|Attention Required! \| Cloudflare"
            r"|Access Denied\s*</title>)",
        ),
        ("The requested URL was rejected", r"\. Please consult"),
        ("", r"/_Incapsula_Resource"),
        ("sucuri", r"_cloudproxy"),
    )
)
_G3_MARKER = re.compile(r"\bdata-widget_name\s*=")
_G1_THEME = "/themes/responsive_npf/"
_MEGANIZR = re.compile(r"<ul\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bmeganizr\b", re.IGNORECASE)
# `href\s*=\s*["'](?:https?://[^/"']+)?/(?:bn|en)/`, searched from the case-less "=" (see above).
_G2_LANG_TARGET = re.compile(r"=\s*[\"'](?:https?://[^/\"']+)?/(?:bn|en)/", re.IGNORECASE)
_HREF = re.compile("href", re.IGNORECASE)


def detect_template(html: str, low: bytes | None = None) -> str:
    """Return "G1", "G2", "G3", "generic", "error" (server error page) or "challenge".
    `low`: ascii_lower(html), when the caller has it."""
    if not html or html.isspace():
        return "generic"
    if low is None:
        low = ascii_lower(html)
    head = html[:20000]
    if _may_be_challenge(low) and _is_challenge(head):
        return "challenge"
    if "data-widget_name" in html and _G3_MARKER.search(html):
        return "G3"
    if _G1_THEME in html and _MEGANIZR.search(html):
        if _has_g2_lang_link(html, low) or _has_g2_lists(html):
            return "G2"
        return "G1"
    if len(html) < 20000 and (_ERROR_TITLE.search(head) or _ERROR_BODY.search(head)):
        return "error"
    return "generic"


def ascii_lower(text: str) -> bytes:
    """`text` as UTF-8 (as the parser reads it), ASCII letters lower-cased: a case-less test
    for ASCII words is a plain search in it. Tag and attribute names are case-less only for
    ASCII letters; for `re.IGNORECASE`, "i", "k" and "s" also match "ı"/"İ", "K" and "ſ"."""
    return text.encode("utf-8", "ignore").lower()


# A case-less search for the markers above cost more than the rest of detection. Each marker
# holds one of these groups of ASCII pieces entire (pieces without "i", "k" or "s"), so a page
# that holds none of the groups holds no marker.
_CHALLENGE_HINTS = (
    (b"._cf_chl_opt",),
    (b"t a moment...",),
    (b"! | cloudflare",),
    (b"acce", b" den"),  # Access Denied
    (b". plea",),  # . Please consult
    (b"ula_re",),  # /_Incapsula_Resource
    (b"_cloudproxy",),
)


def _may_be_challenge(low: bytes) -> bool:
    return any(all(piece in low for piece in pieces) for pieces in _CHALLENGE_HINTS)


def _is_challenge(head: str) -> bool:
    for before, size, rest in _CHALLENGE_MARKERS:
        for match in rest.finditer(head):
            start = match.start() - size
            if before is None or (start >= 0 and before.fullmatch(head, start, match.start())):
                return True
    return False


def _has_g2_lang_link(html: str, low: bytes | None = None) -> bool:
    if low is not None and b"/bn/" not in low and b"/en/" not in low:
        return False  # _G2_LANG_TARGET holds one of them
    for match in _G2_LANG_TARGET.finditer(html):
        end = match.start()
        while end > 0 and html[end - 1].isspace():  # what `\s*` before "=" allows
            end -= 1
        if end >= 4 and _HREF.fullmatch(html, end - 4, end):
            return True
    return False


def _has_g2_lists(html: str) -> bool:
    # G2 field-office lists sit in `#left > div.<type>.list` (npf-structure.md §1).
    if 'id="left"' not in html and "id='left'" not in html:
        return False
    return LexborHTMLParser(html).css_first("#left > div.list") is not None
