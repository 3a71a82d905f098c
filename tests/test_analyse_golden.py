"""The analysed seed and its obligations register, pinned by golden files.

Regenerate with `python scripts/regenerate_analysis_golden.py` after a deliberate change, and
read the diff: every changed line is a changed fact about S/2020/600.
"""

from __future__ import annotations

import json

from mandate_tracker.analyse import analyse_document, derive_obligations
from mandate_tracker.cli.obligations_cmd import RegisterFormat, render_register
from mandate_tracker.parse import document_to_dict, read_document
from mandate_tracker.parse.schema import validate_document_json
from tests.helpers import ROOT, SEED

ANALYSED = ROOT / "tests" / "golden" / "S-2020-600.analysed.json"
OBLIGATIONS = ROOT / "tests" / "golden" / "S-2020-600.obligations.json"


def analysed_json() -> str:
    data = document_to_dict(analyse_document(read_document(SEED)))
    data["source"] = SEED.name
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def obligations_json() -> str:
    doc = analyse_document(read_document(SEED))
    doc.source_name = SEED.name
    return render_register(doc, derive_obligations(doc), RegisterFormat.json)


def test_analysed_seed_matches_the_golden_file() -> None:
    assert json.loads(analysed_json()) == json.loads(ANALYSED.read_text(encoding="utf-8"))


def test_analysed_seed_follows_the_json_contract() -> None:
    validate_document_json(json.loads(analysed_json()))


def test_obligations_match_the_golden_file() -> None:
    assert json.loads(obligations_json()) == json.loads(OBLIGATIONS.read_text(encoding="utf-8"))
