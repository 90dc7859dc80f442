"""What a line of extracted text looks like: the features the cleaner decides on.

Pure, cheap functions over one line (no dictionaries, no models): word counts,
title case, sentence ends, truncated teasers, relative ages, the writing
system. The cleaner (`boilerplate`) and the header reader (`page_header`)
share them so that "a headline" means the same thing to both.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W_][\w'’.\-]*")
_WORD_KEY = re.compile(r"\w+")
# Latin letters (ASCII and the Latin-1/Extended-A/B blocks), and any other letter.
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
# The page's writing system is clear from its first pages of text.
_SCRIPT_SAMPLE_CHARS = 20_000
# Function words that stay lower case in Title Case Headlines ("Mayor on Upcoming
# Vote With Council"): headline styles differ on them, so they do not count.
_MINOR_WORDS = frozenset(
    "a an the of in on to for and or but nor at by with from as vs via into onto over per up "
    "is are be it its than that so off out".split()
)
# A sentence ends with . ! ? (or a colon introducing what follows), maybe
# followed by closing quotes or brackets; a truncated teaser ends with "…"
# (a stray quote mark after the full stop is a common typo: 'aggression. “').
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’»)\]]*(?:\s+[\"“”'])?$")
_QUOTED_END = re.compile(r"[\"”»]$")
_TRUNCATED = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_RELATIVE_AGE = re.compile(
    r"^(?:(?:about|over|almost|posted|updated|published)\s+)?(?:\d+|an?|one|few)\s+"
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)\s+ago$"
    r"|^(?:just now|yesterday|today)$"
    r"|^\d+\s*(?:min(?:ute)?s?|m)\s+read$",
    re.IGNORECASE,
)


def words(line: str) -> list[str]:
    return _WORD.findall(line)


@lru_cache(maxsize=16_384)
def word_count(line: str) -> int:
    # Every pass asks for the counts of the same lines: count each once.
    return len(_WORD.findall(line))


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def is_truncated(line: str) -> bool:
    """A teaser cut off by the page ("The council met on Monday to…")."""
    return bool(_TRUNCATED.search(line))


def is_relative_age(line: str) -> bool:
    """'3 days ago', '5 min read': list furniture, never a page date."""
    return bool(_RELATIVE_AGE.match(line.strip()))


def capitalised_share(line: str) -> tuple[float, int]:
    """Share of content words that start with a capital or a digit, and their count.

    Title Case Headlines score near 1; sentences near the share of proper
    names in them. Minor words are skipped because headline styles differ on them.
    """
    content = [w for w in words(line) if w.lower().strip("'’") not in _MINOR_WORDS]
    if not content:
        return 0.0, 0
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content), len(content)


def is_title_case(line: str, min_words: int = 3) -> bool:
    share, count = capitalised_share(line)
    return count >= min_words and share >= 0.85


def is_headline_shaped(line: str, max_words: int = 30) -> bool:
    """One line of 2..max_words words that does not end like a sentence.

    Headlines end without a full stop; quote headlines may end with a
    closing quote mark, and questions or exclamations are allowed.
    """
    stripped = line.strip()
    count = word_count(stripped)
    if count < 2 or count > max_words or is_truncated(stripped):
        return False
    if stripped.endswith(("?", "!", "?”", '?"', "!”")) or _QUOTED_END.search(stripped):
        return True
    return not ends_sentence(stripped)


def is_paragraph_shaped(line: str) -> bool:
    """Running prose: a long line, or a sentence of some length that ends properly."""
    count = word_count(line)
    if count >= 40:
        return True
    return count >= 8 and ends_sentence(line) and not is_truncated(line)


@lru_cache(maxsize=4096)
def _script_of(char: str) -> str:
    # The first word of the Unicode name is the script for letters
    # ("LATIN SMALL LETTER A", "CYRILLIC CAPITAL LETTER ZHE", "CJK UNIFIED ...").
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def script_counts(text: str) -> dict[str, int]:
    """Letters per writing system. Latin letters are counted by one regex pass;
    only the others are named one by one (most pages have few of them)."""
    counts: dict[str, int] = {}
    latin = len(_LATIN_LETTER.findall(text))
    if latin:
        counts["LATIN"] = latin
    for char in _OTHER_LETTER.findall(text):
        script = _script_of(char)
        counts[script] = counts.get(script, 0) + 1
    return counts


def dominant_script(text: str) -> str | None:
    counts = script_counts(text[:_SCRIPT_SAMPLE_CHARS])
    return max(counts, key=counts.__getitem__) if counts else None


def is_foreign_script(line: str, page_script: str | None, min_share: float = 0.6) -> bool:
    """Most letters of the line are in another writing system than the page's."""
    if page_script is None:
        return False
    counts = script_counts(line)
    total = sum(counts.values())
    if total < 8:
        return False
    return (total - counts.get(page_script, 0)) / total >= min_share


@lru_cache(maxsize=16_384)
def line_key(text: str) -> str:
    """A comparison key: the words, case-folded, without punctuation or quote style."""
    return " ".join(w.casefold() for w in _WORD_KEY.findall(text))
