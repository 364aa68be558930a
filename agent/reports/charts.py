"""Charts as inline SVG, drawn from the figures in Python.

No chart library and no JavaScript: the report is one self-contained file that looks the same
in a browser, in Chromium's print-to-PDF (which runs with JavaScript off) and in ten years.
Labels may come from third parties (watch terms, names), so every text is escaped.
"""

from __future__ import annotations

from html import escape

WIDTH = 640
COLORS = {"positive": "#2e8b57", "neutral": "#b0b7c3", "negative": "#c0392b", "bar": "#c2185b"}
_FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="11"'


def _svg(height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start", fill: str = "#333") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" {_FONT}>'
        f"{escape(text)}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    size = f'width="{max(w, 0):.1f}" height="{max(h, 0):.1f}"'
    return f'<rect x="{x:.1f}" y="{y:.1f}" {size} fill="{fill}"/>'


def bars(rows: list[tuple[str, float]], title: str) -> str:
    """Horizontal bars, one row per label, the value written at the end of the bar."""
    row_height, label_width = 22, 170
    height = max(len(rows), 1) * row_height + 10
    top = max((value for _, value in rows), default=0) or 1
    span = WIDTH - label_width - 50
    body = []
    for n, (label, value) in enumerate(rows):
        y = 5 + n * row_height
        width = span * value / top
        body.append(_text(label_width - 6, y + 14, label[:28], "end"))
        body.append(_rect(label_width, y + 3, width, row_height - 8, COLORS["bar"]))
        body.append(_text(label_width + width + 5, y + 14, f"{value:g}"))
    return _svg(height, title, body)


def stacked_columns(
    columns: list[tuple[str, dict[str, float]]], series: list[tuple[str, str]], title: str
) -> str:
    """Vertical stacked columns (e.g. sentiment per week) with a legend of (key, label)."""
    height, base, legend = 220, 180, 16
    top = max((sum(values.values()) for _, values in columns), default=0) or 1
    slot = (WIDTH - 40) / max(len(columns), 1)
    body = []
    for n, (key, label) in enumerate(series):
        x = 40 + n * 130
        body.append(_rect(x, 2, 10, 10, COLORS.get(key, COLORS["bar"])))
        body.append(_text(x + 14, 11, label))
    for n, (label, values) in enumerate(columns):
        x = 40 + n * slot + slot * 0.2
        y = base
        for key, _ in series:
            h = (base - legend - 10) * values.get(key, 0) / top
            y -= h
            body.append(_rect(x, y, slot * 0.6, h, COLORS.get(key, COLORS["bar"])))
        body.append(_text(x + slot * 0.3, y - 4, f"{sum(values.values()):g}", "middle"))
        body.append(_text(x + slot * 0.3, base + 16, label, "middle"))
    body.append(f'<line x1="36" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#888"/>')
    return _svg(height, title, body)


def columns_with_target(values: list[tuple[str, float]], target: float, title: str) -> str:
    """Narrow columns per day with a dashed line at the target; every 5th day labelled."""
    height, base = 170, 145
    top = max([v for _, v in values] + [target, 1])
    slot = (WIDTH - 40) / max(len(values), 1)
    scale = (base - 15) / top
    body = []
    for n, (label, value) in enumerate(values):
        x = 40 + n * slot
        body.append(_rect(x + 1, base - value * scale, slot - 2, value * scale, COLORS["bar"]))
        if n % 5 == 0:
            body.append(_text(x + slot / 2, base + 15, label, "middle"))
    y = base - target * scale
    body.append(
        f'<line x1="36" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}" stroke="#333" '
        'stroke-dasharray="5,4"/>'
    )
    body.append(_text(34, y + 4, f"{target:g}", "end"))
    body.append(f'<line x1="36" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#888"/>')
    return _svg(height, title, body)
