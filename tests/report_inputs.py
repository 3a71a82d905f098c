"""Hand-made report inputs: the reporting paragraphs of S/2020/600 and a small workspace.

The paragraphs are the resolution's own words (paragraphs 3, 14, 16, 27, 49, 62, 63, 64) built
as model objects, without analysis facts, so the report definitions must read them from the
text. The workspace has obligations with status histories and indicators whose observations
were recorded at known times, so "as of" reports can be checked against them.
"""

from __future__ import annotations

import datetime as dt

from mandate_tracker.model import (
    Document,
    DocumentInfo,
    Item,
    Obligation,
    Paragraph,
    PartialDate,
    Source,
)
from mandate_tracker.report.workspace import (
    Indicator,
    NarrativeRevision,
    Observation,
    StatusChange,
    TargetPoint,
    TrackedObligation,
    WorkspaceView,
)

P62 = [
    ("(i)", "on progress in the implementation of the Agreement, particularly on the priority "
     "measures referenced in paragraph 3 above,"),
    ("(ii)", "on progress in the implementation of the Stratégie de stabilisation du centre du "
     "Mali, particularly on the priority measures referenced in paragraph 14 above, as well as "
     "on MINUSMA’s efforts to support these objectives,"),
    ("(iii)", "on coordination, exchange of information and, when applicable, mutual operational "
     "and logistical support, between MINUSMA, the MDSF, the FC-G5S, the French Forces and the "
     "European Union missions in Mali,"),
    ("(iv)", "on measures to improve external communication of the mission;"),
]  # fmt: skip
P63 = [
    ("(i)", "information on progress in mission operations, to include security challenges, "
     "implementation of the adaptation plan as well as an update on discussions in the Instance "
     "de Coordination au Mali on the coordination of security responsibilities,"),
    ("(ii)", "information on performance and rotations of uniformed personnel, on the basis of "
     "the methodology referred to in paragraph 49, including information on undeclared caveats "
     "and their impact on the mission, and how the reported cases of under-performance are "
     "addressed,"),
    ("(iii)", "an update on the implementation of the integrated strategic framework referred to "
     "in paragraph 24 above, encouraging that this framework also includes a transition plan;"),
]  # fmt: skip
P64 = (
    "Requests the Secretary-General, in coordination with the Instance de Coordination au Mali, "
    "the Government of Mali, and in consultation with other relevant partners, to develop a "
    "long-term roadmap assessing the continued challenges to peace and security in Mali, and "
    "focusing on a set of realistic, relevant and clearly measurable benchmarks and conditions, "
    "including, among others, progress in the implementation of the Agreement, the redeployment "
    "of the reformed and reconstituted MDSF across the territory of Mali, the full "
    "operationalization of the FC-G5S and the implementation of MINUSMA’s adaptation plan, to "
    "ensure a phased, coordinated and deliberate transition of security responsibilities, to be "
    "presented in its entirety to the Security Council by 31 March 2021;"
)


def _items(number: str, pairs: list[tuple[str, str]]) -> list[Item]:
    return [
        Item(label=label, text=text, anchor=f"para-{number}-{label.strip('()')}")
        for label, text in pairs
    ]


def _paragraph(number: str, verb: str, text: str, items: list[Item] | None = None) -> Paragraph:
    return Paragraph(
        number=number, verb=verb, text=text, anchor=f"para-{number}", items=items or []
    )


def seed_document() -> Document:
    paragraphs = [
        _paragraph("3", "Urges", "Urges the Malian parties to fulfil the following priority "
                   "measures before the end of MINUSMA’s current mandate:"),
        _paragraph("14", "Urges", "Urges the Malian authorities to fulfil the following "
                   "priority measures before the end of MINUSMA’s current mandate:"),
        _paragraph("16", "Decides", "Decides to extend the mandate of MINUSMA until 30 June "
                   "2021;"),
        _paragraph("27", "Requests", "Requests MINUSMA to improve its communication efforts;"),
        _paragraph("62", "Requests", "Requests the Secretary-General to report to the Security "
                   "Council every three months after the adoption of this resolution on the "
                   "implementation of this resolution, focusing:", _items("62", P62)),
        _paragraph("63", "Further requests", "Further requests the Secretary-General, "
                   "addressing perspectives from all relevant actors, to provide every six "
                   "months the Security Council with a letter exclusively and thoroughly "
                   "focusing on:", _items("63", P63)),
        _paragraph("64", "Requests", P64),
    ]  # fmt: skip
    info = DocumentInfo(
        symbol="S/2020/600",
        kind="draft resolution",
        resolution_number=None,
        date=dt.date(2020, 6, 29),
        authors=["France"],
        subject="Mali",
    )
    return Document(info=info, headings=[], preamble=[], paragraphs=paragraphs)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def obligation(anchor: str, title: str, owner: str, due: str | None = "2021-06-30") -> Obligation:
    paragraph = anchor.split("-")[1]
    return Obligation(
        id=f"S/2020/600#{anchor}",
        kind="priority-measure",
        title=title,
        owner=owner,
        source=Source(paragraph=paragraph, anchor=anchor, span=(0, len(title)), quote=title),
        due=PartialDate.parse(due) if due else None,
    )


def seed_workspace() -> WorkspaceView:
    """Two paragraph-3 measures, one paragraph-14 measure, one indicator each for 3 and 14."""
    ddr = TrackedObligation(
        obligation("para-3-dash-1", "Integrate at least 2,000 members in the MDSF",
                   "Malian parties"),
        (StatusChange(at("2020-08-10T09:00"), "in-progress"),
         StatusChange(at("2021-01-20T09:00"), "done")),
    )  # fmt: skip
    women = TrackedObligation(
        obligation("para-3-dash-4", "30 per cent of women in the mechanisms", "Malian parties"),
        (StatusChange(at("2020-11-02T09:00"), "in-progress"),),
    )
    centre = TrackedObligation(
        obligation("para-14-dash-1", "Redeploy the State administration to the Centre",
                   "Malian authorities", None),
    )  # fmt: skip
    integrated = Indicator(
        code="P3-DDR",
        name="Members of armed groups integrated in the MDSF",
        unit="members",
        paragraph="3",
        anchor="para-3-dash-1",
        baseline=0,
        baseline_date=dt.date(2020, 6, 29),
        targets=(TargetPoint(dt.date(2021, 6, 30), 2000),),
        observations=(
            Observation(dt.date(2020, 9, 28), 300, at("2020-10-05T10:00")),
            Observation(dt.date(2020, 12, 28), 650, at("2021-01-06T10:00")),
            Observation(dt.date(2021, 3, 28), 900, at("2021-04-07T10:00")),
        ),
    )
    women_share = Indicator(
        code="P3-WOMEN",
        name="Share of women in the Agreement's follow-up mechanisms",
        unit="percent",
        paragraph="3",
        anchor="para-3-dash-4",
        baseline=3,
        baseline_date=dt.date(2020, 6, 29),
        targets=(TargetPoint(dt.date(2021, 6, 30), 30),),
        observations=(
            Observation(dt.date(2020, 9, 28), 8, at("2020-10-04T10:00")),
            Observation(dt.date(2020, 12, 28), 18, at("2021-01-05T10:00")),
        ),
    )
    return WorkspaceView(
        document_symbol="S/2020/600",
        obligations=(ddr, women, centre),
        indicators=(integrated, women_share),
        narratives={
            ("quarterly", 2, "(i)"): (
                NarrativeRevision(at("2020-12-20T12:00"), "desk", "Slow start of the DDR."),
                NarrativeRevision(at("2021-01-10T12:00"), "desk", "Integration picked up."),
            ),
            ("quarterly", 3, "(i)"): (
                NarrativeRevision(
                    at("2021-03-20T12:00"), "desk", "Integration picked up in December."
                ),
            ),
        },
    )
