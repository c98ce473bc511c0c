"""Server-rendered SVG charts: pure functions from numbers to an SVG string and its table.

No JavaScript and nothing fetched: the SVG is inline in the page and in the PDF. Each series
has a pattern as well as a colour, values are labelled directly, and every chart carries its
numbers as a table (``Chart.columns``/``Chart.rows``) for screen readers and for reading.
"""

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

WIDTH = 640
HEIGHT = 280
MARGIN_LEFT = 44
MARGIN_RIGHT = 16
MARGIN_TOP = 28
MARGIN_BOTTOM = 56
INK = "#1b1b1b"
MUTED = "#5a5a5a"
GRID = "#d9d9d9"

# Colour and pattern together, so a series is told apart in greyscale print too.
PALETTE = ("#1d4e89", "#c0392b", "#2e7d32", "#8e44ad", "#b9770e", "#455a64")
PATTERNS = ("solid", "diagonal", "dots", "cross", "horizontal", "vertical")
_ids = itertools.count(1)


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]


@dataclass(frozen=True)
class Chart:
    title: str
    summary: str
    svg: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.rows


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _pattern(pattern_id: str, kind: str, colour: str) -> str:
    body = {
        "solid": "",
        "diagonal": '<path d="M0,8 L8,0" stroke="white" stroke-width="2"/>',
        "dots": '<circle cx="4" cy="4" r="1.6" fill="white"/>',
        "cross": '<path d="M0,0 L8,8 M8,0 L0,8" stroke="white" stroke-width="1.4"/>',
        "horizontal": '<path d="M0,4 L8,4" stroke="white" stroke-width="2"/>',
        "vertical": '<path d="M4,0 L4,8" stroke="white" stroke-width="2"/>',
    }[kind]
    return (
        f'<pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{colour}"/>{body}</pattern>'
    )


def _open(chart_id: str, title: str, summary: str, height: int = HEIGHT) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'class="chart" font-family="sans-serif" font-size="11">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(summary)}</desc>',
    ]


_TICK_STEPS = (1, 2, 3, 5, 10, 15, 20, 25, 50, 75, 100, 150, 200, 250, 500, 750)


def _nice_max(value: float) -> float:
    """The top of a count axis with four equal whole-number steps (0, 2, 4, 6, 8; not
    0, 1.5, 3, 4.5, 6)."""
    scale = 1
    while True:
        for step in _TICK_STEPS:
            if value <= 4 * step * scale:
                return 4 * step * scale
        scale *= 1000


def _y_axis(top: float, plot_height: float, maximum: float, suffix: str = "",
            steps: int = 4) -> list[str]:
    parts = []
    for i in range(steps + 1):
        value = maximum * i / steps
        y = top + plot_height - plot_height * i / steps
        parts.append(
            f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}"/>'
            f'<text x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">'
            f"{_fmt(value)}{suffix}</text>"
        )
    return parts


def _legend(chart_id: str, names: Sequence[str], y: float) -> list[str]:
    parts, x = [], MARGIN_LEFT
    for index, name in enumerate(names):
        parts.append(
            f'<rect x="{x}" y="{y}" width="14" height="14" fill="url(#{chart_id}-p{index})" '
            f'stroke="{INK}" stroke-width="0.5"/>'
            f'<text x="{x + 18}" y="{y + 11}" fill="{INK}">{escape(name)}</text>'
        )
        x += 26 + 6.2 * len(name)
    return parts


def stacked_bars(
    title: str, categories: Sequence[str], series: Sequence[Series], *, value_label: str = "cases"
) -> Chart:
    """One bar per category, stacked by series, its total printed above it."""
    chart_id = f"chart{next(_ids)}"
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    columns = ["", *(s.name for s in series), "Total"]
    rows = [
        [category, *(_fmt(s.values[i]) for s in series), _fmt(totals[i])]
        for i, category in enumerate(categories)
    ]
    summary = (
        f"{title}: {_fmt(sum(totals))} {value_label} in {len(categories)} periods, "
        f"stacked by {', '.join(s.name for s in series)}."
    )
    height = HEIGHT + 18 * ((len(series) - 1) // 3)
    parts = _open(chart_id, title, summary, height)
    parts.append("<defs>" + "".join(
        _pattern(f"{chart_id}-p{i}", PATTERNS[i % len(PATTERNS)], PALETTE[i % len(PALETTE)])
        for i in range(len(series))
    ) + "</defs>")
    top, plot_height = MARGIN_TOP, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    maximum = _nice_max(max(totals, default=0))
    parts += _y_axis(top, plot_height, maximum)
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / max(len(categories), 1)
    bar_width = slot * 0.7
    for i, category in enumerate(categories):
        x = MARGIN_LEFT + slot * i + (slot - bar_width) / 2
        y = top + plot_height
        for index, s in enumerate(series):
            value = s.values[i]
            if not value:
                continue
            h = plot_height * value / maximum
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{h:.1f}" '
                f'fill="url(#{chart_id}-p{index})" stroke="white" stroke-width="0.5">'
                f"<title>{escape(category)}, {escape(s.name)}: {_fmt(value)}</title></rect>"
            )
        if totals[i]:
            parts.append(
                f'<text x="{x + bar_width / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                f'fill="{INK}" font-weight="bold">{_fmt(totals[i])}</text>'
            )
        parts.append(
            f'<text x="{x + bar_width / 2:.1f}" y="{top + plot_height + 14}" '
            f'text-anchor="middle" fill="{MUTED}">{escape(category)}</text>'
        )
    parts += _legend(chart_id, [s.name for s in series], HEIGHT - 24)
    parts.append("</svg>")
    return Chart(title, summary, "".join(parts), columns, rows)


def grouped_bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    text: Callable[[float], str] = _fmt,
    axis_at_least: float = 0,
) -> Chart:
    """Bars side by side per category, one per series, each labelled with ``text(value)``.

    A value ``text`` shows otherwise than as itself (a count suppressed as "<5") gets its
    label at the axis and no bar: a bar's height would give the number away. The axis is
    marked at 0 and its top only (at least ``axis_at_least``): every bar carries its value.
    """
    chart_id = f"chart{next(_ids)}"
    columns = ["", *(s.name for s in series)]
    rows = [[category, *(text(s.values[i]) for s in series)]
            for i, category in enumerate(categories)]
    summary = f"{title}: {', '.join(f'{row[0]} ' + ' / '.join(row[1:]) for row in rows)}."
    parts = _open(chart_id, title, summary)
    parts.append("<defs>" + "".join(
        _pattern(f"{chart_id}-p{i}", PATTERNS[i % len(PATTERNS)], PALETTE[i % len(PALETTE)])
        for i in range(len(series))
    ) + "</defs>")
    top, plot_height = MARGIN_TOP, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    drawn = [s.values[i] for s in series for i in range(len(categories))
             if text(s.values[i]) == _fmt(s.values[i])]
    maximum = _nice_max(max([*drawn, axis_at_least]))
    parts += _y_axis(top, plot_height, maximum, steps=1)
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / max(len(categories), 1)
    bar_width = slot * 0.8 / max(len(series), 1)
    base = top + plot_height
    for i, category in enumerate(categories):
        left = MARGIN_LEFT + slot * i + slot * 0.1
        for index, s in enumerate(series):
            value, label = s.values[i], text(s.values[i])
            x = left + bar_width * index
            y = base
            if label == _fmt(value) and value:
                h = plot_height * value / maximum
                y = base - h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width - 2:.1f}" '
                    f'height="{h:.1f}" fill="url(#{chart_id}-p{index})">'
                    f"<title>{escape(category)}, {escape(s.name)}: {escape(label)}</title></rect>"
                )
            parts.append(
                f'<text x="{x + bar_width / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                f'fill="{INK}" font-weight="bold">{escape(label)}</text>'
            )
        parts.append(
            f'<text x="{MARGIN_LEFT + slot * i + slot / 2:.1f}" y="{base + 14}" '
            f'text-anchor="middle" fill="{MUTED}">{escape(category)}</text>'
        )
    parts += _legend(chart_id, [s.name for s in series], HEIGHT - 24)
    parts.append("</svg>")
    return Chart(title, summary, "".join(parts), columns, rows)


def distribution(
    title: str,
    values: Sequence[float],
    *,
    edges: Sequence[float],
    target: float,
    unit: str,
    target_label: str,
    whole_numbers: bool = False,
) -> Chart:
    """A histogram of ``values`` over ``edges`` (the last bin is open-ended) with the target
    drawn as a labelled dashed line; bins beyond the target are hatched, not only coloured.
    With ``whole_numbers`` a bin one wide is labelled by its one value."""
    chart_id = f"chart{next(_ids)}"
    bins = [0] * len(edges)
    for value in values:
        index = max((i for i, edge in enumerate(edges) if value >= edge), default=0)
        bins[index] += 1

    def label(i: int) -> str:
        if i + 1 == len(edges):
            return f"{_fmt(edges[i])}+"
        if whole_numbers and edges[i + 1] - edges[i] == 1:
            return _fmt(edges[i])
        upper = edges[i + 1] - 1 if whole_numbers else edges[i + 1]
        return f"{_fmt(edges[i])}–{_fmt(upper)}"

    labels = [label(i) for i in range(len(edges))]
    # A bin is beyond the target when its values exceed it (whole numbers: from target + 1).
    late = [edge > target if whole_numbers else edge >= target for edge in edges]
    within = sum(1 for value in values if value <= target)
    columns = [f"Time ({unit})", "Number", "Within target?"]
    rows = [
        [label, str(count), "no" if late[i] else "yes"]
        for i, (label, count) in enumerate(zip(labels, bins, strict=True))
    ]
    summary = (
        f"{title}: {within} of {len(values)} within the target of {target_label}."
        if values else f"{title}: no data in this period."
    )
    parts = _open(chart_id, title, summary)
    parts.append(
        "<defs>" + _pattern(f"{chart_id}-p0", "solid", PALETTE[0])
        + _pattern(f"{chart_id}-p1", "diagonal", PALETTE[1]) + "</defs>"
    )
    top, plot_height = MARGIN_TOP, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    maximum = _nice_max(max(bins, default=0))
    parts += _y_axis(top, plot_height, maximum)
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / len(edges)
    target_x = None
    for i, count in enumerate(bins):
        x = MARGIN_LEFT + slot * i
        if late[i] and target_x is None:
            target_x = x
        h = plot_height * count / maximum
        if count:
            parts.append(
                f'<rect x="{x + 2:.1f}" y="{top + plot_height - h:.1f}" width="{slot - 4:.1f}" '
                f'height="{h:.1f}" fill="url(#{chart_id}-p{1 if late[i] else 0})">'
                f"<title>{escape(labels[i])}: {count}</title></rect>"
                f'<text x="{x + slot / 2:.1f}" y="{top + plot_height - h - 4:.1f}" '
                f'text-anchor="middle" font-weight="bold" fill="{INK}">{count}</text>'
            )
        parts.append(
            f'<text x="{x + slot / 2:.1f}" y="{top + plot_height + 14}" text-anchor="middle" '
            f'fill="{MUTED}">{escape(labels[i])}</text>'
        )
    parts.append(
        f'<text x="{WIDTH - MARGIN_RIGHT}" y="{top + plot_height + 30}" text-anchor="end" '
        f'fill="{MUTED}">{escape(unit)}</text>'
    )
    if target_x is not None:
        parts.append(
            f'<line x1="{target_x:.1f}" x2="{target_x:.1f}" y1="{top - 10}" '
            f'y2="{top + plot_height}" stroke="{INK}" stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{target_x + 4:.1f}" y="{top - 2}" fill="{INK}">'
            f"Target: {escape(target_label)}</text>"
        )
    parts += _legend(chart_id, ["Within target", "Beyond target"], HEIGHT - 24)
    parts.append("</svg>")
    return Chart(title, summary, "".join(parts), columns, rows)


def line(
    title: str, points: Sequence[tuple[str, float]], *, maximum: float = 100, suffix: str = "%",
    empty_summary: str = "no data yet.",
) -> Chart:
    """A line with a marker and its value printed at every point (``empty_summary`` says why
    there are none)."""
    chart_id = f"chart{next(_ids)}"
    columns = ["", f"Value ({suffix.strip() or 'number'})"]
    rows = [[label, f"{_fmt(value)}{suffix}"] for label, value in points]
    summary = (
        f"{title}: from {_fmt(points[0][1])}{suffix} ({points[0][0]}) to "
        f"{_fmt(points[-1][1])}{suffix} ({points[-1][0]})."
        if points else f"{title}: {empty_summary}"
    )
    parts = _open(chart_id, title, summary)
    top, plot_height = MARGIN_TOP, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    parts += _y_axis(top, plot_height, maximum, suffix)
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / max(len(points), 1)
    coordinates = [
        (MARGIN_LEFT + slot * i + slot / 2, top + plot_height - plot_height * value / maximum)
        for i, (_, value) in enumerate(points)
    ]
    if coordinates:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{PALETTE[0]}" stroke-width="2.5"/>'
        )
    for (label, value), (x, y) in zip(points, coordinates, strict=True):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="white" stroke="{PALETTE[0]}" '
            f'stroke-width="2"><title>{escape(label)}: {_fmt(value)}{suffix}</title></circle>'
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" fill="{INK}">'
            f"{_fmt(value)}{suffix}</text>"
            f'<text x="{x:.1f}" y="{top + plot_height + 14}" text-anchor="middle" '
            f'fill="{MUTED}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return Chart(title, summary, "".join(parts), columns, rows)
