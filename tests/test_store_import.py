"""Importing resolutions: one transaction, idempotent, renewals linked, kill-safe."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

import mandate_tracker.track.documents as documents
from mandate_tracker.errors import ValidationError
from mandate_tracker.store import Workspace, open_workspace
from mandate_tracker.store.models import DocumentRow, IndicatorRow, ObligationRow
from mandate_tracker.track.obligations import update_obligation
from tests.tracking_factories import (
    RENEWAL,
    SEED_LIKE,
    content_of,
    import_into,
    register,
    resolution,
    source_of,
    table_contents,
)

ROOT = Path(__file__).resolve().parents[1]


def test_import_stores_document_register_and_proposed_indicators(workspace: Workspace) -> None:
    result = import_into(workspace)
    assert result.document_created and result.obligations_added == 4
    assert result.indicators_proposed == 1 and result.mission == "MINUSMA"
    with workspace.session() as session:
        doc = session.scalars(select(DocumentRow)).one()
        assert (doc.symbol, doc.mission, str(doc.mandate_end)) == (
            "S/2020/600",
            "MINUSMA",
            "2021-06-30",
        )
        assert doc.content["info"]["symbol"] == "S/2020/600"
        roadmap = session.get(ObligationRow, "S/2020/600#para-64")
        assert roadmap is not None
        assert (roadmap.due, roadmap.due_precision, str(roadmap.due_latest)) == (
            "2021-03-31",
            "day",
            "2021-03-31",
        )
        indicator = session.scalars(select(IndicatorRow)).one()
        assert indicator.code == "s-2020-600:para-3-dash-1:t1"
        assert (indicator.state, indicator.unit, indicator.direction) == (
            "proposed",
            "members",
            "higher",
        )
        assert [p.anchor for p in indicator.provisions] == ["para-3-dash-1"]
        [target] = indicator.targets
        assert (target.value, target.comparator, str(target.due)) == (2000, ">=", "2021-06-30")


def test_importing_the_same_document_again_changes_nothing(workspace: Workspace) -> None:
    import_into(workspace)
    before = table_contents(workspace)
    again = import_into(workspace)
    assert not again.changed and again.obligations_unchanged == 4
    assert table_contents(workspace) == before


def test_reimport_keeps_tracking_fields_and_logs_register_changes(workspace: Workspace) -> None:
    import_into(workspace)
    with workspace.session() as session:
        update_obligation(session, "S/2020/600#para-62", actor="ana", status="in-progress")
    doc = resolution(*SEED_LIKE)
    changed = [
        dataclasses.replace(ob, title="Quarterly report (corrected)")
        if ob.id.endswith("62")
        else ob
        for ob in register(doc)
    ]
    with workspace.session() as session:
        result = documents.store_document(
            session, doc, content_of(doc), changed, source_of(doc, " corrected"), actor="bo"
        )
    assert result.document_updated and result.obligations_updated == 1
    with workspace.session() as session:
        row = session.get(ObligationRow, "S/2020/600#para-62")
        assert row is not None
        assert (row.title, row.status) == ("Quarterly report (corrected)", "in-progress")


@pytest.mark.parametrize("order", [(SEED_LIKE, RENEWAL), (RENEWAL, SEED_LIKE)])
def test_a_renewal_links_to_its_predecessor_whatever_the_import_order(
    workspace: Workspace, order: tuple[tuple[object, ...], ...]
) -> None:
    for spec in order:
        import_into(workspace, spec)  # type: ignore[arg-type]
    with workspace.session() as session:
        rows = {row.symbol: row for row in session.scalars(select(DocumentRow))}
        assert rows["S/2021/570"].predecessor_id == rows["S/2020/600"].id
        assert rows["S/2020/600"].predecessor_id is None


def test_a_document_without_symbol_is_refused_and_nothing_stored(workspace: Workspace) -> None:
    doc = resolution(*SEED_LIKE)
    doc.info.symbol = None
    before = table_contents(workspace)
    with pytest.raises(ValidationError, match="no symbol"), workspace.session() as session:
        documents.store_document(
            session, doc, content_of(doc), register(doc), source_of(doc), actor="t"
        )
    assert table_contents(workspace) == before


def test_a_failure_late_in_the_import_rolls_everything_back(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_into(workspace, RENEWAL)
    before = table_contents(workspace)

    def broken(*args: object, **kwargs: object) -> bool:
        raise ValidationError("simulated failure after the obligations were written")

    monkeypatch.setattr(documents, "_propose_indicator", broken)
    with pytest.raises(ValidationError, match="simulated"):
        import_into(workspace, SEED_LIKE)
    assert table_contents(workspace) == before


KILLED_IMPORT = """
import sys, time
from pathlib import Path
sys.path[:0] = [{src!r}, {root!r}]
import mandate_tracker.analyse as analyse
import mandate_tracker.parse as parse
import mandate_tracker.track.documents as documents
from tests.tracking_factories import SEED_LIKE, content_of, register, resolution

doc = resolution(*SEED_LIKE)
parse.read_document = lambda path: doc
parse.document_to_dict = content_of
analyse.analyse_document = lambda d: d
analyse.derive_obligations = register
real = documents._upsert_obligation

def slow(session, *args, **kwargs):
    real(session, *args, **kwargs)
    session.flush()  # the rows are written to the database, inside the open transaction
    Path({marker!r}).write_text("inside the transaction")
    time.sleep(120)

documents._upsert_obligation = slow
from mandate_tracker.cli import main
main(["import", {source!r}, "--db", {url!r}])
"""


def test_killing_the_process_mid_import_leaves_the_database_as_before(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_into(workspace, RENEWAL)
    before = table_contents(workspace)
    url = workspace.url.render_as_string(hide_password=False)
    workspace.close()
    marker = tmp_path / "inside"
    source = tmp_path / "S-2020-600.txt"
    source.write_text("the resolution text", encoding="utf-8")
    script = KILLED_IMPORT.format(
        src=str(ROOT / "src"), root=str(ROOT), marker=str(marker),
        source=str(source), url=url,
    )  # fmt: skip
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the import ended before reaching the transaction"
            assert time.monotonic() < deadline, "the import never reached the transaction"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    reopened = open_workspace(url)
    try:
        assert table_contents(reopened) == before
    finally:
        reopened.close()


def test_a_target_repeated_on_parent_and_target_obligations_proposes_one_indicator() -> None:
    doc = resolution(*SEED_LIKE)
    [measure] = [ob for ob in register(doc) if ob.targets]
    child = dataclasses.replace(
        measure, id=f"{measure.id}#target-1", kind="target", parent=measure.id
    )
    other = dataclasses.replace(
        measure,
        id=f"{measure.id}#target-2",
        kind="target",
        targets=(dataclasses.replace(measure.targets[0], value=5, span=(10, 20)),),
    )
    found = documents.distinct_targets([measure, other, child])
    assert [(ob.id, target.value, n) for ob, target, n in found] == [
        (other.id, 5, 1),  # earlier in the provision's text: t1
        (child.id, 2000, 2),  # the target obligation wins over its parent
    ]
