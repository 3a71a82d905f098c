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


@pytest.mark.corpus
@needs_analysis
def test_the_2022_minusma_draft_renews_the_seed(workspace: Workspace, shared_data: Path) -> None:
    """A real later MINUSMA text links to S/2020/600. The draft carries no symbol or date, so
    the test gives it those of resolution 2640 (2022), the resolution it is inferred to be."""
    import json

    from mandate_tracker.analyse import analyse_document, derive_obligations
    from mandate_tracker.parse import parse_text

    drafts = shared_data / "unsc-resolutions" / "unbench-drafts" / "data" / "task3.json"
    text = json.loads(drafts.read_text(encoding="utf-8"))["drafts"][8]
    seed = analyse_document(read_document(SEED))
    later = analyse_document(parse_text(text, "task3.json[8]"))
    later.info.symbol, later.info.date = "S/RES/2640(2022)", dt.date(2022, 6, 29)
    with workspace.session() as session:
        for doc, data in ((later, text.encode()), (seed, SEED.read_bytes())):
            store_document(
                session, doc, document_to_dict(doc), derive_obligations(doc),
                SourceFile(doc.source_name, data), actor="t",
            )  # fmt: skip
    with workspace.session() as session:
        rows = {row.symbol: row for row in session.scalars(select(DocumentRow))}
        renewal = rows["S/RES/2640(2022)"]
        assert (renewal.mission, renewal.mandate_end) == ("MINUSMA", dt.date(2023, 6, 30))
        assert renewal.predecessor_id == rows["S/2020/600"].id


@needs_analysis
def test_the_seed_proposes_one_indicator_per_target_in_the_text(workspace: Workspace) -> None:
    from mandate_tracker.store.models import IndicatorRow
    from mandate_tracker.track.documents import import_file

    with workspace.session() as session:
        result = import_file(session, SEED, actor="t")
    assert result.mission == "MINUSMA"
    with workspace.session() as session:
        found = {
            row.code: (row.targets[0].value, row.targets[0].comparator, row.obligation_id)
            for row in session.scalars(select(IndicatorRow))
        }
    assert found["s-2020-600:para-3-dash-1:t1"][:2] == (2000, ">=")
    assert found["s-2020-600:para-17:t1"][:2] == (13289, "<=")
    assert found["s-2020-600:para-17:t2"][:2] == (1920, "<=")
    assert all(obligation and "#target-" in obligation for *_, obligation in found.values())
    assert len(found) == result.indicators_proposed == 5
