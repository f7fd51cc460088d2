"""The knowledge-graph store: embedded Oxigraph, on disk by default or in memory.

kg writes one named graph per article and replaces it whole in a single SPARQL
update (DROP + INSERT DATA), so re-building an article is atomic and idempotent,
and the same update would run unchanged against a remote SPARQL 1.1 server.
Queries see the union of all graphs. `dataset` exposes the same data through
rdflib's API (oxrdflib), for code that wants rdflib objects.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import QueryError, StoreError
from kg.rdf import bulk
from kg.rdf.namespace import INDEX_GRAPH, ONTOLOGY_GRAPH, PREFIXES
from kg.resources import ontology_dir

__all__ = ["MEMORY", "DEFAULT_STORE", "QueryResult", "KGStore", "open_store", "default_store_path"]

MEMORY = ":memory:"
DEFAULT_STORE = Path("kg-out") / "store"
_RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_QUAD_FORMATS = frozenset({"nq", "trig"})
_INDEX_BATCH = 500  # entities per index update

# The entity index: every article graph repeats the type and preferred label of the
# entities it names, and a union-graph join sees one copy per graph (oxigraph#1919),
# so questions look labels up in one graph that holds each entity once. The label is
# the smallest one the articles give, so it does not depend on the order of builds.
_PREF_LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"


def _index_insert(values: str = "") -> str:
    """SPARQL Update adding the index entries of the entities `values` binds (all, if empty)."""
    outside = f"FILTER(?g != <{INDEX_GRAPH}> && ?g != <{ONTOLOGY_GRAPH}>)"
    return f"""INSERT {{ GRAPH <{INDEX_GRAPH}> {{ ?e a ?type ; {_PREF_LABEL} ?label }} }} WHERE {{
  {{ SELECT ?e (MIN(?l) AS ?label) WHERE {{ {values} GRAPH ?g {{ ?e {_PREF_LABEL} ?l }} {outside} }} GROUP BY ?e }}
  {{ SELECT DISTINCT ?e ?type WHERE {{ {values} GRAPH ?g {{ ?e a ?type }} {outside} }} }}
}}"""


def default_store_path() -> Path:
    """`$KG_STORE`, else kg-out/store under the working directory."""
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A SELECT result as plain strings (IRIs, literal values), ready to print or tabulate."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]

    def records(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]


class KGStore:
    """An open store; use as a context manager or call `close()`."""

    def __init__(self, inner: ox.Store, location: str, *, read_only: bool = False):
        self._inner = inner
        self.location = location
        self.read_only = read_only

    # ------------------------------------------------------------- writing

    def replace_graph(self, graph: Graph) -> None:
        """Make the named graph `graph.identifier` hold exactly `graph`, atomically."""
        self._replace_graph(str(graph.identifier), graph.serialize(format="nt", encoding="utf-8"))

    def _replace_graph(self, name: str, ntriples: bytes) -> None:
        body = ntriples.decode("utf-8")
        self._update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")

    def remove_graph(self, name: str) -> None:
        self._update(f"DROP SILENT GRAPH <{name}>")

    # ------------------------------------------------------------- the entity index

    def described_in(self, names: Iterable[str]) -> set[str]:
        """The entities (and articles) that the named graphs give a label to."""
        found: set[str] = set()
        for batch in _batches(sorted(names)):
            values = " ".join(f"<{n}>" for n in batch)
            rows = self.query(f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?e {_PREF_LABEL} ?l }} }}").rows
            found.update(row[0] for row in rows if row[0])
        return found

    def refresh_index(self, entities: Iterable[str]) -> None:
        """Re-derive the index entries of `entities` from the article graphs; gone ones are dropped."""
        for batch in _batches(sorted(entities)):
            values = "VALUES ?e { %s }" % " ".join(f"<{e}>" for e in batch)
            self._update(f"DELETE {{ GRAPH <{INDEX_GRAPH}> {{ ?e ?p ?o }} }} "
                         f"WHERE {{ {values} GRAPH <{INDEX_GRAPH}> {{ ?e ?p ?o }} }} ;\n"
                         + _index_insert(values))

    def rebuild_index(self) -> None:
        """Derive the whole index again, e.g. after loading dumps into a store that had graphs."""
        self._update(f"DROP SILENT GRAPH <{INDEX_GRAPH}> ;\n" + _index_insert())

    def has_index(self) -> bool:
        return self.query(f"ASK {{ GRAPH <{INDEX_GRAPH}> {{ ?s ?p ?o }} }}").rows == (("true",),)

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
                for name in sorted(bulk.graph_names_in(path, fmt)):
                    self.remove_graph(name)
            bulk.bulk_load(self._inner, path, fmt, workers=workers)
        except SyntaxError as e:
            raise StoreError(f"{path}: not valid {fmt.name}: {e}; fix the file and load it again "
                             "(the graphs it loaded are replaced then)") from e
        except OSError as e:
            raise StoreError(f"cannot load {path} into the store at {self.location}: {e}") from e
        if had_graphs or not self.has_index():  # a dump into an empty store brings its own index
            self.rebuild_index()
        self.flush()

    def load_ontology(self) -> int:
        """(Re)load ontology/*.ttl into its own named graph; returns its triple count."""
        graph = Graph(identifier=ONTOLOGY_GRAPH)
        for path in sorted(ontology_dir().glob("*.ttl")):
            if path.name != "shapes.ttl":
                graph.parse(path, format="turtle")
        self.replace_graph(graph)
        return len(graph)

    def _update(self, update: str) -> None:
        try:
            self._inner.update(update)
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"cannot write to the store at {self.location}: {e}") from e

    # ------------------------------------------------------------- reading

    def query(self, sparql: str) -> QueryResult:
        """Run a SELECT, ASK or CONSTRUCT over the union of all graphs."""
        try:
            result = self._inner.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}; check the query text") from e
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {e}") from e
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(("answer",), ((str(bool(result)).lower(),),))
        if isinstance(result, ox.QueryTriples):
            return QueryResult(("subject", "predicate", "object"),
                               tuple((_text(t.subject), _text(t.predicate), _text(t.object)) for t in result))
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_text(value) for value in solution) for solution in result)
        return QueryResult(variables, rows)

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._inner.named_graphs() if isinstance(g, ox.NamedNode))

    def dump(self, fmt: str) -> bytes:
        """Serialise the store: quad formats keep the graphs, triple formats merge them."""
        if fmt not in _RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r}; choose one of {', '.join(_RDF_FORMATS)}")
        if fmt in _QUAD_FORMATS:
            data = self._inner.dump(format=_RDF_FORMATS[fmt], prefixes=PREFIXES)
        else:
            triples = self._inner.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            assert isinstance(triples, ox.QueryTriples)
            data = ox.serialize(triples, format=_RDF_FORMATS[fmt], prefixes=PREFIXES)
        return data or b""

    def __len__(self) -> int:
        return len(self._inner)

    @property
    def dataset(self) -> Dataset:
        """The store through rdflib's API (oxrdflib), for rdflib-minded code."""
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self._inner))

    # ------------------------------------------------------------- lifecycle

    def flush(self) -> None:
        if self.location != MEMORY and not self.read_only:
            self._inner.flush()

    def close(self) -> None:
        self.flush()
        del self._inner

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


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
    if isinstance(location, str) and "://" in location:
        from kg.rdf.remote import RemoteStore, is_remote

        if is_remote(location):
            return RemoteStore(location, read_only=read_only)
    if str(location) == MEMORY:
        return KGStore(ox.Store(), MEMORY)
    path = Path(location)
    if path.exists() and not path.is_dir():
        raise StoreError(f"store path {path} is a file, not a folder; choose another --store")
    if read_only and not path.exists():
        raise StoreError(f"no store at {path}; build one first with `kg build ARTICLES --store {path}`")
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
    return KGStore(inner, str(path), read_only=read_only)


def _batches(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _INDEX_BATCH):
        yield items[start:start + _INDEX_BATCH]


def dump_format_of(path: Path) -> ox.RdfFormat:
    if not path.is_file():
        raise StoreError(f"no file {path}; give an N-Quads (.nq) or TriG (.trig) file, as `kg export` writes")
    fmt = bulk.dump_format(path)
    if fmt is None:
        raise StoreError(f"{path}: kg loads N-Quads (.nq) or TriG (.trig) dumps, which keep each article's "
                         "graph; write one with `kg export --format nq`")
    return fmt


def _text(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


