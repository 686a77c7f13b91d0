"""Inline SVG charts rendered on the server (no scripts, no CDN): a line chart of scores over
rounds and horizontal bars for the worst offices. Plain Python, returns markup strings."""

from __future__ import annotations

from html import escape

from tadarki.bangla.digits import to_bengali

PALETTE = ["#006a4e", "#b3261e", "#1f5fa8", "#8a5a00", "#6b3fa0", "#00838f", "#5b6473"]


def line_chart(
    series: dict[str, list[tuple[int, float]]],
    *,
    width: int = 640,
    height: int = 260,
    title: str = "",
) -> str:
    """series: label → [(round number, score 0–100)]. Y axis is fixed at 0–100."""
    rounds = sorted({n for points in series.values() for n, _ in points})
    left, right, top, bottom = 44, 16, 16, 32
    plot_w, plot_h = width - left - right, height - top - bottom
    if not rounds:
        return ""

    def x(n: int) -> float:
        if len(rounds) == 1:
            return left + plot_w / 2
        return left + plot_w * rounds.index(n) / (len(rounds) - 1)

    def y(score: float) -> float:
        return top + plot_h * (1 - score / 100)

    legend_top = height + 6  # the legend sits below the plot: department names are long
    total = legend_top + 22 * len(series)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {total}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="#d9dee6"/><text x="{left - 6}" y="{y(tick) + 4:.1f}" font-size="13" '
            f'text-anchor="end" fill="#5b6473">{to_bengali(tick)}</text>'
        )
    for n in rounds:
        parts.append(
            f'<text x="{x(n):.1f}" y="{height - 10}" font-size="13" text-anchor="middle" '
            f'fill="#5b6473">{to_bengali(n)}</text>'
        )
    for i, (label, points) in enumerate(series.items()):
        color = PALETTE[i % len(PALETTE)]
        coords = " ".join(f"{x(n):.1f},{y(s):.1f}" for n, s in sorted(points))
        parts.append(
            f'<polyline fill="none" stroke="{color}" stroke-width="2.5" points="{coords}">'
            f"<title>{escape(label)}</title></polyline>"
        )
        for n, s in points:
            parts.append(
                f'<circle cx="{x(n):.1f}" cy="{y(s):.1f}" r="3" fill="{color}">'
                f"<title>{escape(label)}: {to_bengali(f'{s:g}')}</title></circle>"
            )
        ly = legend_top + 14 + i * 22
        parts.append(
            f'<rect x="{left}" y="{ly - 10}" width="12" height="12" fill="{color}"/>'
            f'<text x="{left + 18}" y="{ly}" font-size="14" fill="#1d2430">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(rows: list[tuple[str, float]], *, width: int = 760, title: str = "") -> str:
    """rows: (label, score 0–100), drawn worst first as horizontal bars."""
    if not rows:
        return ""
    bar_h, gap, label_w = 20, 6, 380
    height = len(rows) * (bar_h + gap) + 10
    plot_w = width - label_w - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, score) in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        color = "#b3261e" if score < 50 else "#8a5a00" if score < 80 else "#006a4e"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" font-size="14" text-anchor="end" '
            f'fill="#1d2430">{escape(_short(label, 44))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{plot_w * max(score, 0.5) / 100:.1f}" '
            f'height="{bar_h}" fill="{color}"><title>{escape(label)}</title></rect>'
            f'<text x="{label_w + plot_w * score / 100 + 6:.1f}" y="{y + 15}" font-size="14" '
            f'fill="#1d2430">{to_bengali(f"{score:g}")}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
