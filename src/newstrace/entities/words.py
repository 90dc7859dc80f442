"""Word lists that tell names from roles, organisations, places and sentence
openers, from the language data files (`newstrace.lang`), over every language.

The capitalisation rules (`names.py`) read them for languages without a trained
recogniser; stages that know the document's language ask `resources(language)`.
"""

from __future__ import annotations

import re

from ..lang import union

TITLE_WORDS = union("titles")
TITLE_ENDINGS = tuple(sorted(union("title_endings")))
PERSON_TITLES = union("person_titles")
ORG_WORDS = union("organisation_words")
PLACE_WORDS = union("place_words")
# Words that start sentences or name times, not entities.
NOT_NAMES = union("not_name_words")
LOWER_ROLE_WORDS = union("role_nouns")
# A place preposition right before an offset: "in Vienna", "aus Wien".
PLACE_PREPOSITION_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(sorted(union('place_prepositions')))})\s+$")
# Words that make a run of words a role ("Secretary of State", "presidential spokesman");
# courtesy titles and qualifiers alone ("Mr.", "Former") do not.
ROLE_WORDS = (TITLE_WORDS | PERSON_TITLES | LOWER_ROLE_WORDS) - union("courtesy_titles") - union(
    "role_qualifiers"
)

# Lowercase nouns that put an organisation's name after them: "state operator Ostragaz".
_ORGANISATION_INTRODUCERS = union("organisation_nouns")


def introduced_as_organisation(body: str, start: int) -> bool:
    """Whether the word right before `start` says an organisation's name follows
    ("the state operator Ostragaz", "dem Konzern Uniper")."""
    words = body[max(0, start - 24) : start].split()
    return bool(words) and body[start - 1 : start].isspace() and words[-1] in _ORGANISATION_INTRODUCERS
