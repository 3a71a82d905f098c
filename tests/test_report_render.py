"""The report as HTML, PDF and DOCX: opened again and checked for sections, tables and figures."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from mandate_tracker.errors import RenderError
from mandate_tracker.model import Document
from mandate_tracker.parse import read_document
from mandate_tracker.report import charts
from mandate_tracker.report.build import build_report
from mandate_tracker.report.definitions import report_definition
from mandate_tracker.report.model import Report
from mandate_tracker.report.periods import mandate_of, select_period
from mandate_tracker.report.to_docx import render_docx
from mandate_tracker.report.to_html import render_html
from mandate_tracker.report.to_pdf import render_pdf
from mandate_tracker.report.workspace import WorkspaceView
from tests.helpers import ROOT, SEED
from tests.report_inputs import seed_workspace

ARTIFACTS = ROOT / "test-artifacts"
SECTION_TITLES = [
    "I. Introduction",
    "II. Progress in the implementation of the Agreement",
    "III. Progress in the implementation of the Stratégie de stabilisation du centre du Mali",
    "IV. Coordination between MINUSMA, the MDSF, the FC-G5S, the French forces and the EU missions",
    "V. External communication of the mission",
]


@pytest.fixture(scope="module")
def seed() -> Document:
    return read_document(SEED)


def make_report(seed: Document, workspace: WorkspaceView) -> Report:
    definition = report_definition(seed, "quarterly")
    mandate = mandate_of(seed)
    period = select_period(definition, mandate, period="2021Q1")
    return build_report(
        seed, definition, mandate, period, workspace, generated=dt.date(2021, 3, 20)
    )


@pytest.fixture(scope="module")
def report(seed: Document) -> Report:
    return make_report(seed, seed_workspace())


@pytest.fixture(scope="module")
def pdf(report: Report) -> bytes:
    data = render_pdf(report)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "quarterly-2021Q1.pdf").write_bytes(data)
    return data


def test_the_html_is_self_contained_with_charts_inline_as_svg(report: Report) -> None:
    html = render_html(report)
    assert html.count("<svg") == 2  # the two paragraph-3 indicators
    assert "<link" not in html and 'src="http' not in html
    for title in SECTION_TITLES:
        assert title.replace("'", "&#39;") in html
    assert "Integration picked up in December." in html
    assert "S/2020/600" in html and "29 December 2020 to 28 March 2021" in html


def test_the_docx_has_word_headings_tables_and_pictures(report: Report) -> None:
    import docx

    data = render_docx(report)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "quarterly-2021Q1.docx").write_bytes(data)
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTION_TITLES
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert subheadings.count("Narrative") == 4
    assert "Status of obligations" in subheadings and "Targets and indicators" in subheadings
    header_rows = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Obligation", "Owner", "Due", "Status", "Source"] in header_rows
    targets = next(t for t in document.tables if t.rows[0].cells[0].text == "Indicator")
    assert targets.rows[1].cells[0].text == (
        "P3-DDR Members of armed groups integrated in the MDSF"
    )
    assert targets.rows[1].cells[2].text == "900 (2021-03-28)"
    assert len(document.inline_shapes) == 2
    body = document.element.xml
    assert 'TOC \\o "1-1"' in body  # a real TOC field, filled by Word on updating fields
    assert "V. External communication of the mission" in body.split("</w:instrText>")[1]
    assert "PAGE" in document.sections[0].footer.paragraphs[0]._p.xml
    assert document.core_properties.title.startswith("The situation in Mali")
    assert any(p.style.name == "Title" and p.text == "The situation in Mali"
               for p in document.paragraphs)  # fmt: skip


def test_the_pdf_has_a_cover_contents_sections_and_page_numbers(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    cover = reader.pages[0].extract_text()
    assert "S/2020/600" in cover and "Security Council" in cover
    assert "29 December 2020 to 28 March 2021" in cover and "20 March 2021" in cover
    contents = reader.pages[1].extract_text()
    assert "Contents" in contents
    for title in SECTION_TITLES:
        assert title.split(" (")[0][:40] in " ".join(contents.split())
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == SECTION_TITLES
    pages = len(reader.pages)
    assert f"3/{pages}" in reader.pages[2].extract_text()
    assert not reader.pages[0].extract_text().strip().endswith(f"1/{pages}")


def test_the_pdf_carries_the_tables_and_one_figure_per_indicator(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Integrate at least 2,000 members in the MDSF" in text
    assert "P3-DDR: Members of armed groups integrated in the MDSF: actual against target" in text
    # WeasyPrint shares image resources between pages: count distinct pictures
    pictures = {image.name for page in reader.pages for image in page.images}
    assert len(pictures) == 2


def test_the_first_page_renders_to_an_image(pdf: bytes) -> None:
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm (poppler-utils) is missing on CI; .ci/run installs it")
        pytest.skip("pdftoppm (Debian's poppler-utils) is not installed")
    target = ARTIFACTS / "quarterly-2021Q1-page1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
         str(ARTIFACTS / "quarterly-2021Q1.pdf"), str(target)],
        check=True,
    )  # fmt: skip
    png = target.with_suffix(".png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def test_an_empty_workspace_renders_in_every_format_and_says_so(seed: Document) -> None:
    import docx

    report = make_report(seed, WorkspaceView(document_symbol="S/2020/600"))
    assert "holds no obligations or indicators" in render_html(report)
    pdf_text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(render_pdf(report))).pages
    )
    assert "No obligation or indicator under paragraph 3 is tracked" in pdf_text
    document = docx.Document(io.BytesIO(render_docx(report)))
    texts = [p.text for p in document.paragraphs]
    assert any("holds no obligations or indicators" in t for t in texts)
    assert len(document.tables) == 0 and len(document.inline_shapes) == 0


def test_a_missing_chart_renderer_is_a_render_error(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def without_vl_convert(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "vl_convert":
            raise ImportError("No module named 'vl_convert'")
        return real_import(name, *args, **kwargs)

    charts._svg.cache_clear()
    monkeypatch.setattr(builtins, "__import__", without_vl_convert)
    with pytest.raises(RenderError, match="pip install vl-convert-python"):
        render_html(report)
    charts._svg.cache_clear()


def test_artifacts_are_kept_out_of_git() -> None:
    assert "test-artifacts/" in (ROOT / ".gitignore").read_text().splitlines()
    assert isinstance(ARTIFACTS, Path)
