"""The spaCy pipelines, loaded once per process and chosen by the document's language.

A language with trained weights shipped in ``newstrace/models/<lang>`` gets them
(tokenizer, entity recogniser, and the syntax components used for parsing); any other
language gets spaCy's tokenizer for it (or the multi-language one) and no model, so
sentences and tokens are still there and stages fall back to their rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from thinc.api import NumpyOps

from ..lang import resources, union

MODELS = Path(__file__).resolve().parent.parent / "models"
# The components that give a parsed sentence, in the order they run.
SYNTAX_COMPONENTS = ("tok2vec", "morphologizer", "trainable_lemmatizer", "parser")


def trained_languages() -> list[str]:
    return sorted(p.name for p in MODELS.iterdir() if (p / "meta.json").is_file())


# Loaded pipelines by language code: one per language the process has met.
_loaded: dict[str, Language] = {}


def language_pipeline(language: str | None) -> Language:
    """The pipeline for ``language`` (an ISO 639-1 code), loaded on first use."""
    code = language or "xx"
    nlp = _loaded.get(code)
    if nlp is None:
        nlp = _loaded[code] = _load(code)
    return nlp


@contextmanager
def forgetting_new_words() -> Iterator[None]:
    """A block whose new words the loaded pipelines forget at its end.

    spaCy keeps every word it meets in its vocabulary and tokenizer cache, so a
    long ingest's memory would grow with the crawl's vocabulary (new names every
    day, without end). spaCy's memory zone frees what a block added; a block is
    one document's processing, and nothing made inside it (a Doc, a Token) is
    used after it. Pipelines loaded inside the block are left out of it.
    Not for concurrent use of one pipeline (zones cannot nest), which the
    per-document pipeline never does.
    """
    with ExitStack() as stack:
        for nlp in list(_loaded.values()):
            stack.enter_context(nlp.memory_zone())
        yield


def _load(code: str, package: Path | None = None) -> Language:
    """The pipeline for `code`, prepared as the analysis runs it; `package` is a trained
    package to load instead of the shipped one (`benchmarks/analysis.py` compares them)."""
    package = package or MODELS / code
    if (package / "meta.json").is_file():
        nlp = spacy.load(package)
    else:
        try:
            nlp = spacy.blank(code)
        except Exception:  # spaCy has no tokenizer rules for this language
            nlp = spacy.blank("xx")
    abbreviations = resources(code).abbreviations if code != "xx" else union("abbreviations")
    for abbreviation in abbreviations:
        # Abbreviations spaCy's tokenizer does not know keep their period ("Gen.", "Nr."),
        # so that a period inside a name or title does not end a sentence.
        if abbreviation not in (nlp.tokenizer.rules or {}):
            nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    _learn_trained_words(nlp)
    _multiply_with_numpy(nlp)
    return nlp


def _multiply_with_numpy(nlp: Language) -> None:
    """Have the models' matrix products computed by numpy's BLAS, one thread a process.

    thinc multiplies with BLIS by default, and the BLIS that its wheels bundle runs its
    generic reference kernel on many CPUs: 25-30 GFLOP/s on this project's machines
    where numpy's OpenBLAS reaches 90 for the same products. thinc's own switch
    (`NumpyOps(use_blis=False)`) hands them to numpy, and analysing an article takes
    about a quarter less, with the same names and parses (`RESULTS.md`, "Scale, seventh
    pass"). The transition loops of the recogniser and parser still call BLIS from
    compiled code, which no setting reaches.
    OpenBLAS would start a thread per core for each product: newstrace runs a process
    per core instead (`--jobs`, Spark), and threads inside them compete for the same
    cores (an article then costs twice the CPU time), so BLAS is held to one thread in
    any process that loads a pipeline.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops


def _learn_trained_words(nlp: Language) -> None:
    """Make the words the model was trained on known for good (out of any memory zone).

    Inside a memory zone (`forgetting_new_words`) spaCy's tokenizer neither reads nor
    writes its cache for new words and builds a vocabulary entry for each word the
    vocabulary lacks, and forgets both at the zone's end: each document paid again for
    every word no earlier document outside a zone had brought (tokenising took 6.5-10 ms
    an article instead of 2). The model's own strings (about 30,000 words of its
    training text, the common words of the language) are tokenised once here. Each is
    tokenised as a text of its own, into a cache made to hold them all: spaCy's tokenizer
    caches a chunk of text only while no special case ("U.S.", "don't") has come before
    it in the same text (its issue #1250), and holds 10,000 chunks by default, so words
    learnt 5,000 to a text were mostly tokenised again in every document (4.6 against 2.0
    ms an article, `RESULTS.md`, "Scale, ninth pass"). What a zone then adds and forgets
    is the rarer words and names. Output is the same: the cache only saves work.
    """
    words = [s for s in nlp.vocab.strings if s and not any(c.isspace() for c in s)]
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        # a language's own segmenter (Chinese, Japanese, Thai): no cache, but the words'
        # vocabulary entries are still made once, here
        for start in range(0, len(words), 5000):
            nlp.make_doc(" ".join(words[start : start + 5000]))
        return
    tokenizer.max_cache_size = max(tokenizer.max_cache_size, len(words) + _CACHE_ROOM)
    for word in words:
        tokenizer(word)


# Room in the tokenizer's cache beyond the trained words, for what is tokenised outside
# any memory zone (spaCy's default size).
_CACHE_ROOM = 10_000


def reset_caches() -> None:
    _loaded.clear()
