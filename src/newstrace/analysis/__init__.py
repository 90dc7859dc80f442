"""One linguistic analysis per document, shared by every stage that reads language.

The body is tokenised and split into sentences once, the entity recogniser runs over
it once, and sentences are parsed (tags, lemmas, dependencies) only where a stage
needs a parse: see `Analysis`. The analysis lives beside the Document for the length
of the per-document pipeline and is never stored.
"""

from .document import Analysis, NamedSpan, ParsedSentence, analyse, analysis_of
from .pipelines import language_pipeline, reset_caches
from .stage import AnalyseText

__all__ = [
    "AnalyseText",
    "Analysis",
    "NamedSpan",
    "ParsedSentence",
    "analyse",
    "analysis_of",
    "language_pipeline",
    "reset_caches",
]
