"""Temporal expressions: newstrace's finder and normaliser on TempEval-3 (TimeML).

    python benchmarks/time.py [--set tempeval3-train] [--limit N] [--errors N] [--json OUT]

Data: `<repo>/../shared/bench/time/tempeval3-train` (or `$NEWSTRACE_BENCH/time/...`):
TBAQ-cleaned, TimeBank (183 docs) + AQUAINT (73 docs), 1,822 gold TIMEX3. Skipped
with a message when the folder is absent. The rules were tuned on this
training set only; the platinum test set was not looked at.

Each document's creation time (`<DCT>`) is the anchor, as a page's stated date
is in newstrace. Scoring follows TempEval-3 Task A (timex): a system timex
matches a gold one when their spans overlap (relaxed) or are equal (strict);
value P/R/F1 count matched pairs whose TIMEX3 value is equal. A WRONG value
(matched, both have a value, and they differ) is counted on its own: a wrong
date is worse than none. Matched pairs where we gave no value are "unvalued".
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time as clock
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _common import data_dir, machine_line, print_table, write_json

from newstrace.time import Anchor, find_expressions

# TempEval-3 Table 3 (task A, timex), the best-known system on the test set.
HEIDELTIME = {"relaxed_f1": 0.903, "strict_f1": 0.779, "value_f1": 0.776}

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    kind: str
    value: str | None


@dataclass
class TimeMLDoc:
    name: str
    dct: str
    text: str
    gold: list[Timex] = field(default_factory=list)


def read_timeml(path: Path) -> TimeMLDoc:
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', raw)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text_parts: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        text_parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attrs = tag.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex:
            start, attributes = open_timex
            gold.append(Timex(start, length, attributes.get("type", "").lower(), attributes.get("value")))
            open_timex = None
    text_parts.append(html.unescape(body[position:]))
    return TimeMLDoc(path.name, dct_match.group(1) if dct_match else "", "".join(text_parts), gold)


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    value_wrong: int = 0
    unvalued: int = 0
    type_correct: int = 0
    errors: list[tuple[str, str, str, str | None, str | None]] = field(default_factory=list)
    missed: list[tuple[str, str, str | None]] = field(default_factory=list)
    spurious: list[tuple[str, str, str | None]] = field(default_factory=list)

    @staticmethod
    def f1(hits: int, system: int, gold: int) -> tuple[float, float, float]:
        p = hits / system if system else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[TimeMLDoc]) -> tuple[Score, float]:
    total = Score()
    seconds = 0.0
    for doc in docs:
        started = clock.perf_counter()
        found = find_expressions(doc.text, Anchor.parse(doc.dct))
        seconds += clock.perf_counter() - started
        total.gold += len(doc.gold)
        total.system += len(found)
        used: set[int] = set()
        for gold in doc.gold:
            best = None
            for index, ours in enumerate(found):
                if index in used or ours.end <= gold.start or ours.start >= gold.end:
                    continue
                if best is None or (ours.start, ours.end) == (gold.start, gold.end):
                    best = index
            if best is None:
                total.missed.append((doc.name, doc.text[gold.start : gold.end], gold.value))
                continue
            used.add(best)
            ours = found[best]
            total.relaxed += 1
            total.strict += (ours.start, ours.end) == (gold.start, gold.end)
            total.type_correct += ours.kind == gold.kind
            if ours.value is None:
                total.unvalued += 1
            elif gold.value and ours.value.upper() == gold.value.upper():
                total.value_correct += 1
            else:
                total.value_wrong += 1
                total.errors.append(
                    (
                        doc.name,
                        doc.dct,
                        doc.text[ours.start : ours.end] + " | gold: " + doc.text[gold.start : gold.end],
                        ours.value,
                        gold.value,
                    )
                )
        for index, ours in enumerate(found):
            if index not in used:
                total.spurious.append((doc.name, doc.text[ours.start : ours.end], ours.value))
    return total, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="tempeval3-train")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many wrong values, misses and spurious finds"
    )
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args(argv)

    folder = data_dir("time", args.set)
    if folder is None:
        return 0
    paths = sorted(folder.rglob("*.tml"))
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print(f"skipped: no .tml files under {folder}")
        return 0
    docs = [read_timeml(path) for path in paths]
    result, seconds = score(docs)
    chars = sum(len(doc.text) for doc in docs)
    # a second pass measures the warm speed (dateparser's set-up and our caches paid once)
    _, warm_seconds = score(docs)

    relaxed = Score.f1(result.relaxed, result.system, result.gold)
    strict = Score.f1(result.strict, result.system, result.gold)
    value = Score.f1(result.value_correct, result.system, result.gold)
    print(f"{args.set}: {len(docs)} documents, {result.gold} gold TIMEX3, {result.system} found")
    print(machine_line())
    print_table(
        ["measure", "P", "R", "F1", "HeidelTime F1 (TE3 test)"],
        [
            ["relaxed span", *relaxed, HEIDELTIME["relaxed_f1"]],
            ["strict span", *strict, HEIDELTIME["strict_f1"]],
            ["value", *value, HEIDELTIME["value_f1"]],
        ],
    )
    print(
        f"matched {result.relaxed}: value right {result.value_correct}, WRONG {result.value_wrong},"
        f" no value {result.unvalued}; type right {result.type_correct}"
    )
    print(
        f"speed: {seconds:.2f} s cold, {warm_seconds:.2f} s warm for {len(docs)} documents"
        f" ({len(docs) / warm_seconds:.0f} docs/s, {chars / warm_seconds / 1e6:.2f} M chars/s warm)"
    )
    if args.errors:
        print("\nwrong values (doc, DCT, ours | gold text, our value, gold value):")
        for row in result.errors[: args.errors]:
            print("  ", row)
        print("\nmissed:")
        for row in result.missed[: args.errors]:
            print("  ", row)
        print("\nspurious:")
        for row in result.spurious[: args.errors]:
            print("  ", row)
    if args.json:
        write_json(
            args.json,
            {
                "set": args.set,
                "documents": len(docs),
                "gold": result.gold,
                "system": result.system,
                "relaxed": relaxed,
                "strict": strict,
                "value": value,
                "wrong_values": result.value_wrong,
                "unvalued": result.unvalued,
                "seconds_cold": seconds,
                "seconds_warm": warm_seconds,
            },
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
