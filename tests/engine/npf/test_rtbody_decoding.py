"""decode_encoded_content: base64 → UTF-8 HTML of G3 `<rt-renderer encoded-content>`."""

from __future__ import annotations

import base64
import unicodedata

from tadarki.engine.npf.rtbody import decode_encoded_content


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def test_decodes_bengali_html_to_nfc():
    body = "<p>দায়িত্বপ্রাপ্ত \u09df</p>"  # য় precomposed, as editors save it
    decoded = decode_encoded_content(_b64(body))
    assert decoded == unicodedata.normalize("NFC", body)
    assert "\u09df" not in decoded


def test_tolerates_missing_padding_and_whitespace():
    encoded = _b64("<p>এক নজরে</p>")
    assert decode_encoded_content(encoded.rstrip("=")) == "<p>এক নজরে</p>"
    assert decode_encoded_content(encoded[:8] + "\n " + encoded[8:]) == "<p>এক নজরে</p>"


def test_several_chunks_joined_by_semicolons():
    assert decode_encoded_content(_b64("<p>ক</p>") + ";" + _b64("<p>খ</p>")) == "<p>ক</p><p>খ</p>"


def test_garbage_gives_empty_string():
    assert decode_encoded_content("") == ""
    assert decode_encoded_content("!!!!") == ""
    assert decode_encoded_content("%%%") == ""
    assert decode_encoded_content(base64.b64encode(b"\xff\xfe\xfa").decode()) == ""


def test_urlsafe_alphabet():
    raw = b"<p>?>?>?</p>"
    assert decode_encoded_content(base64.urlsafe_b64encode(raw).decode()) == "<p>?>?>?</p>"
