"""Render a :class:`Report` as one self-contained HTML page (charts inline as SVG)."""

from __future__ import annotations

import base64
import datetime as dt
import re
from functools import cache
from importlib import resources
from typing import Literal

import jinja2
from markupsafe import Markup

from mandate_tracker.report.charts import chart_png, chart_svg
from mandate_tracker.report.model import Chart, Report, ReportKind

ChartFormat = Literal["svg", "png"]
KIND_NOUNS: dict[ReportKind, str] = {
    "quarterly": "quarterly report",
    "letter": "letter",
    "roadmap": "roadmap",
}
ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    text = ""
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        text += letters * count
    return text


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def number_text(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mandate_tracker.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        roman=roman, ordinal=ordinal, longdate=long_date, number=number_text, slug=slug
    )
    return env


def stylesheet() -> str:
    return (resources.files("mandate_tracker.report") / "templates" / "report.css").read_text(
        encoding="utf-8"
    )


def chart_markup(chart: Chart, image_format: ChartFormat) -> Markup:
    """An inline SVG, or a PNG as a data URL (WeasyPrint lays raster images out far faster)."""
    if image_format == "svg":
        return Markup(chart_svg(chart))
    data = base64.b64encode(chart_png(chart)).decode("ascii")
    return Markup('<img class="chart-image" alt="{}" src="data:image/png;base64,{}">').format(
        chart.title, Markup(data)
    )


def render_html(report: Report, *, charts: ChartFormat = "svg") -> str:
    """The report as one self-contained HTML page; ``charts`` picks inline SVG or PNG."""
    template = environment().get_template("report.html.j2")
    return template.render(
        report=report,
        kind_noun=KIND_NOUNS[report.kind],
        css=stylesheet(),
        chart_html=lambda chart: chart_markup(chart, charts),
    )
