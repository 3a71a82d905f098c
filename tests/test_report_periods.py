"""The reporting calendar: the Nth report covers the months before its due date."""

from __future__ import annotations

import datetime as dt

import pytest

from mandate_tracker.errors import InputError
from mandate_tracker.report.definitions import report_definition
from mandate_tracker.report.periods import (
    Mandate,
    mandate_of,
    reporting_calendar,
    select_period,
)
from tests.report_inputs import seed_document

D = dt.date


@pytest.fixture(scope="module")
def mandate() -> Mandate:
    return mandate_of(seed_document())


def test_the_mandate_runs_from_adoption_to_the_extension_date(mandate: Mandate) -> None:
    assert mandate == Mandate(D(2020, 6, 29), D(2021, 6, 30))


def test_quarterly_reports_fall_due_every_three_months_from_adoption(mandate: Mandate) -> None:
    quarterly = report_definition(seed_document(), "quarterly")
    periods = reporting_calendar(quarterly, mandate)
    assert [p.due for p in periods] == [D(2020, 9, 29), D(2020, 12, 29), D(2021, 3, 29),
                                        D(2021, 6, 29)]  # fmt: skip
    second = periods[1]
    assert (second.number, second.start, second.end) == (2, D(2020, 9, 29), D(2020, 12, 28))
    assert periods[0].start == D(2020, 6, 29)


def test_letters_fall_due_every_six_months_and_the_roadmap_once(mandate: Mandate) -> None:
    doc = seed_document()
    letters = reporting_calendar(report_definition(doc, "letter"), mandate)
    assert [p.due for p in letters] == [D(2020, 12, 29), D(2021, 6, 29)]
    (roadmap,) = reporting_calendar(report_definition(doc, "roadmap"), mandate)
    assert (roadmap.start, roadmap.end, roadmap.due) == (D(2020, 6, 29), D(2021, 3, 30),
                                                         D(2021, 3, 31))  # fmt: skip


@pytest.mark.parametrize(
    ("name", "number", "due"),
    [("2020Q4", 2, D(2020, 12, 29)), ("2020q3", 1, D(2020, 9, 29)), ("2021Q2", 4, D(2021, 6, 29))],
)
def test_a_named_quarter_picks_the_report_due_in_it(
    mandate: Mandate, name: str, number: int, due: dt.date
) -> None:
    period = select_period(report_definition(seed_document(), "quarterly"), mandate, period=name)
    assert (period.number, period.due, period.as_of) == (number, due, due - dt.timedelta(days=1))


def test_an_as_of_date_picks_the_report_in_preparation_and_cuts_the_data(
    mandate: Mandate,
) -> None:
    quarterly = report_definition(seed_document(), "quarterly")
    period = select_period(quarterly, mandate, as_of=D(2020, 11, 15))
    assert (period.number, period.as_of, period.end) == (2, D(2020, 11, 15), D(2020, 12, 28))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"period": "2019Q4"}, "outside the mandate"),
        ({"period": "2022Q1"}, "outside the mandate"),
        ({"as_of": D(2021, 9, 1)}, "outside the mandate"),
        ({"as_of": D(2020, 1, 1)}, "outside the mandate"),
        ({"period": "Q4-2020"}, "not a period"),
        ({"period": "2020Q4", "as_of": D(2020, 11, 1)}, "not both"),
    ],
)
def test_periods_the_mandate_does_not_cover_are_refused(
    mandate: Mandate, options: dict[str, object], message: str
) -> None:
    quarterly = report_definition(seed_document(), "quarterly")
    with pytest.raises(InputError, match=message):
        select_period(quarterly, mandate, **options)  # type: ignore[arg-type]


def test_a_quarter_inside_the_mandate_without_a_letter_due_names_the_due_dates(
    mandate: Mandate,
) -> None:
    letter = report_definition(seed_document(), "letter")
    with pytest.raises(InputError, match="fall due on 2020-12-29, 2021-06-29"):
        select_period(letter, mandate, period="2020Q3")


def test_without_a_choice_the_latest_report_due_is_taken(mandate: Mandate) -> None:
    quarterly = report_definition(seed_document(), "quarterly")
    assert select_period(quarterly, mandate, today=D(2021, 1, 10)).number == 2
    assert select_period(quarterly, mandate, today=D(2026, 1, 1)).number == 4


def test_the_mandate_end_the_workspace_knows_wins_over_the_text() -> None:
    assert mandate_of(seed_document(), D(2021, 3, 31)).ends == D(2021, 3, 31)
