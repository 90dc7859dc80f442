"""The `newstrace` command: thin wrappers that validate arguments and call the API.

Exit status (SPEC): 0 on success, 1 when some inputs were rejected (the rest
is stored), 2 on usage errors. Problems go to stderr, one line each.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .collection import Collection, IngestReport
from .collection import open as open_collection
from .config import load_settings
from .errors import NewstraceError, UsageError
from .examples import example_corpus
from .export import FORMATS, citation_record, document_record, quote_record
from .logs import quiet_library_warnings
from .progress import reporter
from .read import count_single_pages
from .store import is_postgres_url
from .summary import cited_quote_lines, collection_summary, document_summary

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", help="SQLite file or postgresql:// URL (default: $NEWSTRACE_DB, else newstrace.db)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstrace", description="Who said what, when, and who reported it first."
    )
    parser.add_argument("--version", action="version", version=f"newstrace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="read pages into the collection")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, archives; '-' reads stdin")
    _add_db(ingest)
    ingest.add_argument(
        "--jobs", type=int, help="worker processes (default 1); with --engine spark, local[N]'s cores"
    )
    ingest.add_argument(
        "--engine", choices=("local", "spark"), default="local",
        help="where the per-document stages run: this process (and --jobs workers), or Spark",
    )  # fmt: skip
    ingest.add_argument(
        "--parquet", metavar="DIR", help="with --engine spark: keep the processed dataset here (see `load`)"
    )

    load = commands.add_parser("load", help="store and link a processed dataset a Spark ingest wrote")
    load.add_argument("parquet", metavar="DIR", help="the folder given to ingest --engine spark --parquet")
    _add_db(load)

    export = commands.add_parser("export", help="write the collection in SPEC's schema")
    _add_db(export)
    export.add_argument("--format", choices=FORMATS, default="jsonl")
    export.add_argument("--out", help="output file (default: standard output)")

    quotes = commands.add_parser("quotes", help="list quotations")
    _add_db(quotes)
    quotes.add_argument("--speaker", help="part of the speaker's name or an alias")
    quotes.add_argument("--since", help="earliest date, YYYY[-MM[-DD]]")
    quotes.add_argument("--until", help="latest date, YYYY[-MM[-DD]]")
    quotes.add_argument("--search", help="words the quotation contains")
    quotes.add_argument("--limit", type=int, help="at most this many quotes")
    quotes.add_argument(
        "--format", choices=("text", "json"), default="text", help="json: one JSON object per line, for scripts"
    )

    show = commands.add_parser("show", help="one document, with what was removed and why")
    show.add_argument("doc_id", metavar="DOC_ID")
    show.add_argument("--format", choices=("text", "json"), default="text")
    _add_db(show)

    demo = commands.add_parser("demo", help="ingest the bundled examples and summarise them")
    demo.add_argument("--db", help="where to keep the demo collection (default: a temporary file)")
    demo.add_argument("--serve", action="store_true", help="then open the web UI on it (see `serve`)")
    _add_address(demo)

    serve = commands.add_parser("serve", help="the read-only web UI and JSON API over a collection")
    _add_db(serve)
    _add_address(serve)
    return parser


def _add_address(command: argparse.ArgumentParser) -> None:
    command.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    command.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    command.add_argument(
        "--workers", type=int, default=1, help="server processes (default 1; one per core serves more readers at once)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    quiet_library_warnings()
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = COMMANDS[args.command]
    try:
        return command(args)
    except UsageError as error:
        print(f"newstrace: {error}", file=sys.stderr)
        return EXIT_USAGE
    except NewstraceError as error:
        print(f"newstrace: {error}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        print("newstrace: interrupted; documents stored so far are kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _with_progress(
    run: Callable[..., IngestReport], total: int | None = None
) -> IngestReport:
    """Run an ingest or load with a live counter on a terminal, and one stderr line per rejected input."""
    with reporter("ingesting", total) as report_to:
        return run(
            on_rejection=lambda rejection: report_to.problem(f"newstrace: {rejection}"),
            on_progress=report_to.progress,
        )


def _ingest(collection: Collection, paths: list[str], jobs: int | None = None) -> IngestReport:
    total = count_single_pages(paths) if sys.stderr.isatty() else None
    return _with_progress(lambda **report: collection.ingest(paths, jobs=jobs, **report), total)


def cmd_ingest(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.parquet and args.engine != "spark":
        raise UsageError("--parquet keeps what the Spark engine processed; add --engine spark")
    with open_collection(args.db) as collection:
        if args.engine == "spark":
            report = _with_progress(
                lambda **report: collection.ingest(
                    args.paths, jobs=args.jobs, engine="spark", parquet=args.parquet, **report
                )
            )
        else:
            report = _ingest(collection, args.paths, args.jobs)
    print(report.summary())
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_load(args: argparse.Namespace) -> int:
    with open_collection(args.db) as collection:
        report = _with_progress(lambda **report: collection.load(args.parquet, **report))
    print(report.summary())
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with open_collection(args.db) as collection:
        count = collection.export(args.out, args.format)
    if args.out:
        print(f"wrote {count} records to {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    with open_collection(args.db) as collection:
        found = collection.cite(collection.quotes(args.speaker, args.since, args.until, args.search, args.limit))
    for quote, citation in found:
        if args.format == "json":
            print(json.dumps(quote_record(quote) | {"citation": citation_record(citation)}, ensure_ascii=False))
        else:
            print(cited_quote_lines(quote, citation) + "\n")
    print(f"{len(found)} quotes", file=sys.stderr)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with open_collection(args.db) as collection:
        doc = collection.document(args.doc_id)
    if doc is None:
        raise UsageError(f"no document with id {args.doc_id!r}")
    if args.format == "json":
        record = document_record(doc) | {"quotes": [quote_record(q) for q in doc.quotes]}
        print(json.dumps(record, ensure_ascii=False))
    else:
        print(document_summary(doc))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    corpus = example_corpus()
    with tempfile.TemporaryDirectory(prefix="newstrace-demo-") as scratch:
        db = args.db or str(Path(scratch) / "demo.db")
        print(f"newstrace demo: ingesting the bundled examples from {corpus} into {db}\n")
        with open_collection(db) as collection:
            report = _ingest(collection, [corpus])
            print(collection_summary(collection, report))
        if args.serve:
            return _serve(db, args.host, args.port, args.workers)
    # The examples include a malformed file on purpose: rejecting it is the
    # demo working, not failing.
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    db = load_settings(db=args.db).db
    if not is_postgres_url(db) and not Path(db).is_file():
        raise UsageError(f"{db}: no collection here (ingest pages first: newstrace ingest PATH --db {db})")
    return _serve(db, args.host, args.port, args.workers)


def _serve(db: str, host: str, port: int, workers: int = 1) -> int:
    import os

    import uvicorn

    from .web.app import create_app

    if workers < 1:
        raise UsageError(f"--workers {workers}: at least one server process is needed")
    # Bring an older store's schema up to date once, here; the server itself only reads.
    open_collection(db).close()
    print(f"newstrace: serving {db} at http://{host}:{port}/ (read-only; Ctrl-C stops)", flush=True)
    if workers == 1:
        uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
    else:
        # worker processes import the app by name; the store's path travels in the environment
        os.environ["NEWSTRACE_SERVE_DB"] = db if "://" in db else str(Path(db).resolve())
        uvicorn.run(
            "newstrace.web.app:app_from_environment", factory=True, host=host, port=port,
            workers=workers, log_level="warning",
        )  # fmt: skip
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": cmd_ingest,
    "load": cmd_load,
    "export": cmd_export,
    "quotes": cmd_quotes,
    "show": cmd_show,
    "demo": cmd_demo,
    "serve": cmd_serve,
}

if __name__ == "__main__":
    sys.exit(main())
