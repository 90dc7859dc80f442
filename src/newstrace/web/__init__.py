"""`newstrace serve`: a read-only JSON API and web UI over a collection.

Thin layers over `store.browse`: `api` (JSON), `pages` (server-rendered HTML),
and pure renderers for the pieces a page shows (`highlight`, `wording`,
`timeline`). `app` puts them together with the safety headers.
"""
