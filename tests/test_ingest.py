"""Reading sources: text and PDF, and every kind of bad input with a clear error."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandate_tracker.errors import NotAResolutionError, SourceError
from mandate_tracker.ingest import read_source
from mandate_tracker.ingest.source import MAX_SOURCE_BYTES, _control_bytes, decode_text
from mandate_tracker.parse import document_to_dict, read_document
from tests.helpers import ROOT, SEED, text_to_pdf

MINIMAL = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n ", "file is empty"),
        ("image.bin", bytes(range(256)) * 4, "binary data"),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "not a readable PDF"),
    ],
)
def test_unreadable_sources_are_refused_naming_the_file(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert message in caught.value.message
    assert caught.value.where == str(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="is a directory"):
        read_source(tmp_path)


def test_huge_input_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: costs no disk or memory
        stream.truncate(MAX_SOURCE_BYTES + 1)
    with pytest.raises(SourceError, match="limit"):
        read_source(path)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    data = text_to_pdf(
        MINIMAL, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw="user"
    )
    with pytest.raises(SourceError, match="encrypted"):
        read_source(write(tmp_path, "locked.pdf", data))


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 200, 200), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    with pytest.raises(SourceError, match="no text layer"):
        read_source(write(tmp_path, "scan.pdf", doc.tobytes()))


def test_text_that_is_not_a_resolution(tmp_path: Path) -> None:
    path = write(tmp_path, "letter.txt", b"Dear colleagues,\n\nPlease find attached the minutes.\n")
    with pytest.raises(NotAResolutionError, match="The Security Council"):
        read_document(path)


def test_resolution_without_operative_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path, "preamble.txt", b"The Security Council,\n\nRecalling its resolutions,\n")
    with pytest.raises(NotAResolutionError, match="operative paragraphs"):
        read_document(path)


def test_pdf_of_the_seed_reads_like_its_text(tmp_path: Path) -> None:
    # The base-14 PDF font cannot encode curly quotes or en dashes; the reader takes ASCII too.
    text = SEED.read_text(encoding="utf-8").translate(str.maketrans("’‘“”–", "''\"\"-"))
    pdf = write(tmp_path, "S-2020-600.pdf", text_to_pdf(text))
    from_pdf = read_document(pdf)
    from_text = read_document(SEED)
    pdf_dict, text_dict = (
        without_lines(document_to_dict(from_pdf)),
        without_lines(document_to_dict(from_text)),
    )
    for key in ("document", "headings", "preamble", "paragraphs"):
        assert pdf_dict[key] == text_dict[key], key
    assert len(from_pdf.paragraphs) == 65


def without_lines(value: object) -> object:
    """The same JSON without line numbers, which page breaks shift."""
    if isinstance(value, dict):
        return {k: without_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def test_utf8_bom_and_windows_line_endings(tmp_path: Path) -> None:
    data = "\ufeff" + MINIMAL.replace("\n", "\r\n")
    doc = read_document(write(tmp_path, "bom.txt", data.encode("utf-8")))
    assert [p.verb for p in doc.paragraphs] == ["Decides"]
    assert doc.preamble[0].verb == "Recalling"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.txt", b"", "empty.txt: file is empty"),
        ("image.bin", bytes(range(256)) * 4, "image.bin: binary data"),
        ("letter.txt", b"Dear colleagues,\nhello\n", "letter.txt: not a Security Council"),
    ],
)
def test_cli_reports_bad_input_in_one_line_with_exit_code_2(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = write(tmp_path, name, data)
    result = subprocess.run(
        [sys.executable, "-m", "mandate_tracker", "parse", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_parse_writes_its_output_whole_with_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    from mandate_tracker.cli import main

    out = tmp_path / "seed.md"
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(SEED), "--format", "md", "-o", str(out)])
    assert exit_info.value.code == 0
    assert out.read_text(encoding="utf-8").startswith("# S/2020/600")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["seed.md"]  # no temporary file left


def test_parse_prints_the_tree_once_and_nothing_when_writing_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mandate_tracker.cli import main

    with pytest.raises(SystemExit):
        main(["parse", str(SEED)])
    printed = capsys.readouterr().out
    assert printed.count("S/2020/600 · draft resolution · 2020-06-29") == 1
    assert "├── 28. Decides — Decides that MINUSMA's mandate shall include" in printed
    with pytest.raises(SystemExit):
        main(["parse", str(SEED), "-o", str(tmp_path / "tree.txt")])
    assert capsys.readouterr().out == ""
    assert (tmp_path / "tree.txt").read_text(encoding="utf-8") == printed


# Text with a few control characters (a stray form feed, an escape) is text; many make it binary.
@pytest.mark.parametrize(
    ("controls", "binary"),
    [(0, False), (8, False), (9, False), (40, True)],
)
def test_control_characters_beyond_a_few_mean_binary(controls: int, binary: bool) -> None:
    data = ("Décide de proroger le mandat. " * 100 + "\x1b" * controls).encode("utf-8")
    if binary:
        with pytest.raises(SourceError, match="binary data"):
            decode_text(data, "x.txt")
    else:
        assert decode_text(data, "x.txt").count("\x1b") == controls


@given(st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=200))
def test_control_characters_are_counted_in_the_bytes_as_the_class_counts_them(text: str) -> None:
    """In UTF-8 and in Windows-1252 alike, each control character is one byte of its own."""
    expected = len(re.findall(r"[\x00-\x08\x0e-\x1f]", text))
    assert _control_bytes(text.encode("utf-8")) == expected
    assert _control_bytes(text.encode("cp1252", errors="ignore")) == len(
        re.findall(r"[\x00-\x08\x0e-\x1f]", text.encode("cp1252", errors="ignore").decode("cp1252"))
    )
