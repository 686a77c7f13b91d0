"""A farm changes at run time: fix a defect, inject one, switch a page off."""

import http.client
from datetime import date
from urllib.parse import quote

import pytest

from tadarki.farm.generate import Defect, build_farm
from tadarki.farm.markup import render
from tadarki.farm.server import FarmServer

TODAY = date(2026, 12, 1)


def body(portal, path="/"):
    return render(portal, path)[2].decode()


def test_fix_removes_the_defect_from_pages_and_truth():
    farm = build_farm(3, today=TODAY)
    host = "passport.lakshmipur.gov.bd"
    portal = farm.portals[host]
    menu_defect = next(d for d in farm.truth()[host] if d.rule == "menu.empty-submenu")
    _kind, (top, column, index), _form = portal.switches[menu_defect]
    leaf = next(t for t in portal.menu if t.label == top).columns[column].leaves[index]
    assert f'href="{leaf.page}"' not in body(portal)
    farm.fix(host, menu_defect.rule, menu_defect.subject)
    assert menu_defect not in farm.truth()[host]
    assert f'href="{leaf.page}"' in body(portal)


def test_inject_adds_a_defect_with_a_subject():
    farm = build_farm(6, today=TODAY)
    host = "passport.dhaka.gov.bd"  # the clean G1 control
    portal = farm.portals[host]
    assert render(portal, portal.specials["charter"].path)[0] == 200
    defect = farm.inject(host, "charter.missing")
    assert defect == Defect("charter.missing") and defect in farm.truth()[host]
    assert render(portal, portal.specials["charter"].path)[0] == 404
    junk = farm.inject(host, "content.junk")
    assert junk.subject.startswith(f"http://{host}/site/page/")
    with pytest.raises(ValueError):
        farm.inject(host, "charter.missing")  # already on: no second place for it


def test_fix_of_an_unknown_defect_is_an_error():
    farm = build_farm(3, today=TODAY)
    with pytest.raises(KeyError):
        farm.fix("passport.dhaka.gov.bd", "news.empty")


def test_fixing_a_grs_officer_also_restores_the_charter_row():
    farm = build_farm(3, today=TODAY)
    host = "dnc.manikganj.gov.bd"
    assert Defect("charter.grs-contact-missing") in farm.truth()[host]
    farm.fix(host, "grs.focal-missing")
    assert Defect("charter.grs-contact-missing") not in farm.truth()[host]


def test_page_can_be_switched_off_and_on():
    farm = build_farm(3, today=TODAY)
    host = "passport.lakshmipur.gov.bd"
    path = farm.portals[host].specials["rti"].path
    with FarmServer(farm) as server:

        def status():
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
            try:
                conn.request("GET", f"http://{host}{quote(path)}")
                return conn.getresponse().status
            finally:
                conn.close()

        assert status() == 200
        farm.set_page_down(host, path, "503")
        assert status() == 503
        farm.set_page_down(host, path, "reset")
        with pytest.raises((ConnectionError, http.client.HTTPException)):
            status()
        farm.set_page_down(host, path, None)
        assert status() == 200
