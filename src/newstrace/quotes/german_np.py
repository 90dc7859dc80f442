"""German noun phrases for speakers, and verb-second order.

German nouns are capitalised, so a source noun phrase runs over articles,
capitalised words and the adjectives before them, and ends at the first other
lowercase word (usually the verb). In a main clause the finite verb comes
second: when something other than the subject opens the sentence ("Dazu
sagte der Minister", "Am Montag erklärte sie"), the subject follows the verb.
"""

from __future__ import annotations

import re

_TOKEN_RE = re.compile(r"„[^“”\n]{0,80}[“”]|[\w.’'()-]+")
_ARTICLES = frozenset(
    """der die das dem den des ein eine einem einer eines seiner ihrer seinem ihrem seines ihres
    sein ihr unserer""".split()
)
_LINKS = frozenset("von vom zur zum und der des".split())
_ADJECTIVE_END = ("e", "en", "er", "es", "em")
_PRONOUN_RE = re.compile(r"\s*(?:er|sie|es|man|ich|wir|ihr)\b")
# Words that open a German clause without being its subject.
TOPIC_WORDS = frozenset(
    """über als dazu darauf daraufhin dabei danach zuvor später bereits außerdem zudem auch ebenfalls
    weiter gestern heute damals inzwischen jetzt dennoch trotzdem allerdings so hier dort deshalb
    daher zugleich gleichzeitig anschließend schließlich zunächst nach am im in auf bei mit vor zu
    seit gegenüber während für gegen aus von unter nachdem weil wenn obwohl bis um durch
    insbesondere hierzu seiner ihrer dies dem den wie""".split()
)
# Sentence adverbs ("Unmissverständlich", "Möglicherweise") open a clause without being its subject.
ADVERB_ENDINGS = ("lich", "weise", "mäßig", "falls", "dings", "halb", "dessen")


def noun_phrase(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The German noun phrase starting at `start` (spaces skipped): articles,
    capitalised words, adjectives before them; ends at the first other
    lowercase word, or at a comma, colon or semicolon."""
    while start < end and body[start] == " ":
        start += 1
    tokens = list(_TOKEN_RE.finditer(body, start, end))
    if not tokens or tokens[0].start() != start:
        return None
    last = None
    for i, token in enumerate(tokens):
        word = token.group().rstrip(".")
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if i and body[tokens[i - 1].end() : token.start()].strip():
            break  # punctuation between words ends the phrase
        if word.lower() in _ARTICLES and (last is None or nxt[:1].isupper()):
            continue
        if word[:1].isupper() or word[:1].isdigit() or word.startswith("„"):
            last = token
        elif word in _LINKS and last is not None and nxt[:1].isupper():
            continue
        elif word.endswith(_ADJECTIVE_END) and (nxt[:1].isupper() or nxt.endswith(_ADJECTIVE_END)):
            continue
        else:
            break
    if last is None:
        return None
    return start, last.end() - (1 if body[last.end() - 1] == "." else 0)


def inverted_subject(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject right after a German verb: a pronoun or a noun phrase."""
    pronoun = _PRONOUN_RE.match(body, start, end)
    if pronoun:
        return pronoun.end() - len(pronoun.group().strip()), pronoun.end()
    return noun_phrase(body, start, end)


_IN_SOURCE_RE = re.compile(r"\b(?:[Ii]n|[Ii]m|[Aa]uf|[Aa]us)\s+")


def written_source(body: str, lo: int, hi: int) -> tuple[int, int] | None:
    """ "In dem Antrag heißt es: …" / "…, heißt es in einer Mitteilung des
    Vereins": the text that says it, a noun phrase after "in"/"im"/"auf"."""
    for match in _IN_SOURCE_RE.finditer(body, lo, hi):
        span = noun_phrase(body, match.end(), hi)
        if span:
            return span
    return None
