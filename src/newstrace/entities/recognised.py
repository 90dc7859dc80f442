"""Names from the trained recogniser, refined by the capitalisation rules where the rules are right.

The recogniser (`newstrace.analysis`) decides *whether* a run of words is a name and of
what kind: "New York" is a place and "Las Vegas Sands" a company, whatever their
shape. The rules (`names.py`) are right about what surrounds a name in news prose:
the title or role in front ("Foreign Minister", "presidential spokesman") and where a
name ends. So each rule mention is kept only where the recogniser found a name, takes
the recogniser's span and kind, and keeps the rules' role; names only the recogniser
found are added. A leading word that is not part of the name ("Following X",
"Besides X") falls away because the recogniser's span does not cover it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lang import union, word_frequency
from ..spans import SpanIndex
from .names import NameMention, title_case_lines
from .words import (
    NOT_NAMES,
    ORG_WORDS,
    PLACE_PREPOSITION_BEFORE_RE,
    PLACE_WORDS,
    TITLE_WORDS,
    introduced_as_organisation,
)

if TYPE_CHECKING:
    from ..analysis import NamedSpan

KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}
_POSSESSIVE = ("’s", "'s", "’", "'")
_WORD_RE = re.compile(r"[^\s]+")
_STOPWORDS = union("determiners") | union("pronouns")
# Lowercase words inside a person's name ("Ursula von der Leyen", "Osama bin Laden").
NAME_PARTICLES = frozenset("von van der den de du da di la le al bin ibn y".split())
# Lowercase words inside an organisation's or a place's name ("Bank of England").
_JOINING = frozenset({"of", "for", "and", "the", "upon", "am", "an", "im", "für", "und"})


def _name_span(body: str, start: int, end: int, kind: str) -> tuple[int, int]:
    """The recogniser's span without what the rules know is not part of a name: titles and
    sentence openers in front ("President", "Following"), a possessive, trailing
    punctuation, and for a person, everything from the first lowercase word on that is
    not a name particle ("Vladimir Putin of wanting ...")."""
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(body, start, end)]
    dashes = [i for i, (s, e) in enumerate(words) if body[s:e] in _DASHES]
    if dashes:
        words = words[dashes[-1] + 1 :]  # "Calif. - Bernie Sanders": a dateline ends at the dash
    while len(words) > 1 and _not_part_of_name(body[words[0][0] : words[0][1]], kind):
        words.pop(0)
    while kind == "person" and len(words) > 2 and _acronym(body[words[0][0] : words[0][1]]):
        words.pop(0)  # "SEAL Ty Woods", "GOP Sen. …": a group's acronym is no part of a name
    if kind == "person":
        for index, (s, e) in enumerate(words[1:], start=1):
            if body[s].islower() and body[s:e] not in NAME_PARTICLES:
                words = words[:index]
                break
    if not words:
        return start, start
    start, end = words[0][0], words[-1][1]
    text = body[start:end]
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            end -= len(suffix)
            break
    while end > start and body[end - 1] in ".,;:":
        if body[end - 1] == "." and len(body[start:end].split()[-1]) <= 3:
            break  # an initial or abbreviation keeps its period ("Jr.", "U.S.")
        end -= 1
    return start, end


_DASHES = frozenset({"-", "–", "—", "--"})


def _acronym(word: str) -> bool:
    return len(word) >= 3 and word.isupper() and word.isalpha()


def _has_loose_words(text: str) -> bool:
    """Lowercase words that join no name ("told", "on"), as opposed to "of", "von der"."""
    return any(w[:1].islower() and w not in NAME_PARTICLES and w not in _JOINING for w in text.split())


def _kind_word_in(name: str) -> bool:
    return any(word in ORG_WORDS or word in PLACE_WORDS for word in name.split())


def _not_part_of_name(word: str, kind: str) -> bool:
    return (
        word[:1].islower()
        or (word in TITLE_WORDS and kind != "organization")  # "National Bank" keeps "National"
        or word in NOT_NAMES
        or word.lower() in _STOPWORDS
        or (word.endswith("ing") and word[:1].isupper() and word_frequency(word, "en") >= 4.0)
    )


def _named_elsewhere(
    body: str, spans: list[tuple[int, int, str]], named: list[NameMention], written: list[NameMention]
) -> list[NameMention]:
    """What the recogniser found on title-case lines, cut to the longest name inside it that
    the text names elsewhere, of that name's kind; dropped where there is none.

    On a headline every word has a capital, and the recogniser runs a name on into the
    words around it ("Ilse Marovic Says Dorrin", "Harbour Strike Leaders Explain"), where
    nothing marks where it ends. A name of the story is named again in its text: as a
    name (`named`; "Minister Ilse Marovic" names "Ilse Marovic" too), or at least as a run
    of capitals the rules found (`written`), which then takes the recogniser's kind."""
    kinds: dict[str, str | None] = {m.name: None for m in written}
    for mention in named:
        words = mention.name.split()
        for cut in range(max(1, len(words) - 1) if mention.kind_hint == "person" else 1):
            kinds[" ".join(words[cut:])] = mention.kind_hint
    found = []
    for start, end, kind in spans:
        words = [(m.start(), m.end()) for m in _WORD_RE.finditer(body, start, end)]
        for size in range(len(words), 0, -1):
            runs = ((words[i][0], words[i + size - 1][1]) for i in range(len(words) - size + 1))
            run = next(((s, e) for s, e in runs if body[s:e] in kinds), None)
            if run is not None:
                name = body[run[0] : run[1]]
                found.append(NameMention(run[0], run[1], name, None, None, kinds[name] or kind))
                break
    return found


def reconcile(
    body: str,
    rule_names: list[NameMention],
    recognised: list[NamedSpan],
    headlines: list[tuple[int, int]] | None = None,
) -> list[NameMention]:
    """Rule mentions confirmed, retyped and re-spanned by the recogniser, plus its other names;
    `headlines` are the body's title-case lines (found here unless given)."""
    kept: list[NameMention] = []
    used: set[int] = set()
    recognised_at = SpanIndex((e.start, e.end) for e in recognised)
    for mention in rule_names:
        overlapping = [
            (i, recognised[i]) for i in sorted(i for _, _, i in recognised_at.overlapping(mention.start, mention.end))
        ]
        if not overlapping:
            if mention.kind_hint == "person" and mention.role:
                kept.append(mention)  # a title in front says person where the recogniser missed it
            elif mention.kind_hint != "person" and introduced_as_organisation(body, mention.start):
                # "the state operator Ostragaz": the text says what the name is
                kept.append(NameMention(mention.start, mention.end, mention.name, None, None, "organization"))
            elif mention.kind_hint in ("organization", "place") and " " in mention.name and _kind_word_in(mention.name):
                kept.append(mention)  # "Halvard Energy", "Caldera Bay": the name's own words say it
            continue
        index, entity = max(overlapping, key=lambda pair: pair[1].end - pair[1].start)
        used.update(i for i, _ in overlapping)
        kind = KINDS.get(entity.label)
        start, end = entity.start, entity.end
        if mention.kind_hint == "person" and mention.role:
            # A person title in front says person, whatever the recogniser made of the
            # words ("US Secretary of State Antony Blinken" as an organisation, "Brandt" of
            # "Reporter Lena Brandt" as a place); the rules split the title off.
            kind, start, end = "person", mention.start, max(end, mention.end)
        elif _has_loose_words(body[start:end]):
            # the recogniser ran over a clause ("Blinken told Reuters on Friday", "Kastrel's
            # state operator Ostragaz"), whatever it took it for: the rules' names inside it
            # are the names, of the kind their own words or the words before them say, if any
            if mention.kind_hint is not None:
                kind = mention.kind_hint
            elif introduced_as_organisation(body, mention.start):
                kind = "organization"
            else:
                continue
            start, end = mention.start, mention.end
        elif kind is None:
            continue  # another kind of name: an event, a product, a nationality
        elif mention.kind_hint in ("organization", "place") and kind != mention.kind_hint and _kind_word_in(mention.name):
            # "National Bank", "Oak Street": the name's own words say what it is, and where
            # it ends
            kind, start, end = mention.kind_hint, mention.start, mention.end
        elif mention.kind_hint in ("organization", "place") and kind == "person":
            kind = mention.kind_hint  # an acronym the recogniser took for a person
        elif kind == "person" and mention.kind_hint == "person":
            # The rules know where a run of capitals ends: "Secretary of State Antony" is
            # "Antony Blinken" when the capitals go on.
            start, end = min(start, mention.start), max(end, mention.end)
        start, end = _name_span(body, start, end, kind)
        if start >= end:
            continue
        if (
            kind == "person"
            and PLACE_PREPOSITION_BEFORE_RE.search(body, max(0, start - 8), start)
            and " " not in body[start:end]
        ):
            kind = "place"  # "in Vienna": a one-word name after a place preposition
        role = mention.role if kind == "person" else None
        role_start = mention.role_start if role else None
        if role and role_start is not None and role_start >= start:
            role, role_start = None, None
        kept.append(NameMention(start, end, body[start:end], role, role_start, kind))
    on_title_case = SpanIndex(title_case_lines(body) if headlines is None else headlines)
    on_headlines = []
    for index, entity in enumerate(recognised):
        kind = KINDS.get(entity.label)
        if index in used or kind is None:
            continue
        start, end = _name_span(body, entity.start, entity.end, kind)
        if end - start > 1 and body[start].isupper() and body[start:end] not in TITLE_WORDS:
            if next(on_title_case.overlapping(start, end), None) is not None:
                on_headlines.append((start, end, kind))
            else:
                kept.append(NameMention(start, end, body[start:end], None, None, kind))
    kept += _named_elsewhere(body, on_headlines, kept, rule_names)
    # A surname alone ("Blinken said"), or the full name again, is the person named in full
    # elsewhere in the text, even where the recogniser missed it.
    persons = {m.name for m in kept if m.kind_hint == "person" and " " in m.name}
    known_names = {name.split()[-1] for name in persons} | persons
    taken = SpanIndex((m.start, m.end) for m in kept)
    for mention in rule_names:
        if mention.name in known_names and next(taken.overlapping(mention.start, mention.end), None) is None:
            kept.append(
                NameMention(
                    mention.start, mention.end, mention.name, mention.role, mention.role_start, "person"
                )
            )
    kept.sort(key=lambda m: m.start)
    unique: list[NameMention] = []
    for mention in kept:
        if unique and unique[-1].start == mention.start and unique[-1].end == mention.end:
            continue
        unique.append(mention)
    return unique
