"""G3 rich-text bodies: `<rt-renderer encoded-content="…">` holds base64 of UTF-8 HTML.

npf-structure.md §10: always decode the attribute; never judge a G3 page from the
renderer's visible children. The attribute may hold several chunks joined by ";".
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata

_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/=_-]")


def _decode_chunk(chunk: str) -> str:
    chunk = _NOT_BASE64.sub("", chunk).rstrip("=")
    if not chunk:
        return ""
    # A base64 length of 4n+1 cannot be valid: drop the dangling character.
    if len(chunk) % 4 == 1:
        chunk = chunk[:-1]
    chunk += "=" * (-len(chunk) % 4)
    altchars = b"-_" if ("-" in chunk or "_" in chunk) else None
    try:
        raw = base64.b64decode(chunk, altchars=altchars, validate=False)
    except (binascii.Error, ValueError):
        return ""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""


def decode_encoded_content(value: str) -> str:
    """Decode an rt-renderer `encoded-content` value into NFC HTML; "" when it is not decodable."""
    if not value:
        return ""
    decoded = "".join(_decode_chunk(chunk) for chunk in value.split(";"))
    return unicodedata.normalize("NFC", decoded)
