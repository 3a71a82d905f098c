"""The built-in example, S/2020/600, through the real reader (and the analysis once it lands)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

import mandate_tracker.analyse as analyse
from mandate_tracker.cli import main
from mandate_tracker.parse import document_to_dict, read_document
from mandate_tracker.store import Workspace
from mandate_tracker.store.models import DocumentRow
from mandate_tracker.track.calendar import workspace_calendar
from mandate_tracker.track.documents import SourceFile, store_document
from tests.tracking_factories import table_contents

SEED = Path(__file__).resolve().parents[1] / "src/mandate_tracker/data/examples/S-2020-600.txt"
needs_analysis = pytest.mark.skipif(
    not hasattr(analyse, "derive_obligations"), reason="the analysis stage has not landed yet"
)


def test_the_parsed_seed_is_stored_with_mission_and_mandate_end(workspace: Workspace) -> None:
    doc = read_document(SEED)
    with workspace.session() as session:
        result = store_document(
            session, doc, document_to_dict(doc), [], SourceFile(SEED.name, SEED.read_bytes()),
            actor="t",
        )  # fmt: skip
    assert (result.symbol, result.mission) == ("S/2020/600", "MINUSMA")
    with workspace.session() as session:
        row = session.scalars(select(DocumentRow)).one()
        assert (row.date, row.mandate_end) == (dt.date(2020, 6, 29), dt.date(2021, 6, 30))
        assert row.source_text == SEED.read_text(encoding="utf-8")
        assert row.content["document"]["symbol"] == "S/2020/600"


@needs_analysis
def test_cli_import_of_the_seed_is_idempotent_and_gives_its_calendar(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    url = workspace.url.render_as_string(hide_password=False)
    with pytest.raises(SystemExit) as done:
        main(["import", str(SEED), "--db", url])
    assert done.value.code == 0, capsys.readouterr().err
    before = table_contents(workspace)
    with pytest.raises(SystemExit) as done:
        main(["import", str(SEED), "--db", url])
    assert done.value.code == 0 and "nothing changed" in capsys.readouterr().out
    assert table_contents(workspace) == before
    with workspace.session() as session:
        quarterly = sorted({e.date for e in workspace_calendar(session) if e.paragraph == "62"})
    assert quarterly == [
        dt.date(2020, 9, 29),
        dt.date(2020, 12, 29),
        dt.date(2021, 3, 29),
        dt.date(2021, 6, 29),
    ]
