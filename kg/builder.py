"""Building a store from articles: skip what is unchanged, extract the rest on every core, write in batches.

    read (streamed) -> content hash -> unchanged? skip : extract (worker) -> batch -> one transaction

The process that runs `kg build` reads the input one article at a time, hashes
each (its record and the extractor, kg.rdf.model.input_hash) and compares with
the hash the store holds, so an unchanged article costs a hash, not an
extraction. The others go to extraction workers: this process itself (`jobs=1`),
a pool of worker processes (`jobs=N`), or the workers of a Dask cluster
(`scheduler="tcp://HOST:PORT"`). Only this process writes: it collects what the
workers send back into batches and writes each batch, with its entities'
descriptions, in one transaction (KGStore.write_articles), so a build stopped at
any point leaves a consistent store and the next build does exactly the rest.

Memory stays flat in the corpus size: the input is streamed, at most a few
articles per worker are in flight, and the store is flushed after each batch.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KGError
from kg.ingest import Problem, iter_articles, iter_sources
from kg.model import Article
from kg.rdf.base import KGStore
from kg.rdf.model import ArticleWrite, graph_name, input_hash
from kg.resources import extractor_fingerprint

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = ["BuildCounts", "batch_size", "build_into", "count_articles", "default_jobs"]

# Articles per write at most, and a write at least every BATCH_SECONDS, so that an interrupted build
# keeps all but the last seconds of its work. An append batch is bulk-loaded as one set of sorted files
# (kg/rdf/store.py), which RocksDB then merges with what it holds in background threads of this process,
# so every write costs in proportion to the store, and fewer, bigger batches cost less CPU but hold more
# memory while they are loaded. A 10,000-article build with --jobs 2 (bench/results_scale.json,
# scale4_profile): batches of at most 1,000 or 5 s, 39-42 s of CPU in the writing process and 334 MB
# peak; 2,000 or 10 s, 34 s and 436 MB (the whole build's peak 1.46x that at 1,000 articles, against
# issue 14's 1.5x); 2,500 or 15 s, 31 s and 618 MB. Kept at 1,000, and at most 10 s.
BATCH_ARTICLES = 1000
BATCH_SECONDS = 10.0
# A batch grows with the store, a _BATCH_SHARE-th of the articles it holds and is being given, from
# _BATCH_MINIMUM: merging a batch into a small store costs little, and the last batch is written after
# extraction ends, by itself, so a big one only delays a small build (in batches of up to 2,000 or
# 10 s, a 1,000-article build, extracted in under 10 s, would be written whole after its extraction).
_BATCH_MINIMUM = 200
_BATCH_SHARE = 4
# Oxigraph's write buffers are flushed after this many articles: unflushed they grew 150 KB an article;
# flushed after every batch, each small file was merged again and again (the writer's CPU at 10,000
# articles: 94 s flushed every 100 articles, 70 s every 1,000; a flush does not make a write durable,
# the transaction did).
FLUSH_ARTICLES = 500
_IN_FLIGHT_PER_WORKER = 4  # articles queued per worker: enough to keep it busy, few enough to stay small
# A build that wrote at least this share of the store's articles compacts it afterwards (KGStore.optimize):
# reads then search fewer files, and a small update to a big store does not pay for compacting all of it.
_COMPACT_SHARE = 0.1
_POOL_MINIMUM = 8  # fewer articles to extract than this are done in this process: a pool would take longer to start

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class BuildCounts:
    """What one build did: articles read, extracted and written, and unchanged ones skipped."""

    read: int
    written: int
    unchanged: int
    problems: tuple[Problem, ...]


def batch_size(stored: int) -> int:
    """How many articles the next write takes at most, for a store of `stored` articles (see BATCH_ARTICLES)."""
    return min(BATCH_ARTICLES, max(_BATCH_MINIMUM, stored // _BATCH_SHARE))


@dataclass(frozen=True, slots=True)
class _Failed:
    """An article a worker could not extract: reported, and the build goes on."""

    article_id: str
    origin: str
    message: str


def default_jobs() -> int:
    """All cores."""
    return os.cpu_count() or 1


def count_articles(inputs: Iterable[Path | str]) -> int:
    """How many articles `inputs` hold, at most (one a .txt, one a non-blank .jsonl line), for progress."""
    total = 0
    for path in iter_sources(inputs, []):
        if path.suffix != ".jsonl":
            total += 1
            continue
        try:
            with path.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
        except OSError:
            continue
    return total


def build_into(kg_store: KGStore, inputs: Iterable[Path | str], *, jobs: int | None = None,
               scheduler: str | None = None, progress: Progress | None = None) -> BuildCounts:
    """Extract the changed and new articles of `inputs` into `kg_store`; see the module's docstring."""
    inputs = list(inputs)
    total = count_articles(inputs) if progress is not None else 0
    problems: list[Problem] = []
    known = kg_store.content_hashes()
    present = set(kg_store.graph_names())  # a graph without a hash (loaded from elsewhere) is replaced too
    fingerprint = extractor_fingerprint()
    extracted_at = datetime.now(timezone.utc)
    read = unchanged = done = 0
    pending: list[tuple[Article, str]] = []

    def tick() -> None:
        if progress is not None:
            progress(unchanged + done, max(total, unchanged + done))

    def todo() -> Iterator[tuple[Article, str]]:
        nonlocal read, unchanged
        for article in iter_articles(inputs, problems):
            read += 1
            digest = input_hash(article, fingerprint)
            if known.get(str(graph_name(article.id))) == digest:
                unchanged += 1
                tick()
                continue
            yield article, digest

    # Peek: a handful of articles to extract are done here, without starting workers.
    work = todo()
    for item in work:
        pending.append(item)
        if len(pending) >= _POOL_MINIMUM:
            break
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise KGError(f"--jobs must be at least 1, got {jobs}")
    stream = _chain(pending, work)
    if scheduler is not None:
        results = _dask_results(scheduler, stream, extracted_at)
    elif jobs == 1 or len(pending) < _POOL_MINIMUM:
        results = (_extract(article, digest, extracted_at) for article, digest in stream)
    else:
        results = _pool_results(jobs, stream, extracted_at)

    batch: list[ArticleWrite] = []
    handed = 0  # articles given to the writer so far
    last_write = time.monotonic()
    with _Writer(kg_store, present) as writer:
        for result in results:
            done += 1
            if isinstance(result, _Failed):
                problems.append(Problem(result.origin, None, f"article {result.article_id!r} could not be extracted "
                                                             f"({result.message}); the rest was built"))
            else:
                batch.append(result)
                if len(batch) >= batch_size(len(known) + handed) or time.monotonic() - last_write >= BATCH_SECONDS:
                    writer.write(batch)
                    handed += len(batch)
                    batch = []
                    last_write = time.monotonic()
            tick()
        writer.write(batch)
    written = writer.written
    if written and written >= _COMPACT_SHARE * (len(present) + written):
        kg_store.optimize()  # for the reads to come; costs about what writing a tenth of the store did
    return BuildCounts(read=read, written=written, unchanged=unchanged, problems=tuple(problems))


class _Writer:
    """Writes batches in a thread of its own, one at a time, while this thread extracts or collects.

    Written in this thread, a batch stopped everything else for as long as the store
    took (a second or more at thousands of articles): the workers ran out of queued
    articles and waited. Oxigraph parses and writes without holding the GIL, and a
    remote store waits on its server, so the thread overlaps with extraction even in a
    single process. One batch is written while the next fills, no more: memory stays
    flat. A write's error is raised here at the next write or at the end; each batch
    is still one transaction, so a build stopped at any point leaves a consistent store.
    """

    def __init__(self, kg_store: KGStore, present: set[str]):
        self._store = kg_store
        self._present = present
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="kg-writer")
        self._writing: Future[int] | None = None
        self._unflushed = 0  # articles written since the last flush; touched by the writer thread only
        self.written = 0

    def write(self, batch: list[ArticleWrite]) -> None:
        """Hand `batch` (which the caller no longer touches) to the thread, once the previous one is written."""
        if not batch:
            return
        self._wait()
        self._writing = self._thread.submit(self._write, batch)

    def _write(self, batch: list[ArticleWrite]) -> int:
        """One transaction for the batch, and a flush every FLUSH_ARTICLES; returns how many it wrote."""
        self._store.write_articles(batch, replacing=[w.name for w in batch if w.name in self._present])
        self._unflushed += len(batch)
        if self._unflushed >= FLUSH_ARTICLES:
            self._store.flush()
            self._unflushed = 0
        return len(batch)

    def _wait(self) -> None:
        if self._writing is not None:
            writing, self._writing = self._writing, None
            self.written += writing.result()

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        try:
            if exc_type is None:
                self._wait()
        finally:  # on an error or Ctrl-C here, the batch being written is finished (or not) as a whole
            self._thread.shutdown(wait=True)
        if exc_type is None and self._unflushed:  # after an error, closing the store flushes what was written
            self._store.flush()


def _extract(article: Article, digest: str, extracted_at: datetime) -> ArticleWrite | _Failed:
    """One article's graph and descriptions; run in a worker, so it reports failure instead of raising."""
    from kg.extraction import extract_article

    try:
        from kg.rdf.model import article_write

        return article_write(extract_article(article), digest, extracted_at)
    except Exception as e:  # one bad article must not stop a build of thousands
        return _Failed(article.id, article.origin or article.id, f"{type(e).__name__}: {e}")


def _chain(first: list[tuple[Article, str]], rest: Iterator[tuple[Article, str]]) -> Iterator[tuple[Article, str]]:
    yield from first
    yield from rest


def _pool_context() -> BaseContext:
    """Where the pool's workers come from: a forkserver that built the extraction pipelines (kg/preload.py).

    Forked from it, a worker starts with both languages' pipelines, shared copy-on-write,
    instead of building them itself (about 5 s a worker, all at once on the same cores).
    The forkserver is started once per process and kept; its preload is set before.
    """
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.preload"])
    return context


def _pool_results(jobs: int, stream: Iterator[tuple[Article, str]],
                  extracted_at: datetime) -> Iterator[ArticleWrite | _Failed]:
    """Extract in `jobs` worker processes, a few articles in flight each, results as they finish.

    A worker process that dies (killed, out of memory, a crash in native code) breaks
    the whole pool, and every article in flight fails with it; the break shows either
    in a future or in the next submission. Those in flight are tried again in a new
    pool one at a time: the one whose worker dies alone is reported, the others are
    extracted, and the rest of the stream goes on.
    """
    context = _pool_context()
    window = jobs * _IN_FLIGHT_PER_WORKER
    suspects: deque[tuple[Article, str]] = deque()  # in flight when a worker died
    unsent: deque[tuple[Article, str]] = deque()  # read from the stream, refused by a broken pool
    source = iter(stream)
    more = True
    while more or suspects or unsent:
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:  # workers fork from a server that built spaCy
            in_flight: dict[Future[Any], tuple[Article, str]] = {}
            broken = False
            while not broken:
                try:
                    if suspects:
                        if not in_flight:
                            future = pool.submit(_extract, *suspects[0], extracted_at)
                            in_flight[future] = suspects.popleft()
                    else:
                        while (unsent or more) and len(in_flight) < window:
                            if not unsent:
                                item = next(source, None)
                                if item is None:
                                    more = False
                                    continue
                                unsent.append(item)
                            future = pool.submit(_extract, *unsent[0], extracted_at)  # raises if the pool broke
                            in_flight[future] = unsent.popleft()
                except BrokenProcessPool:
                    broken = True
                if not in_flight:
                    break
                # if the pool breaks now with one article in flight, that article's worker died;
                # if it broke before (at a submission), any could have: each is tried again alone
                alone = len(in_flight) == 1 and not broken
                if not broken:
                    finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    broken = any(isinstance(f.exception(), BrokenProcessPool) for f in finished)
                if broken:
                    finished, _ = wait(in_flight)  # the others fail with it, or had finished
                for future in finished:
                    article, digest = in_flight.pop(future)
                    error = future.exception()
                    if isinstance(error, BrokenProcessPool) and not alone:
                        suspects.append((article, digest))
                    elif error is not None:
                        yield _Failed(article.id, article.origin or article.id,
                                      f"its worker process stopped while extracting it: {error}")
                    else:
                        yield future.result()


def _dask_results(scheduler: str, stream: Iterator[tuple[Article, str]],
                  extracted_at: datetime) -> Iterator[ArticleWrite | _Failed]:
    """Extract on the workers of the Dask cluster at `scheduler`; this process stays the only writer."""
    try:
        from distributed import Client, as_completed
    except ImportError as e:
        raise KGError("--scheduler needs Dask: pip install 'kg[dask]'") from e
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as e:
        raise KGError(f"cannot reach the Dask scheduler at {scheduler}: {e}; start one (dask scheduler) "
                      "or check the address") from e
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = workers * _IN_FLIGHT_PER_WORKER
        queue = as_completed()
        articles: dict[Any, Article] = {}
        for article, digest in stream:
            future = client.submit(_extract, article, digest, extracted_at, pure=False)
            articles[future.key] = article
            queue.add(future)
            if queue.count() >= window:
                yield _dask_result(next(queue), articles)
        for future in queue:
            yield _dask_result(future, articles)


def _dask_result(future: Any, articles: dict[Any, Article]) -> ArticleWrite | _Failed:
    article = articles.pop(future.key)
    if future.status != "finished":
        return _Failed(article.id, article.origin or article.id, f"its Dask worker failed: {future.exception()}")
    result: ArticleWrite | _Failed = future.result()
    future.release()
    return result
