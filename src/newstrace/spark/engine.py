"""The Spark engine: the per-document stages as partition maps, over inputs read where they lie.

    inputs ── listed on the driver (names only) ──> one task per file
      └─ read on the executors: records and rejections, keyed by the input's sha256
         └─ reduceByKey: inputs with the same bytes meet; the first in input order is kept
            └─ hashes the target store already holds are asked for in batches and broadcast
               └─ mapPartitions: the per-document pipeline, built once per Python worker
                  └─ ordered by input, written as a processed dataset (`records.py`)

The collection stages run when the dataset is loaded into a store
(`Collection.load`), so a Spark run and an in-process run link the same
documents in the same way and their exports are equal, ids included.

The master comes from the usual Spark settings (`spark-submit --master`,
`spark.master` in spark-defaults.conf); without one, `local[N]` runs on
this machine with N = `--jobs` (default: every core).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import UsageError
from ..model import RawRecord, Rejection
from ..read import STDIN, input_files, read_file
from ..read.limits import ReadLimits
from . import records

# Input hashes are checked against the store this many at a time.
HASH_BATCH = 1000
# The processed dataset's Parquet row groups, at most (Spark's default is 128 MB).
ROW_GROUP_BYTES = 16 * 1024 * 1024
# The key of an item that must not meet another in the shuffle (a rejection).
_UNIQUE_PREFIX = "!"

Order = tuple[int, int]  # (input file, record within it)


def process_with_spark(
    paths: Iterable[str],
    out: str,
    settings: Settings,
    known_hashes: Callable[[list[str]], set[str]],
    *,
    cores: int | None = None,
) -> None:
    """Process every input under `paths` into the processed dataset `out` (overwritten)."""
    paths = list(paths)
    if STDIN in paths:
        raise UsageError("the Spark engine reads files and folders, not standard input; use --engine local")
    files = list(input_files(paths))
    spark = _session(cores)
    from pyspark import StorageLevel

    try:
        context = spark.sparkContext
        read = context.parallelize(list(enumerate(files)), max(1, min(len(files), 4 * context.defaultParallelism)))
        limits = ReadLimits.from_settings(settings)
        unique = read.flatMap(lambda numbered: _keyed_items(numbered, limits)).reduceByKey(_earliest)
        unique.persist(StorageLevel.MEMORY_AND_DISK)
        stored: set[str] = set()
        hashes = (key for key in unique.keys().toLocalIterator() if not key.startswith(_UNIQUE_PREFIX))
        for batch in _batched(hashes, HASH_BATCH):
            stored |= known_hashes(batch)
        known = context.broadcast(stored)
        rows = unique.mapPartitions(lambda items: _process_partition(items, settings, known.value))
        # Kept once processed: ordering samples the rows before it writes them, and
        # without this each document would go through the pipeline twice.
        rows.persist(StorageLevel.MEMORY_AND_DISK)
        frame = spark.createDataFrame(rows, schema=_schema()).orderBy("input_file", "input_record")
        # Row groups of a few MB: a reader (`load`, pyarrow, a notebook) holds one at a time.
        frame.write.mode("overwrite").option("parquet.block.size", ROW_GROUP_BYTES).parquet(_spark_path(out))
        rows.unpersist()
        unique.unpersist()
    finally:
        spark.stop()


def _session(cores: int | None) -> Any:
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("the Spark engine needs PySpark: pip install 'newstrace[spark]'") from None
    conf = SparkConf()
    if not conf.contains("spark.master"):  # spark-submit and spark-defaults.conf set one
        conf.setMaster(f"local[{cores or '*'}]")
    # The workers run this interpreter (and so see this environment's packages) unless told otherwise.
    if not os.environ.get("PYSPARK_PYTHON") and not conf.contains("spark.pyspark.python"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
    conf.setIfMissing("spark.ui.showConsoleProgress", "false")
    log_settings = Path(__file__).with_name("log4j2.properties")
    conf.setIfMissing("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{log_settings}")
    conf.setIfMissing("spark.sql.shuffle.partitions", str(max(2, 4 * (cores or os.cpu_count() or 2))))
    spark = SparkSession.builder.appName("newstrace ingest").config(conf=conf).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _schema() -> Any:
    from pyspark.sql.types import BooleanType, LongType, StringType, StructField, StructType

    types = {"string": StringType(), "long": LongType(), "boolean": BooleanType()}
    return StructType([StructField(name, types[kind], True) for name, kind in records.COLUMNS.items()])


def _spark_path(out: str) -> str:
    return out if "://" in out else str(Path(out).resolve())


# --- on the executors ------------------------------------------------------------


def _keyed_items(
    numbered_file: tuple[int, str], limits: ReadLimits
) -> Iterator[tuple[str, tuple[Order, Any, int]]]:
    """(key, (order, record or rejection, copies)) for everything one input file holds."""
    file_number, path = numbered_file
    for record_number, item in enumerate(read_file(path, limits)):
        order = (file_number, record_number)
        if isinstance(item, Rejection):
            yield f"{_UNIQUE_PREFIX}{file_number}:{record_number}", (order, item, 1)
        else:
            yield item.sha256, (order, item, 1)


def _earliest(a: tuple[Order, Any, int], b: tuple[Order, Any, int]) -> tuple[Order, Any, int]:
    """Of two inputs with the same bytes, the one read first, counting both."""
    first = a if a[0] <= b[0] else b
    return first[0], first[1], a[2] + b[2]


_pipelines: dict[Settings, Any] = {}


def _pipeline(settings: Settings) -> Any:
    """The per-document pipeline, built once per Python worker (its models loaded once)."""
    if settings not in _pipelines:
        from ..logs import quiet_library_warnings
        from ..pipeline import build_pipeline

        quiet_library_warnings()
        _pipelines[settings] = build_pipeline(settings)
    return _pipelines[settings]


def _process_partition(
    items: Iterator[tuple[str, tuple[Order, Any, int]]], settings: Settings, stored: set[str]
) -> Iterator[dict[str, Any]]:
    from ..run import process_safely

    for key, (order, item, copies) in items:
        if isinstance(item, Rejection):
            yield records.rejection_row(item, order)
        elif key in stored:
            yield records.stored_row(item.source, item.sha256, order, copies - 1)
        else:
            assert isinstance(item, RawRecord)
            done = process_safely(_pipeline(settings), item)
            if isinstance(done, Rejection):
                yield records.rejection_row(done, order, copies - 1)
            else:
                yield records.document_row(done, order, copies - 1)


def _batched(items: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
