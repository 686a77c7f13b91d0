"""notice.empty, notice.stale, news.empty (npf-structure.md §8)."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from tadarki.engine.npf.model import ListEntry, ParsedPage
from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context
from tadarki.engine.rules.messages import date_bn, message

# Choice: home-page boards decide emptiness; a notice list page (/site/view/notices,
# /pages/notices, /bn/site/view/notices) is used for dates and, when the home page shows no
# board at all, for emptiness. Staleness needs at least one dated notice.
_NOTICE_LISTS = ("/site/view/notices", "/pages/notices", "/site/view/notice")
_NEWS_LISTS = ("/site/view/news", "/pages/news")


def check(ctx: Context) -> list[Finding]:
    home = ctx.home
    if home is None or not ctx.is_real_home:
        return []
    findings: list[Finding] = []
    notice_pages = _list_pages(ctx, _NOTICE_LISTS)
    news_pages = _list_pages(ctx, _NEWS_LISTS)
    notices = home.notices
    listed = [entry for page in notice_pages for entry in (page.notices or [])]
    if _is_empty(notices, listed, bool(notice_pages)):
        findings.append(
            ctx.finding(
                "notice.empty",
                url=home.url,
                evidence=_board_evidence(ctx, 'id="notice-board"'),
                message_bn=message("notice.empty"),
            )
        )
    dated = [e for e in (notices or []) + listed if e.day and e.title]
    if dated:
        newest = max(dated, key=lambda e: e.day)
        if newest.day < ctx.config.today - timedelta(days=ctx.config.notice_max_age_days):
            findings.append(
                ctx.finding(
                    "notice.stale",
                    url=home.url,
                    evidence=newest.evidence,
                    message_bn=message("notice.stale", date=date_bn(newest.day)),
                )
            )
    news_listed = [entry for page in news_pages for entry in (page.news or [])]
    if _is_empty(home.news, news_listed, bool(news_pages)):
        findings.append(
            ctx.finding(
                "news.empty",
                url=home.url,
                evidence=_board_evidence(ctx, 'id="news"'),
                message_bn=message("news.empty"),
            )
        )
    return findings


def _is_empty(board: list[ListEntry] | None, listed: list[ListEntry], have_list: bool) -> bool:
    if board is not None:
        # One title-less item does not make the list empty; all of them do.
        return not any(entry.title for entry in board) and not any(e.title for e in listed)
    return have_list and not any(entry.title for entry in listed)


def _list_pages(ctx: Context, paths: tuple[str, ...]) -> list[ParsedPage]:
    pages = []
    for _fetched, parsed in ctx.content_pages():
        path = urlsplit(parsed.url).path
        path = path[3:] if path.startswith(("/bn/", "/en/")) else path
        if parsed is not ctx.home and any(path.startswith(p) for p in paths):
            pages.append(parsed)
    return pages


def _board_evidence(ctx: Context, marker: str) -> str:
    text = ctx.site.home.text if ctx.site.home is not None else ""
    pos = text.find(marker)
    return text[pos : pos + len(marker)] if pos >= 0 else ""
