"""`mandate obligations extract FILE --format json|csv|md` and `mandate parse --format akn`."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from mandate_tracker.cli import main
from tests.helpers import SEED


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_extract_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["obligations", "extract", str(SEED), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["document"] == {
        "symbol": "S/2020/600",
        "date": "2020-06-29",
        "source": data["document"]["source"],
    }
    by_id = {o["id"]: o for o in data["obligations"]}
    roadmap = by_id["S/2020/600#para-64#c1#benchmark"]
    assert (roadmap["owner"], roadmap["due"]) == ("Secretary-General", "2021-03-31")


def test_bare_file_means_extract_and_stdin_works(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, by_file, _ = run(["obligations", str(SEED), "--format", "csv"], capsys)
    assert code == 0
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes()), encoding="utf-8")
    )
    code, by_stdin, _ = run(["obligations", "extract", "-", "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(by_stdin)))
    assert [r["id"] for r in rows] == [r["id"] for r in csv.DictReader(io.StringIO(by_file))]
    quarterly = next(r for r in rows if r["id"] == "S/2020/600#para-62#c1#report")
    assert (quarterly["recurrence"], quarterly["owner"]) == ("P3M", "Secretary-General")


def test_extract_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["obligations", "extract", str(SEED), "-f", "md"], capsys)
    assert code == 0
    assert out.startswith("# Obligations of S/2020/600\n")
    assert "| S/2020/600#para-16#c1#decision | decision | Security Council | 2021-06-30 |" in out


def test_missing_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["obligations", "extract", "/no/such/resolution.txt"], capsys)
    assert code != 0 and out == ""
    assert "/no/such/resolution.txt" in err


def test_parse_akn(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["parse", str(SEED), "--format", "akn"], capsys)
    assert code == 0
    assert '<statement name="resolution">' in out
    assert 'eId="para_28__list_1__point_c"' in out
