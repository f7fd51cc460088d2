"""The one interface of a kg store, whether embedded (Oxigraph) or a remote SPARQL server.

Read paths, `kg build` and `kg load` see only `KGStore`: a few primitives that each
backend implements (`query`, `_update`, `graph_names`, `dump`, `__len__`, `dataset`,
`load_dump`) and the behaviour kg builds on them (replacing an article's graph
whole, the ontology graph, the entity graph). kg/rdf/store.py opens an embedded
store and kg/rdf/remote.py talks to a server; both import only this module, so the
backends do not depend on each other.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import StoreError
from kg.rdf import bulk
from kg.rdf.namespace import INDEX_GRAPH, ONTOLOGY_GRAPH, PREFIXES
from kg.resources import ontology_dir

__all__ = ["KGStore", "QueryResult", "Term", "RDF_FORMATS", "QUAD_FORMATS", "dump_format_of", "serialize_store", "term_text"]

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = frozenset({"nq", "trig"})
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



Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A SELECT result as plain strings (IRIs, literal values), ready to print or tabulate.

    `terms` keeps the RDF terms behind `rows` (datatypes, languages), for the W3C
    results formats and typed DataFrames; `boolean` is the answer of an ASK.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    terms: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None

    @classmethod
    def of_terms(cls, variables: tuple[str, ...], terms: tuple[tuple[Term | None, ...], ...]) -> QueryResult:
        return cls(variables, tuple(tuple(term_text(t) for t in row) for row in terms), terms)

    @classmethod
    def of_boolean(cls, answer: bool) -> QueryResult:
        """An ASK answer: one `answer` column of "true" or "false"."""
        return cls(("answer",), ((str(answer).lower(),),), ((ox.Literal(answer),),), answer)

    def records(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]


class KGStore(ABC):
    """An open kg store; use as a context manager or call `close()`.

    A backend implements the primitives marked abstract; everything else kg needs
    from a store is written once here on top of them.
    """

    location: str
    read_only: bool

    # ------------------------------------------------------------- primitives

    @abstractmethod
    def query(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> QueryResult:
        """Run a SELECT, ASK, CONSTRUCT or DESCRIBE over the union of all graphs; `prefixes` need no PREFIX line."""

    @abstractmethod
    def _update(self, update: str) -> None:
        """Apply one SPARQL Update as one transaction; raises StoreError."""

    @abstractmethod
    def graph_names(self) -> list[str]:
        """kg's named graphs, sorted."""

    @abstractmethod
    def dump(self, fmt: str) -> bytes:
        """Serialise the store: quad formats keep the graphs, triple formats merge them."""

    @abstractmethod
    def __len__(self) -> int:
        """How many quads the store holds."""

    @property
    @abstractmethod
    def dataset(self) -> Dataset:
        """The store through rdflib's API (oxrdflib), for rdflib-minded code."""

    @abstractmethod
    def load_dump(self, path: Path, *, workers: int | None = None) -> None:
        """Add the named graphs of an N-Quads or TriG dump, each replacing the graph of the same name."""

    def flush(self) -> None:
        """Make every write durable; a server has done so when each request returned."""

    def close(self) -> None:
        """Release the store; nothing to do for a server, which holds nothing open between requests."""

    # ------------------------------------------------------------- writing

    def replace_graph(self, graph: Graph) -> None:
        """Make the named graph `graph.identifier` hold exactly `graph`, atomically."""
        self._replace_graph(str(graph.identifier), graph.serialize(format="nt", encoding="utf-8"))

    def _replace_graph(self, name: str, ntriples: bytes) -> None:
        body = ntriples.decode("utf-8")
        self._update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")

    def remove_graph(self, name: str) -> None:
        self._update(f"DROP SILENT GRAPH <{name}>")

    def load_ontology(self) -> int:
        """(Re)load ontology/*.ttl into its own named graph; returns its triple count."""
        graph = Graph(identifier=ONTOLOGY_GRAPH)
        for path in sorted(ontology_dir().glob("*.ttl")):
            if path.name != "shapes.ttl":
                graph.parse(path, format="turtle")
        self.replace_graph(graph)
        return len(graph)

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

    # ------------------------------------------------------------- lifecycle

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _batches(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _INDEX_BATCH):
        yield items[start:start + _INDEX_BATCH]


def dump_format_of(path: Path) -> ox.RdfFormat:
    """The format of a dump kg can load, or a StoreError saying which files it takes."""
    if not path.is_file():
        raise StoreError(f"no file {path}; give an N-Quads (.nq) or TriG (.trig) file, as `kg export` writes")
    fmt = bulk.dump_format(path)
    if fmt is None:
        raise StoreError(f"{path}: kg loads N-Quads (.nq) or TriG (.trig) dumps, which keep each article's "
                         "graph; write one with `kg export --format nq`")
    return fmt


def serialize_store(inner: ox.Store, fmt: str) -> bytes:
    """An Oxigraph store in `fmt`: quad formats keep the graphs, triple formats merge them."""
    if fmt not in RDF_FORMATS:
        raise StoreError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    if fmt in QUAD_FORMATS:
        data = inner.dump(format=RDF_FORMATS[fmt], prefixes=PREFIXES)
    else:
        triples = inner.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(triples, ox.QueryTriples)
        data = ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=PREFIXES)
    return data or b""


def term_text(term: object) -> str | None:
    """An Oxigraph term as the plain string kg gives for it (an IRI, a literal's value)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)
