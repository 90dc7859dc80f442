"""Quotes and speakers (issue 4) on PolNeAR dev (English) and German Wikinews dev.

    .venv/bin/python benchmarks/quotes.py [--split dev]

Runs newstrace's quote stages (`newstrace.quotes.quote_stages()`: entities,
interview turns, direct, indirect, speakers) on a Document whose body is the
benchmark's text as given (already clean; the title line of PolNeAR stays
in). Scored as the corpora's READMEs describe, per document, one-to-one:

* a unit is one attribution: PolNeAR's E relation (union of Content ranges,
  Source ranges), a Wikinews annotation (quote spans, speaker spans); ours is
  a quote with its `part_of` pieces joined, minus any unit lying wholly inside
  another (a fragment inside reported speech is one attribution there);
* overlap: |pred ∩ gold| / |gold| >= t (t = 0.3 and 0.8, characters), greedy
  one-to-one by overlap; exact: equal character sets after stripping
  whitespace, outer quote marks and trailing ,.;: from both ends;
* speaker correct: our speaker span overlaps the gold source span (gold none ->
  ours none); accuracy over overlap-matched pairs; source F1 = matched AND
  speaker correct, over all predicted / all gold;
* tracks: all attributions, and direct only (gold content with a quote mark /
  Wikinews type Direct; ours with a quote mark).

Speed: articles per second on one core for the quote stages alone.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_dir, machine_line, print_table  # noqa: E402

from newstrace.model import Document  # noqa: E402
from newstrace.quotes import quote_stages  # noqa: E402

MARKS = "\"“”„«»‘’'‚"
STRIP = set(" \t\n" + MARKS + ",.;:")


@dataclass
class Unit:
    chars: frozenset[int]
    source: frozenset[int] | None
    direct: bool


def _chars(ranges: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in ranges for i in range(s, e))


def _normalised(chars: frozenset[int], text: str) -> frozenset[int]:
    if not chars:
        return chars
    lo, hi = min(chars), max(chars)
    while lo <= hi and text[lo] in STRIP:
        lo += 1
    while hi >= lo and text[hi] in STRIP:
        hi -= 1
    return frozenset(i for i in chars if lo <= i <= hi and not text[i].isspace())


def predict(doc_id: str, text: str) -> list[Unit]:
    doc = Document(id=doc_id, source=doc_id, sha256="", format="text", raw=text, body=text)
    for stage in quote_stages():
        doc = stage.run(doc)
    groups: dict[str, list] = {}
    for quote in doc.quotes:
        groups.setdefault(quote.part_of or quote.id, []).append(quote)
    units = []
    for pieces in groups.values():
        chars = _chars([(q.start, q.end) for q in pieces])
        span = pieces[0].speaker_span
        content = "".join(q.text for q in pieces)
        units.append(Unit(chars, _chars([span]) if span else None, any(m in content for m in MARKS[:6])))
    return [u for u in units if not any(u is not o and u.chars < o.chars for o in units)]


def polnear_gold(ann: Path, text: str) -> list[Unit]:
    spans: dict[str, list[tuple[int, int]]] = {}
    units = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        m = re.match(r"^(T\d+)\t\S+ ([\d ;]+)\t", line)
        if m:
            spans[m[1]] = [tuple(map(int, r.split())) for r in m[2].split(";")]
    for line in lines:
        m = re.match(r"^E\d+\t(.*)", line)
        if not m:
            continue
        roles = dict(part.split(":") for part in m[1].split())
        if "Content" not in roles:
            continue
        content = _chars(spans[roles["Content"]])
        source = _chars(spans[roles["Source"]]) if "Source" in roles else None
        units.append(Unit(content, source, any(text[i] in MARKS[:6] for i in content)))
    return units


def wikinews_gold(record: dict) -> list[Unit]:
    units = []
    for a in record["annotations"]:
        content = _chars([(s["charBegin"], s["charEnd"]) for s in a["quote"]["spans"]])
        speaker = a["speaker"]["spans"]
        source = _chars([(s["charBegin"], s["charEnd"]) for s in speaker]) if speaker else None
        if content:
            units.append(Unit(content, source, a["type"] == "Direct"))
    return units


@dataclass
class Tally:
    pred: int = 0
    gold: int = 0
    matched: dict[float, int] | None = None
    exact: int = 0
    speaker_ok: int = 0

    def __post_init__(self) -> None:
        self.matched = {0.3: 0, 0.8: 0}


def score(gold: list[Unit], pred: list[Unit], text: str, tally: Tally) -> None:
    tally.pred += len(pred)
    tally.gold += len(gold)
    pairs = sorted(
        (
            (len(g.chars & p.chars) / len(g.chars), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if g.chars & p.chars
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for ratio, gi, pi in pairs:
        if gi in used_g or pi in used_p or ratio < 0.3:
            continue
        used_g.add(gi)
        used_p.add(pi)
        tally.matched[0.3] += 1
        tally.matched[0.8] += ratio >= 0.8
        g, p = gold[gi], pred[pi]
        ok = (g.source is None and p.source is None) or bool(g.source and p.source and g.source & p.source)
        tally.speaker_ok += ok
    gold_exact = {_normalised(g.chars, text) for g in gold}
    tally.exact += sum(1 for p in {_normalised(p.chars, text) for p in pred} if p in gold_exact)


def f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, tallies: dict[str, Tally]) -> None:
    rows = []
    for track, t in tallies.items():
        rows.append(
            [
                f"{name} {track}",
                t.gold,
                t.pred,
                f1(t.matched[0.3], t.pred, t.gold)[2],
                f1(t.matched[0.8], t.pred, t.gold)[2],
                f1(t.exact, t.pred, t.gold)[2],
                f1(t.speaker_ok, t.pred, t.gold)[2],
                t.speaker_ok / t.matched[0.3] if t.matched[0.3] else 0.0,
            ]
        )
    print_table(["set / track", "gold", "pred", "F1@0.3", "F1@0.8", "exact F1", "source F1", "spk acc"], rows)


def run_set(docs: list[tuple[str, str, list[Unit]]]) -> tuple[dict[str, Tally], float]:
    tallies = {"all": Tally(), "direct": Tally()}
    elapsed = 0.0
    for doc_id, text, gold in docs:
        start = time.perf_counter()
        pred = predict(doc_id, text)
        elapsed += time.perf_counter() - start
        score(gold, pred, text, tallies["all"])
        score([g for g in gold if g.direct], [p for p in pred if p.direct], text, tallies["direct"])
    return tallies, len(docs) / elapsed if elapsed else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    print(f"machine: {machine_line()}")
    polnear = data_dir("quotes", "polnear", args.split)
    if polnear is not None:
        docs = []
        for path in sorted((polnear / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            anns = sorted((polnear / "attributions").glob(f"{path.stem}_*.ann"))
            if anns:  # several annotators: the alphabetically first, as the README suggests
                docs.append((path.stem, text, polnear_gold(anns[0], text)))
        tallies, speed = run_set(docs)
        report(f"PolNeAR {args.split}", tallies)
        print(
            f"PolNeAR {args.split}: {len(docs)} articles, {speed:.0f} articles/s on one core (quote stages only)"
        )
    wikinews = data_dir("quotes", "german-wikinews", args.split)
    if wikinews is not None:
        docs = []
        for path in sorted(glob.glob(str(wikinews / "*.json"))):
            record = json.loads(Path(path).read_text(encoding="utf-8"))
            docs.append((Path(path).stem, record["originalText"], wikinews_gold(record)))
        tallies, speed = run_set(docs)
        report(f"Wikinews-de {args.split}", tallies)
        print(f"Wikinews-de {args.split}: {len(docs)} articles, {speed:.0f} articles/s on one core")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
