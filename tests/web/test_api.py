"""The JSON API in-process: every route, its filters, its pages and its errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from .conftest import SEEDS


def _first(client: TestClient, path: str) -> dict:
    items = client.get(path).json()["items"]
    assert items, path
    return items[0]


def test_openapi_lists_every_resource(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/quotes", "/api/speakers/{entity_id}", "/api/stories/{story_id}", "/api/families/{family_id}",
                 "/api/documents/{document_id}", "/api/search", "/api/quotes.csv", "/api/quotes.jsonl"):  # fmt: skip
        assert path in paths


def test_every_quote_carries_what_a_citation_needs(client: TestClient) -> None:
    items = client.get("/api/quotes?limit=20").json()["items"]
    assert len(items) == 20
    for item in items:
        assert item["document_id"] and item["id"] and item["text"]
        assert "speaker" in item and "date" in item
        citation = item["citation"]
        assert citation["document_id"] == item["document_id"]
        assert citation["where"] in (citation["url"], citation["source"])
        assert "site" in citation and "title" in citation and "published" in citation


def test_pages_follow_each_other_without_gaps_or_repeats(client: TestClient) -> None:
    everything = client.get("/api/quotes?limit=200").json()["items"]
    seen, after = [], None
    while True:
        page = client.get(
            "/api/quotes", params={"limit": 7, **({"after": after} if after is not None else {})}
        ).json()
        seen += [item["id"] for item in page["items"]]
        after = page["next_after"]
        if after is None:
            break
    assert seen[: len(everything)] == [item["id"] for item in everything]
    assert len(seen) == len(set(seen)) == client.get("/api/counts").json()["quotes"]


def test_filters_narrow_the_listing(client: TestClient) -> None:
    speaker = _first(client, "/api/speakers")
    by_speaker = client.get("/api/quotes", params={"speaker_id": speaker["id"], "limit": 200}).json()["items"]
    assert len(by_speaker) == speaker["quotes"]
    assert {item["speaker_id"] for item in by_speaker} == {speaker["id"]}
    by_name = client.get("/api/quotes", params={"speaker": speaker["name"].split()[-1], "limit": 200}).json()[
        "items"
    ]
    assert {item["id"] for item in by_speaker} <= {item["id"] for item in by_name}

    direct = client.get("/api/quotes?kind=direct&limit=200").json()["items"]
    assert direct and {item["kind"] for item in direct} == {"direct"}
    dated = client.get("/api/quotes?since=2023-01-01&until=2023-12&limit=200").json()["items"]
    assert dated and all("2023-01-01" <= item["date"] <= "2023-12-31" for item in dated)
    confident = client.get("/api/quotes?min_confidence=0.9&limit=200").json()["items"]
    assert all(item["speaker_confidence"] >= 0.9 for item in confident)
    site = next(
        i["citation"]["site"]
        for i in client.get("/api/quotes?limit=200").json()["items"]
        if i["citation"]["site"]
    )
    assert {
        i["citation"]["site"] for i in client.get("/api/quotes", params={"site": site}).json()["items"]
    } == {site}
    worded = client.get("/api/quotes?q=dredging").json()["items"]
    assert worded and all("dredging" in item["text"] for item in worded)


def test_downloads_hold_the_whole_listing(client: TestClient) -> None:
    speaker = _first(client, "/api/speakers")
    lines = client.get("/api/quotes.jsonl", params={"speaker_id": speaker["id"]}).text.splitlines()
    assert len(lines) == speaker["quotes"]
    assert json.loads(lines[0])["citation"]["document_id"]
    table = list(
        csv.DictReader(io.StringIO(client.get("/api/quotes.csv", params={"speaker_id": speaker["id"]}).text))
    )
    assert len(table) == speaker["quotes"] and table[0]["speaker"] == speaker["name"]
    assert client.get("/api/quotes.csv").headers["content-disposition"].startswith("attachment")


def test_speakers_stories_families_documents_and_search(client: TestClient) -> None:
    speaker = _first(client, "/api/speakers")
    assert client.get(f"/api/speakers/{speaker['id']}").json()["timeline"]
    story = _first(client, "/api/stories")
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert {doc["id"] for doc in detail["documents"]} == set(story["document_ids"])
    quote = _first(client, "/api/quotes")
    family = client.get(f"/api/families/{quote['family_id']}").json()
    assert quote["id"] in {item["id"] for item in family["items"]}
    document = client.get(f"/api/documents/{quote['document_id']}").json()
    assert document["body"] and quote["id"] in {q["id"] for q in document["quotes"]}
    found = client.get("/api/search?q=dredging").json()
    assert found["quotes"] and found["documents"]
    assert client.get("/api/counts").json()["documents"] >= 17


@pytest.mark.parametrize(
    "path",
    ["/api/quotes?since=yesterday", "/api/quotes?limit=0", "/api/quotes?limit=100000", "/api/quotes?after=x",
     "/api/quotes?min_confidence=2", "/api/quotes?kind=rumour", "/api/quotes?language=english!",
     "/api/search", "/api/search?q=", "/quotes?since=bad", "/speakers/x?after=-3"],
)  # fmt: skip
def test_malformed_parameters_are_400_with_a_message(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert "bad parameter" in response.text


@pytest.mark.parametrize(
    "path", ["/api/speakers/nobody", "/api/stories/none", "/api/families/none", "/api/documents/none",
             "/speakers/nobody", "/stories/none", "/families/none", "/documents/none", "/nowhere"],
)  # fmt: skip
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "text",
    ['"', "AND OR NOT", "*", "a\x00b", "'; DROP TABLE quotes; --", "NEAR(", "^", "％"],
)
def test_search_words_that_are_syntax_are_only_words(client: TestClient, text: str) -> None:
    for path in ("/api/search", "/api/quotes", "/search", "/quotes"):
        assert client.get(path, params={"q": text}).status_code == 200
    assert client.get("/api/counts").json()["quotes"] > 0


def test_path_traversal_is_refused(client: TestClient) -> None:
    for path in (
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    ):
        response = client.get(path)
        assert response.status_code == 404
        assert "create_app" not in response.text
    assert client.get("/static/style.css").status_code == 200


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed pages not found at {SEEDS}")
def test_the_api_returns_a_seed_speakers_quotes_with_outlet_title_and_date(client: TestClient) -> None:
    speaker = _first(client, "/api/speakers?name=Blinken")
    items = client.get("/api/quotes", params={"speaker_id": speaker["id"], "limit": 200}).json()["items"]
    assert len({item["document_id"] for item in items}) >= 4
    # the outlet is the site where the page names one, else the file it came from (seed 001 names none)
    assert all(
        item["citation"]["title"] and (item["citation"]["site"] or item["citation"]["where"])
        for item in items
    )
    assert len({item["citation"]["site"] for item in items} - {None}) >= 3
    # seed 004 states no date anywhere: its quotes have none rather than an invented one
    assert len({item["document_id"] for item in items if item["date"]}) >= 3
