"""Publication dates: newstrace's `doc.published` against htmldate, on htmldate-dev.

    python benchmarks/dates.py [--limit N] [--repeat N] [--json OUT] [--with-url]

Data: `<repo>/../shared/bench/dates/htmldate-dev` (or `$NEWSTRACE_BENCH/dates/...`):
150 pages (75 Media Cloud 2020 news pages + 75 BBAW pages, mostly German), gold
= original publication day; a gold of NaN means "no date" (None). Skipped with
a message when the folder is absent.

Scoring, as the README (upstream `tests/evaluation.py`) defines it, per page:
  answer None  -> tn when the gold is None, else fn (an unknown: a miss)
  answer == gold -> tp;  answer != gold -> fp (a WRONG date)
  P = tp/(tp+fp), R = tp/(tp+fn) (really: coverage), accuracy = (tp+tn)/n,
  F1 = 2PR/(P+R). Reported for all pages and per stratum.
newstrace may answer with less than a day (`YYYY-MM`, `YYYY`) when that is
all its evidence gives. Upstream scoring has no such case: such an answer is
not equal to the gold, so it is an fp; it is also counted on its own
("coarse") when it agrees with the gold, so that the count of dates that are
actually wrong is visible. Also shown: accuracy with +-1 day tolerance (the
README: a third of htmldate's errors are time-zone shifts of one day).

Systems, on the same decoded text (trafilatura's `decode_file`, as upstream's
`htmldate.utils.decode_file`):
  htmldate   `find_date(html, extensive_search=True, original_date=True)`: the
             README's settings for the anchor (htmldate extensive, F1 .949).
  newstrace  `analyse_page(html, is_html=True, ...)` with the pipeline built
             once; the answer is `doc.published`.
Neither gets the page URL (upstream evaluation passes none; a URL often holds
the date); `--with-url` gives it to both.

Timing: whole passes, `--repeat` times, order alternating, library caches
emptied before each pass; medians quoted. htmldate's time is `find_date`
alone; newstrace's is the whole `analyse_page` (extraction, cleaning, every
describe stage), so the ratio is a cost, not a like-for-like speed contest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    Newstrace,
    data_dir,
    library_versions,
    load_newstrace,
    machine_line,
    peak_rss_mib,
    phase_ms,
    print_failures,
    print_table,
    read_page,
    run_arms,
    stage_table,
    write_json,
)

# (label, P, R, Acc, F1) from the README; the published rows are on 1,000 pages,
# the "reproduced" row on the 300-page subset of which this folder holds half.
ANCHORS = [
    ("published (1000 p.): htmldate 1.10.0 extensive", 0.908, 0.993, 0.903, 0.949),
    ("published (1000 p.): htmldate 1.10.0 fast", 0.924, 0.927, 0.861, 0.925),
    ("published (1000 p.): newspaper4k 0.9.5", 0.912, 0.728, 0.680, 0.810),
    ("published (1000 p.): news-please 1.6.16", 0.845, 0.777, 0.680, 0.810),
    ("README reproduced (300 p.): htmldate 1.11 extensive", 0.905, 0.985, 0.893, 0.944),
]


@dataclass
class Page:
    name: str
    path: Path
    url: str
    gold: str | None
    stratum: str
    html: str = field(default="", repr=False)


def load_pages(root: Path) -> list[Page]:
    entries = json.loads((root / "gold_dates.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in sorted(entries.items(), key=lambda kv: kv[1]["local_file"]):
        date = item.get("date")
        gold = date if isinstance(date, str) else None  # NaN (a float) means no date
        pages.append(
            Page(Path(item["local_file"]).name, root / item["local_file"], url, gold, item["subset"])
        )
    return pages


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def score(pages: list[Page], answers: list[str | None]) -> dict[str, Any]:
    tp = fp = fn = tn = coarse = within_day = 0
    for page, answer in zip(pages, answers, strict=True):
        if answer is None:
            if page.gold is None:
                tn += 1
                within_day += 1
            else:
                fn += 1
            continue
        if answer == page.gold:
            tp += 1
            within_day += 1
            continue
        fp += 1
        if page.gold and len(answer) < 10 and page.gold.startswith(answer):
            coarse += 1
        got, gold = _day(answer), _day(page.gold) if page.gold else None
        if got and gold and abs((got - gold).days) <= 1:
            within_day += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    n = len(pages)
    return {
        "precision": precision,
        "recall": recall,
        "accuracy": (tp + tn) / n if n else 0.0,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "accuracy_1day": within_day / n if n else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "wrong": fp - coarse,  # a date that disagrees with the gold (or a date where there is none)
        "coarse": coarse,  # YYYY or YYYY-MM that agrees with the gold day
        "unknown": fn,  # said nothing although the gold has a date
        "pages": n,
    }


def htmldate_arm_factory(with_url: bool):
    from htmldate import find_date

    def htmldate_arm(page: Page) -> str | None:
        return find_date(
            page.html, extensive_search=True, original_date=True, url=page.url if with_url else None
        )

    return htmldate_arm


def newstrace_arm_factory(analyse: Newstrace, with_url: bool):
    def newstrace_arm(page: Page) -> dict[str, Any]:
        doc = analyse(page.html, page.name, page.url if with_url else None)
        return {"published": doc.published, "precision": getattr(doc, "published_precision", None)}

    return newstrace_arm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N pages (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system (median quoted)")
    parser.add_argument("--json", metavar="OUT", help="write the numbers to this JSON file")
    parser.add_argument("--with-url", action="store_true", help="give both systems the page URL")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    root = data_dir("dates", "htmldate-dev")
    if root is None:
        return 0
    print(f"machine: {machine_line()}")
    print(f"libraries: {library_versions()}")
    pages = load_pages(root)
    if args.limit:
        pages = pages[: args.limit]
    for page in pages:
        page.html = read_page(page.path)
    names = [p.name for p in pages]
    print(f"\n== htmldate-dev: {len(pages)} pages from {root}; URL given: {args.with_url}", flush=True)

    analyse, analyse_error = load_newstrace()
    arms: dict[str, Any] = {"htmldate": htmldate_arm_factory(args.with_url)}
    if analyse is not None:
        arms["newstrace"] = newstrace_arm_factory(analyse, args.with_url)
    else:
        print(f"newstrace arm unavailable: {analyse_error}")
    runs = run_arms(
        arms,
        pages,
        args.repeat,
        label="dates",
        after_warmup=analyse.reset_stage_seconds if analyse is not None else None,
    )

    answers = {"htmldate": runs["htmldate"].outputs}
    if "newstrace" in runs:
        answers["newstrace"] = [out["published"] if out else None for out in runs["newstrace"].outputs]
        precisions: dict[str, int] = {}
        for out in runs["newstrace"].outputs:
            if out and out["published"]:
                key = str(out["precision"] or "unstated")
                precisions[key] = precisions.get(key, 0) + 1

    strata = ["all", *sorted({p.stratum for p in pages})]
    scores: dict[str, dict[str, Any]] = {}
    rows = []
    peer_run = runs["htmldate"]
    for name, run in runs.items():
        scores[name] = {}
        for stratum in strata:
            keep = [i for i, p in enumerate(pages) if stratum == "all" or p.stratum == stratum]
            s = score([pages[i] for i in keep], [answers[name][i] for i in keep])
            scores[name][stratum] = s
            timed = stratum == "all"
            rows.append(
                [
                    stratum,
                    name,
                    s["pages"],
                    s["precision"],
                    s["recall"],
                    s["accuracy"],
                    s["f1"],
                    s["accuracy_1day"],
                    s["tp"],
                    s["wrong"],
                    s["coarse"],
                    s["unknown"],
                    s["tn"],
                    run.pages_per_second(len(pages)) if timed else None,
                    run.ratios(peer_run)["wall"] if timed else None,
                    run.ratios(peer_run)["cpu"] if timed else None,
                ]
            )
    rss = peak_rss_mib()
    print_table(
        [
            "subset",
            "system",
            "n",
            "P",
            "R",
            "Acc",
            "F1",
            "Acc±1d",
            "right",
            "WRONG",
            "coarse",
            "unknown",
            "tn",
            "pages/s",
            "x htmldate",
            "x CPU",
        ],
        rows,
    )
    if analyse is None:
        print(f"  newstrace: not run ({analyse_error})")
    else:
        print(f"  newstrace answer precision: {precisions}")
        print(f"  newstrace {stage_table(analyse, len(pages), args.repeat)}")
        describe_ms = phase_ms(analyse, len(pages), args.repeat)
        print(
            f"  newstrace clean+describe phases (what `published` needs): "
            f"{describe_ms.get('clean', 0.0) + describe_ms.get('describe', 0.0):.1f} ms/page;"
            f" htmldate {1000 * statistics.mean(peer_run.pass_seconds) / len(pages):.1f} ms/page (means over passes)"
        )
    for run in runs.values():
        print_failures(run, names)
    print(
        "  WRONG = a date that is not the gold day (coarse ones excluded); unknown = no answer, gold has a date"
    )
    print("  anchors (from README.txt; not measured here):")
    print_table(["anchor", "P", "R", "Acc", "F1"], ANCHORS)
    print(f"  peak RSS: {rss:.0f} MiB")

    if args.json:
        write_json(
            args.json,
            {
                "machine": machine_line(),
                "libraries": library_versions(),
                "argv": sys.argv,
                "repeat": args.repeat,
                "with_url": args.with_url,
                "data": str(root),
                "pages": len(pages),
                "scores": scores,
                "timing": {
                    name: {
                        "pass_seconds": run.pass_seconds,
                        "pass_cpu_seconds": run.pass_cpu_seconds,
                        "median_seconds": run.median_seconds,
                        "pages_per_second": run.pages_per_second(len(pages)),
                        "ratio_to_htmldate": run.ratios(peer_run),
                    }
                    for name, run in runs.items()
                },
                "failures": {
                    name: {names[i]: m for i, m in run.failures.items()} for name, run in runs.items()
                },
                "answers": {
                    name: {names[i]: a for i, a in enumerate(values)} for name, values in answers.items()
                },
                "peak_rss_mib": rss,
                "newstrace_error": analyse_error,
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
