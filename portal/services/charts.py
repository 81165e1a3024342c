"""Bar charts drawn on the server as inline SVG: no JavaScript, nothing from elsewhere.

Each chart is an image with a <title> and a <desc> that say every figure in words, so a
screen reader hears the numbers; every bar has its name above it and its number beside
it as text, so colour is never the only sign. Colours come from classes in portal.css
(the CSP allows no style attributes), each at least 3:1 against white. The page shows the
same figures in a table too."""

from dataclasses import dataclass

from flask_babel import format_number
from markupsafe import Markup, escape

# The drawing's own units: 320 wide, scaled to the width it is given (width 100%).
WIDTH = 320
LABEL_HEIGHT = 20  # a line of label text above each bar
BAR_HEIGHT = 22
GAP = 14  # between one bar and the next label
VALUE_ROOM = 72  # room for the number after the longest bar ("100,000")
MIN_BAR = 2  # a bar for 1 among 100,000 must still be seen


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    css_class: str  # the bar's colour, from portal.css, e.g. portal-chart__bar--red


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    bars: tuple

    @property
    def total(self):
        return sum(bar.value for bar in self.bars)


def bar_length(value, largest):
    if value <= 0 or largest <= 0:
        return 0
    return max(MIN_BAR, round(value / largest * (WIDTH - VALUE_ROOM)))


def height(count):
    return count * (LABEL_HEIGHT + BAR_HEIGHT + GAP)


def bar_chart(chart_id, title, description, bars):
    """A horizontal bar chart as inline SVG markup. `bars` is [(label, value, css_class)];
    `description` says every figure in words. Every text is escaped."""
    bars = [bar if isinstance(bar, Bar) else Bar(*bar) for bar in bars]
    largest = max((bar.value for bar in bars), default=0)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="portal-chart__svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height(len(bars))}" width="100%" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    for index, bar in enumerate(bars):
        top = index * (LABEL_HEIGHT + BAR_HEIGHT + GAP)
        length = bar_length(bar.value, largest)
        bar_top = top + LABEL_HEIGHT + 2
        parts += [
            f'<text class="portal-chart__label" x="0" y="{top + 16}">{escape(bar.label)}</text>',
            f'<rect class="portal-chart__bar {escape(bar.css_class)}" x="0" '
            f'y="{bar_top}" width="{length}" height="{BAR_HEIGHT}"></rect>',
            f'<text class="portal-chart__value" x="{length + 6}" y="{bar_top + 17}">'
            f"{escape(format_number(bar.value))}</text>",
        ]
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - built above from escaped parts only


def svg(chart):
    """A Chart as inline SVG markup."""
    return bar_chart(chart.id, chart.title, chart.description, chart.bars)
