"""Page facts a journalist can cite: dates at the precision of their evidence, titles,
authors and page kinds, against gold where the sets have it and trafilatura's own
metadata in the same run.

    python benchmarks/page_facts.py [--limit N] [--errors N]

Data (read from `../shared/bench/`, skipped with a message when absent):
  extraction/wcxb-dev       202 articles + 48 other pages: gold title, author, date, page type
  extraction/aeb            181 news articles (no metadata gold): kinds, junk, site names
  extraction/trafilatura-eval  300 pages, gold title/author where given
  dates/htmldate-dev        150 pages, gold publication day
  examples/corpus           the bundled example corpus (text and HTML)

newstrace runs its clean and describe stages only (what the page facts need);
trafilatura runs `bare_extraction(with_metadata=True)` on the same decoded page.

Measures:
  * dates finer than their evidence: a day whose basis is a printed date ("page",
    "byline") must be printed in the page (ISO, numeric or with a month name); a date
    from a copyright line must be a year; a URL date no finer than the URL spells.
    Counted per set; the target is 0.
  * date accuracy on htmldate-dev (exact day; None right where the gold has none).
  * title exact match (whitespace-normalised, case-insensitive) on WCXB articles and
    trafilatura-eval; titles equal to the site name, in every set.
  * authors on WCXB articles with a gold author: exact, and the same set of names
    (separators ";", ",", "&", "and" read alike); junk authors in every set (a
    digit, "@", "©", "http", more than five words to a name, a lowercase word that is
    no name particle).
  * page kinds against WCXB's page types (collection/listing -> listing; the rest of
    the non-articles -> other), as a confusion table; kinds found in the other sets.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, data_dir, machine_line, read_page
from dates import load_pages as load_dates
from extraction import load_aeb, load_trafeval, load_wcxb

_SPACE = re.compile(r"\s+")
_PARTICLES = frozenset("de da del der van von la le di du bin al y and und".split())
_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b)\s*")
# month names and stems in the languages of the sets (English, German, French, Spanish, Russian)
_MONTHS = {
    1: ("jan", "januar", "janvier", "enero", "янв"), 2: ("feb", "februar", "février", "febrero", "фев"),
    3: ("mar", "märz", "mars", "marzo", "мар"), 4: ("apr", "avril", "abril", "апр"),
    5: ("may", "mai", "mayo", "мая", "май"), 6: ("jun", "juni", "juin", "junio", "июн"),
    7: ("jul", "juli", "juillet", "julio", "июл"), 8: ("aug", "août", "agosto", "авг"),
    9: ("sep", "septembre", "septiembre", "сен"), 10: ("oct", "okt", "octobre", "octubre", "окт"),
    11: ("nov", "novembre", "noviembre", "ноя"), 12: ("dec", "dez", "décembre", "diciembre", "дек"),
}  # fmt: skip


def _norm(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip().casefold()


def _names(text: str | None) -> list[str]:
    return sorted(_norm(n) for n in _NAME_SPLIT.split(text or "") if n.strip())


def is_junk_author(author: str) -> bool:
    for name in author.split(";"):
        words = name.split()
        if any(c.isdigit() for c in name) or any(mark in name for mark in ("@", "©", "http")):
            return True
        if len(words) > 5 or any(w.islower() and w not in _PARTICLES and len(w) > 2 for w in words[:-1]):
            return True
    return False


def day_printed(raw: str, value: str) -> bool:
    """Whether the page prints the day `value` (YYYY-MM-DD) in some common form."""
    year, month, day = (int(part) for part in value.split("-"))
    text = raw.casefold()
    numeric = [
        f"{year}-{month:02d}-{day:02d}", f"{year}/{month:02d}/{day:02d}", f"{year}/{month}/{day}",
        f"{day:02d}.{month:02d}.{year}", f"{day}.{month}.{year}", f"{month}/{day}/{year}",
        f"{month:02d}/{day:02d}/{year}", f"{day:02d}/{month:02d}/{year}", f"{year}{month:02d}{day:02d}",
        f"{day:02d}-{month:02d}-{year}", f"{year}.{month:02d}.{day:02d}",
        f"{day:02d}.{month:02d}.{year % 100:02d}", f"{day}.{month}.{year % 100:02d}", f"{day}/{month}/{year}",
    ]  # fmt: skip
    if any(form in text for form in numeric):
        return True
    for name in _MONTHS[month]:
        for match in re.finditer(re.escape(name), text):
            near = text[max(0, match.start() - 12) : match.end() + 14]
            if re.search(rf"(?<!\d)0?{day}(?!\d)", near) and (str(year) in text or str(year)[2:] in near):
                return True
    return False


def finer_than_evidence(doc: Any, raw: str) -> bool:
    if not doc.published or doc.published_basis == "given":
        return False
    if doc.published_basis == "copyright":
        return doc.published_precision != "year"
    if doc.published_precision == "day" and doc.published_basis in ("page", "byline"):
        return not day_printed(raw, doc.published[:10])
    if doc.published_basis == "url" and doc.published_precision == "day":
        url = doc.given.get("url") or doc.html_metadata.get("url") or ""
        return not re.search(r"(19|20)\d{2}\D?[01]?\d\D?[0-3]?\d", url)
    return False


_WCXB_KIND = {"article": "article", "collection": "listing", "listing": "listing"}


def main(argv: list[str] | None = None) -> int:
    from trafilatura import bare_extraction

    from newstrace.config import load_settings
    from newstrace.model import RawRecord
    from newstrace.pipeline import Pipeline, build_pipeline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set (0: all)")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per measure")
    args = parser.parse_args(argv)
    print(f"machine: {machine_line()}")
    full = build_pipeline(load_settings())
    names = full.stage_names
    pipeline = Pipeline(full.stages[: names.index("classify_page") + 1])

    def run(content: str, is_html: bool, source: str, url: str | None) -> Any:
        sha = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
        record = RawRecord(source, "html" if is_html else "text", content, sha, is_html, {"url": url} if url else {})
        return pipeline.process(record)

    # The sets as the extraction and date benchmarks load them (`extraction.py`, `dates.py`).
    sets: list[tuple[str, list[tuple[str, str, bool, str | None, dict]]]] = []
    for name, folder, load, gold_of in (
        ("wcxb-dev", ("extraction", "wcxb-dev"), load_wcxb,
         lambda gold: {"title": gold["title"], "author": gold["author"], "kind": _WCXB_KIND.get(gold["type"], "other")}),
        ("aeb", ("extraction", "aeb"), load_aeb, lambda gold: {"kind": "article"}),
        ("trafilatura-eval", ("extraction", "trafilatura-eval"), load_trafeval,
         lambda gold: {"title": gold.get("title"), "author": gold.get("author")}),
    ):  # fmt: skip
        root = data_dir(*folder)
        if root:
            sets.append((name, [(p.name, read_page(p.path), True, p.url, gold_of(p.gold)) for p in load(root)]))
    dates = data_dir("dates", "htmldate-dev")
    if dates:
        # no URL, as upstream's evaluation (and `dates.py` by default) gives none
        sets.append(("htmldate-dev", [(p.name, read_page(p.path), True, None, {"date": p.gold}) for p in load_dates(dates)]))
    corpus = REPO / "examples" / "corpus"
    sets.append(("example corpus", [
        (path.name, read_page(path), path.suffix == ".html", None, {})
        for path in sorted(corpus.iterdir())
        if path.suffix in (".html", ".txt") and path.stat().st_size > 0 and b"\0" not in path.read_bytes()[:512]
    ]))  # fmt: skip

    for name, pages in sets:
        if args.limit:
            pages = pages[: args.limit]
        counts: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        confusion: Counter[tuple[str, str]] = Counter()
        bases: Counter[str] = Counter()
        errors: dict[str, list[str]] = {}
        for page_name, content, is_html, url, gold in pages:
            doc = run(content, is_html, page_name, url)
            peer = bare_extraction(content, url=url, with_metadata=True) if is_html else None
            peer_title = getattr(peer, "title", None) if peer is not None else None
            peer_author = getattr(peer, "author", None) if peer is not None else None
            counts["pages"] += 1
            kinds[doc.page_kind] += 1
            if "kind" in gold:
                confusion[(gold["kind"], doc.page_kind)] += 1
                if gold["kind"] != doc.page_kind:
                    errors.setdefault("kind", []).append(f"{page_name}: gold {gold['kind']}, ours {doc.page_kind}")
            elif doc.page_kind != "article":
                errors.setdefault("kind", []).append(f"{page_name}: {doc.page_kind} ({doc.title!r})")
            if doc.published:
                counts["dated"] += 1
                bases[f"{doc.published_basis}/{doc.published_precision}"] += 1
                if finer_than_evidence(doc, content):
                    counts["finer than evidence"] += 1
                    errors.setdefault("finer", []).append(f"{page_name}: {doc.published} {doc.published_basis}")
            if "date" in gold:
                counts["date gold"] += 1
                counts["date right"] += doc.published == gold["date"]
            site = _norm(doc.site)
            if doc.title and site and _norm(doc.title) == site:
                counts["title = site name"] += 1
                errors.setdefault("site title", []).append(f"{page_name}: {doc.title}")
            if doc.author:
                counts["authors"] += 1
                if is_junk_author(doc.author):
                    counts["junk authors"] += 1
                    errors.setdefault("junk", []).append(f"{page_name}: {doc.author}")
            if peer_author:
                counts["peer authors"] += 1
                counts["peer junk authors"] += is_junk_author(peer_author.replace(",", ";"))
            is_article = gold.get("kind", "article") == "article"
            if gold.get("title") and is_article:
                counts["title gold"] += 1
                counts["title exact"] += _norm(doc.title) == _norm(gold["title"])
                counts["peer title exact"] += _norm(peer_title) == _norm(gold["title"])
                if _norm(doc.title) != _norm(gold["title"]):
                    errors.setdefault("title", []).append(f"{page_name}: {doc.title!r} / gold {gold['title']!r}")
            if gold.get("author") and is_article:
                counts["author gold"] += 1
                counts["author exact"] += _norm(doc.author) == _norm(gold["author"])
                counts["author names"] += _names(doc.author) == _names(gold["author"])
                counts["peer author exact"] += _norm(peer_author) == _norm(gold["author"])
                counts["peer author names"] += _names(peer_author) == _names(gold["author"])
        print(f"\n== {name}: {counts['pages']} pages")
        if counts["date gold"]:
            print(f"  date accuracy {counts['date right'] / counts['date gold']:.3f} ({counts['date right']}/{counts['date gold']})")
        print(f"  dated {counts['dated']}; finer than their evidence: {counts['finer than evidence']}; "
              f"basis/precision {dict(bases.most_common())}")  # fmt: skip
        if counts["title gold"]:
            n = counts["title gold"]
            print(f"  title exact: newstrace {counts['title exact'] / n:.3f} ({counts['title exact']}/{n}), "
                  f"trafilatura {counts['peer title exact'] / n:.3f}")  # fmt: skip
        print(f"  titles equal to the site name: {counts['title = site name']}")
        if counts["author gold"]:
            n = counts["author gold"]
            print(f"  author exact / same names: newstrace {counts['author exact'] / n:.3f} / {counts['author names'] / n:.3f}, "
                  f"trafilatura {counts['peer author exact'] / n:.3f} / {counts['peer author names'] / n:.3f} (n={n})")  # fmt: skip
        junk = counts["junk authors"] / counts["authors"] if counts["authors"] else 0.0
        peer_junk = counts["peer junk authors"] / counts["peer authors"] if counts["peer authors"] else 0.0
        print(f"  junk authors: newstrace {counts['junk authors']}/{counts['authors']} ({junk:.1%}), "
              f"trafilatura {counts['peer junk authors']}/{counts['peer authors']} ({peer_junk:.1%})")  # fmt: skip
        print(f"  page kinds: {dict(kinds.most_common())}")
        if confusion and len({gold for gold, _ in confusion}) > 1:
            ours = sorted({k for _, k in confusion})
            print("  confusion (rows gold, columns ours): " + " ".join(f"{k:>9}" for k in ours))
            for gold_kind in sorted({g for g, _ in confusion}):
                print(f"    {gold_kind:>9} " + " ".join(f"{confusion[(gold_kind, k)]:>9}" for k in ours))
        for measure, found in errors.items():
            for line in found[: args.errors]:
                print(f"    {measure}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
