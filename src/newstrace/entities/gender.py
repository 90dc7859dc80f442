"""The grammatical gender a text gives each person, for pronoun agreement ("she" is not
Bertrand Russell).

Read from the text itself, not from lists of first names: the pronouns that follow a
person's mentions ("Byron ... his mother ... he"), each counted for the nearest person
named before it in the same stretch of text, and gendered titles and role words ("Mrs.",
"spokeswoman"). A gender is kept only where the evidence clearly agrees; otherwise the
person's gender is unknown and agrees with either pronoun. Hand-written: no maintained
library infers a referent's gender from its context.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from ..lang import LanguageResources, resources
from .index import EntityIndex

Gender = Literal["male", "female"]
# A pronoun further than this from the last person named is not counted for anyone.
_REACH_CHARS = 300
# The share of the evidence one gender needs before the person is given it.
_AGREEMENT = 0.75
_WORD_RE = re.compile(r"[^\W\d_]+(?:\.)?")


def person_genders(
    body: str, index: EntityIndex, language: str | None, unknown: frozenset[int] = frozenset()
) -> dict[str, Gender]:
    """Entity id -> gender, for the persons of `index` whose gender the text makes clear.

    Pronouns starting at an offset in `unknown` are the ones being resolved ("she said"),
    so they are not evidence."""
    words = resources(language)
    votes: dict[str, Counter[Gender]] = {}
    persons = sorted(
        ((m.start, m.end, e) for m, e in index.mentions if e.kind == "person"), key=lambda p: (p[0], p[1])
    )
    if not persons:
        return {}
    for entity in {e.id: e for _, _, e in persons}.values():
        for role in entity.roles:
            for word in role.split():
                if word in words.male_words or word.lower() in words.male_words:
                    votes.setdefault(entity.id, Counter())["male"] += 2
                if word in words.female_words or word.lower() in words.female_words:
                    votes.setdefault(entity.id, Counter())["female"] += 2
    cursor = 0
    for match in _WORD_RE.finditer(body):
        gender = _gender_of(match.group().lower(), words)
        if gender is None or match.start() in unknown:
            continue
        while cursor + 1 < len(persons) and persons[cursor + 1][1] <= match.start():
            cursor += 1
        _, end, entity = persons[cursor]
        if end <= match.start() and match.start() - end <= _REACH_CHARS:
            votes.setdefault(entity.id, Counter())[gender] += 1
    found: dict[str, Gender] = {}
    for entity_id, counter in votes.items():
        (gender, count), total = counter.most_common(1)[0], sum(counter.values())
        if count / total >= _AGREEMENT:
            found[entity_id] = gender
    return found


def pronoun_gender(word: str, language: str | None) -> Gender | None:
    return _gender_of(word.lower(), resources(language))


def _gender_of(lower: str, words: LanguageResources) -> Gender | None:
    return "male" if lower in words.male_pronouns else "female" if lower in words.female_pronouns else None
