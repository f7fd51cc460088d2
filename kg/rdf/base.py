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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import QueryError, StoreError
from kg.rdf import bulk, entities
from kg.rdf.model import ArticleWrite
from kg.rdf.namespace import ONTOLOGY_GRAPH, PREFIXES
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
_HASHES_QUERY = """
PREFIX kg: <https://kg.example.org/ontology#>
SELECT ?article ?hash WHERE { ?article a kg:Article ; kg:contentHash ?hash }
"""
_BATCH = 500  # graphs bound per VALUES clause


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

    #: Whether `_add_quads` can add N-Quads atomically, faster than a SPARQL Update.
    adds_quads = False

    def _add_quads(self, nquads: bytes) -> None:
        """Add N-Quads atomically, all or none (only where `adds_quads`)."""
        raise NotImplementedError("this store adds quads through SPARQL Update only")

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

    def optimize(self) -> None:
        """Reorganise storage for reading, after many writes; a server does so on its own."""

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

    # ------------------------------------------------------------- articles and the entity graph

    def write_articles(self, writes: Sequence[ArticleWrite], replacing: Iterable[str] = ()) -> None:
        """Write extracted articles, replacing the graphs named in `replacing`, in one transaction.

        The entity graph changes in the same transaction, so a build stopped at
        any point leaves the store consistent (kg/rdf/entities.py).
        """
        replacing = sorted(set(replacing))
        if replacing:
            self._update(entities.write_update(writes, replacing, self.entities_of(replacing)))
            return
        # Only adding: the entities' new preferred labels follow from the ones held, so the write
        # reads nothing else.
        named = sorted({entity for write in writes for entity in write.entities})
        held: dict[str, str] = {}
        for start in range(0, len(named), _BATCH):
            held.update((e, label) for e, label in self.query(entities.labels_query(named[start:start + _BATCH])).rows
                        if e and label is not None)
        if not self.adds_quads:
            self._update(entities.append_update(writes, held))
            return
        # The articles that give a held entity a smaller label must delete the held one, which adding
        # quads cannot: they go in a data-only update of their own (66 of 10,000 articles in
        # bench/scale_corpus.py's corpus), after the others are added. Each of the two writes is one
        # transaction that leaves the store consistent, so a build stopped between them has written
        # the first part's articles whole and the next build does the rest.
        adding, lowering = entities.split_lowering(writes, held)
        if adding:
            quads = entities.added_quads(adding, held)
            assert quads is not None  # nothing in `adding` lowers a held label
            self._add_quads(quads)
        if lowering:
            held.update((e, label) for e, label in entities.smallest_labels(adding).items() if e not in held)
            self._update(entities.append_update(lowering, held))

    def remove_articles(self, names: Iterable[str]) -> None:
        """Drop the article graphs `names`, and what only they said of their entities."""
        names = sorted(set(names))
        self._update(entities.remove_update(names, self.entities_of(names)))

    def refresh_entities(self) -> None:
        """Bring the whole entity graph in line with the article graphs (after loading dumps)."""
        self._update(entities.refresh_update())

    def entities_of(self, names: Sequence[str]) -> set[str]:
        """The entities the article graphs `names` mention."""
        found: set[str] = set()
        for start in range(0, len(names), _BATCH):
            rows = self.query(entities.entities_query(names[start:start + _BATCH])).rows
            found.update(row[0] for row in rows if row[0])
        return found

    def content_hashes(self) -> dict[str, str]:
        """Each article graph's kg:contentHash, by graph name."""
        rows = self.query(_HASHES_QUERY).rows
        return {article: digest for article, digest in rows if article and digest}

    def check_layout(self) -> None:
        """Refuse a store an older kg wrote (descriptions repeated in every article graph)."""
        marker, older = entities.layout_queries()
        try:
            stale = self.query(marker).rows != (("true",),) and self.query(older).rows == (("true",),)
        except QueryError:  # a server that cannot answer says so, clearly, at the first real request
            return
        if stale:
            raise StoreError(f"the store at {self.location} was written by an older kg, which repeated each entity's "
                             "description in every article graph; build it again into a new store "
                             "(or remove this one first)")

    # ------------------------------------------------------------- lifecycle

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


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
