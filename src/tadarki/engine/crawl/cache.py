"""Conditional-request cache: a re-audit asks "changed since?" and reuses unchanged pages.

The fetcher sends If-None-Match / If-Modified-Since from `get(url)`; on 304 it reuses the
cached text. The Django service plugs in its own implementation of the same protocol.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple, Protocol


class CachedPage(NamedTuple):
    etag: str
    last_modified: str
    text: str


class ConditionalCache(Protocol):
    def get(self, url: str) -> CachedPage | tuple[str, str, str] | None: ...

    def put(self, url: str, etag: str, last_modified: str, text: str) -> None: ...


class MemoryCache:
    def __init__(self) -> None:
        self._pages: dict[str, CachedPage] = {}

    def get(self, url: str) -> CachedPage | None:
        return self._pages.get(url)

    def put(self, url: str, etag: str, last_modified: str, text: str) -> None:
        self._pages[url] = CachedPage(etag, last_modified, text)

    def __len__(self) -> int:
        return len(self._pages)


class JsonLinesCache(MemoryCache):
    """An append-only JSON-lines file; the last line for a URL wins when it is reloaded."""

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        if self.path.exists():
            with self.path.open(encoding="utf-8") as lines:
                for line in lines:
                    try:
                        row = json.loads(line)
                        self._pages[row["url"]] = CachedPage(row["etag"], row["lm"], row["text"])
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut by a crash is skipped, not fatal
        self._file = None

    def put(self, url: str, etag: str, last_modified: str, text: str) -> None:
        old = self._pages.get(url)
        super().put(url, etag, last_modified, text)
        if old == self._pages[url]:
            return
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a", encoding="utf-8")
        row = {"url": url, "etag": etag, "lm": last_modified, "text": text}
        self._file.write(json.dumps(row, ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
