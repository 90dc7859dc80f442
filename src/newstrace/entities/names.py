"""Find capitalised names in a body and split each into a role and a name.

"Velorian Foreign Minister Ilse Marovic" -> role "Velorian Foreign Minister", name
"Ilse Marovic"; "presidential spokesman Oren Szalay" -> role "presidential
spokesman". Capitalisation and title words carry the signal; the kind
(person / organisation / place) is a guess from the words of the name, and
persons are confirmed later by a title, a first+last name shape or a
reporting verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import union
from .words import (
    LOWER_ROLE_WORDS,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    TITLE_ENDINGS,
    TITLE_WORDS,
)

# A period belongs to a name token only in initials and abbreviations, so that
# runs stop at sentence ends ("... the EU. Marovic said").
_CAP = (
    r"(?:[A-Z]\.(?:[A-Z]\.)*|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Col|Lt|Capt|Prof|Rev)\.|"
    r"[A-ZÀ-ÖØ-Þ][\w’'-]*)"
)
# Runs never cross a line break: headlines and labels sit on their own lines.
_JOIN = r"(?:[ \t]+(?:of|for|the|de|von|van|der|du|al|bin|da|di|le|la|y)[ \t]+|[ \t]+)"
NAME_RUN_RE = re.compile(rf"(?<![\w’'-]){_CAP}(?:{_JOIN}{_CAP})*")
# A lowercase role noun between a capitalised affiliation and a name (the language
# files' `role_nouns`), longest first.
LOWER_ROLE_RE = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in sorted(LOWER_ROLE_WORDS, key=lambda w: (-len(w), w)))})\s+$"
)


@dataclass(slots=True)
class NameMention:
    start: int  # of the name (role excluded)
    end: int
    name: str
    role: str | None
    role_start: int | None
    kind_hint: str | None  # "person" | "organization" | "place" | None when unsure


# Words that join a name to a title but are no part of the name: "Secretary of State",
# "Sprecherin der Fraktion" (the articles of every language).
_EDGE_WORDS = frozenset({"of", "for"}) | union("articles")
NATIONALITIES = union("nationalities")
_AFFILIATION_RE = re.compile(r"US|U\.S\.|UK|EU|UN|[A-Z][a-z]+(?:an|ian|ish|ese)")
_TOKEN_RE = re.compile(r"[^\s-]+(?:-[^\s-]+)*")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")


def _only_shaped_like_affiliation(token: str, following: str) -> bool:
    """"Jonathan" of "Jonathan Landay" ends like "Velorian", but no title follows it and
    it is no nationality the language data knows: it is part of the name."""
    return (
        token not in TITLE_WORDS
        and token not in NATIONALITIES
        and not token.lower().endswith(TITLE_ENDINGS)
        and following not in TITLE_WORDS
        and not (following[:1].isupper() and following.lower().endswith(TITLE_ENDINGS))
    )


def _holds_office(token: str) -> bool:
    """A word an "of" after it continues as an office or a body: "Secretary of", "Head of",
    "Bank of"."""
    return _is_title(token) or token in ORG_WORDS or token.lower() in LOWER_ROLE_WORDS or token in {"Head"}


def _person_role_word(token: str) -> bool:
    return token in PERSON_TITLES or token.lower() in LOWER_ROLE_WORDS or token in {"CEO", "Executive"}


def _is_title(token: str) -> bool:
    return (
        token in TITLE_WORDS
        or bool(_AFFILIATION_RE.fullmatch(token))
        or (token[:1].isupper() and token.lower().endswith(TITLE_ENDINGS))
    )


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN_RE.finditer(text)]


_LINE_RE = re.compile(r"[^\n]+")
_WORDISH_RE = re.compile(r"[A-Za-zÀ-ÿ][\w’'-]*")
# A line's label: a few words before a colon ("Foreign Minister Ilse Marovic: …").
_LABEL_RE = re.compile(r"(?:[^\s:]+ ){0,5}[^\s:]+:\s")


def title_case_lines(body: str) -> list[tuple[int, int]]:
    """Headline-like lines (most words capitalised): their capitals carry no signal."""
    lines = []
    for number, line in enumerate(_LINE_RE.finditer(body)):
        words = _WORDISH_RE.findall(line.group())
        ending = line.group().rstrip()
        if ending.endswith((":", '"', "”")):
            continue  # a speaker label ("Foreign Minister Ilse Marovic:"), a quotation
        if ending.endswith(".") and (number or any(len(w) > 3 and w[0].islower() for w in words)):
            # a sentence; the first line is a title with a stop, as some sites write them,
            # where no longer word is lowercase ("Mayor Says Harbour Plan Will Pass.")
            continue
        if len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
            label = _LABEL_RE.match(line.group())
            # "Ilse Marovic: No Deal At Any Price": the label names who speaks, the rest is headline
            lines.append((line.start() + label.end(), line.end()) if label else line.span())
    return lines


def _sub_runs(text: str) -> list[list[tuple[int, int]]]:
    """Token spans of a capitalised run, split where a function/time word interrupts it."""
    groups: list[list[tuple[int, int]]] = [[]]
    for span in _tokens(text):
        word = text[span[0] : span[1]]
        if word in NOT_NAMES or (len(word) > 3 and word.isupper() and not groups[-1]):
            # shouted labels ("WATCH", "READ MORE") are not part of a name
            groups.append([])
        elif word.endswith(("’s", "'s", "’", "'")):
            # a possessor ends its own name: "Meridian's Nadia Ferrant"
            groups[-1].append(span)
            groups.append([])
        else:
            groups[-1].append(span)
    return [g for g in groups if g]


def find_names(
    body: str,
    skip_headlines: bool = True,
    nouns_capitalised: bool = False,
    headlines: list[tuple[int, int]] | None = None,
) -> list[NameMention]:
    """Capitalised names in `body`, none on its title-case lines (`headlines`, found here
    unless given) where `skip_headlines`. Where every noun is capitalised (German), the
    shape of two capitalised words says nothing: only a title in front makes a person."""
    found: list[NameMention] = []
    if not skip_headlines:
        headlines = []
    elif headlines is None:
        headlines = title_case_lines(body)
    for match in NAME_RUN_RE.finditer(body):
        if match.group() in NOT_NAMES:
            continue  # a lone sentence-opening word ("The", "However")
        if headlines and any(s <= match.start() < e for s, e in headlines):
            continue
        for group in _sub_runs(match.group()):
            _add_name(body, match.start(), match.group(), group, found, nouns_capitalised)
    return found


def _previous_word(body: str, at: int) -> str:
    words = body[max(0, at - 20) : at].split()
    return words[-1] if words and body[at - 1 : at].isspace() else ""


def _add_name(
    body: str,
    base: int,
    text: str,
    spans: list[tuple[int, int]],
    found: list[NameMention],
    nouns_capitalised: bool = False,
) -> None:
    words = [text[s:e] for s, e in spans]
    while words and words[0].lower() in _EDGE_WORDS:
        words.pop(0)
        spans.pop(0)
    while words and words[-1].lower() in _EDGE_WORDS:
        words.pop()
        spans.pop()
    if not words:
        return
    last = words[-1]
    trimmed_end = base + spans[-1][1]
    for suffix in ("’s", "'s", "’", "'"):
        if last.endswith(suffix):
            trimmed_end -= len(suffix)
            words[-1] = last[: -len(suffix)]
            break
    if (
        words[-1].endswith((".", ","))
        and words[-1] not in PERSON_TITLES
        and not _INITIALS_RE.fullmatch(words[-1])
    ):
        words[-1] = words[-1][:-1]
        trimmed_end -= 1
    # split at the last title word: what follows is the name
    split = 0
    for index, word in enumerate(words[:-1]):
        if word in {"of", "for"} and index > 0 and _holds_office(words[index - 1]):
            split = index + 1  # "Secretary of State", "Bank of England"
        elif _is_title(word) and not _only_shaped_like_affiliation(word, words[index + 1]):
            split = index + 1
    if split < len(words) and not any(w in ORG_WORDS for w in words[split:]):
        # "Bernie Sanders of Vermont": a person's name ends before "of"
        for index in range(split + 1, len(words)):
            if words[index] in {"of", "for"}:
                trimmed_end = base + spans[index - 1][1]
                words, spans = words[:index], spans[:index]
                break
    while split < len(words) and words[split].lower() in _EDGE_WORDS:
        split += 1
    organisation_at = [i for i, word in enumerate(words) if word in ORG_WORDS and i >= split]
    after_of = 0 < split and words[split - 1] in {"of", "for"}
    if organisation_at and organisation_at[-1] < len(words) - 1:
        # "Chief Executive of Transvel Energy Benedikt Arvane": the person's name follows
        # the organisation
        split = organisation_at[-1] + 1
    elif after_of and len(words) - split >= 3:
        # "President of Kastrel Anatol Verescu", "Governor of the Bank of England Andrew
        # Bailey": the word after "of" is the office's country or body, the name follows
        split += 1
    elif organisation_at or (after_of and split >= 2 and words[split - 2] in ORG_WORDS):
        # "National Bank", "Bank of England", "National Bank of Veloria": the organisation
        # keeps the capitalised words in front of it, up to a person's role ("Chief
        # Executive of")
        split = organisation_at[0] if organisation_at else split - 2
        while split > 0 and words[split - 1] not in {"of", "for"} and not _person_role_word(words[split - 1]):
            split -= 1
    elif _is_title(words[-1]) and not (len(words) > 1 and _only_shaped_like_affiliation(words[-1], "")):
        # a run that ends in a title names nobody ("the Velorian Foreign Minister"); a
        # surname that only ends like a nationality ("Paul Ryan") is no title
        split = len(words)
    name_words = words[split:]
    role_words = words[:split]
    role_start = base + spans[0][0] if role_words else None
    # a lowercase role noun just before the run: "presidential spokesman Oren Szalay"
    lower = None
    if split == 0 and _previous_word(body, base + spans[0][0]) in LOWER_ROLE_WORDS:  # cheap test first
        lower = LOWER_ROLE_RE.search(body, max(0, base + spans[0][0] - 40), base + spans[0][0])
    if lower and lower.end() == base + spans[0][0]:
        head = re.search(
            r"(?:(?:[A-Z][\w’'.-]*|top|former|chief|senior|deputy|foreign|press)\s+){0,4}$",
            body[max(0, lower.start() - 80) : lower.start()],
        )
        role_start = lower.start() - (len(head.group()) if head else 0)
        role_words = body[role_start : base + spans[0][0]].split() + role_words
    while role_words and (role_words[0].lower() in {"the", "a", "an"} or role_words[0] in NOT_NAMES):
        role_words.pop(0)  # "Yesterday reporter X": a sentence opener is no part of the role
    if not name_words or (len(name_words) == 1 and len(name_words[0]) == 1):
        return  # a letter alone is no name: a party ("Marta Olin (R)"), a list's "A"
    start = base + spans[split][0]
    name = " ".join(name_words)
    role = " ".join(role_words) or None
    kind = _kind_hint(name_words, role_words, shape_says_person=not nouns_capitalised)
    found.append(NameMention(start, trimmed_end, name, role, role_start, kind))


def _kind_hint(name_words: list[str], role_words: list[str], shape_says_person: bool = True) -> str | None:
    if any(w in ORG_WORDS for w in name_words) or (
        len(name_words) == 1 and name_words[0].isupper() and len(name_words[0]) > 1
    ):
        return "organization"
    if any(w in PLACE_WORDS for w in name_words):
        return "place"
    if role_words and any(
        w in PERSON_TITLES or w.lower() in LOWER_ROLE_WORDS or w.lower().endswith(TITLE_ENDINGS)
        for w in role_words
    ):
        return "person"
    if shape_says_person and 2 <= len(name_words) <= 4 and all(w[:1].isupper() for w in name_words):
        return "person"
    return None
