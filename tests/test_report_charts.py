"""One chart per indicator: actual values against the planned path to the target."""

from __future__ import annotations

import datetime as dt
import json

from mandate_tracker.report.charts import (
    ACTUAL,
    TARGET,
    chart_png,
    chart_rows,
    chart_svg,
    make_chart,
)
from tests.report_inputs import seed_workspace


def test_rows_are_the_latest_value_per_period_up_to_the_cut_off_and_the_planned_path() -> None:
    ddr = seed_workspace().indicators[0]
    rows = chart_rows(ddr, dt.date(2020, 12, 31))
    actual = [(r["period"], r["value"]) for r in rows if r["series"] == ACTUAL]
    planned = [(r["period"], r["value"]) for r in rows if r["series"] == TARGET]
    assert actual == [("2020-06-29", 0), ("2020-09-28", 300), ("2020-12-28", 650)]
    assert planned == [("2020-06-29", 0), ("2021-06-30", 2000)]


def test_the_chart_is_a_vega_lite_spec_rendered_offline_to_svg_and_png() -> None:
    chart = make_chart(seed_workspace().indicators[0], dt.date(2021, 3, 31))
    spec = json.loads(chart.spec)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert spec["title"] == "P3-DDR: Members of armed groups integrated in the MDSF"
    svg = chart_svg(chart)
    assert svg.startswith("<svg") and "Members of armed groups integrated" in svg
    assert ACTUAL in svg and TARGET in svg  # the legend names both series
    png = chart_png(chart)
    assert png.startswith(b"\x89PNG")
    width = int.from_bytes(png[16:20], "big")
    assert width >= 900  # rendered at twice the spec's size for print
