"""Small selectolax helpers shared by the readers."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from tadarki.bangla.text import clean

_WBR = re.compile(r"<wbr\s*/?>", re.IGNORECASE)


def text_of(node: LexborNode | None) -> str:
    """Visible text of a node: `<wbr>` joined, NFC, whitespace collapsed."""
    if node is None:
        return ""
    # A selector query, not `"<wbr" in node.html`: serialising every node read was a large
    # part of reading a page. And only when the document has a <wbr> at all: compiling a
    # selector costs some twenty times looking a tag name up.
    if node.parser.tags("wbr"):
        for wbr in node.css("wbr"):
            wbr.decompose()
    return clean(node.text(deep=True, separator=" "))


def text_joined(node: LexborNode | None) -> str:
    """Like text_of, but text pieces are joined without spaces (e-mail cells with `<wbr>`)."""
    if node is None:
        return ""
    return clean(node.text(deep=True, separator=""))


def attr(node: LexborNode | None, name: str) -> str | None:
    if node is None:
        return None
    return node.attributes.get(name)


def evidence_for(raw: str, node: LexborNode | None, *fallbacks: str) -> str:
    """An exact substring of the page HTML that shows the defect, as short as practical."""
    candidates: list[str] = []
    if node is not None:
        candidates.append(node.html or "")
    candidates.extend(fallbacks)
    for candidate in candidates:
        if candidate and len(candidate) <= 400 and candidate in raw:
            return candidate
    for candidate in candidates:
        if candidate and candidate in raw:
            return candidate[:400]
    return (candidates[0] if candidates else "")[:200]
