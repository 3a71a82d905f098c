"""One chart per indicator: actual values against targets per period.

The chart is a Vega-Lite specification built with Altair and rendered offline, to SVG (inline in
HTML and PDF) and PNG (in DOCX), by vl-convert: a self-contained binary of the Vega renderer with
no browser, no Node.js and no network.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

from mandate_tracker.errors import RenderError
from mandate_tracker.report.model import Chart
from mandate_tracker.report.workspace import Indicator

ACTUAL, TARGET = "Actual", "Target"
UN_BLUE, TARGET_GREY = "#009edb", "#6b6b6b"
WIDTH, HEIGHT = 460, 180
PNG_SCALE = 2  # 920 px across 15.5 cm: about 150 dpi in print


def chart_rows(indicator: Indicator, period_end: dt.date) -> list[dict[str, Any]]:
    """The values to plot: observations and targets up to (targets: beyond) the period."""
    rows: list[dict[str, Any]] = []
    if indicator.baseline is not None and indicator.baseline_date is not None:
        rows.append(_row(indicator.baseline_date, indicator.baseline, ACTUAL))
    latest_by_period: dict[dt.date, float] = {}
    for observation in sorted(indicator.observations, key=lambda o: o.recorded_at):
        if observation.period_end <= period_end:
            latest_by_period[observation.period_end] = observation.value
    rows.extend(_row(day, value, ACTUAL) for day, value in sorted(latest_by_period.items()))
    targets = sorted(indicator.targets, key=lambda t: t.due)
    rows.extend(_row(t.due, t.value, TARGET) for t in targets)
    return rows


def _row(day: dt.date, value: float, series: str) -> dict[str, Any]:
    return {"period": day.isoformat(), "value": value, "series": series}


def chart_spec(indicator: Indicator, period_end: dt.date) -> dict[str, Any]:
    """The Vega-Lite specification of an indicator's chart, as a plain dictionary."""
    import altair as alt

    data = {"values": chart_rows(indicator, period_end)}
    colour = alt.Color(
        "series:N",
        scale=alt.Scale(domain=[ACTUAL, TARGET], range=[UN_BLUE, TARGET_GREY]),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    base = alt.Chart(data).encode(
        x=alt.X("period:T", title="Period ending", axis=alt.Axis(format="%b %Y")),
        y=alt.Y("value:Q", title=indicator.unit or "value"),
        color=colour,
        tooltip=["series:N", "period:T", "value:Q"],
    )
    lines = base.mark_line(point=True).encode(
        strokeDash=alt.StrokeDash(
            "series:N",
            scale=alt.Scale(domain=[ACTUAL, TARGET], range=[[1, 0], [5, 3]]),
            legend=None,
        )
    )
    chart = lines.properties(
        width=WIDTH, height=HEIGHT, title=f"{indicator.code}: {indicator.name}"
    ).configure_view(stroke=None)
    spec: dict[str, Any] = chart.to_dict()
    spec.setdefault("config", {}).update({"font": "DejaVu Sans"})
    return spec


def make_chart(indicator: Indicator, period_end: dt.date) -> Chart:
    return Chart(
        indicator=indicator.code,
        title=f"{indicator.code}: {indicator.name}",
        spec=json.dumps(chart_spec(indicator, period_end), sort_keys=True),
    )


def chart_svg(chart: Chart) -> str:
    return _svg(chart.spec)


def chart_png(chart: Chart) -> bytes:
    return _png(chart.spec)


@lru_cache(maxsize=256)
def _svg(spec: str) -> str:
    return str(_convert("vegalite_to_svg", spec))


@lru_cache(maxsize=256)
def _png(spec: str) -> bytes:
    return bytes(_convert("vegalite_to_png", spec, scale=PNG_SCALE))


def _convert(function: str, spec: str, **options: Any) -> Any:
    """Call vl-convert, or raise a :class:`RenderError` saying what is wrong and how to fix it."""
    try:
        import vl_convert
    except ImportError as error:
        raise RenderError(
            "the chart renderer vl-convert is not installed, so charts cannot be drawn: "
            "install it with `pip install vl-convert-python`"
        ) from error
    try:
        return getattr(vl_convert, function)(json.loads(spec), **options)
    except Exception as error:  # vl-convert raises plain ValueError on a bad spec
        raise RenderError(f"the chart could not be rendered: {error}") from error
