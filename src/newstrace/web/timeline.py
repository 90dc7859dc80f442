"""A speaker's quotes by month, drawn on the server as an SVG bar chart.

No script and no charting library: a bar per month from the first to the last
month with quotes (empty months included, so gaps show), labelled by year.
"""

from __future__ import annotations

from markupsafe import Markup

WIDTH, HEIGHT, AXIS = 640, 140, 24
# A long career is drawn by year rather than by month.
MAX_BARS = 120


def timeline_svg(by_month: dict[str, int], label: str) -> Markup:
    if not by_month:
        return Markup("")
    buckets = _buckets(by_month)
    top = max(buckets.values()) or 1
    width = WIDTH / len(buckets)
    bars: list[Markup] = []
    for i, (bucket, count) in enumerate(buckets.items()):
        height = (HEIGHT - AXIS - 8) * count / top
        x, y = i * width, HEIGHT - AXIS - height
        bars.append(
            Markup(
                '<rect class="bar" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"><title>{}: {} quote{}</title></rect>'
            ).format(x + 1, y, max(width - 2, 1), height, bucket, count, "" if count == 1 else "s")
        )
        if i == 0 or bucket[:4] != list(buckets)[i - 1][:4]:
            bars.append(
                Markup('<text class="year" x="{:.1f}" y="{}">{}</text>').format(x + 1, HEIGHT - 6, bucket[:4])
            )
    return Markup(
        '<svg class="timeline" viewBox="0 0 {w} {h}" role="img" aria-label="{label}" '
        'xmlns="http://www.w3.org/2000/svg"><line class="axis" x1="0" y1="{axis}" x2="{w}" y2="{axis}"/>{bars}</svg>'
    ).format(w=WIDTH, h=HEIGHT, axis=HEIGHT - AXIS, label=label, bars=Markup("").join(bars))


def _buckets(by_month: dict[str, int]) -> dict[str, int]:
    months = sorted(by_month)
    first, last = _index(months[0]), _index(months[-1])
    if last - first + 1 > MAX_BARS:
        years = {f"{year:04d}": 0 for year in range(first // 12, last // 12 + 1)}
        for month, count in by_month.items():
            years[month[:4]] += count
        return years
    return {_month(i): by_month.get(_month(i), 0) for i in range(first, last + 1)}


def _index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
