"""Building at scale: unchanged articles skipped before extraction, worker processes, Dask,
failures that stop one article only, and builds stopped half-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

import kg
import kg.builder
import kg.extraction
from kg.model import Article
from kg.rdf.store import open_store
from kg.validate import validate
from tests.conftest import ROOT, SEED

_TEXTS = [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
_ENGLISH = (ROOT / "data" / "articles" / "sample-en-asean-summit.txt").read_text(encoding="utf-8")
_STAMP = datetime(2026, 1, 1, tzinfo=timezone.utc)


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> _FrozenClock:  # type: ignore[override]
        return cls.fromtimestamp(_STAMP.timestamp(), tz=timezone.utc)


def corpus(path: Path, size: int) -> Path:
    """`size` articles of real text: the bundled ones, alternately, each under its own id."""
    records = []
    for i in range(size):
        if i % 2:
            records.append({"id": f"a{i:03d}", "lang": "en", "text": _ENGLISH})
        else:
            records.append({**_TEXTS[0], "id": f"a{i:03d}"})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def quads(store_path: Path | str) -> set[str]:
    with open_store(store_path, read_only=True) as store:
        return set(store.dump("nq").decode("utf-8").splitlines())


@pytest.fixture()
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.builder, "datetime", _FrozenClock)


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A corpus of 12 articles and the store one process builds from it."""
    folder = tmp_path_factory.mktemp("serial")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.builder, "datetime", _FrozenClock)
        kg.build([corpus(folder / "corpus.jsonl", 12)], store=folder / "store", jobs=1)
    return folder / "corpus.jsonl", folder / "store"


def test_unchanged_articles_are_skipped_before_extraction(serial: tuple[Path, Path], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    source, built = serial
    store = tmp_path / "store"
    kg.load([dump(built, tmp_path)], store)

    def refuse(article: Article) -> None:
        raise AssertionError(f"{article.id} was extracted again")

    monkeypatch.setattr(kg.extraction, "extract_article", refuse)
    report = kg.build([source], store=store, jobs=1)
    assert (report.read, report.unchanged, report.problems) == (12, 12, ())


def test_worker_processes_build_the_same_store(serial: tuple[Path, Path], tmp_path: Path,
                                               frozen_clock: None) -> None:
    source, built = serial
    report = kg.build([source], store=tmp_path / "store", jobs=2)
    assert report.read == 12 and not report.problems
    assert quads(tmp_path / "store") == quads(built)


def test_a_dask_cluster_builds_the_same_store(serial: tuple[Path, Path], tmp_path: Path,
                                             frozen_clock: None) -> None:
    from distributed import LocalCluster

    source, built = serial
    with LocalCluster(n_workers=2, processes=True, host="127.0.0.1", threads_per_worker=1,
                      dashboard_address=None) as cluster:
        report = kg.build([source], store=tmp_path / "store", scheduler=cluster.scheduler_address)
    assert report.read == 12 and not report.problems
    assert quads(tmp_path / "store") == quads(built)


def test_an_article_that_fails_is_reported_and_the_rest_is_built(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = kg.extraction.extract_article

    def fragile(article: Article) -> object:
        if article.id == "a001":
            raise RuntimeError("the tokenizer fell over")
        return real(article)

    monkeypatch.setattr(kg.extraction, "extract_article", fragile)
    report = kg.build([corpus(tmp_path / "c.jsonl", 3)], store=tmp_path / "store", jobs=1)
    assert report.stats.articles == 2
    [problem] = report.problems
    assert "'a001' could not be extracted (RuntimeError: the tokenizer fell over)" in str(problem)


def _dies_on_a005(article: Article, digest: str, extracted_at: datetime) -> object:
    """Run in a worker process (pickled by name): its process dies on one article, as on a crash in native code."""
    if article.id == "a005":
        os.kill(os.getpid(), signal.SIGKILL)
    return kg.builder._extract(article, digest, extracted_at)  # the worker imported kg.builder afresh: the real one


def test_a_worker_process_that_dies_on_one_article_reports_it_and_the_rest_is_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.builder, "_extract", _dies_on_a005)
    report = kg.build([corpus(tmp_path / "c.jsonl", 16)], store=tmp_path / "store", jobs=2)
    [problem] = report.problems
    assert "article 'a005' could not be extracted (its worker process stopped while extracting it" in str(problem)
    assert (report.read, report.stats.articles) == (16, 15)


class _PoolWhoseWorkerDiesBetweenArticles(kg.builder.ProcessPoolExecutor):
    """A real pool; before its fifth submission one of its idle-or-busy workers is killed (as by the OOM killer)."""

    submitted = 0

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        type(self).submitted += 1
        if type(self).submitted == 5:
            os.kill(next(iter(self._processes)), signal.SIGKILL)
            while not self._broken:  # the pool notices the death in its own thread
                time.sleep(0.01)
        return super().submit(fn, *args, **kwargs)


def test_a_pool_that_breaks_between_articles_loses_none_of_them(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.builder, "ProcessPoolExecutor", _PoolWhoseWorkerDiesBetweenArticles)
    report = kg.build([corpus(tmp_path / "c.jsonl", 12)], store=tmp_path / "store", jobs=2)
    assert _PoolWhoseWorkerDiesBetweenArticles.submitted > 12  # the pool broke, and what it held was sent again
    assert (report.read, report.stats.articles, list(report.problems)) == (12, 12, [])


def test_a_build_killed_half_way_leaves_a_valid_store_and_the_next_finishes_the_rest(tmp_path: Path) -> None:
    source, store = corpus(tmp_path / "c.jsonl", 40), tmp_path / "store"
    script = ("import sys, kg, kg.builder\n"
              "kg.builder.BATCH_SECONDS = 0\n"  # a transaction per article, so that the kill falls between some
              "kg.build([sys.argv[1]], store=sys.argv[2], jobs=2,\n"
              "         progress=lambda done, total: print(done, flush=True))\n")
    builder = subprocess.Popen([sys.executable, "-c", script, str(source), str(store)], stdout=subprocess.PIPE,
                               text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                               start_new_session=True)
    assert builder.stdout is not None
    for line in builder.stdout:
        if int(line) >= 12:  # extracted; the writer thread is at most a batch (here an article) or two behind
            break
    os.killpg(builder.pid, signal.SIGKILL)
    builder.wait()
    with open_store(store, read_only=True) as s:
        assert validate(s).conforms
        written = s.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://kg.example.org/ontology#Article> }").rows
    done = int(written[0][0] or 0)
    assert 10 <= done < 40
    report = kg.build([source], store=store, jobs=1)
    assert (report.unchanged, report.stats.articles) == (done, 40)
    with open_store(store, read_only=True) as s:
        assert validate(s).conforms


def test_a_build_streams_its_input_and_writes_and_flushes_as_it_goes(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory flat in the corpus: articles are read one at a time, each batch is written before
    much more is read, and the store is flushed as it goes (Oxigraph's write buffers grew 150 KB
    an article otherwise)."""
    from kg.rdf.store import EmbeddedStore

    monkeypatch.setattr(kg.builder, "BATCH_ARTICLES", 4)
    monkeypatch.setattr(kg.builder, "FLUSH_ARTICLES", 8)
    read: list[str] = []
    events: list[tuple[str, int, int]] = []  # (what, articles read by then, articles written)
    real_iter, real_write, real_flush = kg.builder.iter_articles, EmbeddedStore.write_articles, EmbeddedStore.flush

    def reading(inputs: object, problems: object) -> object:
        for article in real_iter(inputs, problems):  # type: ignore[arg-type]
            read.append(article.id)
            yield article

    def writing(self: EmbeddedStore, writes: list[object], replacing: object = ()) -> None:
        events.append(("write", len(read), len(writes)))
        real_write(self, writes, replacing)  # type: ignore[arg-type]

    def flushing(self: EmbeddedStore) -> None:
        events.append(("flush", len(read), 0))
        real_flush(self)

    monkeypatch.setattr(kg.builder, "iter_articles", reading)
    monkeypatch.setattr(EmbeddedStore, "write_articles", writing)
    monkeypatch.setattr(EmbeddedStore, "flush", flushing)
    report = kg.build([corpus(tmp_path / "c.jsonl", 20)], store=tmp_path / "store", jobs=1)
    assert report.stats.articles == 20
    writes = [(n, size) for what, n, size in events if what == "write"]
    assert sum(size for _, size in writes) == 20 and max(size for _, size in writes) <= 4
    # each batch went to the store while reading went on, at most a batch behind (the few articles read
    # to choose a pool or not, the batch being written, the one filling): not after all 20
    written = 0
    for n, size in writes:
        assert n - written <= kg.builder._POOL_MINIMUM + 2 * kg.builder.BATCH_ARTICLES
        written += size
    unflushed, flushes = 0, 0
    for what, _, size in events:
        if what == "write":
            assert unflushed < 8  # once 8 articles were written, the store was flushed before the next write
            unflushed += size
        else:
            unflushed, flushes = 0, flushes + 1
    assert unflushed == 0 and flushes >= 3  # flushed as it went (20 articles, every 8) and at the end


def test_a_second_build_on_a_store_in_use_fails_with_one_line_and_the_first_finishes(tmp_path: Path) -> None:
    source, store = corpus(tmp_path / "c.jsonl", 12), tmp_path / "store"
    script = ("import sys, kg\n"
              "def hold(done, total):\n"
              "    if done == 1:\n"  # the store is open: let the test start a second build, then go on
              "        print('holding', flush=True)\n"
              "        sys.stdin.readline()\n"
              "kg.build([sys.argv[1]], store=sys.argv[2], jobs=1, progress=hold)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen([sys.executable, "-c", script, str(source), str(store)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert first.stdin is not None and first.stdout is not None
    try:
        assert first.stdout.readline().strip() == "holding"
        second = subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(source), "--store", str(store),
                                 "--jobs", "1"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        first.stdin.write("\n")
        first.stdin.flush()
        first.wait(timeout=300)
    finally:
        first.kill()
    assert first.returncode == 0
    assert second.returncode == 1
    [line] = second.stderr.splitlines()
    assert line.startswith(f"kg: error: cannot open the store at {store}: another kg process has it open")
    with open_store(store, read_only=True) as s:
        assert validate(s).conforms
        rows = s.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://kg.example.org/ontology#Article> }").rows
    assert int(rows[0][0] or 0) == 12


def test_a_piped_build_prints_one_summary_line(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "kg"
    result = subprocess.run([str(exe), "build", str(corpus(tmp_path / "c.jsonl", 20)), "--store",
                             str(tmp_path / "store"), "--jobs", "1"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("kg: built 20/20 article(s) in ") and line.endswith(" articles/s)")


def dump(store_path: Path, folder: Path) -> Path:
    path = folder / "dump.nq"
    with open_store(store_path, read_only=True) as s:
        path.write_bytes(s.dump("nq"))
    return path


def test_a_build_that_wrote_a_tenth_of_the_store_compacts_it_and_a_small_update_does_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compacting (Oxigraph's optimize) makes later reads search fewer files; it costs in proportion
    to the whole store, so only a build that wrote a good share of it pays for it."""
    from kg.rdf.store import EmbeddedStore

    compacted: list[int] = []
    real_optimize = EmbeddedStore.optimize

    def optimizing(self: EmbeddedStore) -> None:
        compacted.append(len(self))
        real_optimize(self)

    monkeypatch.setattr(EmbeddedStore, "optimize", optimizing)
    source, store = corpus(tmp_path / "c.jsonl", 12), tmp_path / "store"
    kg.build([source], store=store, jobs=1)
    assert len(compacted) == 1 and quads(store)  # the first build: compacted, and the store reads
    kg.build([source], store=store, jobs=1)
    assert len(compacted) == 1  # nothing written: nothing to compact
    records = source.read_text(encoding="utf-8").splitlines()
    changed = json.loads(records[0])
    changed["text"] += " Putin mengunjungi Jakarta."
    source.write_text("\n".join([json.dumps(changed, ensure_ascii=False), *records[1:]]) + "\n", encoding="utf-8")
    kg.build([source], store=store, jobs=1)
    assert len(compacted) == 1  # one article of twelve: under a tenth of the store
    with open_store(":memory:") as memory:
        memory.optimize()  # nothing to compact in memory, and no error


def _pipelines_built(_: int) -> int:
    from kg.nlp.pipeline import get_pipeline

    return get_pipeline.cache_info().currsize


def test_the_pools_workers_start_with_every_languages_pipeline_built() -> None:
    """Building spaCy's pipelines in each worker (seconds each, all at once) made two workers slower
    than one process on a few hundred articles; the forkserver builds them once (kg/preload.py)."""
    from concurrent.futures import ProcessPoolExecutor

    from kg.lexicon import SUPPORTED_LANGUAGES

    with ProcessPoolExecutor(2, mp_context=kg.builder._pool_context()) as pool:
        built = list(pool.map(_pipelines_built, range(2)))
    assert built == [len(SUPPORTED_LANGUAGES)] * 2


def test_a_batch_is_written_while_the_build_goes_on_extracting(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The store writes a batch in a thread of its own: extraction does not stop for it."""
    import threading

    from kg.rdf.store import EmbeddedStore

    monkeypatch.setattr(kg.builder, "BATCH_ARTICLES", 4)
    extracted = threading.Semaphore(0)
    overlapped: list[bool] = []
    real_extract, real_write = kg.builder._extract, EmbeddedStore.write_articles

    def extracting(article: Article, digest: str, extracted_at: datetime) -> object:
        extracted.release()
        return real_extract(article, digest, extracted_at)

    def writing(self: EmbeddedStore, writes: list[object], replacing: object = ()) -> None:
        overlapped.append(extracted.acquire(timeout=20))  # one more article is extracted while this write waits
        real_write(self, writes, replacing)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.builder, "_extract", extracting)
    monkeypatch.setattr(EmbeddedStore, "write_articles", writing)
    for _ in range(4):
        extracted.acquire(blocking=False)
    report = kg.build([corpus(tmp_path / "c.jsonl", 12)], store=tmp_path / "store", jobs=1)
    assert report.stats.articles == 12
    assert overlapped[:2] == [True, True]  # the last batch has nothing left to overlap with


def test_a_write_that_fails_stops_the_build_with_its_error_and_keeps_the_batches_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.errors import StoreError
    from kg.rdf.store import EmbeddedStore

    monkeypatch.setattr(kg.builder, "BATCH_ARTICLES", 4)
    real_write = EmbeddedStore.write_articles
    calls: list[int] = []

    def failing(self: EmbeddedStore, writes: list[object], replacing: object = ()) -> None:
        calls.append(len(writes))
        if len(calls) == 2:
            raise StoreError("the disk is full")
        real_write(self, writes, replacing)  # type: ignore[arg-type]

    monkeypatch.setattr(EmbeddedStore, "write_articles", failing)
    source, store = corpus(tmp_path / "c.jsonl", 12), tmp_path / "store"
    with pytest.raises(StoreError, match="the disk is full"):
        kg.build([source], store=store, jobs=1)
    assert len(calls) == 2  # nothing written after the failure
    with open_store(store, read_only=True) as s:
        assert validate(s).conforms
    monkeypatch.setattr(EmbeddedStore, "write_articles", real_write)
    assert kg.build([source], store=store, jobs=1).unchanged == 4


def test_batches_grow_with_the_store_up_to_a_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Merging a batch into a small store is cheap, and the last batch is written alone after extraction:
    small batches while the store is small, bigger ones (fewer merges) as it grows."""
    from kg.rdf.store import EmbeddedStore

    monkeypatch.setattr(kg.builder, "BATCH_ARTICLES", 6)
    monkeypatch.setattr(kg.builder, "_BATCH_MINIMUM", 2)
    monkeypatch.setattr(kg.builder, "_BATCH_SHARE", 2)
    monkeypatch.setattr(kg.builder, "BATCH_SECONDS", 3600.0)  # batches by size alone, however slow the host
    assert [kg.builder.batch_size(n) for n in (0, 3, 4, 6, 11, 12, 100)] == [2, 2, 2, 3, 5, 6, 6]
    sizes: list[int] = []
    real_write = EmbeddedStore.write_articles

    def writing(self: EmbeddedStore, writes: list[object], replacing: object = ()) -> None:
        sizes.append(len(writes))
        real_write(self, writes, replacing)  # type: ignore[arg-type]

    monkeypatch.setattr(EmbeddedStore, "write_articles", writing)
    report = kg.build([corpus(tmp_path / "c.jsonl", 20)], store=tmp_path / "store", jobs=1)
    assert report.stats.articles == 20 and sum(sizes) == 20
    assert sizes == [2, 2, 2, 3, 4, 6, 1]  # each a half of what the store was given before it, 2 to 6
