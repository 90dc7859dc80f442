"""How rare a word is in its language, from a general word-frequency resource.

Linking needs to know which words of a page say which event it reports:
"Velk" and "compressor" do, "said" and "government" do not. The usual
answer, inverse document frequency over the collection, changes as the
collection grows, which would make a story depend on what was stored before
it. A fixed background frequency does not: wordfreq (code Apache-2.0, data
CC BY-SA 4.0, installed from PyPI as data) gives each word's frequency in
general text of its language, so every document's weights depend on that
document alone.

Words the list does not hold (names, rare terms, other scripts) count as
rare, which is what they are for linking.
"""

from __future__ import annotations

import math
from functools import lru_cache

MAX_RARITY = 7.0  # a word the list does not know
MIN_RARITY = 0.25  # the most common words still count a little
FALLBACK_LANGUAGE = "en"


@lru_cache(maxsize=32)
def _zipf_table(language: str) -> dict[str, float] | None:
    """Zipf frequency (log10 of occurrences per billion words) of every listed word."""
    from wordfreq import available_languages, get_frequency_dict

    if language not in available_languages("small"):
        return None
    return {word: math.log10(freq * 1e9) for word, freq in get_frequency_dict(language, "small").items()}


def zipf_table(language: str | None) -> dict[str, float]:
    """The language's table, else English's (names and numbers are rare in any list)."""
    return _zipf_table(language or FALLBACK_LANGUAGE) or _zipf_table(FALLBACK_LANGUAGE) or {}


def rarity(word: str, table: dict[str, float]) -> float:
    """A weight in [MIN_RARITY, MAX_RARITY]: 7 minus the word's Zipf frequency.

    "the" (Zipf 7.7) weighs 0.25, "government" (5.1) about 1.9, "compressor"
    (3.2) about 3.8, an unlisted name 7.
    """
    zipf = table.get(word)
    if zipf is None:
        return MAX_RARITY
    return min(MAX_RARITY, max(MIN_RARITY, MAX_RARITY - zipf))


def reset_caches() -> None:
    _zipf_table.cache_clear()
