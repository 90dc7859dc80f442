"""Gold units of the quote benchmarks, read as the corpora's READMEs describe
(see quotes.py for the scoring)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MARKS = "\"“”„«»‘’'‚"


@dataclass
class Unit:
    chars: frozenset[int]
    source: frozenset[int] | None
    direct: bool  # content with a double quote mark (PolNeAR's direct track)
    quoted: bool = False  # ours: a direct quote, fragment or interview turn (Wikinews' Direct type)


def _chars(ranges: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in ranges for i in range(s, e))


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
