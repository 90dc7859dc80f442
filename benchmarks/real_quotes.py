"""Quotations and speakers on real news pages, against a hand-annotated gold set.

    .venv/bin/python benchmarks/real_quotes.py [--errors N]

Gold: `benchmarks/data/real_quotes.tsv` (see its README): every quotation of 12 real
English news pages, as a snippet of its words, its kind and its speaker's full name
(`-` when the page names nobody), annotated from the page text before any output was
looked at. The pages are read from `../shared/bench/extraction/` and run through the
whole per-document pipeline as HTML, as `newstrace ingest` would.

* recall: gold quotations whose snippet lies inside one of our quotes (positions found
  in our clean body, whitespace normalised); a snippet our cleaner dropped counts as missed;
* precision: our quotes holding at least one gold snippet, over all our quotes on the
  pages (quotes the annotator left out on purpose, one-word scare quotes, count against);
* speaker accuracy: over found quotations, our speaker's last word equals the gold
  speaker's (a gold `-` wants no speaker), as a fact-checker would read it;
* the speakers that are not names (not a person or organisation entity) are listed.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, machine_line

GOLD = Path(__file__).resolve().parent / "data" / "real_quotes.tsv"
_SPACES = re.compile(r"\s+")


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text with whitespace runs as one space, and each character's original offset."""
    out, where = [], []
    for match in re.finditer(r"\S+|\s+", text):
        if match.group().isspace():
            out.append(" ")
            where.append(match.start())
        else:
            out.append(match.group())
            where.extend(range(match.start(), match.end()))
    return "".join(out), where


def _last_word(name: str) -> str:
    """The surname: "James P. Kennedy Jr." and "Kennedy" meet at "kennedy"."""
    words = re.sub(r"[^\w\s-]", " ", name).split()
    while len(words) > 1 and words[-1].casefold() in {"jr", "sr", "ii", "iii", "iv"}:
        words.pop()
    return words[-1].casefold() if words else ""


def main() -> int:
    from newstrace.config import load_settings
    from newstrace.pipeline import analyse_page, build_pipeline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and wrong speakers")
    args = parser.parse_args()
    root = data_dir("extraction")
    if root is None:
        return 0
    rows: dict[str, list[dict]] = defaultdict(list)
    with GOLD.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            rows[row["file"]].append(row)
    print(f"machine: {machine_line()}")
    pipeline = build_pipeline(load_settings())
    gold_n = found_n = speaker_ok = ours_n = ours_hit = 0
    not_names: list[str] = []
    by_basis: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors = args.errors
    for file, gold in sorted(rows.items()):
        raw = (root / file).read_bytes()
        html = (gzip.decompress(raw) if file.endswith(".gz") else raw).decode("utf-8", errors="replace")
        doc = analyse_page(html, is_html=True, source=file, pipeline=pipeline)
        body, where = _normalised(doc.body)
        kinds = {e.id: e.kind for e in doc.entities}
        quotes = doc.quotes
        ours_n += len(quotes)
        hit_quotes: set[str] = set()
        for row in gold:
            gold_n += 1
            snippet = _SPACES.sub(" ", row["snippet"]).strip()
            at = body.find(snippet)
            holding = []
            if at >= 0:
                start, end = where[at], where[at + len(snippet) - 1] + 1
                holding = [q for q in quotes if q.start <= start and end <= q.end]
            if not holding:
                if errors > 0:
                    errors -= 1
                    print(f"  missed ({'not in body' if at < 0 else 'no quote'}): {file[:24]} {snippet!r}")
                continue
            found_n += 1
            hit_quotes.update(q.id for q in holding)
            # the innermost quote holding the snippet is the one a reader sees
            quote = min(holding, key=lambda q: q.end - q.start)
            want = row["speaker"].strip()
            right = (quote.speaker is None) if want == "-" else (
                quote.speaker is not None and _last_word(quote.speaker) == _last_word(want)
            )
            speaker_ok += right
            by_basis[quote.speaker_basis or "none"][0] += 1
            by_basis[quote.speaker_basis or "none"][1] += right
            if not right and errors > 0:
                errors -= 1
                print(f"  speaker: {snippet[:40]!r}: ours {quote.speaker!r} ({quote.speaker_mention!r}), gold {want!r}")
        ours_hit += sum(1 for q in quotes if q.id in hit_quotes)
        not_names += [
            f"{q.speaker} ({kinds.get(q.speaker_id or '', '?')})"
            for q in quotes
            if q.speaker and kinds.get(q.speaker_id or "") not in ("person", "organization")
        ]
    recall = found_n / gold_n if gold_n else 0.0
    precision = ours_hit / ours_n if ours_n else 0.0
    print(f"{len(rows)} pages, {gold_n} gold quotations, {ours_n} quotes of ours")
    print(f"recall {recall:.3f}  precision {precision:.3f}  speaker accuracy {speaker_ok / max(found_n, 1):.3f} "
          f"(targets 0.90 / 0.90 / 0.92)")
    print("speaker accuracy by basis: " + ", ".join(
        f"{basis} {right}/{n}" for basis, (n, right) in sorted(by_basis.items(), key=lambda kv: -kv[1][0])
    ))
    print(f"speakers that are not a person or organisation: {len(not_names)} {sorted(set(not_names))[:20]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
