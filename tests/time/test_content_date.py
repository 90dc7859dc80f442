"""Content dates and republication flags, on articles written for these tests."""

from __future__ import annotations

from newstrace.model import Document, Quote
from newstrace.time import Evidence, date_quotes, infer_content_date, tag_dates
from newstrace.time.content_date import period


def make(body: str, published: str | None, precision: str | None = "day", published_text: str | None = None) -> Document:
    doc = Document(
        id="d", source="s", sha256="", format="text", raw=body, body=body,
        published=published, published_precision=precision, published_text=published_text,  # type: ignore[arg-type]
    )
    doc.date_mentions = tag_dates(doc)
    return doc


def test_relative_evidence_gives_a_content_date_and_a_page_a_day_later_is_no_republication() -> None:
    doc = infer_content_date(make("The ferry company said on Sunday that the route would close.", "2022-01-10"), 30)
    assert doc.content_date == "2022-01-09"
    assert doc.content_date_basis == "anchored 'on Sunday' to the page date 2022-01-10"
    assert doc.republished is False


def test_republication_is_unknown_only_when_a_date_is() -> None:
    body = "The lighthouse keeper retired on 3 December 2021, the trust said."
    assert infer_content_date(make(body, None, None), 30).republished is None
    # a page known only to its year, the year of the events: no telling
    assert infer_content_date(make(body, "2021", "year"), 30).republished is None
    assert infer_content_date(make(body, "2024", "year"), 30).republished is True


def test_stated_old_dates_mark_a_republication() -> None:
    body = "Weekend Herald\n\nThe lighthouse keeper retired on 3 December 2021, the trust said."
    doc = infer_content_date(make(body, "2025-06-03"), 30)
    assert doc.content_date == "2021-12-03"
    assert doc.republished is True
    assert "3 December 2021" in (doc.content_date_basis or "")


def test_stated_dates_that_agree_with_the_page() -> None:
    doc = infer_content_date(make("The lighthouse keeper retired on 3 December 2021, the trust said.", "2021-12-05"), 30)
    assert (doc.content_date, doc.republished) == ("2021-12-03", False)


def test_page_header_date_and_quoted_speech_are_not_content_evidence() -> None:
    body = 'Tuesday, Jun 03, 2025\n\nThe minister said: "In my talks today we agreed on the canal."'
    doc = infer_content_date(make(body, "2025-06-03", published_text="Tuesday, Jun 03, 2025"), 30)
    assert (doc.content_date, doc.republished) == (None, None)


def test_no_page_date_no_invented_day() -> None:
    doc = infer_content_date(make("Speaking on Sunday, she said the dam opens on 16 June.", None, None), 30)
    assert doc.content_date is None and doc.republished is None


def test_future_events_are_not_content() -> None:
    doc = infer_content_date(make("The ministers will meet on Thursday.", "2022-01-10"), 30)
    assert doc.content_date is None


def test_linked_evidence_can_settle_republication() -> None:
    start, end = period("2022-01-09")  # type: ignore[misc]
    linked = [Evidence(start, end, "2022-01-09", "content date of linked document x", True, "x")]
    doc = infer_content_date(make("The envoy said on Sunday the talks would go on.", "2025-06-20"), 30, linked=linked)
    assert (doc.content_date, doc.republished) == ("2022-01-09", True)


def test_quote_said_on_and_venue_from_the_preceding_sentence() -> None:
    body = (
        "In an interview with Harbour Radio on Sunday, the port director was asked about the strike. She replied:\n\n"
        "“We will not close the docks.”"
    )
    doc = make(body, "2022-01-10")
    start = body.index("“")
    doc.quotes = [Quote(id="q", document_id="d", text=body[start:], start=start, end=len(body), kind="direct")]
    date_quotes(doc)
    assert (doc.quotes[0].said_on, doc.quotes[0].venue) == ("2022-01-09", "Harbour Radio interview")


def test_quote_not_dated_by_a_future_event() -> None:
    body = "Ahead of the talks, which will take place on Tuesday, the envoy said the port was “open to all”."
    doc = make(body, "2022-01-10")
    start = body.index("“")
    doc.quotes = [Quote(id="q", document_id="d", text="open to all", start=start, end=start + 13, kind="fragment")]
    date_quotes(doc)
    assert doc.quotes[0].said_on is None
