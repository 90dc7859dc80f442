"""Training corpora for newstrace's spaCy pipelines, read from ``../shared/train``.

Reads CoNLL-U trees (GUM, UD English-EWT, UD German-GSD), GUM's entity brackets and
Universal NER's IOB2 files, and writes spaCy ``DocBin`` files for ``spacy train``.
spaCy's own ``spacy convert`` reads the trees but not GUM's entity brackets nor UNER's
separate files, so the few lines that join them are written here.

Named entities from GUM follow the corpus README: a bracket whose head token is a
proper noun, or which links a Wikipedia identity, is a named mention; person → PER,
organization → ORG, place → LOC, anything else → MISC. Leading determiners are
dropped so that GUM's mentions ("the United States") match UNER's ("United States"),
and groups of people ("Americans") are not persons.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from spacy.util import filter_spans
from spacy.vocab import Vocab

GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
# Dates and amounts are bracketed too, but are not names.
UNNAMED_TYPES = frozenset({"time", "quantity"})
UNER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
# Held out for reporting (../shared/train/README.md): never trained on.
GUM_TEST = frozenset(
    "academic_discrimination academic_eegimaa bio_dvorak bio_jespersen court_insanity court_mitigation "
    "interview_hill interview_libertarian news_nasa news_sensitive voyage_oakland voyage_vavau".split()
)
GUM_DEV = frozenset(
    "academic_exposure academic_librarians bio_byron bio_emperor court_loan court_negligence "
    "interview_cyclone interview_gaming news_homeopathic news_iodine voyage_athens voyage_coron".split()
)

_BRACKET = re.compile(r"\((\d+)-([^()]*?)(?=\(|\)|$)(\))?|(\d+)\)")


@dataclass(slots=True)
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based word index in the sentence, 0 for the root
    deprel: str
    space_after: bool
    misc: str


@dataclass(slots=True)
class Sentence:
    sent_id: str
    words: list[Word] = field(default_factory=list)
    # Surface tokens when a multiword token's parts do not spell it ("zum" = "zu dem"):
    # (first word, last word, surface form, space after)
    merges: list[tuple[int, int, str, bool]] = field(default_factory=list)


def read_conllu(path: Path) -> Iterator[tuple[str, Sentence]]:
    """Yield (document id, sentence) from a CoNLL-U file."""
    doc_id = path.stem
    sentence = Sentence("")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id"):
            sentence.sent_id = line.split("=", 1)[1].strip()
        elif not line.strip():
            if sentence.words:
                yield doc_id, sentence
            sentence = Sentence("")
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "." in cols[0]:
                continue  # empty nodes of enhanced UD
            misc = cols[9]
            space_after = "SpaceAfter=No" not in misc
            if "-" in cols[0]:
                first, last = (int(x) for x in cols[0].split("-"))
                sentence.merges.append((first, last, cols[1], space_after))
                continue
            sentence.words.append(
                Word(cols[1], cols[2], cols[3], cols[4], cols[5], int(cols[6]), cols[7], space_after, misc)
            )
    if sentence.words:
        yield doc_id, sentence


def gum_entities(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Named mentions in one GUM sentence as (first word, last word exclusive, label), 0-based."""
    open_brackets: dict[str, list[tuple[int, str]]] = {}
    mentions: list[tuple[int, int, str]] = []
    for index, word in enumerate(sentence.words):
        value = next((part[7:] for part in word.misc.split("|") if part.startswith("Entity=")), "")
        for match in _BRACKET.finditer(value):
            if match.group(4):  # a closing "id)"
                stack = open_brackets.get(match.group(4))
                if stack:
                    start, fields = stack.pop()
                    mentions.extend(_named(sentence, start, index + 1, fields))
                continue
            entity_id, fields = match.group(1), match.group(2)
            if match.group(3):  # opened and closed on this word
                mentions.extend(_named(sentence, index, index + 1, fields))
            else:
                open_brackets.setdefault(entity_id, []).append((index, fields))
    return _outermost_unless_listed(sentence, mentions)


def _outermost_unless_listed(
    sentence: Sentence, mentions: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """One flat layer of names: a named mention wins over the names inside it, unless it
    lists them ("the National Library and the University Library", "Cape Canaveral, Florida")."""

    def lists(start: int, end: int) -> bool:
        return any(w.deprel == "cc" or w.form == "," for w in sentence.words[start:end])

    def inside(inner, outer) -> bool:
        return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer

    kept = []
    for mention in mentions:
        parents = [m for m in mentions if inside(mention, m)]
        if all(lists(p[0], p[1]) and any(inside(c, p) for c in mentions) for p in parents):
            if not (lists(mention[0], mention[1]) and any(inside(c, mention) for c in mentions)):
                kept.append(mention)
    return kept


def _named(sentence: Sentence, start: int, end: int, fields: str) -> list[tuple[int, int, str]]:
    parts = fields.split("-", 6)  # etype, infstat, salience, centering, minspan, link, identity
    etype = parts[0]
    identity = parts[6] if len(parts) > 6 else ""
    words = sentence.words
    head = next((i for i in range(start, end) if not start < words[i].head <= end), start)
    label = GUM_TYPES.get(etype, "MISC")
    proper = words[head].upos == "PROPN" or (
        identity
        and label != "MISC"
        and words[head].upos not in ("PRON", "DET")
        and words[head].form[:1].isupper()
    )
    if etype in UNNAMED_TYPES or not proper:
        return []
    if label == "PER" and "Number=Plur" in words[head].feats:
        # GUM brackets groups of people as persons ("Americans", "Republicans"); UNER
        # and the entity stage want one named person, so a plural head is no name.
        return []
    if label == "PER":
        start = head  # titles in front ("Mr.", "NASA Administrator") are not part of the name, as in UNER
    while start < end and words[start].upos == "DET":
        start += 1
    # A relative clause or apposition after the name is not part of it ("STS-135, which ...").
    comma = next((i for i in range(head + 1, end) if words[i].form == ","), end)
    end = comma
    while end > start and (words[end - 1].deprel == "case" or words[end - 1].upos == "PUNCT"):
        end -= 1  # a possessive "'s" or a closing bracket
    if start >= end:
        return []
    return [(start, end, label)]


def read_uner(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Universal NER IOB2 spans per sentence id, as 0-based word ranges."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    sent_id = ""
    current: list[tuple[int, int, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
            current = spans.setdefault(sent_id, [])
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            index, tag = int(cols[0]) - 1, cols[2]
            if tag.startswith("B-"):
                current.append((index, index + 1, UNER_TYPES[tag[2:]]))
            elif tag.startswith("I-") and current and current[-1][1] == index:
                first, _, label = current[-1]
                current[-1] = (first, index + 1, label)
    return spans


def read_germeval(path: Path) -> Iterator[list[tuple[str, str]]]:
    """GermEval 2014 sentences as (token, outer tag) pairs.

    Derived and partial names ("deutschen", "EU-Kommission": tags ending in "deriv" or
    "part") are words that contain a name, not names, so they count as outside; the
    nested inner column is not read (the recogniser predicts one flat layer).
    """
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        cols = line.split("\t")
        tag = cols[2]
        if tag.endswith(("deriv", "part")):
            tag = "O"
        sentence.append((cols[1], tag))
    if sentence:
        yield sentence


def germeval_doc(vocab: Vocab, sentence: list[tuple[str, str]]) -> Doc:
    """One GermEval sentence as a spaCy Doc with its entities (OTH as MISC)."""
    words = [token for token, _ in sentence]
    spans: list[tuple[int, int, str]] = []
    for index, (_, tag) in enumerate(sentence):
        if tag.startswith("B-"):
            spans.append((index, index + 1, UNER_TYPES[tag[2:]]))
        elif tag.startswith("I-") and spans and spans[-1][1] == index and spans[-1][2] == UNER_TYPES[tag[2:]]:
            spans[-1] = (spans[-1][0], index + 1, spans[-1][2])
    doc = Doc(vocab, words=words)
    doc.ents = [doc.char_span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), label=label) for a, b, label in spans]
    return doc


def sentence_doc(vocab: Vocab, sentence: Sentence, entities: list[tuple[int, int, str]] | None) -> Doc:
    """One sentence as a spaCy Doc with tags, morphology, lemmas, tree and (optionally) entities.

    Multiword tokens whose parts spell the surface form ("do" + "n't") keep their parts,
    as spaCy's tokenizer splits them the same way; the others ("zum") become one token
    that carries the tree edge of the part whose head lies outside it.
    """
    words = sentence.words
    tokens: list[tuple[int, int, str, bool]] = []  # (first word, end word, form, space after)
    kept_apart: dict[int, bool] = {}  # word index → space after, for parts of a multiword token
    merged: dict[int, tuple[int, int, str, bool]] = {}
    for first, last, form, space in sentence.merges:
        if "".join(w.form for w in words[first - 1 : last]) == form:
            kept_apart.update({w: False for w in range(first - 1, last - 1)} | {last - 1: space})
        else:
            merged[first - 1] = (first - 1, last, form, space)
    index = 0
    while index < len(words):
        if index in merged:
            tokens.append(merged[index])
            index = merged[index][1]
            continue
        space = kept_apart.get(index, words[index].space_after)
        tokens.append((index, index + 1, words[index].form, space))
        index += 1
    token_of_word = {}
    for position, (first, end, _, _) in enumerate(tokens):
        for w in range(first, end):
            token_of_word[w] = position
    heads, deps, tags, pos, lemmas, morphs = [], [], [], [], [], []
    for first, end, form, _ in tokens:
        outer = next((w for w in range(first, end) if not first < words[w].head <= end), first)
        word = words[outer]
        heads.append(token_of_word[word.head - 1] if word.head else token_of_word[outer])
        deps.append(word.deprel if word.head else "ROOT")
        tags.append(word.xpos if word.xpos != "_" else word.upos)
        pos.append(word.upos)
        lemmas.append(word.lemma if end - first == 1 else form.lower())
        morphs.append("" if word.feats == "_" else word.feats)
    doc = Doc(
        vocab,
        words=[t[2] for t in tokens],
        spaces=[t[3] for t in tokens],
        tags=tags,
        pos=pos,
        lemmas=lemmas,
        morphs=morphs,
        heads=heads,
        deps=deps,
        sent_starts=[True] + [False] * (len(tokens) - 1),
    )
    if entities is not None:
        spans_out = [
            doc.char_span(
                doc[token_of_word[start]].idx,
                doc[token_of_word[end - 1]].idx + len(doc[token_of_word[end - 1]]),
                label=label,
            )
            for start, end, label in entities
        ]
        doc.ents = filter_spans([s for s in spans_out if s is not None])
    return doc


def documents(
    vocab: Vocab, sentences: list[Sentence], entities: dict[str, list] | None, per_doc: int
) -> Iterator[Doc]:
    """Group sentences into training docs of ``per_doc`` sentences (spaCy trains on docs)."""
    for start in range(0, len(sentences), per_doc):
        chunk = sentences[start : start + per_doc]
        docs = [
            sentence_doc(vocab, s, None if entities is None else entities.get(s.sent_id, [])) for s in chunk
        ]
        yield Doc.from_docs(docs)
