"""`mandate report`: one command per report kind, a clear line and exit code on bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mandate_tracker.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(["report", *args])
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def test_report_writes_the_docx_named_by_the_output_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    target = tmp_path / "letter.docx"
    code, out, err = run(capsys, "letter", "--period", "2021Q2", "-o", str(target))
    assert code == 0, err
    assert "letter no. 2 under S/2020/600 paragraph 63" in out
    assert "holds no obligations or indicators" in err  # the built-in example, no workspace
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
        capsys, "quarterly", "--as-of", "2020-11-15", "-f", "html", "-o", str(target)
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
    code, _, err = run(capsys, *args, "-o", str(target))
    assert code == 2
    assert message in " ".join(err.split())
    assert not target.exists()


def test_an_unknown_suffix_asks_for_a_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "quarterly", "-o", str(tmp_path / "r.txt"))
    assert code == 2 and "give --format html, pdf or docx" in err


def test_a_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "quarterly", "-o", str(tmp_path / "nowhere" / "r.html"))
    assert code == 2 and "the folder does not exist" in err
