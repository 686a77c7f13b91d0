"""Reading NPF portal pages (npf-structure.md): template detection and extractors.

Plain Python (no Django). Public API:

    detect_template(html) -> "G1" | "G2" | "G3" | "generic" | "error" | "challenge"
    decode_encoded_content(value) -> str          # G3 <rt-renderer encoded-content>
    normalise_url(base, href) -> str | None       # None: no target (nolink/…, #, http://, "")
    parse_page(url, html) -> ParsedPage           # everything the rules read; cached
"""

from tadarki.engine.npf.detect import detect_template
from tadarki.engine.npf.model import ParsedPage
from tadarki.engine.npf.parse import parse_page
from tadarki.engine.npf.rtbody import decode_encoded_content
from tadarki.engine.npf.urls import normalise_url

__all__ = ["ParsedPage", "decode_encoded_content", "detect_template", "normalise_url", "parse_page"]
