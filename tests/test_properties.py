"""Properties that hold for any input, tried on generated ones (hypothesis): no exception
escapes the readers, the cleaner, the date tagger or the quote finder; every offset
points inside the body, and every quote's and date mention's text is the body between
its offsets; ids do not depend on the order of the inputs."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newstrace
from newstrace.config import load_settings
from newstrace.export import export_records
from newstrace.model import RawRecord, Rejection
from newstrace.pipeline import analyse_page, build_pipeline
from newstrace.read import read_bytes

from .conftest import HARBOUR_STORY, ORCHARD_STORY

# Pieces of news prose, in the languages with data files, that the stages react to:
# quotation marks of every style, verbs of saying, names, dates, paragraph breaks.
PIECES = [
    '"', "“", "”", "„", "«", "»", "‘", "’", "'", " said ", " sagte ", " told reporters", ", according to ",
    "Maren Okafor", "Mr. Lindqvist", "the minister", "She", " he ", ": ", ". ", "\n\n", "\n", " — ",
    "on Monday", "last week", "12 May 2024", "2024-05-12", "am 3. März", "yesterday", "in 1998", "05/10/2018",
    "tomorrow at 5 p.m.", "for three days", "every Friday", "Q: ", "A: ", "Sources:", "Read more", "(AP)",
    "Port Caldera, 4 June (Reuters) - ", "<p>", "</p>", "&amp;", "\t", "\u00a0", "\u200b",
]  # fmt: skip
PROSE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_pipeline = None


def pipeline():
    global _pipeline
    if _pipeline is None:
        _pipeline = build_pipeline(load_settings())
    return _pipeline


@QUICK
@given(
    name=st.sampled_from(
        ["p.txt", "p.html", "p.jsonl", "p.warc", "p.warc.gz", "p.zip", "p.tar.gz", "p.gz", "p"]
    ),
    data=st.one_of(st.binary(max_size=2000), PROSE.map(lambda text: text.encode("utf-8", "surrogatepass"))),
)
def test_readers_turn_any_bytes_into_records_or_rejections(name: str, data: bytes) -> None:
    for item in read_bytes(name, data):
        assert isinstance(item, RawRecord | Rejection)
        if isinstance(item, RawRecord):
            item.content.encode("utf-8")  # storable: no lone surrogates
            assert item.source and len(item.sha256) == 64
        else:
            assert item.source and item.reason and "\n" not in item.reason


def _check_offsets(doc) -> None:
    body = doc.body
    for quote in doc.quotes:
        assert 0 <= quote.start < quote.end <= len(body)
        assert quote.text == body[quote.start : quote.end]
        for span in (quote.speaker_span, quote.cue_span):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(body)
    for mention in doc.date_mentions:
        assert 0 <= mention.start < mention.end <= len(body)
        assert mention.text == body[mention.start : mention.end]
    for mention in doc.mentions:
        assert 0 <= mention.start < mention.end <= len(body)
        assert mention.text == body[mention.start : mention.end]


@QUICK
@given(text=PROSE)
def test_cleaner_dates_and_quotes_keep_their_offsets_inside_the_body_for_any_text(text: str) -> None:
    if not text.strip():
        return
    _check_offsets(analyse_page(text, is_html=False, pipeline=pipeline()))


@QUICK
@given(paragraphs=st.lists(PROSE, min_size=1, max_size=6), title=PROSE)
def test_the_same_holds_for_any_html_page(paragraphs: list[str], title: str) -> None:
    from html import escape

    page = f"<html><head><title>{escape(title)}</title></head><body><article>" + "".join(
        f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs
    ) + "</article></body></html>"  # fmt: skip
    _check_offsets(analyse_page(page, is_html=True, pipeline=pipeline()))


def _export(db: str, order: list[Path]) -> list[str]:
    with newstrace.open(db) as collection:
        collection.ingest([str(path) for path in order])
        return sorted(json.dumps(record, sort_keys=True) for record in export_records(collection.store))


@pytest.fixture(scope="module")
def four_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pages")
    texts = [
        HARBOUR_STORY,
        ORCHARD_STORY,
        HARBOUR_STORY.replace("Thursday", "Friday"),
        ORCHARD_STORY + "\n\nMore.",
    ]
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@settings(max_examples=4, deadline=None)
@given(data=st.data())
def test_ids_and_links_do_not_depend_on_the_order_of_the_inputs(
    data: st.DataObject, four_pages: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    orders = list(itertools.permutations(four_pages))
    order = data.draw(st.sampled_from(orders[1:]))
    folder = tmp_path_factory.mktemp("orders")
    assert _export(str(folder / "given.db"), list(order)) == _export(str(folder / "sorted.db"), four_pages)
