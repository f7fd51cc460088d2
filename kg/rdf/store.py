"""Opening a kg store, and the embedded one: Oxigraph, on disk by default or in memory.

kg writes one named graph per article and replaces it whole in a single SPARQL
update (DROP + INSERT DATA), so re-building an article is atomic and idempotent,
and the same update runs unchanged against a remote SPARQL 1.1 server
(kg/rdf/remote.py). Queries see the union of all graphs. Both stores have the
interface of kg/rdf/base.py's `KGStore`, which is all the rest of kg uses.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.errors import QueryError, StoreError
from kg.rdf import bulk
from kg.rdf.base import KGStore, QueryResult, dump_format_of, serialize_store
from kg.rdf.namespace import ENTITY_GRAPH
from kg.rdf.remote import RemoteStore, is_remote

__all__ = ["MEMORY", "DEFAULT_STORE", "QueryResult", "KGStore", "EmbeddedStore", "RemoteStore", "open_store",
           "default_store_path"]

MEMORY = ":memory:"
DEFAULT_STORE = Path("kg-out") / "store"
# Oxigraph's bulk loader writes up to a million quads as one ingestion; kg stays well below
_BULK_QUADS = 500_000


def default_store_path() -> Path:
    """`$KG_STORE`, else kg-out/store under the working directory."""
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE)


class EmbeddedStore(KGStore):
    """An Oxigraph store in this process, in a folder or in memory."""

    def __init__(self, inner: ox.Store, location: str, *, read_only: bool = False):
        self._inner = inner
        self.location = location
        self.read_only = read_only

    # ------------------------------------------------------------- writing

    def load_dump(self, path: Path, *, workers: int | None = None) -> None:
        """Add the named graphs of an N-Quads or TriG dump, each replacing the graph of the same name.

        For restoring or moving a store: much faster than building, and not atomic.
        If the dump is malformed, part of it may be in the store; loading the fixed
        file again replaces those graphs whole.
        """
        fmt = dump_format_of(path)
        had_graphs = len(self._inner) > 0
        try:
            if had_graphs:  # a graph the dump also holds must not keep its old triples
                for name in sorted(bulk.graph_names_in(path, fmt) - {str(ENTITY_GRAPH)}):
                    self.remove_graph(name)
            bulk.bulk_load(self._inner, path, fmt, workers=workers)
        except SyntaxError as e:
            raise StoreError(f"{path}: not valid {fmt.name}: {e}; fix the file and load it again "
                             "(the graphs it loaded are replaced then)") from e
        except OSError as e:
            raise StoreError(f"cannot load {path} into the store at {self.location}: {e}") from e
        if had_graphs:  # the dump's entity graph was added to the store's: bring both in line
            self.refresh_entities()
        self.flush()

    adds_quads = True

    def _add_quads(self, nquads: bytes) -> None:
        """Oxigraph's bulk loader on disk, else its `load`: both all or nothing, without SPARQL's text.

        The bulk loader sorts the quads into one file per index and hands them all to
        RocksDB in one ingestion, which RocksDB applies atomically across the indexes;
        that is one ingestion only up to the loader's batch (a million quads), so a
        bigger write goes through `load`, a transaction. At 10,000 articles the bulk
        loader took 15 s of CPU where transactions took 41 s (bench/results_scale.json).
        """
        bulk_ok = self.location != MEMORY and nquads.count(b"\n") <= _BULK_QUADS
        try:
            if bulk_ok:
                self._inner.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
            else:
                self._inner.load(nquads, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"cannot write to the store at {self.location}: {e}") from e

    def _update(self, update: str) -> None:
        try:
            self._inner.update(update)
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"cannot write to the store at {self.location}: {e}") from e

    # ------------------------------------------------------------- reading

    def query(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> QueryResult:
        """Run a SELECT, ASK or CONSTRUCT over the union of all graphs; `prefixes` need no PREFIX line.

        The answer is read whole inside the error handling: a SERVICE call or a
        disk error can fail after the first rows, and must still be one QueryError.
        """
        try:
            result = self._inner.query(sparql, use_default_graph_as_union=True, prefixes=dict(prefixes or {}))
            if isinstance(result, ox.QueryBoolean):
                return QueryResult.of_boolean(bool(result))
            if isinstance(result, ox.QueryTriples):
                return QueryResult.of_terms(("subject", "predicate", "object"),
                                            tuple((t.subject, t.predicate, t.object) for t in result))
            return QueryResult.of_terms(tuple(v.value for v in result.variables),
                                        tuple(tuple(solution) for solution in result))
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}; check the query text") from e
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {' '.join(str(e).split())}; "
                             "check the query (and any SERVICE it calls)") from e

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._inner.named_graphs() if isinstance(g, ox.NamedNode))

    def dump(self, fmt: str) -> bytes:
        """Serialise the store: quad formats keep the graphs, triple formats merge them."""
        return serialize_store(self._inner, fmt)

    def __len__(self) -> int:
        return len(self._inner)

    @property
    def dataset(self) -> Dataset:
        """The store through rdflib's API (oxrdflib), for rdflib-minded code.

        Its default graph is the union of the named graphs, as for kg's own queries:
        `dataset.query("SELECT ...")` and `dataset.triples(...)` see every article.
        """
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self._inner), default_union=True)

    # ------------------------------------------------------------- lifecycle

    def flush(self) -> None:
        if self.location != MEMORY and not self.read_only:
            self._inner.flush()

    def optimize(self) -> None:
        """Compact the store (Oxigraph's `optimize`, RocksDB's full compaction).

        A build leaves the quads in several overlapping files, each of which every
        lookup then searches; compacted, a lookup reads one sorted run per level. At
        10,000 articles it takes 3 s and makes questions 15-20 % faster and the
        --top 200 page 7 % (bench/results_scale.json).
        """
        if self.location != MEMORY and not self.read_only:
            try:
                self._inner.optimize()
            except OSError as e:
                raise StoreError(f"cannot compact the store at {self.location}: {e}") from e

    def close(self) -> None:
        self.flush()
        del self._inner


def open_store(location: str | Path | None = None, *, read_only: bool = False) -> KGStore:
    """Open (creating if needed) the store at `location`; ":memory:" for a throwaway one.

    `read_only` opens an existing store for reading, which several processes may
    do at once; it fails when there is no store yet.

    An http(s):// location (or oxigraph+, virtuoso+, sparql+http://) is a SPARQL
    1.1 server: a kg.rdf.remote.RemoteStore with the same interface.
    """
    if location is None:
        # $KG_STORE as text: Path() would fold the // of a server's URL.
        location = os.environ.get("KG_STORE") or DEFAULT_STORE
    if is_remote(location):
        remote = RemoteStore(str(location), read_only=read_only)
        remote.check_layout()
        return remote
    if str(location) == MEMORY:
        return EmbeddedStore(ox.Store(), MEMORY)
    path = Path(location)
    if path.exists() and not path.is_dir():
        raise StoreError(f"store path {path} is a file, not a folder; choose another --store")
    if read_only and not path.exists():
        raise StoreError(f"no store at {path}; build one first with `kg build ARTICLES --store {path}`")
    if path.is_dir() and not _is_store_folder(path) and any(path.iterdir()):
        raise StoreError(f"{path} holds other files and is not a kg store; give --store an empty or new folder "
                         "(kg keeps a whole database there)")
    try:
        if read_only:
            inner = ox.Store.read_only(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            inner = ox.Store(str(path))
    except OSError as e:
        hint = "another kg process has it open; wait for it or use another --store" if "lock" in str(e).lower() \
            else "check that the folder is writable"
        raise StoreError(f"cannot open the store at {path}: {hint} ({e})") from e
    except RuntimeError as e:  # RocksDB's "Corruption: ..."
        detail = " ".join(str(e).split())
        raise StoreError(f"the store at {path} is damaged ({detail}); move it aside and build it again "
                         f"(`kg build ARTICLES --store {path}`) or load a dump of it (`kg load DUMP.nq`)") from e
    store = EmbeddedStore(inner, str(path), read_only=read_only)
    store.check_layout()
    return store


def _is_store_folder(path: Path) -> bool:
    """An Oxigraph (RocksDB) store keeps a CURRENT file naming its manifest."""
    return (path / "CURRENT").is_file()
