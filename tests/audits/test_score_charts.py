"""Server-side SVG charts: no scripts, escaped labels, Bengali digits."""

from tadarki.audits import charts


def test_line_chart_draws_one_line_per_department():
    svg = charts.line_chart(
        {"কারা অধিদপ্তর": [(1, 60.0), (2, 75.5)], "<dnc>": [(1, 90.0), (2, 88.0)]}, title="t"
    )
    assert svg.startswith("<svg") and svg.count("<polyline") == 2
    assert "&lt;dnc&gt;" in svg and "<dnc>" not in svg
    assert "৭৫.৫" in svg and "<script" not in svg


def test_bar_chart_colours_by_score_and_handles_empty():
    svg = charts.bar_chart([("অফিস ১", 30.0), ("অফিস ২", 95.0)])
    assert svg.count("<rect") == 2 and "#b3261e" in svg and "#006a4e" in svg
    assert charts.bar_chart([]) == "" and charts.line_chart({}) == ""
