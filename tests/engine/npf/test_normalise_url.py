"""normalise_url: what is a link target and how it is written (npf-structure.md §14)."""

from __future__ import annotations

import pytest

from tadarki.engine.npf.urls import is_site_root, normalise_url, url_key

BASE = "https://www.dshe.gov.bd/site/page/abc/history"


@pytest.mark.parametrize(
    "href",
    [
        "",
        "   ",
        "#",
        "#top",
        "nolink/এইচ-আর-এম-",
        "nolink/",
        "nolink/104133",
        "javascript:;",
        "http://",
        "https://",
        "mailto:a@b.gov.bd",
        "tel:০২",
    ],
)
def test_no_target(href):
    assert normalise_url(BASE, href) is None
    assert normalise_url(BASE, None) is None


def test_relative_and_absolute():
    assert normalise_url(BASE, "/site/view/notices") == "https://www.dshe.gov.bd/site/view/notices"
    assert normalise_url(BASE, "other") == "https://www.dshe.gov.bd/site/page/abc/other"
    assert normalise_url(BASE, "HTTPS://WWW.DSHE.GOV.BD:443/x#frag") == "https://www.dshe.gov.bd/x"
    assert normalise_url(BASE, "//grs.gov.bd/") == "https://grs.gov.bd/"


def test_repeated_site_segments_are_capped():
    href = "/site/page/a/site/photogallery/b/site/page/c"
    assert normalise_url(BASE, href) == "https://www.dshe.gov.bd/site/page/c"


def test_ever_growing_relative_paths_are_capped():
    href = "/".join(["x"] * 40)
    url = normalise_url(BASE, href)
    assert url is not None and url.count("/") <= 15


def test_site_root_and_keys():
    assert is_site_root("http://www.dshe.gov.bd/", "https://www.dshe.gov.bd/")
    assert is_site_root("http://dshe.gov.bd", "https://www.dshe.gov.bd/")
    assert not is_site_root("http://www.dshe.gov.bd/site/page/1", "https://www.dshe.gov.bd/")
    assert url_key("https://www.x.gov.bd/a/") == url_key("http://x.gov.bd/a")
