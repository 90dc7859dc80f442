"""Build the corpora, train and package newstrace's spaCy pipelines (``make models``).

    python -m newstrace.models.train [--lang en] [--steps-syntax N] [--steps-ner N] [--only syntax|ner]

Two pipelines are trained side by side, one per core, and joined into one package:
*syntax* (tok2vec, morphologizer, trainable lemmatizer, parser) and *ner* (an entity
recogniser with its own tok2vec). Keeping the recogniser apart is what lets the
analysis run it over a whole body while parsing only the sentences that need a parse
(see ``newstrace/analysis``), and retraining one of them (``--only``) while the other
is kept as shipped. Scores on the held-out files are written beside the weights in
``meta.json`` and reported by ``benchmarks/analysis.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from newstrace.models import corpora

HERE = Path(__file__).parent
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", HERE.parents[2] / ".." / "shared")).resolve()
TRAIN_DATA = SHARED / "train"
GERMEVAL = SHARED / "bench" / "ner" / "germeval2014"
WORK = Path(os.environ.get("NEWSTRACE_MODEL_WORK", HERE.parents[2] / "build" / "models"))
SENTENCES_PER_DOC = 10

LICENCES = {
    "en": "CC BY-SA 4.0 (trained on GUM, CC BY 4.0 annotations over CC BY / CC BY-SA texts, "
    "and on UD English-EWT and UNER English-EWT dev, CC BY-SA 4.0)",
    "de": "CC BY-SA 4.0 (trained on UD German-GSD dev, CC BY-SA 4.0, and GermEval 2014 dev, CC BY 4.0)",
}
SOURCES = {
    "en": [
        "amir-zeldes/gum @ 72ce5ac14978a324c2fd18d49484e65292cbe316 (train documents; dev documents for selection)",
        "UniversalDependencies/UD_English-EWT @ 15d613d8447b3478787d4c278730a1e48a945efb (dev)",
        "UniversalNER/UNER_English-EWT @ 8ed072de2fd24022cc62458997fe96a8fe191ea4 (dev)",
    ],
    "de": [
        "UniversalDependencies/UD_German-GSD @ 297fcf350481058d0737a27f0f8fd03b2eadd67a (dev, 85 % train / 15 % selection)",
        "GermEval 2014 NER (dev, 85 % train / 15 % selection)",
    ],
}


def _bins(vocab, sentences, entities) -> DocBin:
    return DocBin(
        docs=corpora.documents(vocab, sentences, entities, SENTENCES_PER_DOC), store_user_data=False
    )


def english_corpora(out: Path) -> dict[str, Path]:
    """GUM train + EWT dev (with UNER dev entities) to train; GUM dev to select; GUM test, UNER test to report."""
    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    parts: dict[str, list] = {"train": [], "dev": [], "test_gum": []}
    entities: dict[str, list] = {}
    for path in sorted((TRAIN_DATA / "gum" / "dep").glob("GUM_*.conllu")):
        name = path.stem.removeprefix("GUM_")
        part = "test_gum" if name in corpora.GUM_TEST else "dev" if name in corpora.GUM_DEV else "train"
        for _, sentence in corpora.read_conllu(path):
            parts[part].append(sentence)
            entities[sentence.sent_id] = corpora.gum_entities(sentence)
    ewt = TRAIN_DATA / "ud-english-ewt"
    uner = TRAIN_DATA / "uner-english-ewt"
    entities |= corpora.read_uner(uner / "en_ewt-ud-dev.iob2")
    parts["train"] += [s for _, s in corpora.read_conllu(ewt / "en_ewt-ud-dev.conllu")]
    test_entities = corpora.read_uner(uner / "en_ewt-ud-test.iob2")
    parts["test_uner"] = [s for _, s in corpora.read_conllu(ewt / "en_ewt-ud-test.conllu")]
    paths = {}
    for part, sentences in parts.items():
        paths[part] = out / f"{part}.spacy"
        _bins(vocab, sentences, test_entities if part == "test_uner" else entities).to_disk(paths[part])
    return paths


def german_corpora(out: Path) -> dict[str, Path]:
    """GSD dev and GermEval dev, each split 85/15 to train and select; GSD test and GermEval test to report.

    The trees and the entities come from different texts, so the syntax and entity
    pipelines get different corpora here.
    """
    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    gsd = TRAIN_DATA / "ud-german-gsd"
    trees = [s for _, s in corpora.read_conllu(gsd / "de_gsd-ud-dev.conllu")]
    cut = int(len(trees) * 0.85)
    named = list(corpora.read_germeval(GERMEVAL / "NER-de-dev.tsv"))
    ner_cut = int(len(named) * 0.85)
    paths = {
        "train": (trees[:cut], None),
        "dev": (trees[cut:], None),
        "test_gsd": ([s for _, s in corpora.read_conllu(gsd / "de_gsd-ud-test.conllu")], None),
    }
    result = {}
    for part, (sentences, entities) in paths.items():
        result[part] = out / f"{part}.spacy"
        _bins(vocab, sentences, entities).to_disk(result[part])
    for part, docs in (
        ("ner_train", named[:ner_cut]),
        ("ner_dev", named[ner_cut:]),
        ("test_germeval", list(corpora.read_germeval(GERMEVAL / "NER-de-test.tsv"))),
    ):
        result[part] = out / f"{part}.spacy"
        DocBin(docs=(corpora.germeval_doc(vocab, d) for d in docs)).to_disk(result[part])
    return result


def train(lang: str, steps_syntax: int | None, steps_ner: int | None, only: str | None = None) -> Path:
    if not TRAIN_DATA.is_dir():
        sys.exit(f"newstrace models: training data not found at {TRAIN_DATA} (set NEWSTRACE_SHARED)")
    work = WORK / lang
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    paths = english_corpora(work) if lang == "en" else german_corpora(work)
    runs = {
        "syntax": (paths["train"], paths["dev"], steps_syntax),
        "ner": (paths.get("ner_train", paths["train"]), paths.get("ner_dev", paths["dev"]), steps_ner),
    }
    if only:
        runs = {only: runs[only]}
    env = os.environ | {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    processes = []
    for name, (train_path, dev_path, steps) in runs.items():
        command = [
            sys.executable,
            "-m",
            "spacy",
            "train",
            str(HERE / f"{lang}_{name}.cfg"),
            "--output",
            str(work / name),
            "--paths.train",
            str(train_path),
            "--paths.dev",
            str(dev_path),
        ]
        if steps:
            command += ["--training.max_steps", str(steps)]
        log = open(work / f"{name}.log", "w")
        processes.append(
            (name, subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env), log)
        )
    for name, process, log in processes:
        if process.wait():
            sys.exit(f"newstrace models: training {lang} {name} failed, see {log.name}")
        log.close()
    minutes = (time.monotonic() - started) / 60
    return package(lang, work, minutes, only)


def package(lang: str, work: Path, minutes: float, only: str | None = None) -> Path:
    """Join the two trained pipelines into ``newstrace/models/<lang>`` with their licence and scores;
    with `only`, the part not retrained is taken from the shipped package."""
    target = HERE / lang
    shipped = spacy.load(target) if only else None
    if only == "ner":
        nlp = shipped
        nlp.remove_pipe("ner")
    else:
        nlp = spacy.load(work / "syntax" / "model-best")
    ner = spacy.load(work / "ner" / "model-best") if only != "syntax" else shipped
    nlp.add_pipe("ner", source=ner)
    if target.exists():
        shutil.rmtree(target)
    what = "trained by `make models`"
    if only:
        kept = "syntax" if only == "ner" else "ner"
        what = f"{only} retrained by `python -m newstrace.models.train --only {only}` ({kept} kept as shipped before)"
    nlp.meta.update(
        name=f"newstrace_{lang}",
        version="1.0.0",
        license=LICENCES[lang],
        sources=[{"name": s} for s in SOURCES[lang]],
        description=f"newstrace {lang}: {what} in {minutes:.0f} minutes on 2 CPU cores",
    )
    nlp.meta["performance"] = evaluate(nlp, work)
    nlp.to_disk(target, exclude=["vocab.vectors"])
    (target / "SCORES.json").write_text(json.dumps(nlp.meta["performance"], indent=2) + "\n")
    return target


def evaluate(nlp, work: Path) -> dict[str, dict]:
    """Scores on the held-out files (never trained on): tags, lemmas, LAS, and entities per type."""
    from spacy.training import Example

    scores = {}
    for path in sorted(work.glob("test_*.spacy")):
        gold_docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        examples = [
            Example(
                nlp(Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])), d
            )
            for d in gold_docs
        ]
        scores[path.stem] = _score(nlp, examples)
    return scores


def _score(nlp, examples) -> dict:
    from spacy.scorer import Scorer

    scored = Scorer(nlp).score(examples)
    keep = (
        "pos_acc",
        "morph_acc",
        "lemma_acc",
        "dep_uas",
        "dep_las",
        "sents_f",
        "ents_p",
        "ents_r",
        "ents_f",
        "ents_per_type",
    )
    return {key: scored[key] for key in keep if key in scored}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=sorted(LICENCES))
    parser.add_argument(
        "--steps-syntax", type=int, default=None, help="training steps for the syntax pipeline"
    )
    parser.add_argument(
        "--steps-ner", type=int, default=None, help="training steps for the entity recogniser"
    )
    parser.add_argument(
        "--package-only", action="store_true", help="join and score already trained pipelines"
    )
    parser.add_argument(
        "--only", choices=("syntax", "ner"), help="retrain this pipeline; the other is kept as shipped"
    )
    args = parser.parse_args()
    if args.package_only:
        print(package(args.lang, WORK / args.lang, 0.0, args.only))
    else:
        print(train(args.lang, args.steps_syntax, args.steps_ner, args.only))


if __name__ == "__main__":
    main()
