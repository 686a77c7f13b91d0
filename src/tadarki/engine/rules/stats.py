"""stats.missing and stats.stale: department statistics from configuration (rules.md).

Choice: a statistic is found when a page's visible text, title or a link label contains one
of its labels (after NFC), or a fetched page's URL matches one of its url_patterns. Its date
is the newest date on that page (content stamp, dated list entries, dates in the text near the
label). Absence is claimed only when pages beyond the home page were read.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tadarki.bangla.text import match_key
from tadarki.engine.npf.dates import parse_date
from tadarki.engine.npf.model import ParsedPage
from tadarki.engine.result import Finding
from tadarki.engine.rules.config import StatRequirement
from tadarki.engine.rules.context import Context
from tadarki.engine.rules.messages import date_bn, message

_DATE_NEAR = re.compile(
    r"[০-৯0-9]{1,4}[-./][০-৯0-9]{1,2}[-./][০-৯0-9]{2,4}|[০-৯0-9]{1,2}\s+\S+,?\s+[০-৯0-9]{4}"
)


def check(ctx: Context) -> list[Finding]:
    requirements = ctx.config.stats_for(ctx.site.department)
    if not requirements or ctx.home is None:
        return []
    findings: list[Finding] = []
    for requirement in requirements:
        hits = _find(ctx, requirement)
        label = requirement.labels[0] if requirement.labels else requirement.key
        if not hits:
            if ctx.is_real_home and ctx.crawled:
                findings.append(
                    ctx.finding(
                        "stats.missing",
                        subject=requirement.key,
                        url=ctx.home_url,
                        message_bn=message("stats.missing", label=label),
                    )
                )
            continue
        dated = [
            (day, page, ev) for page, ev in hits for day in [_newest_date(page, requirement)] if day
        ]
        if not dated:
            continue
        newest, page, evidence = max(dated, key=lambda x: x[0])
        if newest < ctx.config.today - timedelta(days=requirement.max_age_days):
            findings.append(
                ctx.finding(
                    "stats.stale",
                    subject=requirement.key,
                    url=page.url,
                    evidence=evidence,
                    message_bn=message("stats.stale", label=label, date=date_bn(newest)),
                )
            )
    return findings


def _find(ctx: Context, requirement: StatRequirement) -> list[tuple[ParsedPage, str]]:
    labels = [match_key(label) for label in requirement.labels]
    patterns = [re.compile(p, re.IGNORECASE) for p in requirement.url_patterns]
    hits: list[tuple[ParsedPage, str]] = []
    for _fetched, parsed in ctx.content_pages():
        if any(p.search(parsed.url) for p in patterns):
            hits.append((parsed, parsed.url))
            continue
        text = _text_key(ctx, parsed)
        label = next((lb for lb in labels if lb and lb in text), None)
        if label is None:
            continue
        # A link naming the statistic on another page is not the statistic itself when
        # that page was fetched: judge the target instead.
        # (label, href, URL) rows: the menu names statistics on every page, and making every
        # page's Link objects to read three fields cost more than the rest of the rule.
        link = next((row for row in parsed.link_rows() if label in match_key(row[0])), None)
        if (
            link is not None
            and link[2]
            and ctx.parsed(link[2]) is not None
            and ctx.parsed(link[2]) is not parsed
        ):
            continue
        hits.append((parsed, label))
    return hits


def _text_key(ctx: Context, page: ParsedPage) -> str:
    """The page's visible text and title as labels are compared, once per page."""
    keys = ctx.memo.setdefault("stats.text_keys", {})
    key = keys.get(id(page))
    if key is None:
        key = keys[id(page)] = match_key(" ".join(page.visible_text) + " " + page.title)
    return key


def _newest_date(page: ParsedPage, requirement: StatRequirement) -> date | None:
    days: list[date] = []
    if page.content_stamp is not None:
        days.append(page.content_stamp.when.date())
    for entries in (page.notices or [], page.news or []):
        days.extend(e.day for e in entries if e.day)
    for match in _DATE_NEAR.finditer(page.body_text):
        day = parse_date(match.group(0))
        if day:
            days.append(day)
    return max(days) if days else None
