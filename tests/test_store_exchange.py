"""Exchange with spreadsheets: exports, and all-or-nothing observation imports."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from mandate_tracker.cli import main
from mandate_tracker.errors import InputError
from mandate_tracker.store import Workspace
from mandate_tracker.store.models import EvidenceRow
from mandate_tracker.track.exchange import (
    RowsRejected,
    import_observations,
    indicators_table,
    obligations_table,
    observations_table,
    write_table,
)
from mandate_tracker.track.indicators import record_observation
from tests.tracking_factories import import_into, table_contents

PROPOSED = "s-2020-600:para-3-dash-1:t1"


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_export_csv_and_xlsx(workspace: Workspace, tmp_path: Path) -> None:
    import_into(workspace)
    with workspace.session() as session:
        record_observation(session, PROPOSED, 850, dt.date(2021, 1, 31), actor="a")
        tables = {
            "obligations": obligations_table(session),
            "indicators": indicators_table(session),
            "observations": observations_table(session),
        }
    for name, table in tables.items():
        write_table(table, tmp_path / f"{name}.csv")
        write_table(table, tmp_path / f"{name}.xlsx")
        with (tmp_path / f"{name}.csv").open(encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        sheet = load_workbook(tmp_path / f"{name}.xlsx").active
        cells = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert rows[0] == list(table.columns) == cells[0]
        assert len(rows) == len(cells) == len(table.rows) + 1
    with (tmp_path / "obligations.csv").open(encoding="utf-8") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    assert "S/2020/600#para-64" in ids and len(ids) == 4
    sheet = load_workbook(tmp_path / "observations.xlsx").active
    assert sheet["B2"].value == PROPOSED and sheet["C2"].value == 850
    assert sheet["D2"].value.date() == dt.date(2021, 1, 31)


def test_import_observations_from_csv(workspace: Workspace, tmp_path: Path) -> None:
    import_into(workspace)
    (tmp_path / "roll.pdf").write_bytes(b"%PDF roll")
    path = write_csv(
        tmp_path / "obs.csv",
        [
            ["indicator", "value", "as_of", "status", "note", "place", "evidence"],
            [PROPOSED, "1,200", "2021-01-31", "approved", "MDSF roll", "Gao", "roll.pdf"],
            [PROPOSED, "1500", "2021-03-31", "", "", "", "https://example.org/r"],
        ],
    )
    with workspace.session() as session:
        assert import_observations(session, path, actor="ana") == 2
        table = observations_table(session)
        proofs = session.scalars(select(EvidenceRow).order_by(EvidenceRow.id)).all()
        assert [(p.kind, p.location, p.content) for p in proofs] == [
            ("file", "roll.pdf", b"%PDF roll"),
            ("url", "https://example.org/r", None),
        ]
    assert [(r[2], str(r[3]), r[4], r[5], r[6]) for r in table.rows] == [
        (1200.0, "2021-01-31", "Gao", "approved", "MDSF roll"),
        (1500.0, "2021-03-31", None, "draft", None),
    ]


def test_every_bad_row_and_field_is_reported_and_nothing_stored(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_into(workspace)
    path = write_csv(
        tmp_path / "bad.csv",
        [
            ["indicator", "value", "as_of", "status"],
            [PROPOSED, "100", "2021-01-31", "approved"],  # fine, but must not be stored
            [PROPOSED, "many", "2021-02-30", "approved"],
            ["unknown-code", "5", "2021-01-31", "final"],
            ["", "1", "31/01/2021", ""],
        ],
    )
    before = table_contents(workspace)
    with pytest.raises(RowsRejected) as caught, workspace.session() as session:
        import_observations(session, path, actor="ana")
    found = {(p.row, p.field) for p in caught.value.problems}
    assert found == {
        (3, "value"),
        (3, "as_of"),
        (4, "indicator"),
        (4, "status"),
        (5, "indicator"),
        (5, "as_of"),
    }
    message = str(caught.value)
    assert str(path) in message and "row 3, field 'as_of'" in message
    assert "'2021-02-30' is not a date" in message
    assert table_contents(workspace) == before


def test_wrong_columns_are_reported_together(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "cols.csv", [["indicator", "amount", "date"], ["a", "1", "x"]])
    with pytest.raises(RowsRejected) as caught, workspace.session() as session:
        import_observations(session, path, actor="ana")
    assert {(p.row, p.field) for p in caught.value.problems} == {
        (1, "amount"),
        (1, "date"),
        (1, "value"),
        (1, "as_of"),
    }


def test_import_observations_from_xlsx_with_typed_cells(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_into(workspace)
    book = Workbook()
    sheet = book.active
    sheet.append(["Indicator", "Value", "As_Of", "Status"])
    sheet.append([PROPOSED, 1750, dt.datetime(2021, 5, 31), "submitted"])
    sheet.append([PROPOSED, "n/a", dt.datetime(2021, 6, 1), "submitted"])
    path = tmp_path / "obs.xlsx"
    book.save(path)
    with pytest.raises(RowsRejected) as caught, workspace.session() as session:
        import_observations(session, path, actor="ana")
    assert [(p.row, p.field) for p in caught.value.problems] == [(3, "value")]
    sheet.delete_rows(3)
    book.save(path)
    with workspace.session() as session:
        assert import_observations(session, path, actor="ana") == 1
        [row] = observations_table(session).rows
    assert (row[2], row[3], row[5]) == (1750.0, dt.date(2021, 5, 31), "submitted")


def test_garbage_xlsx_is_an_input_error(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a readable XLSX"), workspace.session() as session:
        import_observations(session, path, actor="ana")


def test_cli_export_and_import(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_into(workspace)
    url = workspace.url.render_as_string(hide_password=False)
    good = write_csv(
        tmp_path / "in.csv", [["indicator", "value", "as_of"], [PROPOSED, "3", "2021-01-01"]]
    )
    bad = write_csv(
        tmp_path / "bad.csv", [["indicator", "value", "as_of"], [PROPOSED, "x", "2021-01-01"]]
    )
    for argv, expected in [
        (["observations", "import", str(bad)], 2),
        (["observations", "import", str(good)], 0),
        (["export", "observations", str(tmp_path / "out.xlsx")], 0),
        (["export", "obligations", str(tmp_path / "out.csv"), "--owner", "Malian"], 0),
        (["export", "obligations", str(tmp_path / "out.txt")], 2),
    ]:
        with pytest.raises(SystemExit) as done:
            main([*argv, "--db", url])
        assert done.value.code == expected, argv
    err = capsys.readouterr().err
    assert "row 2, field 'value'" in err
    assert load_workbook(tmp_path / "out.xlsx").active.max_row == 2
    with (tmp_path / "out.csv").open(encoding="utf-8") as handle:
        assert [row["owner"] for row in csv.DictReader(handle)] == ["Malian parties"]


def test_text_that_looks_like_a_formula_stays_text_in_xlsx(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_into(workspace)
    with workspace.session() as session:
        record_observation(session, PROPOSED, 1, dt.date(2021, 1, 1), actor="a",
                           note='=HYPERLINK("http://example.org","x")')  # fmt: skip
        write_table(observations_table(session), tmp_path / "obs.xlsx")
    cell = load_workbook(tmp_path / "obs.xlsx").active["G2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://example.org","x")'
