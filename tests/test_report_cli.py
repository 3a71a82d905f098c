"""`mandate report`: one command per report kind, a clear line and exit code on bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mandate_tracker.cli import main
from tests.helpers import SEED


def run(
    capsys: pytest.CaptureFixture[str], *args: str, command: str = "report"
) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main([command, *args])
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def on_file(*args: str) -> list[str]:
    """A report drafted from the resolution file alone, without a workspace."""
    return [*args, "--file", str(SEED)]


def test_report_writes_the_docx_named_by_the_output_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    target = tmp_path / "letter.docx"
    code, out, err = run(capsys, *on_file("letter", "--period", "2021Q2", "-o", str(target)))
    assert code == 0, err
    assert "letter no. 2 under S/2020/600 paragraph 63" in out
    assert "holds no obligations or indicators" in err  # a file alone has no tracked data
    document = docx.Document(io.BytesIO(target.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[1:] == [
        "II. Mission operations, security challenges and the adaptation plan",
        "III. Performance and rotations of uniformed personnel",
        "IV. The integrated strategic framework and transition",
    ]
    assert not list(tmp_path.glob("*.part"))


def test_report_as_of_a_day_in_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "q.out"
    code, _, err = run(
        capsys, *on_file("quarterly", "--as-of", "2020-11-15", "-f", "html", "-o", str(target))
    )
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert "29 September 2020 to 28 December 2020" in html and "15 November 2020" in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quarterly", "--period", "2022Q3"], "2022Q3 is outside the mandate"),
        (["quarterly", "--as-of", "2020-02-30"], "--as-of: '2020-02-30' is not a date"),
        (["quarterly", "--as-of", "2019-05-01"], "outside the mandate"),
        (["roadmap", "--period", "2020Q4"], "no roadmap report falls due in 2020Q4"),
    ],
)
def test_bad_periods_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    target = tmp_path / "r.pdf"
    code, _, err = run(capsys, *on_file(*args, "-o", str(target)))
    assert code == 2
    assert message in " ".join(err.split())
    assert not target.exists()


def test_an_unknown_suffix_asks_for_a_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *on_file("quarterly", "-o", str(tmp_path / "r.txt")))
    assert code == 2 and "give --format html, pdf or docx" in err


def test_a_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *on_file("quarterly", "-o", str(tmp_path / "nowhere" / "r.html")))
    assert code == 2 and "the folder does not exist" in err


def test_report_and_narrative_on_a_workspace(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    assert run(capsys, "--db", db_url, command="init")[0] == 0
    assert run(capsys, str(SEED), "--db", db_url, command="import")[0] == 0
    code, out, err = run(
        capsys, "quarterly", "(iv)", "--period", "2020Q4",
        "--text", "Radio Mikado reached new audiences.", "--db", db_url, command="narrative",
    )  # fmt: skip
    assert code == 0, err
    assert "S/2020/600 quarterly report no. 2 (due 2020-12-29) (iv): version 1" in out
    code, out, _ = run(
        capsys, "quarterly", "(iv)", "--period", "2020Q4", "--db", db_url, command="narrative"
    )
    assert "Radio Mikado reached new audiences." in out
    target = tmp_path / "q.pdf"
    code, out, err = run(
        capsys, "quarterly", "--period", "2020Q4", "--db", db_url, "-o", str(target)
    )
    assert code == 0, err
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "Radio Mikado reached new audiences." in text
    # the four priority measures of paragraph 3 come from the imported register
    assert "achieve significant results towards the completion of the disarmament" in text
    code, _, err = run(
        capsys, "quarterly", "(ix)", "--text", "x", "--db", db_url, command="narrative"
    )
    assert code == 2 and "no section '(ix)'" in err
