"""The pure renderers of the pages: marked bodies, word differences, the timeline."""

from __future__ import annotations

from markupsafe import Markup

from newstrace.model import DateMention, Quote
from newstrace.web.highlight import Span, date_span, marked_paragraphs, quote_span
from newstrace.web.timeline import timeline_svg
from newstrace.web.wording import word_differences


def test_quotes_and_dates_are_marked_and_the_text_is_escaped() -> None:
    body = 'The mayor said "<b>we open</b> on Monday" to reporters.\n\nA second paragraph.'
    quote = Quote("q1", "d1", '"<b>we open</b> on Monday"', 15, 41, "direct", speaker="Ana <i>Ruiz</i>")
    monday = DateMention("m1", "d1", "Monday", 34, 40, "date", "2024-03-04")
    first, second = marked_paragraphs(body, [quote_span(quote, family_url="/families/q1"), date_span(monday)])
    assert first.startswith('The mayor said <a class="quote quote-direct" href="/families/q1"')
    assert "&lt;b&gt;we open&lt;/b&gt;" in first and "<b>" not in first
    assert 'data-speaker="Ana &lt;i&gt;Ruiz&lt;/i&gt;"' in first
    assert (
        '<time class="date-mention" datetime="2024-03-04" title="date: 2024-03-04">Monday</time>&#34;</a>'
        in first
    )
    assert second == "A second paragraph."


def test_a_span_over_a_paragraph_break_is_marked_in_each_and_a_crossing_span_is_left_out() -> None:
    body = "One two three.\n\nFour five."
    outer = Span(4, 21, Markup("<a>"), Markup("</a>"))
    assert marked_paragraphs(body, [outer]) == ["One <a>two three.</a>", "<a>Four </a>five."]
    crossing = Span(2, 6, Markup("<x>"), Markup("</x>"))
    # the span that starts first is marked; the one crossing its edge is not (no broken nesting)
    first, second = marked_paragraphs(body, [outer, crossing])
    assert first == "On<x>e tw</x>o three." and second == "<a>Four </a>five."


def test_word_differences_mark_changed_words_and_ignore_typography() -> None:
    marked, changed = word_differences(
        "“Our goals are clear,” she said", '"Our objectives are clear," she said'
    )
    assert marked == Markup("&#34;Our <del>goals</del> <ins>objectives</ins> are clear,&#34; she said")
    assert changed == 1
    same, none = word_differences("We will <win>.", "We will <win>.")
    assert none == 0 and "&lt;win&gt;" in same


def test_the_timeline_has_a_bar_per_month_gaps_included_and_years_for_long_spans() -> None:
    svg = timeline_svg({"2023-01": 2, "2023-03": 1}, "Quotes by month")
    assert svg.count('<rect class="bar"') == 3 and "2023-02: 0 quotes" in svg
    assert 'aria-label="Quotes by month"' in svg
    long = timeline_svg({"1990-01": 1, "2024-06": 4}, "x")
    assert long.count('<rect class="bar"') == 2024 - 1990 + 1
    assert timeline_svg({}, "x") == ""
