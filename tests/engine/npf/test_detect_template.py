"""detect_template on synthetic pages (npf-structure.md §1 detection order)."""

from __future__ import annotations

from tadarki.engine.npf.detect import detect_template

G1_HEAD = '<link href="/themes/responsive_npf/css/style.css" rel="stylesheet">'
MEGANIZR = '<ul class="meganizr mzr-slide"><li class="col0"><a href="/">Home</a></li></ul>'


def test_g1():
    assert detect_template(f"<html><head>{G1_HEAD}</head><body>{MEGANIZR}</body></html>") == "G1"


def test_g2_by_language_prefix_or_left_lists():
    prefixed = f'<html><head>{G1_HEAD}</head><body>{MEGANIZR}<a href="/bn/site/page/7fZt-x">x</a></body></html>'
    assert detect_template(prefixed) == "G2"
    lists = f'<html><head>{G1_HEAD}</head><body>{MEGANIZR}<div id="left"><div class="notices list"></div></div></body></html>'
    assert detect_template(lists) == "G2"


def test_g3_wins_over_g1_assets():
    html = f'<html><head>{G1_HEAD}</head><body>{MEGANIZR}<section data-widget_name="HeaderWidget"></section></body></html>'
    assert detect_template(html) == "G3"


def test_error_and_challenge_pages():
    tomcat = "<html><head><title>Apache Tomcat/7.0.11 - Error report</title></head><body><h1>HTTP Status 404 - /x</h1></body></html>"
    assert detect_template(tomcat) == "error"
    nginx = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
    assert detect_template(nginx) == "error"
    cf = "<html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt = {}</script></body></html>"
    assert detect_template(cf) == "challenge"


def test_generic_and_mobile_menu_label_is_no_marker():
    assert detect_template("<html><body><p>মেনু নির্বাচন করুন</p></body></html>") == "generic"
    assert detect_template("") == "generic"
