"""How a carried quotation's wording differs from its origin's, word by word.

The standard library's `difflib.SequenceMatcher` aligns the two word sequences;
the words a variant adds or changes are marked `<ins>`, the origin's words it
drops are shown `<del>`. Everything else is escaped text.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from markupsafe import Markup, escape

_TOKEN = re.compile(r"\S+")


def _key(word: str) -> str:
    # quote marks and trailing punctuation are typography, not wording
    return word.strip("\"'“”‘’«»„,.;:!?").casefold()


def word_differences(origin: str, variant: str) -> tuple[Markup, int]:
    """The variant as HTML with its differences from `origin` marked, and how many words differ."""
    before, after = _TOKEN.findall(origin), _TOKEN.findall(variant)
    matcher = SequenceMatcher(a=[_key(w) for w in before], b=[_key(w) for w in after], autojunk=False)
    out: list[Markup] = []
    changed = 0
    for operation, a0, a1, b0, b1 in matcher.get_opcodes():
        if operation == "equal":
            out.append(escape(" ".join(after[b0:b1])))
            continue
        if a1 > a0:
            out.append(Markup("<del>{}</del>").format(" ".join(before[a0:a1])))
        if b1 > b0:
            out.append(Markup("<ins>{}</ins>").format(" ".join(after[b0:b1])))
        changed += max(a1 - a0, b1 - b0)
    return Markup(" ").join(out), changed
