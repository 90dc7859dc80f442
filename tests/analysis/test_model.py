"""The shipped English pipeline loads and gives sane output on the example corpus."""

from __future__ import annotations

from pathlib import Path

from newstrace.analysis import analyse
from newstrace.analysis.pipelines import trained_languages
from newstrace.examples import example_corpus

from ..conftest import HARBOUR_STORY, ORCHARD_STORY


def test_the_english_model_ships_with_its_licence() -> None:
    import json

    from newstrace.analysis.pipelines import MODELS

    assert "en" in trained_languages()
    meta = json.loads((MODELS / "en" / "meta.json").read_text())
    assert "CC BY-SA" in meta["license"]
    assert {"ner", "parser", "tok2vec"} <= set(meta["pipeline"])


def test_names_sentences_and_parses_on_the_example_corpus() -> None:
    text = (Path(example_corpus()) / "01-courier-selva-shutdown.txt").read_text(encoding="utf-8")
    analysis = analyse(text, "en")
    assert len(analysis.sentences) > 5
    assert analysis.entities, "the recogniser finds names in a news article"
    assert all(text[e.start : e.end] == e.text for e in analysis.entities)
    assert any(e.label == "PER" for e in analysis.entities)
    cued = analysis.cue_sentences()
    assert cued, "a news article has sentences with quotation marks or verbs of saying"
    parsed = analysis.parsed(cued[0])
    assert parsed is not None
    roots = [t for t in parsed.doc if t.dep_ == "ROOT"]
    assert roots and all(parsed.span(t)[0] >= analysis.sentences[cued[0]][0] for t in roots)


def test_parsing_policy_none_still_parses_on_demand() -> None:
    analysis = analyse('"We will reopen the port," the mayor said on Monday.', "en", parse="none")
    assert analysis.parsed_if_done(0) is None
    assert analysis.parsed(0) is not None


def test_the_german_model_finds_the_people_of_the_german_example() -> None:
    import json

    from newstrace.analysis.pipelines import MODELS

    assert "de" in trained_languages()
    assert "CC BY" in json.loads((MODELS / "de" / "meta.json").read_text())["license"]
    page = Path(example_corpus()) / "16-tagblatt-gipfel-de.html"
    from newstrace.pipeline import analyse_page

    doc = analyse_page(page.read_text(encoding="utf-8"), is_html=True)
    assert doc.language == "de"
    people = {e.name for e in doc.entities if e.kind == "person"}
    assert "Ilse Marovic" in people
    assert not people & {"Seehotel Halvik", "Vertrag Zeile", "Nationalbank", "Ministerin"}


def test_a_very_long_body_has_its_names_recognised_a_run_of_sentences_at_a_time(monkeypatch) -> None:
    from newstrace.analysis import document

    body = "\n\n".join([HARBOUR_STORY, ORCHARD_STORY] * 3)
    whole = [(n.start, n.end, n.label) for n in document.analyse(body, "en", parse="none").entities]
    monkeypatch.setattr(document, "NAMES_PIECE_TOKENS", 40)
    pieces = [(n.start, n.end, n.label) for n in document.analyse(body, "en", parse="none").entities]
    assert len(whole) >= 6
    assert pieces == whole


def test_the_words_the_model_was_trained_on_outlive_every_memory_zone() -> None:
    from newstrace.analysis.pipelines import forgetting_new_words, language_pipeline, reset_caches

    reset_caches()  # a pipeline freshly loaded: no document has been read outside a zone
    nlp = language_pipeline("en")
    with forgetting_new_words():
        nlp.make_doc("Zorblattine said so.")
    assert "said" in nlp.vocab  # a word of the training text: tokenised once at load, kept
    assert "Zorblattine" not in nlp.vocab  # a word new to the model: forgotten with its document
    # every word of the training text has room in the tokenizer's cache (spaCy keeps 10,000
    # chunks by default), so that a zone does not tokenise them again
    trained = sum(1 for s in nlp.vocab.strings if s and not any(c.isspace() for c in s))
    assert nlp.tokenizer.max_cache_size > trained > 10_000


def test_the_models_multiply_with_numpy_on_one_thread_and_read_as_with_blis() -> None:
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_info

    from newstrace.analysis.pipelines import language_pipeline, reset_caches

    text = (Path(example_corpus()) / "01-courier-selva-shutdown.txt").read_text(encoding="utf-8")
    reset_caches()
    analysis = analyse(text, "en")
    nlp = language_pipeline("en")
    layers = [layer for name in nlp.pipe_names for layer in nlp.get_pipe(name).model.walk()]
    assert layers and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)  # numpy's OpenBLAS among them

    def reading(found) -> tuple:
        parses = [[(t.text, t.dep_, t.head.i, t.lemma_) for t in found.parsed(i).doc] for i in found.cue_sentences()]
        return [(e.start, e.end, e.label) for e in found.entities], parses

    # thinc's default BLIS products, for comparison: the same weights must give the same reading.
    with_blis = NumpyOps()
    for layer in layers:
        layer.ops = with_blis
    assert reading(analyse(text, "en")) == reading(analysis)
    reset_caches()


def test_the_shipped_pipelines_are_the_ones_their_training_configs_describe() -> None:
    """A package trained from an older config (a hidden layer the config no longer has, another
    width) would load and run, and its speed and scores would not be the ones RESULTS.md gives."""
    from thinc.api import Config

    from newstrace.analysis.pipelines import MODELS

    for language in trained_languages():
        shipped = Config().from_disk(MODELS / language / "config.cfg", interpolate=False)["components"]
        for part in ("syntax", "ner"):
            trained = Config().from_disk(MODELS / f"{language}_{part}.cfg", interpolate=False)["components"]
            for name, component in trained.items():
                assert shipped[name]["model"] == component["model"], f"{language} {name}"


def test_a_language_with_its_own_segmenter_is_analysed() -> None:
    from newstrace.analysis.pipelines import reset_caches

    reset_caches()  # loaded fresh, as the first Chinese page of an ingest loads it
    analysis = analyse("中国政府周一表示，经济增长放缓。官员说，出口下降了。", "zh")
    assert len(analysis.doc) > 5 and analysis.sentences
