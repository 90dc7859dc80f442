"""HTML -> article body: newstrace against trafilatura, on three public sets.

    python benchmarks/extraction.py [--set aeb|wcxb|trafeval|all] [--limit N]
                                    [--repeat N] [--json OUT] [--meta-arm]
                                    [--peer-options eval|library] [--no-peer-metadata]

Data: `<repo>/../shared/bench/extraction/{aeb,wcxb-dev,trafilatura-eval}` (or
`$NEWSTRACE_BENCH/extraction/...`); a missing folder is skipped with a message.
Each set is scored exactly as its README.txt describes:

  aeb       181 news pages, gold schema.org `articleBody`. Tokens `\\w+` (case
            kept), 4-gram shingle multisets; per page tp/fp/fn normalised to
            sum 1; P and R are means over pages (upstream `evaluate.py`,
            including its edge cases), F1 = 2PR/(P+R) of the means. Accuracy:
            share of pages whose token list equals the gold one.
  wcxb      WCXB dev part: 202 articles + 48 other pages. Per page word
            bag-of-words P/R/F1 on lowercased `\\w+` tokens, macro means
            (upstream `evaluate.py`, incl. empty-text rules); with_rate /
            without_rate = share of a page's snippets found (case-insensitive),
            averaged over pages, pages without snippets left out of that mean.
            Headline figure: articles only. Metadata on articles: title and
            author exact (case-insensitive) and loose (one contains the other),
            date exact day.
  trafeval  300 pages of trafilatura's evaluation corpus, multilingual.
            Whitespace-normalised substring test of each must-include ("with")
            and must-exclude ("without") snippet; tp/fp/fn/tn micro-summed over
            pages; P, R, accuracy, F1. A page whose system raised scores as an
            empty output (upstream `run_and_count`). Metadata: exact string
            match, as upstream `eval_authors.py`; loose match shown too.

Systems, run in the same process on the same decoded text:
  trafilatura  `trafilatura.extract(html, url=url, include_comments=False,
               include_tables=True, include_formatting=False)`: the peer. These
               are trafilatura's own evaluation settings (upstream
               `tests/eval_common.EXTRACT_OPTS`), what the READMEs' "extract
               (default)" rows were run with (they reproduce AEB's 0.960 / 0.942
               / 0.978 exactly), and the options newstrace's extraction stage
               passes. The library's bare defaults also keep reader comments
               (AEB F1 0.953); `--peer-options library` runs those instead.
  newstrace    `analyse_page(html, is_html=True, source=..., given={"url": url},
               pipeline=build_pipeline(load_settings()))`; scored on `doc.body`.

Title choice: SPEC's `body` excludes the title. None of the three gold texts
leads with it either: AEB's `articleBody` is the schema.org body (no headline),
WCXB's `main_content` starts with the headline in 5 of 202 articles, and 10 of
742 trafilatura-eval "with" snippets overlap the gold title. trafilatura's
default `extract` output has no title either, so both systems are scored on
their body alone, with no title added to either.

Decoding: both systems get the same `str`, made by trafilatura's `decode_file`
(gunzip, UTF-8 when valid, else charset detection): what the upstream
evaluations do when they hand the libraries bytes.

Timing: one untimed warm-up call per system, then whole passes over the set,
`--repeat` times, the order of the systems reversed every other repetition,
library LRU caches emptied before each pass; medians of the pass times are
quoted. trafilatura's figure is `extract` alone; newstrace's is the whole
`analyse_page`: trafilatura with metadata, cleaning and description, and also
the later phases (dates, quotes, entities, fingerprint). `clean+describe`
is an arm of its own: a pipeline of only the default pipeline's clean and
describe stages (extraction with the page's metadata, normalisation,
boilerplate removal, title, site, author, categories, language, stated date),
run interleaved with the peer like the other arms; its `x CPU` is the ratio
issue 3's speed target is about. Columns: `x traf`,
ratio of median wall times; `x paired`, median of the per-repetition ratios
(back-to-back passes share the machine's load); `x CPU`, ratio of median
process CPU times (least disturbed by other processes on a shared machine).
Each newstrace stage is timed too, and summed by phase (the stage's
subpackage), so the "clean + describe" cost can be set against trafilatura
on its own. `--meta-arm` also times `bare_extraction(with_metadata=True)`,
the call newstrace's extraction stage makes. Peak RSS is the process's
(getrusage), read after each set.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    ArmRun,
    Newstrace,
    data_dir,
    fmt,
    library_versions,
    load_newstrace,
    machine_line,
    peak_rss_mib,
    phase_ms,
    print_failures,
    print_table,
    read_page,
    run_arms,
    stage_ms,
    stage_table,
    write_json,
)

SETS = ("aeb", "wcxb", "trafeval")

# Figures quoted in each set's README.txt: (label, F1, P, R, accuracy or with-rate).
ANCHORS: dict[str, list[tuple[str, float | None, float | None, float | None, float | None]]] = {
    "aeb": [
        ("published: trafilatura 2.0.0", 0.958, 0.938, 0.978, None),
        ("published: rs_trafilatura", 0.970, 0.951, 0.990, None),
        ("published: newspaper4k 0.9.3.1", 0.949, 0.964, 0.934, None),
        ("published: readability-lxml", 0.922, None, None, None),
        ("README reproduced: extract default (2.3.1)", 0.960, 0.942, 0.978, None),
    ],
    "wcxb": [
        ("published articles: rs-trafilatura", 0.932, None, None, None),
        ("published articles: trafilatura", 0.926, None, None, None),
        ("published articles: readability", 0.825, None, None, None),
        ("README reproduced, 252 articles dev+test: extract default", 0.937, 0.939, 0.951, 0.867),
    ],
    "trafeval": [
        ("published (990 docs): trafilatura 2.2.0 standard", 0.924, 0.906, 0.943, 0.923),
        ("published (990 docs): justext 3.0.2", 0.862, 0.864, 0.859, 0.862),
        ("published (990 docs): newspaper4k 0.9.6", 0.801, 0.878, 0.736, 0.817),
        ("README reproduced, this subset: extract default", 0.913, 0.893, 0.935, 0.912),
    ],
}


@dataclass
class Page:
    name: str
    path: Path
    url: str | None
    gold: dict[str, Any]
    html: str = field(default="", repr=False)


# --- loading ---------------------------------------------------------------


def load_aeb(root: Path) -> list[Page]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(key, root / "html" / f"{key}.html.gz", item.get("url"), {"body": item.get("articleBody", "")})
        for key, item in sorted(truth.items())
    ]


def load_wcxb(root: Path) -> list[Page]:
    pages = []
    for path in sorted((root / "dev" / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        truth = data.get("ground_truth") or {}
        page_type = ((data.get("_internal") or {}).get("page_type") or {}).get("primary", "article")
        gold = {
            "body": truth.get("main_content") or "",
            "with": truth.get("with") or [],
            "without": truth.get("without") or [],
            "title": truth.get("title"),
            "author": truth.get("author"),
            "date": truth.get("publish_date"),
            "type": "collection" if page_type == "category" else page_type,
        }
        pages.append(Page(path.stem, root / "dev" / "html" / f"{path.stem}.html.gz", data.get("url"), gold))
    return pages


def load_trafeval(root: Path) -> list[Page]:
    entries = json.loads((root / "evaldata_subset.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in sorted(entries.items(), key=lambda kv: kv[1]["local_file"]):
        gold = {key: item.get(key) for key in ("with", "without", "title", "author", "date")}
        # upstream keys look like "hard::100noticias.com-millones.html"; only real URLs are URLs
        page_url = url if url.startswith(("http://", "https://")) else None
        pages.append(Page(Path(item["local_file"]).name, root / item["local_file"], page_url, gold))
    return pages


LOADERS = {
    "aeb": (("extraction", "aeb"), load_aeb),
    "wcxb": (("extraction", "wcxb-dev"), load_wcxb),
    "trafeval": (("extraction", "trafilatura-eval"), load_trafeval),
}


# --- scoring ---------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(
        shingle for i in range(max(1, len(tokens) - n + 1)) if (shingle := tuple(tokens[i : i + n]))
    )


def score_aeb(pages: list[Page], bodies: list[str]) -> dict[str, Any]:
    """Upstream AEB `evaluate.py`, re-implemented (no bootstrap)."""
    precisions, recalls, exact = [], [], 0
    for page, body in zip(pages, bodies, strict=True):
        true, pred = _shingles(page.gold["body"]), _shingles(body)
        tp = sum((true & pred).values())
        fp = sum((pred - true).values())
        fn = sum((true - pred).values())
        total = tp + fp + fn
        if total:
            tp, fp, fn = tp / total, fp / total, fn / total
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
        exact += _WORD.findall(page.gold["body"] or "") == _WORD.findall(body or "")
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": exact / len(pages),
        "pages": len(pages),
    }


def _word_prf(pred: str, ref: str) -> tuple[float, float, float]:
    pred_tokens = re.findall(r"\w+", (pred or "").lower())
    ref_tokens = re.findall(r"\w+", (ref or "").lower())
    if not ref_tokens:
        return (1.0, 1.0, 1.0) if not pred_tokens else (0.0, 0.0, 0.0)
    if not pred_tokens:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(pred_tokens) & Counter(ref_tokens)).values())
    precision, recall = overlap / len(pred_tokens), overlap / len(ref_tokens)
    return precision, recall, (2 * precision * recall / (precision + recall) if overlap else 0.0)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def score_wcxb(pages: list[Page], bodies: list[str]) -> dict[str, Any]:
    """Upstream WCXB `evaluate.py`: macro word P/R/F1, snippet rates; articles first."""
    groups: dict[str, list[tuple[float, float, float]]] = {"article": [], "other": [], "all": []}
    with_rates, without_rates = [], []
    for page, body in zip(pages, bodies, strict=True):
        prf = _word_prf(body, page.gold["body"])
        group = "article" if page.gold["type"] == "article" else "other"
        groups[group].append(prf)
        groups["all"].append(prf)
        if group == "article":
            lowered = (body or "").lower()
            if page.gold["with"]:
                with_rates.append(
                    sum(s.lower() in lowered for s in page.gold["with"]) / len(page.gold["with"])
                )
            if page.gold["without"]:
                without_rates.append(
                    sum(s.lower() in lowered for s in page.gold["without"]) / len(page.gold["without"])
                )
    result: dict[str, Any] = {}
    for name, scores in groups.items():
        result[name] = {
            "precision": _mean([s[0] for s in scores]),
            "recall": _mean([s[1] for s in scores]),
            "f1": _mean([s[2] for s in scores]),
            "pages": len(scores),
        }
    article = result["article"]
    result.update(
        precision=article["precision"],
        recall=article["recall"],
        f1=article["f1"],
        with_rate=_mean(with_rates),
        without_rate=_mean(without_rates),
        pages=article["pages"],
    )
    return result


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def score_trafeval(pages: list[Page], bodies: list[str | None]) -> dict[str, Any]:
    """Upstream trafilatura `eval_common.count_item`, micro-summed."""
    tp = fp = fn = tn = 0
    for page, body in zip(pages, bodies, strict=True):
        text = _norm(body) if isinstance(body, str) else None
        hits = sum(_norm(s) in text for s in page.gold["with"]) if text is not None else 0
        leaks = sum(_norm(s) in text for s in page.gold["without"]) if text is not None else 0
        tp, fp = tp + hits, fp + leaks
        fn, tn = fn + len(page.gold["with"]) - hits, tn + len(page.gold["without"]) - leaks
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "accuracy": (tp + tn) / (tp + fp + fn + tn),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "pages": len(pages),
    }


SCORERS = {"aeb": score_aeb, "wcxb": score_wcxb, "trafeval": score_trafeval}


def score_metadata(
    pages: list[Page], found: list[dict[str, Any] | None], case_sensitive: bool
) -> dict[str, Any]:
    """Title, author, date against gold where the gold has them.

    exact: equal after whitespace normalisation (and lowercasing unless
    `case_sensitive`); loose: one contains the other, lowercased. Dates: the
    gold is a day; a coarser answer that agrees with it (YYYY-MM, YYYY) is
    counted apart from wrong ones.
    """
    result: dict[str, Any] = {}
    for key in ("title", "author"):
        gold_count = exact = loose = missing = 0
        for page, meta in zip(pages, found, strict=True):
            gold = page.gold.get(key)
            if not gold:
                continue
            gold_count += 1
            value = (meta or {}).get(key)
            if not value:
                missing += 1
                continue
            gold_n, value_n = _norm(gold), _norm(value)
            if not case_sensitive:
                gold_n, value_n = gold_n.lower(), value_n.lower()
            exact += gold_n == value_n
            loose += gold_n.lower() in value_n.lower() or value_n.lower() in gold_n.lower()
        result[key] = {"gold": gold_count, "exact": exact, "loose": loose, "missing": missing}
    gold_count = correct = coarse = wrong = missing = 0
    for page, meta in zip(pages, found, strict=True):
        gold = page.gold.get("date")
        if not gold:
            continue
        gold_count += 1
        value = (meta or {}).get("date")
        if not value:
            missing += 1
        elif value == gold:
            correct += 1
        elif len(value) < 10 and gold.startswith(value):
            coarse += 1
        else:
            wrong += 1
    result["date"] = {
        "gold": gold_count,
        "correct": correct,
        "coarse": coarse,
        "wrong": wrong,
        "missing": missing,
    }
    return result


# --- systems ---------------------------------------------------------------


# What the READMEs' "extract(default)" rows were run with: trafilatura's own
# evaluation settings (`tests/eval_common.EXTRACT_OPTS`), which are also the
# options newstrace's extraction stage passes. The library's bare defaults
# differ only in keeping comments (`--peer-options library`).
PEER_OPTIONS = {
    "eval": {"include_comments": False, "include_tables": True, "include_formatting": False},
    "library": {},
}


def trafilatura_arm_factory(options: dict[str, Any]):
    import trafilatura

    def trafilatura_arm(page: Page) -> str:
        return trafilatura.extract(page.html, url=page.url, **options) or ""

    return trafilatura_arm


def trafilatura_metadata_arm_factory(options: dict[str, Any]):
    """`bare_extraction(with_metadata=True)`: the call newstrace's extraction
    stage makes, timed alone to show what the metadata pass itself costs."""
    import trafilatura

    def trafilatura_metadata_arm(page: Page) -> str:
        doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True, **options)
        return (doc.text if doc is not None else "") or ""

    return trafilatura_metadata_arm


def peer_metadata(page: Page) -> dict[str, Any] | None:
    """trafilatura's own metadata (untimed), for comparison with newstrace's description."""
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return None
    return {"title": doc.title, "author": doc.author, "date": doc.date}


def clean_describe_arm_factory():
    """The clean and describe phases alone (extraction with metadata, cleaning,
    every describe stage): what issue 3's speed target sets against trafilatura.
    The stages are those of the default pipeline whose subpackage is `clean`
    or `describe`, in the same order."""
    from newstrace.config import load_settings
    from newstrace.pipeline import Pipeline, analyse_page, build_pipeline

    stages = [
        stage
        for stage in build_pipeline(load_settings()).stages
        if type(stage).__module__.split(".")[1] in ("clean", "describe")
    ]
    pipeline = Pipeline(stages)

    def clean_describe_arm(page: Page) -> dict[str, Any]:
        doc = analyse_page(
            page.html,
            is_html=True,
            source=page.name,
            given={"url": page.url} if page.url else None,
            pipeline=pipeline,
        )
        return {"body": doc.body or "", "title": doc.title, "author": doc.author, "date": doc.published}

    return clean_describe_arm


def newstrace_arm_factory(analyse: Newstrace):
    def newstrace_arm(page: Page) -> dict[str, Any]:
        doc = analyse(page.html, page.name, page.url)
        return {
            "body": doc.body or "",
            "title": doc.title,
            "author": doc.author,
            "date": doc.published,
        }

    return newstrace_arm


# --- main ------------------------------------------------------------------


def run_set(
    set_name: str, args: argparse.Namespace, analyse: Newstrace | None, analyse_error: str | None
) -> dict[str, Any] | None:
    parts, loader = LOADERS[set_name]
    root = data_dir(*parts)
    if root is None:
        return None
    pages = loader(root)
    if args.limit:
        pages = pages[: args.limit]
    for page in pages:
        page.html = read_page(page.path)
    names = [p.name for p in pages]
    print(f"\n== {set_name}: {len(pages)} pages from {root}", flush=True)

    arms: dict[str, Any] = {"trafilatura": trafilatura_arm_factory(PEER_OPTIONS[args.peer_options])}
    if args.meta_arm:
        arms["traf+metadata"] = trafilatura_metadata_arm_factory(PEER_OPTIONS[args.peer_options])
    if analyse is not None:
        arms["clean+describe"] = clean_describe_arm_factory()
        arms["newstrace"] = newstrace_arm_factory(analyse)
    runs: dict[str, ArmRun] = run_arms(
        arms,
        pages,
        args.repeat,
        label=set_name,
        after_warmup=analyse.reset_stage_seconds if analyse is not None else None,
    )

    scorer = SCORERS[set_name]
    peer_bodies = [out if isinstance(out, str) else None for out in runs["trafilatura"].outputs]
    scores = {
        "trafilatura": scorer(
            pages, [b or "" for b in peer_bodies] if set_name != "trafeval" else peer_bodies
        )
    }
    if "traf+metadata" in runs:
        meta_bodies = [out if isinstance(out, str) else None for out in runs["traf+metadata"].outputs]
        scores["traf+metadata"] = scorer(
            pages, [b or "" for b in meta_bodies] if set_name != "trafeval" else meta_bodies
        )
    for name in ("clean+describe", "newstrace"):
        if name in runs:
            ours = [out["body"] if out else None for out in runs[name].outputs]
            scores[name] = scorer(pages, [b or "" for b in ours] if set_name != "trafeval" else ours)

    metadata: dict[str, Any] = {}
    if set_name in ("wcxb", "trafeval"):
        scope = [i for i, p in enumerate(pages) if set_name != "wcxb" or p.gold["type"] == "article"]
        scoped = [pages[i] for i in scope]
        case_sensitive = set_name == "trafeval"
        if not args.no_peer_metadata:
            peer_meta = []
            for i in scope:
                try:
                    peer_meta.append(peer_metadata(pages[i]))
                except Exception:  # scored as nothing found, as upstream scores a crash
                    peer_meta.append(None)
            metadata["trafilatura bare_extraction"] = score_metadata(scoped, peer_meta, case_sensitive)
        if "newstrace" in runs:
            ours_meta = [runs["newstrace"].outputs[i] for i in scope]
            metadata["newstrace"] = score_metadata(scoped, ours_meta, case_sensitive)

    rss = peak_rss_mib()
    peer_run = runs["trafilatura"]
    rows = []
    for name, run in runs.items():
        s = scores[name]
        ratios = run.ratios(peer_run)
        fourth = s.get("accuracy", s.get("with_rate"))
        rows.append(
            [
                set_name,
                name,
                s["precision"],
                s["recall"],
                s["f1"],
                fourth,
                run.pages_per_second(len(pages)),
                1000 * run.median_seconds / len(pages),
                ratios["wall"],
                ratios["wall_paired"],
                ratios["cpu"],
                len(run.failures),
            ]
        )
    fourth_header = "with" if set_name == "wcxb" else "Acc"
    headers = ["set", "system", "P", "R", "F1", fourth_header, "pages/s", "ms/page"]
    headers += ["x traf", "x paired", "x CPU", "failed"]
    if set_name == "wcxb":
        print(f"(wcxb: P/R/F1/with-rate on the {scores['trafilatura']['article']['pages']} articles)")
    print_table(headers, rows)
    print("  x traf: median wall time / trafilatura's; x paired: median of per-repetition ratios;")
    print("  x CPU: median process CPU time / trafilatura's (least disturbed by other load)")
    if analyse is None:
        print(f"  newstrace: not run ({analyse_error})")
    else:
        print(f"  newstrace {stage_table(analyse, len(pages), args.repeat)}")
        phases = phase_ms(analyse, len(pages), args.repeat)
        # The speed target covers trafilatura + cleaning + description; the
        # later phases (dates, quotes, entities, fingerprints) are extra work.
        clean_describe = phases.get("clean", 0.0) + phases.get("describe", 0.0)
        peer_mean_ms = 1000 * statistics.mean(peer_run.pass_seconds) / len(pages)
        print(
            f"  newstrace clean+describe phases: {clean_describe:.1f} ms/page ="
            f" {clean_describe / peer_mean_ms:.2f} x trafilatura ({peer_mean_ms:.1f} ms/page; means over passes)"
        )
    for run in runs.values():
        print_failures(run, names)
    if set_name == "wcxb":
        for name, s in scores.items():
            print(
                f"  {name}: without_rate {fmt(s['without_rate'])};"
                f" other pages F1 {fmt(s['other']['f1'])} (n={s['other']['pages']});"
                f" all F1 {fmt(s['all']['f1'])} (n={s['all']['pages']})"
            )
    for name, meta in metadata.items():
        t, a, d = meta["title"], meta["author"], meta["date"]
        exact_word = "exact" if set_name == "trafeval" else "exact (case-insens.)"
        print(
            f"  metadata {name}: title {exact_word} {t['exact']}/{t['gold']} loose {t['loose']};"
            f" author {a['exact']}/{a['gold']} loose {a['loose']};"
            f" date correct {d['correct']}/{d['gold']} coarse {d['coarse']} wrong {d['wrong']} missing {d['missing']}"
        )
    print("  anchors (from README.txt; not measured here):")
    print_table(
        ["anchor", "F1", "P", "R", "Acc/with"],
        [[label, f1, p, r, x] for label, f1, p, r, x in ANCHORS[set_name]],
    )
    print(f"  peak RSS so far: {rss:.0f} MiB")

    return {
        "pages": len(pages),
        "data": str(root),
        "scores": scores,
        "metadata": metadata,
        "timing": {
            name: {
                "pass_seconds": run.pass_seconds,
                "pass_cpu_seconds": run.pass_cpu_seconds,
                "median_seconds": run.median_seconds,
                "pages_per_second": run.pages_per_second(len(pages)),
                "ratio_to_trafilatura": run.ratios(peer_run),
            }
            for name, run in runs.items()
        },
        "newstrace_stage_ms_per_page": stage_ms(analyse, len(pages), args.repeat) if analyse else None,
        "newstrace_phase_ms_per_page": phase_ms(analyse, len(pages), args.repeat) if analyse else None,
        "failures": {name: {names[i]: msg for i, msg in run.failures.items()} for name, run in runs.items()},
        "peak_rss_mib": rss,
        "newstrace_error": analyse_error,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system (median quoted)")
    parser.add_argument("--json", metavar="OUT", help="write the numbers to this JSON file")
    parser.add_argument(
        "--peer-options",
        choices=tuple(PEER_OPTIONS),
        default="eval",
        help="trafilatura.extract options for the peer: 'eval' (the READMEs' runs,"
        " include_comments=False) or 'library' (bare defaults, keeps comments)",
    )
    parser.add_argument(
        "--meta-arm",
        action="store_true",
        help="also time trafilatura.bare_extraction(with_metadata=True), the call newstrace's extraction makes",
    )
    parser.add_argument(
        "--no-peer-metadata",
        action="store_true",
        help="skip the untimed trafilatura metadata pass on wcxb/trafeval",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    print(f"machine: {machine_line()}")
    print(f"libraries: {library_versions()}")
    print(f"peer: trafilatura.extract(html, url=url, **{PEER_OPTIONS[args.peer_options]})")
    analyse, analyse_error = load_newstrace()
    if analyse is None:
        print(f"newstrace arm unavailable: {analyse_error}")
    results: dict[str, Any] = {}
    for set_name in SETS if args.set == "all" else (args.set,):
        outcome = run_set(set_name, args, analyse, analyse_error)
        if outcome is not None:
            results[set_name] = outcome
    if args.json:
        write_json(
            args.json,
            {
                "machine": machine_line(),
                "libraries": library_versions(),
                "argv": sys.argv,
                "repeat": args.repeat,
                "peer_options": PEER_OPTIONS[args.peer_options],
                "sets": results,
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
