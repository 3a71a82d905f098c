"""Exchange with spreadsheets: export the register, indicators and observations to CSV or XLSX;
import observations from CSV or XLSX, all or nothing.

An import checks every row before writing any: a wrong header, an unknown indicator, a value that
is not a number, a date that does not exist. Every problem found is reported at once (row and
field named, rows counted as in the spreadsheet: the header is row 1), and nothing is stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandate_tracker.errors import InputError, ValidationError
from mandate_tracker.store.models import IndicatorRow, ObservationRow
from mandate_tracker.track.indicators import list_indicators, record_observation
from mandate_tracker.track.obligations import EvidenceInput, list_obligations

OBSERVATION_COLUMNS = ("indicator", "value", "as_of", "place", "status", "note", "evidence")
REQUIRED_COLUMNS = ("indicator", "value", "as_of")
IMPORT_STATUSES = ("draft", "submitted", "approved")
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Problem:
    row: int | None  # spreadsheet row (header = 1); None for the file as a whole
    field: str | None
    message: str

    def __str__(self) -> str:
        place = ", ".join(
            part
            for part in (
                f"row {self.row}" if self.row is not None else "",
                f"field {self.field!r}" if self.field else "",
            )
            if part
        )
        return f"{place}: {self.message}" if place else self.message


class RowsRejected(ValidationError):
    """An import found problems; ``problems`` lists every one, nothing was stored."""

    def __init__(self, problems: Sequence[Problem], *, where: str) -> None:
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"{len(problems)} problem(s), nothing imported:\n{lines}", where=where)
        self.problems = list(problems)


# --- export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def obligations_table(session: Session, **filters: Any) -> Table:
    columns = (
        "id", "document", "paragraph", "anchor", "kind", "title", "owner", "due", "recurrence",
        "status", "assignee", "notes", "version",
    )  # fmt: skip
    views = list_obligations(session, **filters)
    return Table(columns, [tuple(getattr(view, name) for name in columns) for view in views])


def indicators_table(session: Session) -> Table:
    columns = (
        "code", "name", "unit", "direction", "baseline_value", "baseline_date", "source",
        "frequency", "owner", "state", "provisions", "targets",
    )  # fmt: skip
    rows = []
    for row in list_indicators(session):
        rows.append(
            (
                row.code, row.name, row.unit, row.direction, row.baseline_value,
                row.baseline_date, row.source, row.frequency, row.owner, row.state,
                " ".join(link.anchor for link in row.provisions),
                "; ".join(f"{t.comparator}{t.value:g} by {t.due}" for t in row.targets),
            )
        )  # fmt: skip
    return Table(columns, rows)


def observations_table(session: Session, indicator: str | None = None) -> Table:
    columns = (
        "id", "indicator", "value", "as_of", "place", "status", "note", "entered_by", "entered_at",
        "review_comment", "reviewed_by", "version",
    )  # fmt: skip
    query = (
        select(ObservationRow, IndicatorRow.code)
        .join(IndicatorRow)
        .order_by(IndicatorRow.code, ObservationRow.as_of, ObservationRow.id)
    )
    if indicator is not None:
        query = query.where(IndicatorRow.code == indicator)
    rows = [
        (
            obs.id, code, obs.value, obs.as_of, obs.place, obs.review_status, obs.note,
            obs.entered_by, obs.entered_at.replace(tzinfo=None), obs.review_comment,
            obs.reviewed_by, obs.version,
        )
        for obs, code in session.execute(query)
    ]  # fmt: skip
    return Table(columns, rows)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def write_table(table: Table, path: Path, fmt: str | None = None) -> None:
    fmt = fmt or format_of(path)
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            writer.writerows([_cell_text(v) for v in row] for row in table.rows)
        return
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(table.columns))
    for row in table.rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.data_type == "f":  # text such as "=HYPERLINK(...)" stays text, never a formula
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    book.save(path)


def format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError("use a .csv or .xlsx file", where=str(path))
    return suffix


# --- import -------------------------------------------------------------------------------


def read_rows(path: Path) -> tuple[list[str], list[list[Any]]]:
    """The header and data rows of a CSV (UTF-8) or XLSX (first sheet) file."""
    fmt = format_of(path)
    try:
        if fmt == "csv":
            text = path.read_text(encoding="utf-8-sig")
            rows: list[list[Any]] = [list(r) for r in csv.reader(io.StringIO(text))]
        else:
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
            book.close()
    except UnicodeDecodeError as error:
        raise InputError("not UTF-8 text", where=str(path)) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", where=str(path)) from error
    except Exception as error:  # openpyxl raises zipfile/KeyError/ValueError on junk
        raise InputError(f"not a readable XLSX workbook ({error})", where=str(path)) from error
    rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if not rows:
        raise ValidationError("the file is empty (no header row)", where=str(path))
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    return header, rows[1:]


@dataclass(frozen=True)
class ObservationInput:
    row: int
    indicator: str
    value: float
    as_of: dt.date
    status: str
    note: str | None
    evidence: str | None
    place: str | None = None


def parse_value(raw: Any) -> float:
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip().replace(",", "")
    number = float(text)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError
    return number


def parse_day(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    return dt.date.fromisoformat(str(raw).strip())


def check_rows(
    header: list[str], rows: list[list[Any]], known: set[str]
) -> tuple[list[ObservationInput], list[Problem]]:
    problems: list[Problem] = []
    for position, name in enumerate(header, start=1):
        if name not in OBSERVATION_COLUMNS:
            problems.append(
                Problem(
                    1,
                    name or f"column {position}",
                    f"unknown column; expected {OBSERVATION_COLUMNS}",
                )
            )
    for name in REQUIRED_COLUMNS:
        if name not in header:
            problems.append(Problem(1, name, "required column is missing"))
    if problems:
        return [], problems
    found: list[ObservationInput] = []
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, [*row, *[None] * (len(header) - len(row))], strict=False))
        if len(row) > len(header) and any(c not in (None, "") for c in row[len(header) :]):
            problems.append(Problem(number, None, "more cells than the header has columns"))
        item = _check_row(number, cells, known, problems)
        if item is not None:
            found.append(item)
    return found, problems


def _check_row(
    number: int, cells: dict[str, Any], known: set[str], problems: list[Problem]
) -> ObservationInput | None:
    before = len(problems)
    code = str(cells.get("indicator") or "").strip()
    if not code:
        problems.append(Problem(number, "indicator", "empty"))
    elif code not in known:
        problems.append(Problem(number, "indicator", f"no indicator {code!r} in the workspace"))
    value = 0.0
    try:
        value = parse_value(cells.get("value"))
    except (TypeError, ValueError):
        problems.append(Problem(number, "value", f"{cells.get('value')!r} is not a number"))
    day = dt.date.min
    try:
        day = parse_day(cells.get("as_of"))
    except (TypeError, ValueError):
        problems.append(
            Problem(
                number, "as_of", f"{cells.get('as_of')!r} is not a date (YYYY-MM-DD) that exists"
            )
        )
    status = str(cells.get("status") or "draft").strip().lower()
    if status not in IMPORT_STATUSES:
        problems.append(Problem(number, "status", f"{status!r} is not one of {IMPORT_STATUSES}"))
    if len(problems) > before:
        return None
    note = str(cells["note"]).strip() if cells.get("note") not in (None, "") else None
    evidence = str(cells["evidence"]).strip() if cells.get("evidence") not in (None, "") else None
    place = str(cells["place"]).strip() if cells.get("place") not in (None, "") else None
    return ObservationInput(number, code, value, day, status, note, evidence, place)


def relative_to(folder: Path, reference: str) -> str:
    """A URL as it is; a relative file path is read from the spreadsheet's own folder."""
    if "://" in reference or Path(reference).is_absolute():
        return reference
    return str(folder / reference)


def import_observations(session: Session, path: Path, *, actor: str) -> int:
    """Store every observation of the file, or none: raises :class:`RowsRejected`."""
    header, rows = read_rows(path)
    known = set(session.scalars(select(IndicatorRow.code)))
    items, problems = check_rows(header, rows, known)
    evidence: dict[int, EvidenceInput] = {}
    for item in items:
        if item.evidence:
            try:
                evidence[item.row] = EvidenceInput.from_argument(
                    relative_to(path.parent, item.evidence)
                )
            except InputError as error:
                problems.append(Problem(item.row, "evidence", error.message))
    if problems:
        raise RowsRejected(problems, where=str(path))
    for item in items:
        record_observation(
            session,
            item.indicator,
            item.value,
            item.as_of,
            actor=actor,
            status=item.status,
            note=item.note,
            evidence=evidence.get(item.row),
            place=item.place,
        )
    return len(items)
