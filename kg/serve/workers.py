"""Worker processes that answer SPARQL queries over a store opened read-only.

Why processes: Oxigraph cannot stop a query once it runs (pyoxigraph has no
cancellation), so a thread could only stop waiting for a runaway query, not stop
it. A worker process that overruns its time limit is killed, which frees its CPU
and memory at once, and a fresh one takes its place. Several read-only handles on
one RocksDB store are what Oxigraph supports, so each worker opens its own and
they answer concurrently on every core.

This module is what a worker imports when it starts ("spawn": a clean
interpreter, no threads or locks inherited from the server), so it needs nothing
but pyoxigraph and the standard library.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

__all__ = ["Answer", "Job", "WorkerPool", "RESULTS_MEDIA", "TRIPLES_MEDIA", "choose_media"]

#: What a SELECT or ASK answer can be sent as, first choice first.
RESULTS_MEDIA: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
}
#: What a CONSTRUCT or DESCRIBE answer can be sent as, first choice first.
TRIPLES_MEDIA: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
_CHARSET = {"text/csv", "text/tab-separated-values", "text/turtle", "text/plain"}


@dataclass(frozen=True, slots=True)
class Job:
    """One query as the protocol handler read it."""

    query: str
    accept: str = "*/*"
    default_graphs: Sequence[str] = ()
    named_graphs: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, media type and body."""

    status: int
    media_type: str
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def choose_media(accept: str, offered: Sequence[str]) -> str | None:
    """The media type of `offered` that an Accept header likes best (the first offered on a tie)."""
    best: tuple[float, int, str] | None = None
    for part in (accept or "*/*").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        for rank, candidate in enumerate(offered):
            kind = candidate.split("/")[0]
            if media.lower() in (candidate, "*/*", f"{kind}/*"):
                key_ = (quality, -rank, candidate)
                if best is None or key_[:2] > best[:2]:
                    best = key_
                break
    return best[2] if best else None


class _TooBig(Exception):
    """The answer outgrew the size limit while it was being written."""


class _CappedBuffer:
    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.limit = limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooBig
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """pyoxigraph flushes its output; nothing to do for memory."""


def answer(store: ox.Store, job: Job, prefixes: Mapping[str, str], max_bytes: int) -> Answer:
    """Run `job` and write its answer in the format the client accepts, within `max_bytes`."""
    options: dict[str, Any] = {"prefixes": dict(prefixes)}
    try:
        if job.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        if job.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    except ValueError as e:
        return Answer.error(400, f"default-graph-uri and named-graph-uri must be IRIs: {e}")
    options["use_default_graph_as_union"] = not job.default_graphs
    try:
        result = store.query(job.query, **options)
        offered = list(TRIPLES_MEDIA if isinstance(result, ox.QueryTriples) else RESULTS_MEDIA)
        media = choose_media(job.accept, offered)
        if media is None:
            return Answer.error(406, f"cannot answer in any of {job.accept!r}; ask for one of {', '.join(offered)}")
        buffer = _CappedBuffer(max_bytes)
        fmt = TRIPLES_MEDIA[media] if isinstance(result, ox.QueryTriples) else RESULTS_MEDIA[media]
        result.serialize(buffer, format=fmt)  # type: ignore[arg-type]
    except SyntaxError as e:
        return Answer.error(400, f"SPARQL syntax error: {' '.join(str(e).split())}")
    except _TooBig:
        return Answer.error(500, f"the answer is larger than this server's limit of {max_bytes} bytes; "
                                 "ask for less (LIMIT, fewer variables)")
    except (OSError, ValueError, RuntimeError) as e:
        return Answer.error(500, f"the query failed: {' '.join(str(e).split())}")
    content_type = media + ("; charset=utf-8" if media in _CHARSET else "")
    return Answer(200, content_type, b"".join(buffer.parts))


def _work(path: str, prefixes: dict[str, str], max_bytes: int, connection: Connection) -> None:
    """A worker's life: open the store read-only, then answer jobs until the pipe closes."""
    store = ox.Store.read_only(path)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(answer(store, job, prefixes, max_bytes))


@dataclass(eq=False, slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class WorkerPool:
    """`workers` processes over the store at `path`; each query gets one, or waits for one.

    A query that takes longer than `timeout` seconds has its worker killed and is
    answered 503; a query that waits longer than `timeout` for a free worker too.
    """

    def __init__(self, path: str, *, workers: int, timeout: float, max_bytes: int,
                 prefixes: Mapping[str, str]) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._args = (path, dict(prefixes), max_bytes)
        self.timeout = timeout
        self.size = workers
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(workers):
            self._idle.put(self._start())

    def run(self, job: Job) -> Answer:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Answer.error(503, f"all {self.size} query workers stayed busy for {self.timeout:g} s; "
                                     "try again later")
        try:
            worker.connection.send(job)
            if worker.connection.poll(self.timeout):
                result: Answer = worker.connection.recv()
                self._idle.put(worker)
                return result
        except (EOFError, OSError):
            self._replace(worker)
            return Answer.error(500, "the query worker stopped unexpectedly; the query may need more memory "
                                     "than the server has")
        self._replace(worker)
        return Answer.error(503, f"the query ran longer than this server's limit of {self.timeout:g} s and was "
                                 "stopped; ask for less, or start kg serve with a longer --timeout")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_work, args=(*self._args, theirs), daemon=True,
                                        name="kg-serve-worker")
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill `worker` and start another in the background, so the answer does not wait for it."""
        with self._lock:
            self._all.discard(worker)
        worker.stop()

        def start() -> None:
            if not self._closed:
                self._idle.put(self._start())

        threading.Thread(target=start, daemon=True).start()
