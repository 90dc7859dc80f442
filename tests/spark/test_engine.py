"""The Spark engine on a real local[2] Spark: the same collection as the in-process engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import newstrace
from newstrace.examples import example_corpus

from ..conftest import SHARED

pytest.importorskip("pyspark", reason="the Spark engine's tests need PySpark (pip install 'newstrace[spark]')")
if shutil.which("java") is None:
    pytest.skip("the Spark engine's tests need a Java runtime (apt-get install default-jre-headless)",
                allow_module_level=True)  # fmt: skip


def _export(collection: newstrace.Collection, out: Path) -> bytes:
    collection.export(out)
    return out.read_bytes()


def test_spark_and_in_process_give_identical_exports(tmp_path) -> None:
    inputs = [str(example_corpus())] + ([str(SHARED / "seeds")] if (SHARED / "seeds").is_dir() else [])
    inputs.append(str(example_corpus()))  # every input twice: the copies meet in the shuffle
    with newstrace.open(str(tmp_path / "local.db")) as local:
        local_report = local.ingest(inputs)
        expected = _export(local, tmp_path / "local.jsonl")
    with newstrace.open(str(tmp_path / "spark.db")) as spark:
        report = spark.ingest(inputs, engine="spark", jobs=2, parquet=tmp_path / "processed")
        assert _export(spark, tmp_path / "spark.jsonl") == expected
        assert (report.ingested, report.duplicates, report.already_stored) == (
            local_report.ingested, local_report.duplicates, local_report.already_stored,
        )  # fmt: skip
        assert sorted(map(str, report.rejections)) == sorted(map(str, local_report.rejections))
        assert report.ingested > 20

        # Again, into the same store: Spark processes nothing the store holds.
        again = spark.ingest(inputs, engine="spark", jobs=2, parquet=tmp_path / "again")
        assert again.ingested == 0 and again.already_stored == local_report.ingested + local_report.already_stored
    # The kept dataset loads into another store as the same collection.
    with newstrace.open(str(tmp_path / "loaded.db")) as loaded:
        loaded.load(tmp_path / "processed")
        assert _export(loaded, tmp_path / "loaded.jsonl") == expected


def test_standard_input_is_refused_with_a_usage_error(tmp_path) -> None:
    from newstrace.errors import UsageError

    with newstrace.open(str(tmp_path / "a.db")) as collection, pytest.raises(UsageError, match="standard input"):
        collection.ingest(["-"], engine="spark")
