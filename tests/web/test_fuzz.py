"""A fuzzing client over every route: whatever the path, parameters, method or headers,
the answer is never a 5xx, and never echoes markup unescaped.

The routes are read from the app itself, so a route added later is fuzzed too.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Mount, Route

from newstrace.web.app import create_app

# Values that have broken web apps: markup, SQL, traversal, format strings, huge and
# odd numbers, control characters, unicode oddities, empty.
NASTY = [
    "", " ", "0", "-1", "99999999999999999999999", "1e309", "NaN", "null", "true", "[]", "{}",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1", "'; DROP TABLE documents; --",
    "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%00", "\x00", "\r\nSet-Cookie: x=1", "%s%s%n",
    "{{7*7}}", "${jndi:ldap://x}", "*", "%", "_", "\\", "\ud7ff", "\U0001f600", "a" * 5000, "2024-13-45",
    "9999-99-99", "2024", "--", "AND", "NEAR(", '"', "NOT",
]  # fmt: skip
VALUES = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
PARAMETERS = [
    "speaker",
    "since",
    "until",
    "search",
    "q",
    "limit",
    "page",
    "sort",
    "story",
    "family",
    "kind",
    "format",
]


def _routes(routes) -> list[str]:
    """Every GET path of these routes, into included routers (FastAPI keeps them whole)."""
    paths = []
    for route in routes:
        if hasattr(route, "original_router"):
            paths += _routes(route.original_router.routes)
        elif isinstance(route, Route) and "GET" in (route.methods or ()):
            paths.append(route.path)
        elif isinstance(route, Mount):
            paths.append(route.path + "/{path}")
    return sorted(paths)


_REAL_IDS: dict[int, list[str]] = {}


def _real_ids(client: TestClient) -> list[str]:
    """Ids the collection holds, so that the fuzzer also reaches past the 404s."""
    if id(client) not in _REAL_IDS:
        ids = []
        for quote in client.get("/api/quotes", params={"limit": 20}).json()["items"]:
            ids += [quote["id"], quote["document_id"], quote["family_id"] or "", quote["speaker_id"] or ""]
        ids += [story["id"] for story in client.get("/api/stories").json()["items"]]
        _REAL_IDS[id(client)] = sorted({i for i in ids if i})
    return _REAL_IDS[id(client)]


def _fill(path: str, values: list[str]) -> str:
    filled = iter(values)
    return re.sub(r"\{[^}]+\}", lambda _: quote(next(filled, "x"), safe=""), path)


def test_the_fuzzer_knows_every_kind_of_route(web_db: str) -> None:
    routes = _routes(create_app(web_db).routes)
    assert "/api/quotes" in routes and "/documents/{document_id}" in routes and "/static/{path}" in routes


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_no_request_gets_a_5xx(data: st.DataObject, client: TestClient) -> None:
    path = data.draw(st.sampled_from(_routes(client.app.routes)))
    segment = st.one_of(st.sampled_from(_real_ids(client)), VALUES)
    url = _fill(path, data.draw(st.lists(segment, min_size=3, max_size=3)))
    parameters = data.draw(st.dictionaries(st.sampled_from(PARAMETERS), VALUES, max_size=4))
    method = data.draw(st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"]))
    headers = data.draw(st.sampled_from([{}, {"Accept": "application/json"}, {"Range": "bytes=5-1"},
                                         {"If-None-Match": "\"x\""}, {"Accept-Encoding": "gzip, br"}]))  # fmt: skip
    response = client.request(method, url, params=parameters, headers=headers)
    assert response.status_code < 500, f"{method} {url} {parameters} -> {response.status_code}"
    if method in ("POST", "PUT", "DELETE"):
        assert response.status_code in (404, 405), "the UI and API are read-only"
    if response.headers.get("content-type", "").startswith("text/html"):
        # whatever was asked for is shown as text, never as markup
        assert "<script>alert(1)</script>" not in response.text and "<img src=x" not in response.text
        assert "script-src" in response.headers.get("content-security-policy", "")


def test_a_nul_character_anywhere_is_not_a_server_error(client: TestClient) -> None:
    # found by the fuzzer: PostgreSQL text cannot hold NUL, and a lookup with one failed
    for path in ("/api/documents/%00", "/documents/a%00b", "/api/speakers/%00"):
        assert client.get(path).status_code == 404
    for parameters in ({"q": "\x00"}, {"speaker": "a\x00b"}, {"since": "\x00"}):
        assert client.get("/api/quotes", params=parameters).status_code in (200, 400)
