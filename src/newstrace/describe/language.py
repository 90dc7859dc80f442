"""Stage: the language of the body and, separately, of the title.

needs: body, title      adds: language, title_language

They differ more often than one would think: a German headline over a
machine-translated English body, an English SEO title over a German article.
py3langid does the identification. Two choices, measured as agreement of
title and body language on the 727 titled pages of the extraction benchmarks
(where they nearly always agree):
  * the identifier is limited to widely published languages: short titles
    otherwise come out as Galician or Icelandic (647 -> 688);
  * a title the identifier is unsure of (< 0.7) takes the body's language
    when that is among its three best guesses, or when the identifier is
    only guessing (< 0.3: "Buy Mac" -> Vietnamese) (688 -> 725).
A title it is sure of keeps its own language, whatever the body's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from ..model import Document

# ISO 639-1 codes of languages with a sizeable news press, all known to py3langid.
COMMON_LANGUAGES = (
    "en de fr es it pt nl ru pl uk cs sk sl hr sr bg ro hu el tr ar fa he hi bn ur id ms vi th "
    "zh ja ko sv da no fi et lv lt ca eu gl ga cy is sq mk"
).split()
_BODY_SAMPLE_CHARS = 1500
_MIN_LETTERS = 3
_UNSURE = 0.7
_NOISE = 0.3
_RUNNER_UPS = 3


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """Loaded once per process (about half a second)."""
    found = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    found.set_languages(COMMON_LANGUAGES)
    return found


def _sample(text: str) -> str | None:
    text = text[:_BODY_SAMPLE_CHARS]
    if sum(c.isalpha() for c in text) < _MIN_LETTERS:
        return None
    # Headlines in capitals read as a different language to a character model.
    return text.lower() if text.isupper() else text


def body_language(body: str) -> str | None:
    sample = _sample(body)
    return identifier().classify(sample)[0] if sample else None


def title_language(title: str, body_lang: str | None) -> str | None:
    sample = _sample(title)
    if not sample:
        return None
    language, confidence = identifier().classify(sample)
    if confidence < _UNSURE and body_lang:
        runner_ups = [code for code, _ in identifier().rank(sample)[:_RUNNER_UPS]]
        if body_lang in runner_ups or confidence < _NOISE:
            return body_lang
    return language


class DescribeLanguage:
    name: ClassVar[str] = "describe_language"
    needs: ClassVar[frozenset[str]] = frozenset({"body", "title"})
    adds: ClassVar[frozenset[str]] = frozenset({"language", "title_language"})

    def run(self, doc: Document) -> Document:
        doc.language = doc.given.get("language") or body_language(doc.body)
        doc.title_language = title_language(doc.title, doc.language) if doc.title else None
        return doc
