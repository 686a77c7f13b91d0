"""Same seed, same farm: every page of every portal renders to the same bytes."""

from datetime import date

from tadarki.farm.generate import build_farm
from tadarki.farm.markup import render

TODAY = date(2026, 12, 1)


def snapshot(farm):
    return {
        (host, path): render(portal, path)
        for host, portal in farm.portals.items()
        for path in portal.pages
    }


def test_same_seed_gives_identical_pages_and_truth():
    first, second = build_farm(9, 60, seed=7, today=TODAY), build_farm(9, 60, seed=7, today=TODAY)
    assert snapshot(first) == snapshot(second)
    assert first.truth() == second.truth()


def test_rendering_twice_gives_the_same_bytes():
    farm = build_farm(6, 60, seed=3, today=TODAY)
    assert snapshot(farm) == snapshot(farm)


def test_other_seed_gives_other_pages():
    a, b = build_farm(3, 60, seed=1, today=TODAY), build_farm(3, 60, seed=2, today=TODAY)
    assert set(a.portals["passport.lakshmipur.gov.bd"].pages) != set(
        b.portals["passport.lakshmipur.gov.bd"].pages
    )


def test_page_budget_and_synthetic_hosts():
    farm = build_farm(22, 250, seed=1, today=TODAY)
    assert len(farm.portals) == 22
    assert "office21.manikganj.gov.bd" in farm.portals
    normal = [p for p in farm.portals.values() if p.kind == "normal"]
    assert all(len(p.pages) >= 240 for p in normal)
    assert {p.generation for p in normal} == {"G1", "G2", "G3"}
