"""Speaker resolution against GUM's coreference: is the person we name the one the text means?

    .venv/bin/python benchmarks/coref.py [--split tune|test]

Data: GUM (`../shared/train/gum/dep`, CC BY), whose entity brackets carry coreference
ids. Each document is run through the quote stages as plain text (sentences joined by
spaces, paragraphs by blank lines). For every quote whose speaker words ("he", "the
agency", "Bolden") overlap a GUM mention, the gold answer is that mention's coreference
chain; the chain's *names* are its mentions headed by a proper noun. Chains without a
name are left out (nothing could be named). A resolved speaker is right when its name
shares its last word with one of the chain's names ("Charles Bolden" / "Bolden").

Reported per way of resolving (`speaker_basis`) with the confidence we give it, so the
confidences can be read against measured accuracy; and how often we abstain. `tune` is
GUM train + dev (rules and confidences were set there); `test` is the 12 held-out GUM
test documents (never tuned on).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine_line, print_table


def gum_text(path: Path):
    """(text, mentions): mentions as (start char, end char, chain id, is a name)."""
    from newstrace.models import corpora

    pieces: list[str] = []
    mentions: list[tuple[int, int, str, bool]] = []
    position = 0
    for _, sentence in corpora.read_conllu(path):
        if pieces:
            pieces.append(" ")
            position += 1
        starts, ends = [], []
        for word in sentence.words:
            starts.append(position)
            pieces.append(word.form)
            position += len(word.form)
            ends.append(position)
            if word.space_after:
                pieces.append(" ")
                position += 1
        opened: dict[str, list[int]] = defaultdict(list)
        for index, word in enumerate(sentence.words):
            value = next((p[7:] for p in word.misc.split("|") if p.startswith("Entity=")), "")
            for match in corpora._BRACKET.finditer(value):
                if match.group(4):
                    if opened[match.group(4)]:
                        first = opened[match.group(4)].pop()
                        mentions.append(_mention(sentence, first, index, starts, ends, match.group(4)))
                    continue
                if match.group(3):
                    mentions.append(_mention(sentence, index, index, starts, ends, match.group(1)))
                else:
                    opened[match.group(1)].append(index)
    return "".join(pieces), mentions


def _last_word(name: str) -> str:
    words = name.split()
    return re.sub(r"(?:['’]s?|[.,;:])+$", "", words[-1]).casefold() if words else ""


def _mention(sentence, first: int, last: int, starts, ends, chain: str):
    words = sentence.words
    head = next((i for i in range(first, last + 1) if not first < words[i].head <= last + 1), first)
    return (starts[first], ends[last], chain, words[head].upos == "PROPN")


def evaluate(paths: list[Path], errors: int = 0) -> None:
    from newstrace.analysis.stage import AnalyseText
    from newstrace.describe.language import DescribeLanguage
    from newstrace.model import Document
    from newstrace.quotes import quote_stages
    from newstrace.quotes.speakers import CONFIDENCE

    by_basis: dict[str, Counter] = defaultdict(Counter)
    for path in paths:
        text, mentions = gum_text(path)
        names: dict[str, set[str]] = defaultdict(set)
        for start, end, chain, is_name in mentions:
            if is_name:
                names[chain].add(_last_word(text[start:end]))
        doc = Document(id=path.stem, source=path.name, sha256="", format="text", raw=text, body=text)
        for stage in [DescribeLanguage(), AnalyseText(), *quote_stages()]:
            doc = stage.run(doc)
        for quote in doc.quotes:
            if quote.speaker_span is None or quote.part_of:
                continue
            s, e = quote.speaker_span
            # the smallest gold mention holding the last word of the speaker's words (the head
            # of an English noun phrase: "NASA Administrator Charles Bolden" is Bolden, not NASA)
            last = e - 1
            overlapping = [m for m in mentions if m[0] <= last < m[1] and s < m[1]]
            if not overlapping:
                continue
            chain = min(overlapping, key=lambda m: m[1] - m[0])[2]
            if not names[chain]:
                continue  # the text never names whom it means
            basis = quote.speaker_basis or "unresolved"
            tally = by_basis[basis]
            tally["n"] += 1
            if not quote.speaker and errors < 0:
                print(f"  unresolved: {text[s:e]!r}; chain names {sorted(names[chain])}")
            if quote.speaker:
                right = _last_word(quote.speaker) in names[chain]
                tally["right"] += right
                if not right and errors:
                    errors -= 1
                    print(f"  {path.stem}: {basis}: {text[s:e]!r} -> {quote.speaker!r}; chain names {sorted(names[chain])}")
    rows = []
    total = Counter()
    for basis, tally in sorted(by_basis.items(), key=lambda kv: -kv[1]["n"]):
        total.update(tally)
        resolved = basis != "unresolved"
        rows.append(
            [
                basis,
                f"{CONFIDENCE.get(basis, 0.0):.2f}" if resolved else "-",
                tally["n"],
                f"{tally['right'] / tally['n']:.3f}" if resolved else "-",
            ]
        )
    print_table(["basis", "confidence given", "speakers", "accuracy"], rows)
    unresolved = by_basis["unresolved"]["n"]
    resolved = total["n"] - unresolved
    print(
        f"speakers whose chain has a name: {total['n']}; resolved {resolved} "
        f"({resolved / max(total['n'], 1):.0%}), right {total['right']} "
        f"(accuracy of resolved {total['right'] / max(resolved, 1):.3f}; "
        f"right over all {total['right'] / max(total['n'], 1):.3f})"
    )


def main() -> int:
    from newstrace.models import corpora, train

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "test"), default="tune")
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong speakers")
    args = parser.parse_args()
    folder = train.TRAIN_DATA / "gum" / "dep"
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    paths = [
        p
        for p in sorted(folder.glob("GUM_*.conllu"))
        if (p.stem.removeprefix("GUM_") in corpora.GUM_TEST) == (args.split == "test")
    ]
    print(f"machine: {machine_line()}")
    print(f"GUM {args.split}: {len(paths)} documents")
    evaluate(paths, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
