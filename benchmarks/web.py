"""`newstrace serve` under load: p50/p95 latency of every page and API route on a large store.

    python benchmarks/web.py [--documents 100000] [--real 300] [--clients 8] [--seconds 20]
                             [--db PATH] [--reuse]

The store: `--real` real articles from ../shared/bench/quotes/polnear/train/text go
through the whole pipeline (`Collection.ingest`, linking included); synthetic documents
fill it up to `--documents`. Synthetic bodies are drawn from the real articles' words;
each has three quotes (a fifth of them copies of an earlier quote, in its family), two
date mentions, a speaker drawn from 5,000 people by a Zipf law (so some speakers have
thousands of quotes), and a story of four documents. They are stored with the store's
own `add_documents`, so indexes and full-text tables are the product's.

The server: `newstrace serve` in its own process on 127.0.0.1. The load: `--clients`
concurrent clients (threads with one keep-alive connection each) in this process,
each requesting the routes in turn with random ids, for `--seconds`. Reported per
route: requests, p50, p95, max (ms), and any status other than 200.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, data_dir, machine_line

import newstrace
from newstrace.model import DateMention, Document, Entity, Quote, Story
from newstrace.store import QuoteLinkUpdate, open_store

SPEAKERS = 5000
BATCH = 2000


def build_store(db: str, documents: int, real: int) -> None:
    texts = data_dir("quotes", "polnear", "train", "text")
    if texts is None:
        sys.exit("web.py: ../shared/bench/quotes/polnear/train/text not found (needed for the real articles)")
    paths = sorted(texts.glob("*.txt"))[:real]
    started = time.perf_counter()
    with newstrace.open(str(db)) as collection:
        collection.ingest([str(p) for p in paths])
    print(
        f"  {len(paths)} real articles ingested (whole pipeline) in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    words = [w for p in paths for w in re.findall(r"[A-Za-z][a-z']+", p.read_text(encoding="utf-8"))]
    started = time.perf_counter()
    store = open_store(db)
    people = [
        Entity(f"esyn{n:05d}", f"{random.choice(words).title()} {random.choice(words).title()}son", "person",
               roles=["spokesperson"], mentions=10)
        for n in range(SPEAKERS)
    ]  # fmt: skip
    store.put_entities(people)
    zipf = list(itertools.accumulate(1 / (rank + 1) for rank in range(SPEAKERS)))
    earlier: list[Quote] = []
    stories: list[Story] = []
    families: list[tuple[str, str, str]] = []
    batch: list[Document] = []
    for n in range(max(documents - real, 0)):
        doc_id = f"syn{n:07d}"
        day = f"20{10 + n % 14:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        paragraphs, quotes, dates = [], [], []
        offset = 0
        for k in range(3):
            prose = " ".join(random.choices(words, k=80)).capitalize() + "."
            if earlier and random.random() < 0.2:
                copied = random.choice(earlier)
                said, family = copied.text, copied.family_id or copied.id
            else:
                said, family = "“" + " ".join(random.choices(words, k=18)).capitalize() + ".”", None
            speaker = random.choices(people, cum_weights=zipf)[0]
            paragraph = f"{prose} {said} {speaker.name} said on {day}."
            quote_start = offset + len(prose) + 1
            quote = Quote(
                f"q{doc_id}{k}", doc_id, said, quote_start, quote_start + len(said), "direct", speaker=speaker.name,
                speaker_id=speaker.id, said_on=day, speaker_confidence=0.9, speaker_basis="name",
            )  # fmt: skip
            quotes.append(quote)
            if family:
                families.append((quote.id, family, doc_id))
            date_start = offset + paragraph.rindex(day)
            dates.append(
                DateMention(f"d{doc_id}{k}", doc_id, day, date_start, date_start + len(day), "date", day)
            )
            paragraphs.append(paragraph)
            offset += len(paragraph) + 2
        earlier = (earlier + quotes)[-5000:]
        body = "\n\n".join(paragraphs)
        story_id = f"ssyn{n // 4:07d}"
        batch.append(
            Document(
                id=doc_id,
                source=f"synthetic/{doc_id}.txt",
                sha256=hashlib.sha256(body.encode()).hexdigest(),
                format="text",
                raw=body,
                body=body,
                title=" ".join(random.choices(words, k=8)).capitalize(),
                site=f"Outlet {n % 300}",
                language="en",
                published=day,
                published_precision="day",
                published_basis="byline",
                quotes=quotes,
                date_mentions=dates,
                story_id=story_id,
            )
        )
        if n % 4 == 3:
            stories.append(Story(story_id, batch[-1].title or "", [f"syn{m:07d}" for m in range(n - 3, n + 1)],
                                 f"syn{n - 3:07d}", day))  # fmt: skip
        if len(batch) >= BATCH:
            store.add_documents(batch)
            batch = []
    store.add_documents(batch)
    store.put_stories(stories)
    # the families, as the quote-family stage records them: each copy, then its origin
    store.update_quote_links(QuoteLinkUpdate(quote_id, family, doc_id) for quote_id, family, doc_id in families)
    origins = {family for _, family, _ in families}
    first = {q.id: q.document_id for q in store.quotes_by_ids(origins)}
    store.update_quote_links(QuoteLinkUpdate(family, family, first[family]) for family in origins if family in first)
    store.connection.execute("ANALYZE")
    store.close()
    print(
        f"  {max(documents - real, 0)} synthetic documents stored in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def sample_ids(db: str) -> dict[str, list[str]]:
    store = open_store(db)
    one = store.connection
    ids = {
        "speaker": [r[0] for r in one.execute("SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 500")],
        "family": [r[0] for r in one.execute("SELECT family_id FROM quotes WHERE family_id IS NOT NULL ORDER BY random() LIMIT 500")],
        "story": [r[0] for r in one.execute("SELECT id FROM stories ORDER BY random() LIMIT 500")],
        "document": [r[0] for r in one.execute("SELECT id FROM documents ORDER BY random() LIMIT 500")],
        "word": [re.sub(r"\W", "", r[0].split()[0]) or "said" for r in one.execute("SELECT text FROM quotes ORDER BY random() LIMIT 500") if r[0].split()],
    }  # fmt: skip
    store.close()
    return ids


ROUTES = {
    "home": lambda ids: "/",
    "speaker page": lambda ids: f"/speakers/{random.choice(ids['speaker'])}",
    "family page": lambda ids: f"/families/{random.choice(ids['family'])}",
    "story page": lambda ids: f"/stories/{random.choice(ids['story'])}",
    "document page": lambda ids: f"/documents/{random.choice(ids['document'])}",
    "search page": lambda ids: f"/search?q={random.choice(ids['word'])}",
    "quotes page (filtered)": lambda ids: (
        f"/quotes?speaker_id={random.choice(ids['speaker'])}&since=2015-01-01"
    ),
    "api quotes": lambda ids: f"/api/quotes?limit=50&after={random.randrange(0, 200_000)}",
    "api quotes by speaker": lambda ids: f"/api/quotes?speaker_id={random.choice(ids['speaker'])}",
    "api quotes by text": lambda ids: f"/api/quotes?q={random.choice(ids['word'])}",
    "api speaker": lambda ids: f"/api/speakers/{random.choice(ids['speaker'])}",
    "api family": lambda ids: f"/api/families/{random.choice(ids['family'])}",
    "api story": lambda ids: f"/api/stories/{random.choice(ids['story'])}",
    "api document": lambda ids: f"/api/documents/{random.choice(ids['document'])}",
    "api search": lambda ids: f"/api/search?q={random.choice(ids['word'])}",
}


def load(port: int, ids: dict[str, list[str]], clients: int, seconds: float) -> dict[str, list[float]]:
    # http.client, the lightest client the standard library has, so that the load generator
    # takes as little of the shared CPU as it can; a connection per request, as independent
    # readers would open, so that the server's processes share the load
    from http.client import HTTPConnection
    from urllib.parse import quote

    latencies: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(number: int) -> None:
        names = list(ROUTES)
        random.Random(number).shuffle(names)
        i = 0
        while time.monotonic() < stop:
            name = names[i % len(names)]
            i += 1
            started = time.perf_counter()
            http = HTTPConnection("127.0.0.1", port, timeout=30)
            http.request("GET", quote(ROUTES[name](ids), safe="/?&="))
            response = http.getresponse()
            response.read()
            http.close()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies[name].append(elapsed)
                if response.status != 200:
                    failures[name] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies["_failures"] = [float(failures[name]) for name in ROUTES]
    return latencies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--real", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument(
        "--db", default="/tmp/newstrace-web-bench/web.db", help="a SQLite path or a postgresql:// URL (recreated)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (medians reported)")
    parser.add_argument("--workers", type=int, default=2, help="server processes (`serve --workers`)")
    parser.add_argument("--reuse", action="store_true", help="keep the store at --db if it exists")
    args = parser.parse_args(argv)
    random.seed(13)
    db = args.db
    print(
        f"web.py: {machine_line()}\n  store {db}: {args.documents} documents ({args.real} real)", flush=True
    )
    if not args.reuse or not _exists(db):
        _empty(db)
        build_store(db, args.documents, args.real)
    ids = sample_ids(db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "newstrace"), "serve", "--db", str(db), "--port", str(port), "--workers", str(args.workers)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        print("  " + (server.stdout.readline().strip() if server.stdout else ""), flush=True)
        base = f"http://127.0.0.1:{port}"
        _wait_for(base)
        load(port, ids, args.clients, 3)  # warm-up: page cache, the minute-long counts cache
        runs = [load(port, ids, args.clients, args.seconds) for _ in range(args.repeat)]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(
        f"\n  {args.clients} concurrent clients, {args.repeat} runs of {args.seconds:.0f} s, {args.workers} server "
        "processes; latency in ms, the median over runs of each run's p50 and p95"
    )
    print(f"  {'route':<24} {'requests':>8} {'p50':>7} {'p95':>7} {'p95 runs':>22} {'non-200':>8}")
    worst = 0.0
    for index, name in enumerate(ROUTES):
        p50s, p95s = [], []
        for run in runs:
            times = sorted(run[name])
            p50s.append(statistics.median(times))
            p95s.append(times[int(0.95 * (len(times) - 1))])
        p95 = statistics.median(p95s)
        worst = max(worst, p95)
        requests = sum(len(run[name]) for run in runs)
        failures = int(sum(run["_failures"][index] for run in runs))
        spread = "/".join(f"{value:.0f}" for value in p95s)
        print(f"  {name:<24} {requests:>8} {statistics.median(p50s):>7.1f} {p95:>7.1f} {spread:>22} {failures:>8}")
    total = sum(len(times) for run in runs for name, times in run.items() if name != "_failures")
    print(
        f"  all routes: {total} requests, {total / args.seconds / args.repeat:.0f} per second; "
        f"worst median p95 {worst:.1f} ms (target <= 100)"
    )
    return 0


def _exists(db: str) -> bool:
    if "://" not in db:
        return Path(db).exists()
    import psycopg

    try:
        psycopg.connect(db).close()
        return True
    except psycopg.OperationalError:
        return False


def _empty(db: str) -> None:
    """A fresh store at `db`: the SQLite file removed, or the PostgreSQL database recreated."""
    if "://" not in db:
        for stale in Path(db).parent.glob(Path(db).name + "*"):
            stale.unlink()
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        return
    import psycopg

    server, _, name = db.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _wait_for(base: str) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/counts", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("web.py: the server did not answer")


if __name__ == "__main__":
    sys.exit(main())
