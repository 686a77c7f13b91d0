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
# Bot challenges and web application firewalls.
_CHALLENGE = re.compile(
    r"window\._cf_chl_opt|<title>\s*Just a moment\.\.\.\s*</title>"
    r"|<title>\s*Attention Required! \| Cloudflare|The requested URL was rejected\. Please consult"
    r"|<title>\s*Access Denied\s*</title>|/_Incapsula_Resource|sucuri_cloudproxy",
    re.IGNORECASE,
)
_G3_MARKER = re.compile(r"\bdata-widget_name\s*=")
_G1_THEME = "/themes/responsive_npf/"
_MEGANIZR = re.compile(r"<ul\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bmeganizr\b", re.IGNORECASE)
_G2_LANG_LINK = re.compile(r"href\s*=\s*[\"'](?:https?://[^/\"']+)?/(?:bn|en)/", re.IGNORECASE)


def detect_template(html: str) -> str:
    """Return "G1", "G2", "G3", "generic", "error" (server error page) or "challenge"."""
    if not html or not html.strip():
        return "generic"
    head = html[:20000]
    if _CHALLENGE.search(head):
        return "challenge"
    if _G3_MARKER.search(html):
        return "G3"
    if _G1_THEME in html and _MEGANIZR.search(html):
        if _G2_LANG_LINK.search(html) or _has_g2_lists(html):
            return "G2"
        return "G1"
    if len(html) < 20000 and (_ERROR_TITLE.search(head) or _ERROR_BODY.search(head)):
        return "error"
    return "generic"


def _has_g2_lists(html: str) -> bool:
    # G2 field-office lists sit in `#left > div.<type>.list` (npf-structure.md §1).
    if 'id="left"' not in html and "id='left'" not in html:
        return False
    return LexborHTMLParser(html).css_first("#left > div.list") is not None
