"""The web pages in-process: what each shows, escaping, headers, read-only use."""

from __future__ import annotations

import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from newstrace.web.app import create_app

from .conftest import SEEDS


def _hostile_quote(client: TestClient) -> dict:
    return client.get("/api/quotes?q=dredging").json()["items"][0]


def test_article_markup_is_shown_as_text_everywhere(client: TestClient) -> None:
    quote = _hostile_quote(client)
    assert "<script>" in quote["text"]
    for path in (
        f"/documents/{quote['document_id']}",
        f"/families/{quote['family_id']}",
        "/search?q=dredging",
        "/quotes?q=dredging",
    ):
        page = client.get(path).text
        assert "<script>alert" not in page and "<b>in May</b>" not in page, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, path
    assert "<script>alert" not in client.get("/search", params={"q": "<script>alert(1)</script>"}).text


def test_every_response_forbids_inline_script(client: TestClient) -> None:
    for path in ("/", "/api/counts", "/documents/none", "/static/style.css"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for page in ("/", "/quotes", "/search?q=x"):
        assert not re.search(r"<script(?![^>]*\bsrc=)", client.get(page).text)
        assert " style=" not in client.get(page).text


def test_document_page_marks_quotes_and_dates_and_shows_facts_with_their_basis(client: TestClient) -> None:
    quote = client.get("/api/quotes?kind=direct").json()["items"][0]
    page = client.get(f"/documents/{quote['document_id']}").text
    assert 'class="quote quote-direct"' in page and 'data-speaker="' in page
    assert f"/families/{quote['family_id']}" in page
    assert 'class="date-mention"' in page
    assert re.search(r"\((day|month|year); from the \w", page)
    assert "Removed from the page" in page


def test_speaker_page_has_a_timeline_and_each_quote_with_its_family(client: TestClient) -> None:
    speaker = client.get("/api/speakers").json()["items"][0]
    page = client.get(f"/speakers/{speaker['id']}").text
    assert "<svg" in page and 'class="bar"' in page
    assert page.count('class="quote-item"') == min(speaker["quotes"], 20)
    assert "/families/" in page


def test_story_page_lists_every_document_with_its_dates(client: TestClient) -> None:
    story = client.get("/api/stories").json()["items"][0]
    page = client.get(f"/stories/{story['id']}").text
    for doc_id in story["document_ids"]:
        assert f"/documents/{doc_id}" in page
    assert "Stated date" in page and "Content date" in page and "Republished" in page


def test_home_shows_counts_stories_and_speakers(client: TestClient) -> None:
    page = client.get("/").text
    assert "documents" in page and "/speakers/" in page and "/stories/" in page
    assert 'role="search"' in page and 'for="site-search"' in page


def test_the_server_cannot_write_to_the_store(web_db: str) -> None:
    app = create_app(web_db)
    browse = app.state.collection.browse()
    with pytest.raises(sqlite3.OperationalError):
        browse._db.execute("DELETE FROM quotes")


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed pages not found at {SEEDS}")
def test_seed_pages(client: TestClient) -> None:
    speaker = client.get("/api/speakers?name=Blinken").json()["items"][0]
    page = client.get(f"/speakers/{speaker['id']}").text
    assert "<svg" in page
    assert len(set(re.findall(r'href="[^"]*/documents/(\w+)"', page))) >= 4
    objectives = next(
        i for i in client.get("/api/quotes?q=objectives").json()["items"] if "Putin" in i["text"]
    )
    family = client.get(f"/api/families/{objectives['family_id']}").json()
    assert family["items"][0]["citation"]["source"].endswith(next(SEEDS.glob("001_*")).name)
    family_page = client.get(f"/families/{objectives['family_id']}").text
    assert "<del>goals</del>" in family_page and "objectives" in family_page
    seed_000 = next(
        d for d in client.get("/api/search?q=Blinken&limit=50").json()["documents"] if "000_" in d["source"]
    )
    removed = client.get(f"/documents/{seed_000['id']}").text
    assert re.search(r'<span class="reason">[^<]+</span>: Related Articles', removed)


def test_the_server_cannot_write_to_a_postgresql_store(pg_web_db: str) -> None:
    import psycopg

    collection = create_app(pg_web_db).state.collection
    with collection.request(), pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        collection.browse()._execute("DELETE FROM quotes")


def test_a_postgresql_server_holds_a_bounded_pool_of_connections(pg_web_db: str, monkeypatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import psycopg

    database = pg_web_db.rpartition("/")[2]

    def connections_open() -> int:
        with psycopg.connect(pg_web_db, autocommit=True) as watcher:
            sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
            return watcher.execute(sql, (database,)).fetchone()[0]

    before = connections_open()
    monkeypatch.setenv("NEWSTRACE_SERVE_CONNECTIONS", "2")
    app = create_app(pg_web_db)
    client = TestClient(app, raise_server_exceptions=False)
    routes = ["/", "/quotes", "/api/quotes?limit=5", "/search?q=said", "/api/counts", "/api/stories"] * 4
    with ThreadPoolExecutor(8) as threads:
        statuses = list(threads.map(lambda route: client.get(route).status_code, routes))
    assert statuses == [200] * len(routes)
    # the pool's connections, kept for the next requests: not one per thread that answered
    assert 1 <= connections_open() - before <= 2
    app.state.collection.close()
