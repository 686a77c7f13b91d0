"""What every rule module reads: the Site, the config, and each page parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tadarki.engine.npf.model import Link, ParsedPage
from tadarki.engine.npf.parse import parse_page
from tadarki.engine.npf.urls import host_of, is_placeholder_href, url_key
from tadarki.engine.result import Finding
from tadarki.engine.rules.config import RulesConfig
from tadarki.engine.rules.registry import RULES
from tadarki.engine.site import FetchedPage, Site

NO_LABEL = "(no label)"
SEPARATOR = " › "


def subject_path(parts: list[str]) -> str:
    return SEPARATOR.join(part if part else NO_LABEL for part in parts)


@dataclass
class Context:
    site: Site
    config: RulesConfig
    home: ParsedPage | None = None
    pages: dict[str, tuple[FetchedPage, ParsedPage]] = field(default_factory=dict)  # by url_key
    # What rule families compute once per judgement (the Site does not change meanwhile).
    memo: dict = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls, site: Site, config: RulesConfig, parsed: dict[str, tuple] | None = None
    ) -> Context:
        """`parsed`: pages read already, {page.url: (URL read at, its text or PageText,
        ParsedPage)}."""
        ctx = cls(site=site, config=config)
        # One ParsedPage per (URL, text), as when parse_page kept a cache: a page reached at
        # two addresses is the same page to the rules (`parsed is ctx.home`).
        read: dict[tuple[str, str], ParsedPage] = {}

        def parse(fetched: FetchedPage, at: str) -> ParsedPage:
            known = read.get((at, fetched.text))
            if known is None:
                hit = parsed.get(fetched.url) if parsed else None
                # The crawler keeps the page's PageText; a caller may give its text instead.
                same = hit is not None and (hit[1] is fetched.source or hit[1] is fetched.text)
                if same and hit[0] == at:
                    known = hit[2]
                else:
                    known = parse_page(at, fetched.text)
                read[(at, fetched.text)] = known
            return known

        if site.home is not None and _readable(site.home):
            ctx.home = parse(site.home, site.home.final_url or site.home.url)
            ctx.pages[url_key(site.home.url)] = (site.home, ctx.home)
            if site.home.final_url:
                ctx.pages[url_key(site.home.final_url)] = (site.home, ctx.home)
        for url, fetched in site.pages.items():
            if not _readable(fetched):
                continue
            key = url_key(url)
            if key in ctx.pages:
                continue
            parsed_page = parse(fetched, fetched.final_url or fetched.url or url)
            ctx.pages[key] = (fetched, parsed_page)
            if fetched.final_url:
                ctx.pages.setdefault(url_key(fetched.final_url), (fetched, parsed_page))
        return ctx

    # --- lookups -------------------------------------------------------------------------

    def fetched(self, url: str | None) -> FetchedPage | None:
        if not url:
            return None
        key = url_key(url)
        if key in self.pages:
            return self.pages[key][0]
        for candidate, page in self.site.pages.items():
            if url_key(candidate) == key or (page.final_url and url_key(page.final_url) == key):
                return page
        if self.site.home is not None and url_key(self.site.home.url) == key:
            return self.site.home
        return None

    def parsed(self, url: str | None) -> ParsedPage | None:
        if not url:
            return None
        entry = self.pages.get(url_key(url))
        return entry[1] if entry else None

    def content_pages(self) -> list[tuple[FetchedPage, ParsedPage]]:
        """Each fetched, readable page once (home first, then by URL), excluding error/challenge bodies.
        The list is shared: do not change it."""
        result = self.memo.get("content_pages")
        if result is None:
            seen: set[int] = set()
            result = []
            for fetched, parsed in self.pages.values():
                if id(parsed) in seen or not parsed.is_content:
                    continue
                seen.add(id(parsed))
                result.append((fetched, parsed))
            # Home first, then by URL: crawl order depends on response timing, and a rule that
            # cites "the first page" must cite the same one in every run.
            result.sort(key=lambda entry: (entry[1] is not self.home, entry[0].url))
            self.memo["content_pages"] = result
        return result

    def is_on_site(self, url: str | None) -> bool:
        return bool(url) and host_of(url) == host_of(self.site.root_url or self.home_url)

    @property
    def home_url(self) -> str:
        if self.site.home is not None:
            return self.site.home.final_url or self.site.home.url
        return self.site.root_url

    @property
    def is_real_home(self) -> bool:
        """The home page was fetched and it is the portal's front page (not a deep page)."""
        if self.home is None or not self.home.is_content:
            return False
        path = urlsplit(self.home_url).path.rstrip("/")
        return path in ("", "/bn", "/en", "/index.php", "/home")

    @property
    def crawled(self) -> bool:
        """Pages beyond the home page were read, so absence of a page is meaningful."""
        home_id = id(self.home)
        return any(id(parsed) != home_id for _fetched, parsed in self.content_pages())

    def navigation(self) -> list[tuple[list[str], Link]]:
        """Menu leaves and service-box items of the home page, as (path, link)."""
        if self.home is None:
            return []
        entries: list[tuple[list[str], Link]] = []
        for item in self.home.menu:
            if not item.columns:
                entries.append(([item.label], item.link))
            for column in item.columns:
                for leaf in column.leaves:
                    entries.append((leaf.path, leaf.link))
        for box in self.home.boxes:
            for link in box.items:
                entries.append(([box.title, link.label], link))
        return entries

    def all_links(self) -> list[tuple[ParsedPage, Link]]:
        """Every link of every content page, in page order."""
        return [(parsed, link) for _f, parsed in self.content_pages() for link in parsed.links]

    def distinct_links(self) -> list[Link]:
        """The first link (in page order) of each distinct (label, href, url): every page
        repeats the menu, so rules that ask "is there a link that…" need look at few."""
        result = self.memo.get("distinct_links")
        if result is None:
            seen: set[tuple[str, str, str | None]] = set()
            result = []
            for _f, parsed in self.content_pages():
                for index, triple in enumerate(parsed.link_rows()):
                    if triple not in seen:
                        seen.add(triple)
                        result.append(parsed.link_at(index))
            self.memo["distinct_links"] = result
        return result

    # --- findings ------------------------------------------------------------------------

    def finding(
        self,
        rule: str,
        subject: str = "",
        url: str = "",
        evidence: str = "",
        message_bn: str = "",
        linked_from: list[str] | None = None,
        page: FetchedPage | None = None,
    ) -> Finding:
        info = RULES[rule]
        page = page or self.fetched(url)
        return Finding(
            rule=rule,
            severity=info.severity,
            subject=subject,
            url=url,
            evidence=evidence[:500],
            message_bn=message_bn,
            linked_from=list(linked_from or []),
            status=page.status if page else None,
            fetched_at=(page.fetched_at or None) if page else None,
            sha256=page.sha256 if page else None,
        )


def _readable(page: FetchedPage) -> bool:
    return page.ok and page.is_html and bool(page.text)


def real_target(link: Link) -> bool:
    return not is_placeholder_href(link.href) and link.url is not None
