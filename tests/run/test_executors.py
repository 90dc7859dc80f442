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


def test_workers_run_at_most_a_few_chunks_ahead_of_a_slow_consumer() -> None:
    import time

    from newstrace.run.processes import IN_FLIGHT_CHUNKS

    settings = load_settings(jobs=2, chunk_size=1)
    room = IN_FLIGHT_CHUNKS * settings.chunk_size * settings.jobs
    handed: list[int] = []

    def records():
        for number in range(200):
            handed.append(number)
            yield RawRecord(source=f"{number}.txt", format="text", content=f"Short note {number}.",
                            sha256=f"{number:064x}", is_html=False)  # fmt: skip

    executor = ProcessExecutor(settings)
    try:
        results = executor.map(records())
        taken = [next(results)]
        time.sleep(1.0)  # storing is slow: the workers must wait for it, not fill this process
        assert len(handed) <= room + len(taken) + 1
        taken += list(results)
    finally:
        executor.close()
    assert [r.source for r in taken] == [f"{n}.txt" for n in range(200)]


def test_a_consumer_that_stops_early_can_still_close_the_workers() -> None:
    settings = load_settings(jobs=2, chunk_size=1)
    records = (
        RawRecord(source=f"{n}.txt", format="text", content="Words.", sha256=f"{n:064x}", is_html=False)
        for n in range(500)
    )
    executor = ProcessExecutor(settings)
    results = executor.map(records)
    next(results)
    executor.close()  # returns: the feeding thread is not left waiting for room
