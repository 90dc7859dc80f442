"""The linguistic analysis (issue 10): held-out scores of the shipped model, the speed of
the per-document pipeline with and without parses, and the most-mentioned persons.

    .venv/bin/python benchmarks/analysis.py [--sections heldout,speed,persons] [--limit N]

heldout  Tags, lemmas, LAS and entities per type on the held-out GUM test documents and
         UNER English-EWT test (never trained on; ../shared/train). Names are scored three
         ways: the recogniser alone, the capitalisation rules alone (newstrace before
         issue 10), and the rules reconciled with the recogniser (what the entity stage
         ships). Exact span and type, PER / ORG / LOC.
speed    The whole per-document pipeline over the 840 PolNeAR train articles, one core,
         with the analysis parsing "cued" sentences (shipped), "all" or "none"; the
         analysis stage's share of the time is reported. Median of --repeat passes.
persons  The 20 most-mentioned persons after ingesting those 840 articles.
models   The English analysis and its recogniser alone, CPU ms an article over the PolNeAR
         articles, for the shipped package and for each package given with --against
         (a folder `spacy.load` reads, e.g. `build/models/en` of an earlier commit),
         timed in turn --repeat times so that a noisy minute hits every package alike.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, machine_line, peak_rss_mib, print_table

LABELS = ("PER", "ORG", "LOC")


def heldout() -> None:
    import spacy
    from spacy.scorer import Scorer
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    from newstrace.analysis import analyse
    from newstrace.analysis.pipelines import MODELS
    from newstrace.entities.index import EntityIndex
    from newstrace.models import train

    if not train.TRAIN_DATA.is_dir():
        print(f"skipped heldout: {train.TRAIN_DATA} not found")
        return
    kind_label = {"person": "PER", "organization": "ORG", "place": "LOC"}
    rows = []
    for language, build_corpora, parts in (
        ("en", train.english_corpora, ("test_gum", "test_uner")),
        ("de", train.german_corpora, ("test_gsd", "test_germeval")),
    ):
        if not (MODELS / language / "meta.json").is_file():
            print(f"skipped {language}: no shipped model")
            continue
        paths = build_corpora(Path(tempfile.mkdtemp(prefix=f"newstrace-heldout-{language}-")))
        nlp = spacy.load(MODELS / language)
        for part in parts:
            gold = list(DocBin().from_disk(paths[part]).get_docs(nlp.vocab))
            predicted: dict[str, list] = {"model": [], "rules": [], "rules + model (shipped)": []}
            syntax = []
            has_trees = gold[0].has_annotation("DEP")
            has_names = any(d.ents for d in gold)
            for doc in gold:
                text = doc.text
                if has_trees:
                    words, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
                    syntax.append(Example(nlp(Doc(nlp.vocab, words=words, spaces=spaces)), doc))
                if not has_names:
                    continue
                analysis = analyse(text, language, parse="none")
                predicted["model"].append([(e.start, e.end, e.label) for e in analysis.entities])
                # the rules alone: what the entity stage does without a recogniser
                rules = EntityIndex.build(text, analyse(text, language, parse="none", names=False))
                predicted["rules"].append([(m.start, m.end, kind_label[e.kind]) for m, e in rules.mentions])
                shipped = EntityIndex.build(text, analysis)
                predicted["rules + model (shipped)"].append(
                    [(m.start, m.end, kind_label[e.kind]) for m, e in shipped.mentions]
                )
            if has_trees:
                scores = Scorer(nlp).score(syntax)
                print(
                    f"{part}: {len(gold)} docs, {sum(len(d) for d in gold)} tokens; POS {scores['pos_acc']:.3f}, "
                    f"lemma {scores['lemma_acc']:.3f}, UAS {scores['dep_uas']:.3f}, LAS {scores['dep_las']:.3f}"
                )
            if not has_names:
                continue
            gold_spans = [
                [(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in LABELS] for d in gold
            ]
            for system, spans in predicted.items():
                rows.append([part, system, *_span_f1(gold_spans, spans)])
    print_table(["set", "names from", "PER P", "PER R", "PER F1", "ORG F1", "LOC F1", "P/O/L F1"], rows)


def _span_f1(gold: list[list[tuple]], predicted: list[list[tuple]]) -> list[str]:
    counts = {label: Counter() for label in (*LABELS, "all")}
    for gold_doc, predicted_doc in zip(gold, predicted, strict=True):
        gold_set = set(gold_doc)
        predicted_set = {p for p in predicted_doc if p[2] in LABELS}
        for label in (*LABELS, "all"):
            g = {x for x in gold_set if label in ("all", x[2])}
            p = {x for x in predicted_set if label in ("all", x[2])}
            counts[label]["tp"] += len(g & p)
            counts[label]["gold"] += len(g)
            counts[label]["pred"] += len(p)

    def prf(label: str) -> tuple[float, float, float]:
        c = counts[label]
        precision = c["tp"] / c["pred"] if c["pred"] else 0.0
        recall = c["tp"] / c["gold"] if c["gold"] else 0.0
        return (
            precision,
            recall,
            (2 * precision * recall / (precision + recall) if precision + recall else 0.0),
        )

    per = prf("PER")
    return [
        f"{per[0]:.3f}",
        f"{per[1]:.3f}",
        f"{per[2]:.3f}",
        f"{prf('ORG')[2]:.3f}",
        f"{prf('LOC')[2]:.3f}",
        f"{prf('all')[2]:.3f}",
    ]


def _articles(limit: int) -> list[Path] | None:
    folder = data_dir("quotes", "polnear", "train", "text")
    if folder is None:
        return None
    files = sorted(folder.iterdir())
    return files[:limit] if limit else files


def speed(limit: int, repeat: int) -> None:
    from dataclasses import replace

    from newstrace.config import load_settings
    from newstrace.pipeline import analyse_page, build_pipeline

    files = _articles(limit)
    if files is None:
        return
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    words = sum(len(t.split()) for t in texts)
    rows = []
    for policy in ("cued", "all", "none"):
        pipeline = build_pipeline(replace(load_settings(), analysis_parse=policy))
        stage_seconds: Counter = Counter()
        for stage in pipeline.stages:
            stage.run = _timed(stage.run, stage.name, stage_seconds)  # type: ignore[method-assign]
        analyse_page(texts[0], is_html=False, pipeline=pipeline)  # load the model before timing
        passes = []
        for _ in range(repeat):
            stage_seconds.clear()
            started = time.process_time()
            for text in texts:
                analyse_page(text, is_html=False, pipeline=pipeline)
            passes.append(time.process_time() - started)
        seconds = statistics.median(passes)
        total = sum(stage_seconds.values())
        share = stage_seconds["analyse_text"] / total if total else 0.0
        slowest = ", ".join(f"{n} {v / total:.0%}" for n, v in stage_seconds.most_common(3))
        rows.append(
            [policy, f"{len(texts) / seconds:.1f}", f"{words / seconds:,.0f}", f"{share:.0%}", slowest]
        )
    print(
        f"{len(texts)} PolNeAR train articles, {words / len(texts):.0f} words each; CPU seconds, one core, median of {repeat}"
    )
    print_table(["parse", "docs/s", "words/s", "analysis share", "largest stages"], rows)
    print(f"peak RSS {peak_rss_mib():.0f} MiB")


def _timed(run, name: str, seconds: Counter):
    def timed(doc):
        started = time.process_time()
        try:
            return run(doc)
        finally:
            seconds[name] += time.process_time() - started

    return timed


def models(limit: int, repeat: int, against: list[Path]) -> None:
    from newstrace.analysis import analyse, pipelines

    files = _articles(limit)
    if files is None:
        return
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    packages = {"shipped": pipelines.MODELS / "en", **{str(path): path for path in against}}
    # Each package prepared as the analysis prepares the shipped one (numpy products, trained words).
    loaded = {name: pipelines._load("en", path) for name, path in packages.items()}
    timings: dict[str, dict[str, list[float]]] = {name: {"analysis": [], "recogniser": []} for name in loaded}
    for _ in range(repeat):
        for name, nlp in loaded.items():
            pipelines.reset_caches()
            pipelines._loaded["en"] = nlp
            started = time.process_time()
            for text in texts:
                with pipelines.forgetting_new_words():
                    analyse(text, "en", "cued")
            timings[name]["analysis"].append(time.process_time() - started)
            docs = [nlp.make_doc(text) for text in texts]
            started = time.process_time()
            for doc in docs:
                nlp.get_pipe("ner")(doc)
            timings[name]["recogniser"].append(time.process_time() - started)
    pipelines.reset_caches()
    rows = [
        [name, *(f"{statistics.median(seconds) / len(texts) * 1000:.1f}" for seconds in parts.values())]
        for name, parts in timings.items()
    ]
    print(f"{len(texts)} PolNeAR train articles; CPU ms an article, one core, median of {repeat} alternating passes")
    print_table(["package", "analysis", "recogniser alone"], rows)


def persons(limit: int) -> None:
    import newstrace

    files = _articles(limit)
    if files is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        with newstrace.open(Path(folder) / "persons.db") as collection:
            collection.ingest(files)
            people = sorted(
                (e for e in collection.entities() if e.kind == "person"), key=lambda e: -e.mentions
            )
    rows = [
        [i + 1, e.name, e.mentions, "; ".join(e.roles[:2]), ", ".join(e.aliases[:3])]
        for i, e in enumerate(people[:20])
    ]
    print(f"{len(files)} PolNeAR train articles ingested; {len(people)} persons")
    print_table(["#", "person", "mentions", "roles (first two)", "aliases"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", default="heldout,speed,persons")
    parser.add_argument("--limit", type=int, default=0, help="first N articles (0: all 840)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, action="append", default=[], help="another English package (models)")
    args = parser.parse_args()
    print(machine_line())
    sections = args.sections.split(",")
    if "heldout" in sections:
        heldout()
    if "speed" in sections:
        speed(args.limit, args.repeat)
    if "persons" in sections:
        persons(args.limit)
    if "models" in sections:
        models(args.limit, args.repeat, args.against)


if __name__ == "__main__":
    main()
