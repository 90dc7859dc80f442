"""`Analysis`: sentences, tokens, names and (where needed) parses of one body.

Offsets are character offsets into the body everywhere (SPEC): the spaCy Doc is made
from the body itself, and a parsed sentence carries the body offset of its first
character, so `ParsedSentence.span(token)` is the one place where parse offsets
become body offsets.

What runs where, and why: tokenizing and the sentence rules cost little and run over
the whole body; the entity recogniser has its own small encoder and runs over the
whole body once; the tagger, lemmatizer and parser share another encoder and run
only on the sentences a stage needs: by default those with a speech verb (see
`cue_sentences`) that a stage reads, batched as the stage asks for them
(`parse_ahead`), or one at a time where a stage asks for one. `benchmarks/analysis.py`
measures the choice against parsing everything.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import InputError
from ..lang import caseless, resources
from ..model import Document
from .pipelines import SYNTAX_COMPONENTS, language_pipeline
from .sentences import sentence_offsets, set_sentence_starts

ParsePolicy = Literal["cued", "all", "none"]
# What splits a token into the words `offsets_of` also looks for.
_TOKEN_PIECES = re.compile(r"[^\w]+")
# A sentence longer than this many tokens is a list or a run-on page fragment: not parsed.
MAX_PARSE_TOKENS = 150
# The recogniser's working memory grows with the length of what it is given (a 600,000-
# character page took 1.7 GB); a body longer than this many tokens is recognised a run of
# whole sentences at a time. Every real article is shorter, and recognised whole.
NAMES_PIECE_TOKENS = 20_000
# Parses one document keeps, at most: a long real article has a few hundred sentences; a
# page of tens of thousands of cued sentences (a machine-made list of quotes) would hold
# gigabytes of them. Sentences past it go unparsed, like over-long ones: stages use rules.
MAX_PARSED_SENTENCES = 2000


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A name the recogniser found: PER, ORG, LOC or MISC, at body offsets."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """One sentence with tags, lemmas and dependencies; `doc` starts at body offset `offset`."""

    offset: int
    doc: Doc

    def span(self, token: Token) -> tuple[int, int]:
        start = self.offset + token.idx
        return start, start + len(token.text)

    def token_at(self, body_offset: int) -> Token | None:
        """The token covering ``body_offset``, if any."""
        local = body_offset - self.offset
        for token in self.doc:
            if token.idx <= local < token.idx + len(token.text):
                return token
        return None


class Analysis:
    """The analysis of one body. Build it with `analyse`."""

    def __init__(
        self,
        body: str,
        language: str | None,
        nlp: Language,
        doc: Doc,
        names_recognised: bool = False,
        parse: ParsePolicy = "cued",
    ):
        self.body = body
        self.parse_policy = parse
        self.language = language
        self.nlp = nlp
        self.doc = doc
        self._names_recognised = names_recognised
        self.sentences = sentence_offsets(doc)
        self._starts = [start for start, _ in self.sentences]
        self._parsed: dict[int, ParsedSentence | None] = {}
        self._parse_count = 0  # of the entries above, those with a parse (MAX_PARSED_SENTENCES)
        self._cues: Counter[int] | None = None  # verbs of saying per sentence, once asked
        self._words: dict[str, list[int]] | None = None  # where each lowercase word stands, once asked
        self.entities: list[NamedSpan] = [
            NamedSpan(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents
        ]

    # -- what is available --------------------------------------------------------
    @property
    def recognises_names(self) -> bool:
        """Whether the names come from a trained recogniser (else stages use their rules)."""
        return self._names_recognised

    @property
    def parses(self) -> bool:
        return "parser" in self.nlp.pipe_names

    # -- sentences ----------------------------------------------------------------
    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the last one starting before it)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The whole sentence containing ``offset``."""
        if not self.sentences:
            return 0, len(self.body)
        return self.sentences[self.sentence_index(offset)]

    def sentence_spans(self, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
        """The sentences overlapping body[lo:hi], clipped to it."""
        return tuple(self._clipped(lo, hi, lo))

    def _clipped(self, lo: int, hi: int, first_at: int) -> Iterator[tuple[int, int]]:
        """The sentences overlapping body[lo:hi], clipped to it and without leading space,
        from the one around offset `first_at` on: a lookup costs the sentences it reads,
        not the paragraph's (a page of thousands of one-line quotes is one paragraph).
        Without sentences, body[lo:hi] is one."""
        if not self.sentences:
            if lo < hi:
                yield lo, hi
            return
        for index in range(self.sentence_index(max(lo, first_at)), len(self.sentences)):
            start, end = self.sentences[index]
            if start >= hi:
                break
            start, end = max(start, lo), min(end, hi)
            while start < end and self.body[start].isspace():
                start += 1
            if start < end:
                yield start, end

    def sentence_bounds(self, lo: int, hi: int, at: int) -> tuple[int, int]:
        """The sentence around offset ``at``, within [lo, hi)."""
        # Sentences before the one around `at` end at or before it.
        for start, end in self._clipped(lo, hi, at):
            if at < end:
                return start, end
        return lo, hi

    def next_sentence_end(self, start: int, hi: int) -> int | None:
        """The end of the sentence that contains ``start``, if it ends before ``hi``."""
        for _, end in self._clipped(start, hi, start):
            return end if end < hi or end == len(self.body.rstrip()) else None
        return None

    def offsets_of(self, words: frozenset[str]) -> list[int]:
        """The body offsets, in order, of the tokens holding one of these lowercase words:
        the token, or a piece of it between marks ("januar/februar" holds "januar"),
        compared as a case-insensitive regular expression compares ("FRİDAY" holds
        "friday")."""
        held = self._word_offsets()
        return sorted(offset for word in words & held.keys() for offset in held[word])

    def _word_offsets(self) -> dict[str, list[int]]:
        if self._words is None:
            self._words = {}
            for token in self.doc:
                form = token.lower_ if token.is_ascii else caseless(token.text)
                self._words.setdefault(form, []).append(token.idx)
                if not token.is_alpha:
                    for piece in _TOKEN_PIECES.split(form):
                        if piece != form:
                            self._words.setdefault(piece, []).append(token.idx)
        return self._words

    # -- parses -------------------------------------------------------------------
    def cue_sentences(self) -> list[int]:
        """Sentences with a verb of saying: the ones whose parse attribution may read.

        A sentence that only holds a quotation takes its speaker from a neighbour that
        holds the verb ("He said:" / the quote), so quotation marks alone cost no parse:
        on the PolNeAR articles 39 % of the sentences are cued instead of 52 %, and of
        those the stages read (and have parsed) fewer than half.
        """
        return sorted(self._cue_counts())

    def is_cue_sentence(self, index: int) -> bool:
        return index in self._cue_counts()

    def cue_count(self, index: int) -> int:
        """How many verbs of saying sentence ``index`` holds."""
        return self._cue_counts().get(index, 0)

    def _cue_counts(self) -> Counter[int]:
        if self._cues is None:
            verbs = resources(self.language).speech_verbs
            self._cues = Counter(self.sentence_index(t.idx) for t in self.doc if t.lower_ in verbs)
        return self._cues

    def parse(self, indices: Iterable[int]) -> None:
        """Parse these sentences (batched); already parsed ones are skipped."""
        if not self.parses:
            return
        todo = [i for i in dict.fromkeys(indices) if i not in self._parsed and 0 <= i < len(self.sentences)]
        if not todo:
            return
        room = max(0, MAX_PARSED_SENTENCES - self._parse_count)
        for index in todo[room:]:
            self._parsed[index] = None
        todo = todo[:room]
        docs, kept = [], []
        for index in todo:
            start, end = self.sentences[index]
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) > MAX_PARSE_TOKENS:
                self._parsed[index] = None
                continue
            # A fresh Doc of the sentence's words: `Span.as_doc` would copy the whole
            # document's arrays for every sentence.
            docs.append(
                Doc(self.nlp.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
            )
            kept.append((index, span.start_char))
        for name in SYNTAX_COMPONENTS:
            docs = list(self.nlp.get_pipe(name).pipe(docs, batch_size=64))
        for (index, offset), doc in zip(kept, docs, strict=True):
            self._parsed[index] = ParsedSentence(offset, doc)
        self._parse_count += len(kept)

    def parse_ahead(self, indices: Iterable[int]) -> None:
        """Parse, in one batch, the sentences a stage is about to read, where the policy
        parses cued sentences as they are read: of a page's cued sentences, about a quarter
        are never read (they stand inside quotations), and batching the others costs less
        than parsing them one by one."""
        if self.parse_policy == "cued":
            self.parse(i for i in indices if self.is_cue_sentence(i))

    def parsed(self, index: int) -> ParsedSentence | None:
        """Sentence ``index`` parsed (on demand), or None without a parser."""
        if index not in self._parsed:
            self.parse([index])
        return self._parsed.get(index)

    def parsed_if_done(self, index: int) -> ParsedSentence | None:
        """Sentence ``index`` if an earlier step already paid for its parse."""
        return self._parsed.get(index)


def analysis_of(doc: Document) -> Analysis:
    """The document's analysis; for a document read back from the store (which keeps
    no analysis), its sentences and tokens, made now and kept on the document."""
    if doc.analysis is None or doc.analysis.body is not doc.body:  # type: ignore[attr-defined]
        doc.analysis = analyse(doc.body, doc.language, parse="none", names=False)
    return doc.analysis  # type: ignore[return-value]


def analyse(body: str, language: str | None, parse: ParsePolicy = "cued", names: bool = True) -> Analysis:
    """Tokenise, split, recognise names (unless ``names`` is false), and parse every sentence
    where ``parse`` is "all"; with "cued", stages have the cued sentences they read parsed
    (`Analysis.parse_ahead`)."""
    nlp = language_pipeline(language)
    if len(body) > nlp.max_length:
        raise InputError(
            f"article text of {len(body):,} characters is longer than the analysis takes ({nlp.max_length:,})"
        )
    doc = set_sentence_starts(nlp.make_doc(body))
    recognise = names and "ner" in nlp.pipe_names
    if recognise:
        if len(doc) <= NAMES_PIECE_TOKENS:
            doc = nlp.get_pipe("ner")(doc)
        else:
            doc.ents = _names_in_pieces(nlp, doc)
    analysis = Analysis(body, language, nlp, doc, names_recognised=recognise, parse=parse)
    if parse == "all":
        analysis.parse(range(len(analysis.sentences)))
    return analysis


def _names_in_pieces(nlp: Language, doc: Doc) -> list[Span]:
    """The names in `doc`, recognised in runs of whole sentences of at most
    NAMES_PIECE_TOKENS tokens (names do not cross sentences), at `doc`'s offsets."""
    recogniser = nlp.get_pipe("ner")
    names: list[Span] = []
    piece_start = 0
    for sentence in [*doc.sents, None]:
        end = sentence.start if sentence is not None else len(doc)
        if sentence is not None and sentence.end - piece_start <= NAMES_PIECE_TOKENS:
            continue
        if end > piece_start:
            piece = doc[piece_start:end]
            for name in recogniser(piece.as_doc()).ents:
                span = doc.char_span(piece.start_char + name.start_char, piece.start_char + name.end_char, name.label_)
                if span is not None:
                    names.append(span)
        piece_start = end
    return names
