"""The text cleaner on page shapes seen in scraped news, written for these tests."""

from __future__ import annotations

from newstrace.clean.boilerplate import RemoveBoilerplate
from newstrace.clean.normalise import normalise_text
from newstrace.model import Document

AGGREGATOR_PAGE = """Harbour Gazette

News for the whole coast.
Monday, Mar 04, 2024

Ferry operator promises winter timetable – minister

Ferry operator promises winter timetable – minister

Islanders have waited three years for a reliable service
Transport minister Odile Varga has said that the ferry operator will publish a winter timetable by the end of the month. She gave no date for the first crossing.

Transport minister Odile Varga has said that the ferry operator will publish a winter timetable by the end of the month. Speaking on local radio on Sunday, Varga said the company had accepted the new rules.

“We expect the boats to run every day, whatever the weather,” Varga told listeners.

The operator said in a statement that two new vessels would join the fleet in the spring.
Newsletter

Related Articles

Harbour Gazette
0:00
0:00
Close
Fishing Quotas Cut for Third Year Running
Storm Closes Coastal Road Near Vell Point
Local Choir Wins National Title
×"""

BLOG_PAGE = """Categories: ECONOMY

Central bank holds rates as inflation slows

The central bank kept its main rate unchanged on Thursday, governor Lena Markov told a press conference.

“We are not in a hurry, and we will not be pushed,” Markov said.

Analysts had expected the decision after two months of slowing prices.

READ MORE: Bank governor warns of slower growth

© 2023, riverpost. All rights reserved.

riverpost

Share
Published by
riverpost

Recent Posts

Grain exports reach record high – ministry

Exports of wheat and barley rose by a fifth this year, the agriculture ministry said in a report that…

2 days ago

Новые бонусы казино каждый день

Лучшие игровые автоматы и щедрые бонусы для новых игроков ждут вас уже сегодня на нашем сайте…

4 days ago"""

WIRE_PAGE = """Politics

Foreign Minister Says Talks With Neighbours Will Resume ‘Without Conditions’

Relations between the two countries have been strained since the border incident in March, and both sides have recalled their ambassadors. The ministers are due to meet in Vienna next month.
© AFP / Lena Holm

Foreign minister Karel Dvorsky said on Sunday that talks would resume “without conditions” and that both delegations were ready.

“We have waited long enough, and the people on both sides of the border want an answer,” Dvorsky told a state broadcaster.

Harbour Authorities on Coastline Plan: Fishermen and Ministry Must Find Common Ground
He added that trade across the border had fallen by a third since the spring.

The neighbouring government has not yet commented on the minister’s remarks, but its spokesperson said last week that “every door remains open.”

Discuss"""

INTERVIEW_PAGE = """Coastal Weekly

Mira Solberg: “We will not close a single school”

Education minister Mira Solberg spoke to our reporter after the budget debate.

Jonas Eck:

"Will schools close in the northern districts?"

Education minister Mira Solberg:

"No. We will not close a single school, and we will hire forty new teachers next year."

Jonas Eck"

"And the buses?"

Education minister Mira Solberg:

"The buses will run as before."
"""


def clean(text: str, *, is_html: bool = False, **given: str) -> Document:
    doc = Document(
        id="t",
        source="test",
        sha256="",
        format="html" if is_html else "text",
        raw=text,
        is_html=is_html,
        given=dict(given),
        body=normalise_text(text),
    )
    return RemoveBoilerplate().run(doc)


def reasons(doc: Document) -> dict[str, str]:
    """Each removed line -> the reason it was first removed for."""
    found: dict[str, str] = {}
    for block in doc.removed:
        for line in block.text.split("\n"):
            found.setdefault(line, block.reason)
    return found


def body_lines(doc: Document) -> list[str]:
    return [line for line in doc.body.split("\n") if line.strip()]


def test_aggregator_header_is_labelled_and_article_kept() -> None:
    doc = clean(AGGREGATOR_PAGE)
    removed = reasons(doc)
    assert removed["Harbour Gazette"] == "header"
    assert removed["News for the whole coast."] == "tagline"
    assert removed["Monday, Mar 04, 2024"] == "dateline"
    titles = [b for b in doc.removed if b.reason in ("title", "duplicate-title")]
    assert [b.reason for b in titles] == ["title", "duplicate-title"]
    lines = body_lines(doc)
    assert lines[0] == "Islanders have waited three years for a reliable service"
    assert "Ferry operator promises winter timetable – minister" not in lines
    assert (
        lines[-1]
        == "The operator said in a statement that two new vessels would join the fleet in the spring."
    )


def test_repeated_lede_sentence_is_kept_once_and_what_it_adds_stays() -> None:
    doc = clean(AGGREGATOR_PAGE)
    repeated = "will publish a winter timetable by the end of the month"
    assert doc.body.count(repeated) == 1
    assert "She gave no date for the first crossing." in doc.body
    assert "Speaking on local radio on Sunday" in doc.body
    assert any(b.reason == "duplicate-paragraph" and repeated in b.text for b in doc.removed)


def test_related_list_and_widgets_are_removed() -> None:
    doc = clean(AGGREGATOR_PAGE)
    removed = reasons(doc)
    assert removed["Newsletter"] == "widget"
    assert removed["Related Articles"] == "related-links"
    assert removed["0:00"] == removed["Close"] == removed["×"] == "widget"
    assert removed["Storm Closes Coastal Road Near Vell Point"] == "related-links"
    assert "Harbour Gazette" not in doc.body and "0:00" not in doc.body
    assert [b.reason for b in doc.removed if b.text == "Harbour Gazette"] == ["header", "footer"]


def test_blog_furniture_is_removed_with_reasons() -> None:
    doc = clean(BLOG_PAGE)
    removed = reasons(doc)
    assert removed["Categories: ECONOMY"] == "category"
    assert removed["Central bank holds rates as inflation slows"] == "title"
    assert removed["READ MORE: Bank governor warns of slower growth"] == "read-more"
    assert removed["© 2023, riverpost. All rights reserved."] == "copyright"
    assert removed["Share"] == "share"
    assert removed["Published by"] == "credit"
    assert removed["Recent Posts"] == "related-links"
    assert removed["2 days ago"] == "teaser"
    assert removed["Новые бонусы казино каждый день"] == "spam"
    assert body_lines(doc) == [
        "The central bank kept its main rate unchanged on Thursday, governor Lena Markov told a press conference.",
        "“We are not in a hurry, and we will not be pushed,” Markov said.",
        "Analysts had expected the decision after two months of slowing prices.",
    ]


def test_wire_story_drops_section_credit_injected_headline_and_footer() -> None:
    doc = clean(WIRE_PAGE)
    removed = reasons(doc)
    assert removed["Politics"] == "category"
    assert removed["© AFP / Lena Holm"] == "credit"
    injected = "Harbour Authorities on Coastline Plan: Fishermen and Ministry Must Find Common Ground"
    assert removed[injected] == "injected-headline"
    assert removed["Discuss"] == "footer"
    assert "He added that trade across the border had fallen by a third since the spring." in body_lines(doc)
    assert doc.body.startswith("Relations between the two countries")


def test_agency_credit_line_is_a_credit() -> None:
    doc = clean(WIRE_PAGE.replace("© AFP / Lena Holm", "Reuters"))
    assert reasons(doc)["Reuters"] == "credit"


def test_interview_keeps_speaker_labels_even_mistyped() -> None:
    doc = clean(INTERVIEW_PAGE)
    lines = body_lines(doc)
    assert lines.count("Jonas Eck:") == 1
    assert 'Jonas Eck"' in lines
    assert lines.count("Education minister Mira Solberg:") == 2
    assert lines[-1] == '"The buses will run as before."'
    assert reasons(doc)["Coastal Weekly"] == "header"


def test_extractor_output_is_cleaned_conservatively() -> None:
    text = (
        "Council Approves Second Bridge Over the River\n\n"
        "The council approved a second bridge on Tuesday after six years of debate.\n\n"
        "Engineers Describe How the New Crossing Will Be Built in Stages\n\n"
        "Work is due to start next spring and to take three years to finish.\n\n"
        "Related: Old bridge to close for repairs in May"
    )
    doc = clean(text, is_html=True, title="Council Approves Second Bridge Over the River")
    removed = reasons(doc)
    assert removed["Council Approves Second Bridge Over the River"] == "title"
    assert removed["Related: Old bridge to close for repairs in May"] == "read-more"
    # A Title Case line between paragraphs is a subheading an extractor keeps on purpose.
    assert "Engineers Describe How the New Crossing Will Be Built in Stages" in doc.body


def test_hard_wrapped_paragraph_is_one_unit() -> None:
    wrapped = (
        "The regional council met on Monday evening to discuss the plan for the new\n"
        "ring road, which has been delayed for two years because of a dispute over\n"
        "the route through the old town and the cost of the tunnel under the river."
    )
    doc = clean(f"Ring road plan delayed again\n\n{wrapped}\n\nThe vote is expected in June.")
    assert wrapped in doc.body


def test_nothing_is_lost_silently() -> None:
    doc = clean(BLOG_PAGE)
    kept = set(body_lines(doc))
    removed = set(reasons(doc))
    original = {line for line in normalise_text(BLOG_PAGE).split("\n") if line.strip()}
    assert original == kept | removed


def test_bare_name_ending_a_paragraph_block_is_a_picture_credit() -> None:
    text = WIRE_PAGE.replace("© AFP / Lena Holm", "Nordpress")
    doc = clean(text)
    assert reasons(doc)["Nordpress"] == "credit"
    # A subheading opens the block it heads and stays.
    kept = clean(
        "Ferry timetable published\n\n"
        "The operator published its winter timetable on Monday, two weeks late.\n\n"
        "Fares\nTickets will cost the same as last year, the operator said on Monday."
    )
    assert "Fares" in body_lines(kept)
