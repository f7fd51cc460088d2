"""`kg serve`: the store as a read-only SPARQL 1.1 endpoint, with the graph page at `/`.

Why this server and not another:
- Oxigraph's own `oxigraph serve-read-only` speaks the protocol well, but it
  cannot stop a query that runs too long, has no limit on the size of an answer,
  runs SERVICE calls for any client, and would need a second server for the
  graph page; it also comes from a package kg does not otherwise install.
- So kg answers with the standard library's ThreadingHTTPServer (one thread per
  connection: the page and quick queries never wait behind a slow one) in front
  of a few worker processes that each open the store read-only with pyoxigraph
  (kg.serve.workers). A query over its time limit has its process killed, which
  a thread could not do; an answer over the size limit is cut off while it is
  written, before it fills memory. No new dependency, and the same Oxigraph
  engine answers as `kg query` does, with the same predeclared prefixes.

Read-only three ways: the store is opened read-only, updates are refused at the
protocol (403), and SERVICE is refused so that clients cannot make the server
send requests elsewhere.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kg.errors import StoreError

if TYPE_CHECKING:
    from kg.serve.workers import Answer, Job

__all__ = ["ServeOptions", "Server", "DEFAULT_PORT"]

DEFAULT_PORT = 7878


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How `kg serve` answers: where, with how many workers, within which limits."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    workers: int = 0          # 0: one per core, at least 2
    timeout: float = 30.0     # seconds a query may run (and wait for a worker)
    max_bytes: int = 64 << 20  # bytes an answer may have
    lang: str = "en"          # the graph page's language


class Server:
    """The endpoint over the store folder at `store`; `start()` serves in a thread, `serve_forever()` here.

        >>> with Server("kg-out/store", ServeOptions(port=0)) as server:   # doctest: +SKIP
        ...     print(server.url)
    """

    def __init__(self, store: str | Path, options: ServeOptions | None = None) -> None:
        from kg import __version__
        from kg.rdf.sparql import QUERY_PREFIXES
        from kg.serve.protocol import handler_class
        from kg.serve.workers import WorkerPool

        self.options = options or ServeOptions()
        self.store = _store_folder(store)
        if self.options.timeout <= 0 or self.options.max_bytes <= 0:
            raise StoreError("--timeout and --max-mb must be positive")
        page = _graph_page(self.store, self.options.lang)
        try:
            self._http = _HTTPServer((self.options.host, self.options.port),
                                     handler_class(self._run, page, f"kg/{__version__}"))
        except OSError as e:
            raise StoreError(f"cannot listen on {self.options.host}:{self.options.port} ({e.strerror or e}); "
                             "choose another --port or --host") from e
        workers = self.options.workers or max(2, os.cpu_count() or 2)
        try:
            self._pool = WorkerPool(str(self.store), workers=workers, timeout=self.options.timeout,
                                    max_bytes=self.options.max_bytes, prefixes=QUERY_PREFIXES)
        except OSError as e:
            self._http.server_close()
            raise StoreError(f"cannot start {workers} query workers ({e.strerror or e}); try fewer --workers") from e
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        address, port = self._http.server_address[:2]
        host = address.decode() if isinstance(address, bytes) else str(address)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def serve_forever(self) -> None:
        """Answer until `shutdown()` (or Ctrl-C, which the caller catches)."""
        self._http.serve_forever()

    def start(self) -> Server:
        """Answer in a background thread; for tests and notebooks."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True, name="kg-serve")
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop answering, and stop the workers."""
        if self._thread is not None:
            self._http.shutdown()
            self._thread.join()
        self._http.server_close()
        self._pool.close()

    def _run(self, job: Job) -> Answer:
        return self._pool.run(job)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class _HTTPServer(ThreadingHTTPServer):
    # The standard library's backlog of 5 drops connections that arrive together, and a
    # dropped SYN costs the client a 1 s retry (seen as 1 s outliers with 8 clients).
    request_queue_size = 128
    daemon_threads = True


def _store_folder(store: str | Path) -> Path:
    """The store folder to serve; a server or a memory store cannot be served this way."""
    text = str(store)
    if text == ":memory:" or "://" in text:
        raise StoreError(f"kg serve serves a store folder, not {text!r}; "
                         "build one with `kg build ARTICLES --store PATH` and serve that")
    path = Path(store)
    if not path.is_dir():
        raise StoreError(f"no store at {path}; build one first with `kg build ARTICLES --store {path}`")
    return path


def _graph_page(store: Path, lang: str) -> bytes:
    """The graph page, drawn once when the server starts (the store it serves is read-only)."""
    from kg.export import render
    from kg.rdf.store import open_store

    with open_store(store, read_only=True) as opened:
        return render(opened, "html", lang=lang)
