"""notice.empty, notice.stale and news.empty."""

from __future__ import annotations

from datetime import date


def _list_page(npf, *rows: tuple[str, str]) -> str:
    body = (
        "<table><tr><th>শিরোনাম</th><th>প্রকাশের তারিখ</th></tr>"
        + "".join(
            f'<tr><td><a href="/site/notices/{i}/n">{title}</a></td><td>{day}</td></tr>'
            for i, (title, day) in enumerate(rows)
        )
        + "</table>"
    )
    return npf.g1_static_page("নোটিশ", body)


def test_empty_notice_board_and_news(npf):
    site = npf.make_site(
        npf.g1_page(notices="", news='<li><a href="/site/news/1/"></a> <i>(২০২৫-০৭-০১)</i></li>')
    )
    found = npf.run(site)
    assert {("notice.empty", ""), ("news.empty", "")} <= found


def test_one_untitled_item_does_not_empty_the_list(npf):
    news = '<li><a href="/site/news/1/"></a> <i>(২০২৫-০৭-০১)</i></li><li><a href="/site/news/2/x">খবর</a> <i>(২০২৫-০৭-০২)</i></li>'
    assert "news.empty" not in {r for r, _ in npf.run(npf.make_site(npf.g1_page(news=news)))}


def test_board_missing_from_home_is_no_claim(npf):
    found = {r for r, _ in npf.run(npf.make_site(npf.g1_page(notices=None, news=None)))}
    assert not {"notice.empty", "news.empty"} & found


def test_stale_notices_by_date_from_the_list_page(npf):
    site = npf.make_site(
        npf.g1_page(),
        {
            "/site/view/notices": _list_page(
                npf, ("পুরোনো নোটিশ", "১৫-০৩-২০২৫"), ("আরও পুরোনো", "০১-০১-২০২৫")
            )
        },
    )
    stale = [f for f in npf.findings(site, today=date(2025, 8, 12)) if f.rule == "notice.stale"]
    assert len(stale) == 1 and "১৫ মার্চ ২০২৫" in stale[0].message_bn
    # 90 days after 15 March 2025 is 13 June 2025: not yet stale on that day.
    assert "notice.stale" not in {r for r, _ in npf.run(site, today=date(2025, 6, 13))}
    assert "notice.stale" in {r for r, _ in npf.run(site, today=date(2025, 6, 14))}
    assert "notice.stale" not in {
        r for r, _ in npf.run(site, today=date(2025, 8, 12), notice_max_age_days=200)
    }


def test_notices_without_dates_are_no_staleness_claim(npf):
    assert "notice.stale" not in {
        r for r, _ in npf.run(npf.make_site(npf.g1_page()), today=date(2030, 1, 1))
    }


def test_g2_lists_under_left(npf):
    home = npf.g1_page(notices=None, news=None, lang_prefix=True).replace(
        '<div class="twelve columns" id="left-content">',
        '<div id="left"><div class="notices list"><div class="table-responsive"><table>'
        '<tr><td><a href="/bn/site/notices/ab12-x">নোটিশ</a></td><td>২০২৪-০১-০১</td></tr></table></div></div></div>'
        '<div class="twelve columns" id="left-content">',
    )
    found = npf.run(npf.make_site(home), today=date(2025, 8, 12))
    assert ("notice.stale", "") in found and ("notice.empty", "") not in found
