from dataclasses import asdict

from newstrace.config import load_settings
from newstrace.model import Document, RawRecord, Rejection
from newstrace.read import read_inputs
from newstrace.run import LocalExecutor, ProcessExecutor, make_executor


def test_process_executor_gives_the_local_results_in_input_order(corpus_dir) -> None:
    records = [r for r in read_inputs([str(corpus_dir)]) if isinstance(r, RawRecord)] * 3
    settings = load_settings(jobs=2, chunk_size=1)
    local = list(LocalExecutor(settings).map(records))
    executor = ProcessExecutor(settings)
    try:
        parallel = list(executor.map(records))
    finally:
        executor.close()
    assert [asdict(doc) for doc in parallel] == [asdict(doc) for doc in local]
    assert all(isinstance(doc, Document) for doc in parallel)


def test_a_failing_stage_becomes_a_rejection_naming_the_input() -> None:
    executor = LocalExecutor(load_settings())

    class Explodes:
        name, needs, adds = "explodes", frozenset(), frozenset()

        def run(self, doc):
            raise KeyError("surprise")

    executor.pipeline.stages.append(Explodes())
    record = RawRecord(
        source="odd.txt", format="text", content="Some words.", sha256="ab" * 32, is_html=False
    )
    [result] = executor.map([record])
    assert isinstance(result, Rejection)
    assert result.source == "odd.txt" and "internal error (KeyError" in result.reason


def test_jobs_setting_chooses_the_executor() -> None:
    assert isinstance(make_executor(load_settings(jobs=1)), LocalExecutor)
    executor = make_executor(load_settings(jobs=2))
    assert isinstance(executor, ProcessExecutor)
    executor.close()
