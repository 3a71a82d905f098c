# ruff: noqa: E501  (verbatim paragraph texts, one per line)
"""Operative paragraphs of S/2020/600 copied from the seed text, built by hand as model objects.

The texts are the seed's words with line breaks joined (PDF spacing slips such as "civi lians"
kept as printed). Used to test the analysis without depending on the reader.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from mandate_tracker.model import (
    Document,
    DocumentInfo,
    Heading,
    Item,
    Paragraph,
    PreambleParagraph,
)

PREAMBLE = [
    PreambleParagraph(
        3,
        "Reaffirming",
        "Reaffirming the basic principles of peacekeeping, including consent of the parties, "
        "impartiality and non-use of force, except in self-defence and defence of the mandate, "
        "recognizing that the mandate of each peacekeeping mission is specific to the need and "
        "situation of the country concerned, and recalling its Presidential Statement of 14 May "
        "2018 (S/PRST/2018/10),",
        "pre-3",
    ),
    PreambleParagraph(
        20,
        "Taking",
        "Taking note of the report of the Secretary-General (S/2020/476) and the letter of the "
        "Secretary-General (S/2020/481),",
        "pre-20",
    ),
]

PARAGRAPHS = [
    Paragraph(
        "1",
        "Urges",
        "Urges the Government of Mali and the Plateforme and Coordination armed groups (“the Malian parties”) to continue to accelerate the implementation of the Agreement, through significant, meaningful and irreversible measures to be taken on an urgent basis;",
        "para-1",
    ),
    Paragraph(
        "3",
        "Urges",
        "Urges the Malian parties to take immediate and concrete action, in a spirit of genuine cooperation, to fulfil the following priority measures before the end of MINUSMA’s current mandate:",
        "para-3",
        items=[
            Item(
                "–",
                "achieve significant results towards the completion of the disarmament, demobilization and reintegration of the signatory armed groups and in the operationalization of the reconstituted, reformed and inclusive MDSF, notably by vetting, integrating in the MDSF and training at least 2,000 members of the signatory armed groups, in addition to the already integrated ones, redeploying all the integrated elements who underwent the accelerated disarmament, demobilization and reintegration process to the North following appropriate consultations between Malian parties with regards to the composition of the reconstituted units, and entrusting these units with concrete tasks, such as patrols,",
                "para-3-dash-1",
            ),
            Item(
                "–",
                "ensure the completion of the constitutional reform, in accordance with the conclusions of the national inclusive dialogue, and of institutional reforms envisioned by the Agreement, in particular: (i) resolve outstanding issues for the holding of the election of Regional Assemblies, Cercle Councils and Commune Councils by direct universal suffrage, (ii) create a second parliamentary chamber, (iii) set-up a timeline for the transfer of decentralized State services and 30 per cent of State revenues to local authorities in their areas of competence and complete this transfer, (iv) complete the legal framework for the regional territorial police force and start its effective recruitment which should comprise a significant number of former members of the signatory armed groups, and (v) fully establish newly created electoral districts, including Ménaka and Taoudenni as regions, and the proposed Cercles and Communes, and hold legislative elections in these areas,",
                "para-3-dash-2",
            ),
            Item(
                "–",
                "continue the operationalization of the Northern Development Zone through the establishment of the interregional advisory council and capacity building initiatives and engagement with diverse groups, and implement a pilot project in each of the five regions of Northern Mali, following appropriate consultations, with a view to swiftly delivering peace dividends to the population, and to further prioritize other interventions of the Sustainable Development Fund,",
                "para-3-dash-3",
            ),
            Item(
                "–",
                "implement the recommendations of the high-level workshop on participation of women in the mechanisms established by the Agreement to support and monitor its implementation, by increasing the representation of women in the Comité de suivi de l’Accord (CSA) and the subcommittees, setting-up a steering committee of the workshop’s recommendations, as well as an observatory led by women with a clear mandate and mechanism to oversee progress towards women’s full, effective and meaningful participation;",
                "para-3-dash-4",
            ),
        ],
    ),
    Paragraph(
        "4",
        "Calls",
        "Calls upon all parties in Mali to ensure full, effective and meaningful participation of women in the mechanisms established by the Agreement to support and monitor its implementation, using the appropriate framework, including thro ugh greater representation of women in the CSA, meeting the 30 per cent quota for women in all political functions and offices as defined in Mali ’s legislation, and completion of Agreement-related targets laid out in Mali’s third national plan for the implementation of resolution 1325 (2000), and requests the Secretary-General to pay specific attention to these points in its regular reporting on MINUSMA;",
        "para-4",
    ),
    Paragraph(
        "5",
        "Encourages",
        "Encourages the panel of experts established pursuant to resolution 2374 (2017) to identify parties responsible for potential lack of implementation of the priority measures referenced in paragraph 3 through its regular reporting and interim updates, expresses its intent, should these priority measures not be implemented by the end of MINUSMA’s current mandate, to respond with measures pursuant to resolution 2374 (2017) on individuals and entities who are thus obstructing or threatening the implementation of the Agreement, and stresses that individuals or entities placed on the 2374 sanctions list shall not benefit from any financial, operational or logistical support from United Nations entities deployed in Mali, until their removal from the list and without prejudice to the exemptions set by paragraphs 2, 5, 6 and 7 of resolution 2374 (2017), welcomes the measures already taken by United Nations entities deployed in Mali to ensure these individuals or entities do not benefit from such support, and requests the Secretary-General to include in his first quarterly report following the adoption of this mandate an update on these measures;",
        "para-5",
    ),
    Paragraph(
        "9",
        "Urges",
        "Urges more structured exchanges between the Malian parties between sessions of the CSA, acknowledges the role of the CSA to reconcile disagreements between the Malian parties, recalls the provisions of the Pact for Peace signed on 15 October 2018 between the Government of Mali and the United Nations recognizing the enforceability of the decisions and arbitrations of the international mediation team in case of divergence in the implementation of the Agreement, and calls on the members of the CSA and other relevant international partners, to increase their engagement in support to the implementation of the Agreement in coordination with the SRSG and MINUSMA;",
        "para-9",
    ),
    Paragraph(
        "14",
        "Urges",
        "Urges the Malian authorities to fulfil the following priority measures before the end of MINUSMA’s current mandate:",
        "para-14",
        items=[
            Item(
                "–",
                "re-establish State presence and State authority to Central Mali, by deploying and making fully operational internal security forces (police, gendarmerie, garde nationale), judicial entities and basic social services, ensuring their responsiveness and accountability, and setting-up concrete steps and a system to monitor progress in this regard,",
                "para-14-dash-1",
            ),
            Item(
                "–",
                "fight against impunity for violations and abuses of international human rights law and violations of international humanitarian law in Central Mali, by bringing to justice the individuals accused of perpetrating the massacres that killed hundreds of civilians in 2019 and 2020 and by holding the corresponding trials;",
                "para-14-dash-2",
            ),
        ],
    ),
    Paragraph(
        "16", "Decides", "Decides to extend the mandate of MINUSMA until 30 June 2021;", "para-16"
    ),
    Paragraph(
        "17",
        "Decides",
        "Decides that MINUSMA shall continue to comprise up to 13,289 military personnel and 1,920 police personnel;",
        "para-17",
    ),
    Paragraph(
        "18",
        "Authorizes",
        "Authorizes MINUSMA to use all necessary means to carry out its mandate;",
        "para-18",
    ),
    Paragraph(
        "19",
        "Decides",
        "Decides that the primary strategic priority of MINUSMA remains to support the implementation of the Agreement by the Malian parties, as well as by other relevant Malian stakeholders, and further decides that the second strategic priority of MINUSMA is to facilitate the implementation by Malian actors of the Stratégie de stabilisation du centre du Mali, in a comprehensive and politically-led manner, with a view to protect civilians, reduce intercommunal violence, and re-establish State authority, State presence and basic social services in Central Mali, through the implementation of its mandated tasks;",
        "para-19",
    ),
    Paragraph(
        "20",
        "Stresses",
        "Stresses that MINUSMA’s mandate should be implemented based on a prioritization of tasks established in paragraphs 19 above and 28 and 29 below, requests the Secretary-General to reflect this prioritization in the deployment of the mission and to align budgetary resources accordingly, while ensuring appropriate resources for the implementation of the mandate, affirms, in this regard, that the support to the implementation of the Agreement should be given priority in decisions about the use of available capacity and resources, that the SRSG, in consultation with the Force Commander and the Police Commissioner should be given sufficient flexibility to deploy MINUSMA contingents between sectors to rapidly respon d, in line with MINUSMA’s mandate, to the dynamic security situation in both North and Central Mali, and that the SRSG, in consultation with the Force Commander, should ensure that sufficient mission resources are allocated to the implementation of the second strategic priority;",
        "para-20",
    ),
    Paragraph(
        "28",
        "Decides",
        "Decides that MINUSMA’s mandate shall include the following priority tasks:",
        "para-28",
        items=[
            Item(
                "(a)",
                "",
                "para-28-a",
                title="Support to the implementation of the Agreement on Peace and Reconciliation in Mali",
                items=[
                    Item(
                        "(i)",
                        "to use the SRSG’s good offices to encourage and support the full implementation of the Agreement, notably by heading the Secretariat of the CSA as well as by playing a central role to assist the Malian parties in identifying and prioritizing steps in this implementation;",
                        "para-28-a-i",
                    ),
                    Item(
                        "(ii)",
                        "To support the implementation of the political and institutional reforms provided by the Agreement, especially in its Part II, notably to support the Government’s efforts for the effective restoration and extension of State authority and rule of law throughout the territory, including through supporting the effective functioning of interim administrations in the North of Mali under the conditions set out in the Agreement;",
                        "para-28-a-ii",
                    ),
                    Item(
                        "(iii)",
                        "To support the implementation of the defence and security measures of the Agreement, especially its Part III and Annex 2, notably:",
                        "para-28-a-iii",
                        items=[
                            Item(
                                "–",
                                "to support, monitor and supervise the ceasefire, including through the continued implementation of control measures on movement and armament of signatory armed groups, including in designated weapon-free areas, and to report to the Security Council on violations of it,",
                                "para-28-a-iii-dash-1",
                            ),
                            Item(
                                "–",
                                "to support the cantonment, disarmament, demobilization and reintegration of armed groups, including through the integration of elements of the signatory armed groups in the MDSF as an interim measure, and the continued implementation of a community violence reduction program, within the framework of an inclusive and consensual reform of the security sector, taking into account the particular needs of women and children, and persons belonging to marginalised groups such as people with disabilities, and without prejudice to the anticipated plans of the demobilization, disarmament and reintegration and integration commissions,",
                                "para-28-a-iii-dash-2",
                            ),
                            Item(
                                "–",
                                "to support the establishment by all relevant Malian parties of a comprehensive plan for the redeployment of the reformed and reconstituted MDSF in the North of Mali, including with a view to them assuming responsibility for security, and to support such redeployment including through operational, logistical and transportation support during coordinated and joint operations, planning, strengthened information sharing, and medical evacuation, within existing resources, without prejudice to the basic principles of peacekeeping,",
                                "para-28-a-iii-dash-3",
                            ),
                            Item(
                                "–",
                                "to ensure coherence of international efforts, in close collaboration with other bilateral partners, donors and international organizations, including the European Union, engaged in these fields, to rebuild the Malian security sector, within the framework set out by the Agreement;",
                                "para-28-a-iii-dash-4",
                            ),
                        ],
                    ),
                    Item(
                        "(iv)",
                        "To support the implementation of the reconciliation and justice measures of the Agreement, especially in its Part V, including to support the operations of the Truth, Justice and Reconciliation Commission and the follow-up of the recommendations of the International Commission of Inquiry, and to help ensuring the effectiveness of justice and corrections officials as well as Malian judicial institutions, particularly regarding the detention, investigation and prosecution of individuals suspected of, and sentencing of those found responsible for terrorism-related crimes, mass atrocities and transnational organized crime activities (including trafficking in persons, arms, drugs and natural resources, and the smuggling of migrants);",
                        "para-28-a-iv",
                    ),
                    Item(
                        "(v)",
                        "To encourage and support the full implementation of the Agreement by the Malian parties, and all relevant non-signatory actors, including by promoting the meaningful participation of civil society, including women’s organizations, women peacebuilders, and youth organizations and youth peacebuilders, and helping the Government of Mali to raise awareness on the content and the objectives of the Agreement;",
                        "para-28-a-v",
                    ),
                ],
            ),
            Item(
                "(b)",
                "",
                "para-28-b",
                title="Support to stabilization and restoration of State authority in the Centre",
                items=[
                    Item(
                        "(i)",
                        "To support Malian authorities in fully and effectively implementing the Stratégie de stabilisation du centre du Mali and meeting the priority measures set-out in paragraph 14 above;",
                        "para-28-b-i",
                    ),
                    Item(
                        "(ii)",
                        "To facilitate the return of State presence, State authority and basic social services in the Centre, and to support the redeployment of the MDSF there, including through continued operational, logistical and transportation support during coordinated and joint operations, planning, strengthened information sharing and medical evacuation, within existing resources, without prejudice to the basic principles of peacekeeping;",
                        "para-28-b-ii",
                    ),
                    Item(
                        "(iii)",
                        "To support Malian authorities in ensuring that those responsible for violations and abuses of human rights and violations of international humanitarian law are held accountable and brought to justice without delay;",
                        "para-28-b-iii",
                    ),
                ],
            ),
            Item(
                "(c)",
                "",
                "para-28-c",
                title="Protection of civilians",
                items=[
                    Item(
                        "(i)",
                        "To protect, without prejudice to the primary responsibility of the Malian authorities, civilians under threat of physical violence;",
                        "para-28-c-i",
                    ),
                    Item(
                        "(ii)",
                        "In support of the Malian authorities, to take active steps to anticipate, deter and effectively respond to threats to the civilian population, notably in the North and Center of Mali, through a comprehensive and integrated approach, and, in this regard:",
                        "para-28-c-ii",
                        items=[
                            Item(
                                "–",
                                "to strengthen early warning mechanisms and systematically record and analyse MINUSMA’s rate of response,",
                                "para-28-c-ii-dash-1",
                            ),
                            Item(
                                "–",
                                "to strengthen community engagement and protection mechanisms, including interaction with civilians, community outreach, reconciliation, mediation, support to the resolution of local and intercommunal conflicts and public information,",
                                "para-28-c-ii-dash-2",
                            ),
                            Item(
                                "–",
                                "to take mobile, flexible, robust and proactive steps to protect civilians, including through the set-up of a Mobile Task Force, prioritizing the deployment of ground and air assets, as available, in areas where civilians are most at risk, while expecting Malian authorities to assume their responsibilities in the respective areas,",
                                "para-28-c-ii-dash-3",
                            ),
                            Item(
                                "–",
                                "to mitigate the risk to civilians before, during and after any military or police operation, including by tracking, preventing, minimizing, and addressing civilian harm resulting from the mission’s operations,",
                                "para-28-c-ii-dash-4",
                            ),
                            Item(
                                "–",
                                "to prevent the return of active armed elements to key population centres and other areas where civilians are at risk, engaging in direct operations pursuant only to serious and credible threats;",
                                "para-28-c-ii-dash-5",
                            ),
                        ],
                    ),
                    Item(
                        "(iii)",
                        "To provide specific protection and assistance for women and children affected by armed conflict, including through Protection Advisors, Child Protection Advisors, Women Protection Advisors and civilian and uniformed Gender Advisors and focal points, as well as consultations with women’s organizations, and address the needs of victims and survivors of sexual and gender-based violence in armed conflict;",
                        "para-28-c-iii",
                    ),
                ],
            ),
            Item(
                "(d)",
                "",
                "para-28-d",
                title="Good offices and reconciliation",
                items=[
                    Item(
                        "(i)",
                        "To exercise good offices, confidence-building and facilitation at the national and local levels, in order to support dialogue with and among all stakeholders towards reconciliation and social cohesion;",
                        "para-28-d-i",
                    ),
                    Item(
                        "(ii)",
                        "To support efforts to reduce intercommunal tensions, bearing in mind the primary responsibility of the Malian authorities;",
                        "para-28-d-ii",
                    ),
                    Item(
                        "(iii)",
                        "To support the holding of inclusive, free, fair, transparent and credible elections, conducted in a peaceful environment, including regional, local and legislative by-elections, as needed, and, as appropriate, of a constitutional referendum, including through the provision of technical assistance and security arrangements, consistent with the provisions of the Agreement;",
                        "para-28-d-iii",
                    ),
                ],
            ),
            Item(
                "(e)",
                "",
                "para-28-e",
                title="Promotion and protection of human rights",
                items=[
                    Item(
                        "(i)",
                        "To assist the Malian authorities in their efforts to promote and protect human rights, in particular in the areas of justice and reconciliation, including to support, as feasible and appropriate, the efforts of the Malian authorities, without prejudice to their responsibilities, to bring to justice without undue delay those responsible for serious violations or abuses of human rights or violations of international humanitarian law, in particular war crimes and crimes against humanity in Mali, taking into account the referral by the transitional authorities of Mali of the situation in their country since January 2012 to the ICC;",
                        "para-28-e-i",
                    ),
                    Item(
                        "(ii)",
                        "To improve efforts to monitor, document, conduct fact-finding missions, help investigate and report publicly and regularly to the Security Council, on violations of international humanitarian law and on violations and abuses of human rights, including all forms of sexual and gender-based violence, trafficking in persons, and violations and abuses committed against women and children throughout Mali and to contribute to efforts to prevent such violations and abuses including by liaising with relevant partners, as appropriate;",
                        "para-28-e-ii",
                    ),
                ],
            ),
            Item(
                "(f)",
                "In support of the Malian authorities, to contribute to the creation of a secure environment for the safe civilian-led delivery of humanitarian assistance, consistent with humanitarian principles, and the voluntary, safe and dignified return, local integration or resettlement of internally displaced persons and refugees in close coordination with humanitarian actors, including relevant UN agencies; Other tasks",
                "para-28-f",
                title="Humanitarian assistance",
            ),
        ],
    ),
    Paragraph(
        "29",
        "Further",
        "Further authorizes MINUSMA, without impeding on its capacity to implement its priority tasks, to use its existing capacities to assist in implementing the following other tasks in a streamlined and sequenced manner, bearing in mind that priority and secondary tasks are mutually reinforcing:",
        "para-29",
        items=[
            Item(
                "(a)",
                "To contribute to the creation of a secure environment for quick impact projects in direct support to the implementation of the Agreement in the North or in response to specific needs in the Centre on the basis of strong conflict analysis;",
                "para-29-a",
                title="Quick impact projects",
            ),
            Item(
                "(b)",
                "To assist and exchange information with the Sanctions Committee and the Panel of experts established by resolution 2374 (2017) and to ensure that its activities in Mali are consistent with efforts to promote the implementation of the sanctions measures set forth in this resolution; To assist the 1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions Committee and the Analytical Support and Sanctions Monitoring Team established by resolution 1526 (2004), including by passing information relevant to the implementation of the measures in paragraph 1 of resolution 2368 (2017); Other security presences in Mali and the Sahel region",
                "para-29-b",
                title="Cooperation with Sanctions Committees",
            ),
        ],
    ),
    Paragraph(
        "37",
        "Stresses",
        "Stresses that operational and logistical support from MINUSMA, as per the conditions set by resolution 2391 (2017), is a temporary measure which has the potential to allow the FC-G5S, given its current level of capacities, to enhance its ability to deliver on its mandate, and calls on the FC-G5S to continue developing its own capacity to support itself;",
        "para-37",
    ),
    Paragraph(
        "38",
        "Recalls",
        "Recalls all provisions of paragraph 13 of resolution 2391, takes note of the options presented in the report of the Secretary-General (S/2020/476), expresses its support for the use of life support consumables provided by MINUSMA to the FC-G5S based both on resolution 2391 and on the technical agreement between the United Nations, the European Union and the G5 Sahel (“the technical agreement”) by all G5 Sahel contingents operating in the framework of the FC-G5S under the conditions that the FC-G5S or other entities, including private companies, which MINUSMA or other United Nations organs may engage, consulting with the Executive Secretariat on the selection process and paying attention to the local content, in accordance with UN procurement rules and guiding principles, undertake the responsibility of ensuring their delivery to locations agreed by the FC-G5S and MINUSMA when outside of Malian territory, that provision of support is undertaken in strict compliance with the HRDDP, and that MINUSMA’s support to the FC-G5S, as per the conditions set out in resolution 2391, in the technical agreement and in the delegation agreement signed between the European Union and the United Nations, continues to be subject to full financial reimbursement to the United Nations through an European Union-coordinated financing mechanism and without affecting MINUSMA’s capacity to implement its mandate and strategic priorities, recalls the reporting obligations set by paragraph 33 (iii) of resolution 2391, further requests the Secretary-General to include in its April 2021 report on the G5 Sahel an assessment of the implementation of paragraph 13 of resolution 2391, including on the HRDDP and on the prospects of the Executive Secretariat and the FC-G5S improving their autonomy and setting-up their own procurement system, and expresses its intent, on this basis, to take a decision on the future of the mechanism set by paragraph 13 of resolution 2391 at the end of MINUSMA’s current mandate;",
        "para-38",
    ),
    Paragraph(
        "41",
        "Authorizes",
        "Authorizes French forces, within the limits of their capacities and areas of deployment, to use all necessary means until the end of MINUSMA’s mandate as authorized in this resolution, to intervene in support of elements of MINUSMA when under imminent and serious threat upon request of the Secretary -General, and requests France to report to the Council on the implementation of this mandate in Mali and to coordinate its reporting with the reporting by the Secretary -General referred to in paragraph 62 below; European Union contribution",
        "para-41",
    ),
    Paragraph(
        "46",
        "Strongly condemns",
        "Strongly condemns attacks against peacekeepers and other United Nations and associated personnel, underlines that these attacks may constitute war crimes under international law, stresses that those responsible for these acts should be held accountable, calls on the Government of Mali to swiftly investigate and bring the perpetrators to justice, with a view to prevent impunity from encouraging future violence against peacekeepers, calls upon MINUSMA to provide support to the Government of Mali to this end, further stresses the importance of MINUSMA having the necessary capacities to promote the safety and security of the United Nations peacekeepers, requests the Secretary-General to regularly include in its reports information on the efforts of Mali in that regard, and further requests the Secretary-General to ensure troop contributing countries receive sufficient information relevant to up-to-date tactics, techniques, and procedures in reducing troop casualties in an asymmetric environment before deploying to Mali;",
        "para-46",
    ),
    Paragraph(
        "49",
        "Welcomes",
        "Welcomes the initiatives undertaken by the Secretary-General to standardize a culture of performance in UN peacekeeping, recalls its requests in resolution 2378 (2017) and resolution 2436 (2018) that the Secretary-General ensures that performance data related to the effectiveness of peacekeeping operations is used to improve mission operations, including decisions such as those regarding deployment, remediation, repatriation and incentives, reaffirms its support for the development of a comprehensive and integrated performance policy framework that identifies clear standards of performance for evaluating all United Nations civilian and uniformed personnel working in and supporting peacekeeping operations that facilitates effective and full implementation of mandates, and includes comprehensive and objective methodologies based on clear and well-defined benchmarks to ensure accountability for underperformance and incentives and recognition for outstanding performance, and calls on him to apply it to MINUSMA, in particular by investigating and taking action on underperformance, to include the rotation, repatriation, replacement or dismissal of any under-performing MINUSMA uniformed or civilian personnel, consistent with resolution 2436 (2018), and notes the efforts of the Secretary-General to develop a comprehensive performance assessment system;",
        "para-49",
    ),
    Paragraph(
        "62",
        "Requests",
        "Requests the Secretary-General to report to the Security Council every three months after the adoption of this resolution on the implementation of this resolution, focusing:",
        "para-62",
        items=[
            Item(
                "(i)",
                "on progress in the implementation of the Agreement, particularly on the priority measures referenced in paragraph 3 above,",
                "para-62-i",
            ),
            Item(
                "(ii)",
                "on progress in the implementation of the Stratégie de stabilisation du centre du Mali, particularly on the priority measures referenced in paragraph 14 above, as well as on MINUSMA’s efforts to support these objectives,",
                "para-62-ii",
            ),
            Item(
                "(iii)",
                "on coordination, exchange of information and, when applicable, mutual operational and logistical support, between MINUSMA, the MDSF, the FC-G5S, the French Forces and the European Union missions in Mali,",
                "para-62-iii",
            ),
            Item(
                "(iv)",
                "on measures to improve external communication of the mission;",
                "para-62-iv",
            ),
        ],
    ),
    Paragraph(
        "63",
        "Further",
        "Further requests the Secretary-General, addressing perspectives from all relevant actors, including the SRSG, in consultation with the Force Commander, to provide every six months the Security Council with a letter exclusively and thoroughly focusing on:",
        "para-63",
        items=[
            Item(
                "(i)",
                "information on progress in mission operations, to include security challenges, implementation of the adaptation plan as well as an update on discussions in the Instance de Coordination au Mali on the coordination of security responsibilities,",
                "para-63-i",
            ),
            Item(
                "(ii)",
                "information on performance and rotations of uniformed personnel, on the basis of the methodology referred to in paragraph 49, including information on undeclared caveats and their impact on the mission, and how the reported cases of under-performance are addressed,",
                "para-63-ii",
            ),
            Item(
                "(iii)",
                "an update on the implementation of the integrated strategic framework referred to in paragraph 24 above, encouraging that this framework also includes a transition plan with a view to handing over relevant tasks to the UNCT based on their mandates and comparative advantages as well as on a mapping of capabilities and gaps, a resource mobilization strategy that involves the full range of multilateral and bilateral partners, as well as a possible long-term exit strategy of the Mission on the basis of improved security and political conditions as well as of progress in the implementation of the Agreement;",
                "para-63-iii",
            ),
        ],
    ),
    Paragraph(
        "64",
        "Requests",
        "Requests the Secretary-General, in coordination with the Instance de Coordination au Mali, the Government of Mali, and in consultation with other relevant partners, including UN agencies, member states, regional organizations and independent experts, to develop a long-term roadmap assessing the continued challenges to peace and security in Mali, and focusing on a set of realistic, relevant and clearly measurable benchmarks and conditions, including, among others, progress in the implementation of the Agreement, the redeployment of the reformed and reconstituted MDSF across the territory of Mali, the full operationalization of the FC-G5S and the implementation of MINUSMA’s adaptation plan, to ensure a phased, coordinated and deliberate transition of security responsibilities opening the way for a possible exit strategy for the mission, when the conditions are met, without jeopardizing the stability of Mali and its region, to be presented in its entirety to the Security Council by 31 March 2021;",
        "para-64",
    ),
    Paragraph("65", "Decides", "Decides to remain actively seized of the matter.", "para-65"),
]


def seed_paragraphs() -> list[Paragraph]:
    return [_copy(p) for p in PARAGRAPHS]


def seed_document() -> Document:
    """A Document holding the paragraphs above, dated and numbered like the seed."""
    info = DocumentInfo(
        "S/2020/600", "draft resolution", None, dt.date(2020, 6, 29), ["France"], "Mali"
    )
    headings = [Heading("Priority tasks", 2, "28"), Heading("Other tasks", 2, "29")]
    return Document(info, headings, [_copy_pre(p) for p in PREAMBLE], seed_paragraphs())


def _copy(paragraph: Paragraph) -> Paragraph:
    return Paragraph(
        paragraph.number, paragraph.verb, paragraph.text, paragraph.anchor,
        items=[_copy_item(i) for i in paragraph.items],
    )  # fmt: skip


def _copy_item(item: Item) -> Item:
    return Item(item.label, item.text, item.anchor, item.title, [_copy_item(i) for i in item.items])


def _copy_pre(paragraph: PreambleParagraph) -> PreambleParagraph:
    return PreambleParagraph(paragraph.number, paragraph.verb, paragraph.text, paragraph.anchor)


SOURCES = ("hand-built", "read")


@cache
def analysed_seed(source: str) -> Document:
    """The seed analysed, either from the hand-built paragraphs above or read from the text."""
    from mandate_tracker.analyse import analyse_document
    from mandate_tracker.parse import read_document
    from tests.helpers import SEED

    return analyse_document(seed_document() if source == "hand-built" else read_document(SEED))
