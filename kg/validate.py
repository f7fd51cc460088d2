"""Check a store (or any rdflib graph) against the SHACL shapes of ontology/shapes.ttl.

The extractor writes triples through hand-made rules; the queries, the graph page and
the exports assume a shape (one type and one label per entity, complete evidence
pointing at a stated triple, an id per article). The shapes write that assumption
down so pySHACL can check it, and a change that breaks it fails loudly instead of
giving a graph that queries quietly misread.

What is validated: the union of the store's named graphs (the articles and the
ontology graph) plus ontology/kg.ttl, with no inference. RDFS inference would make
some checks vacuous (a kg:cites subject with no type would be *inferred* a
kg:Article from the property's domain) and costs twice the time: pySHACL takes
0.09 s with "none" and 0.21 s with "rdfs" on the bundled articles (599 triples),
0.33 s and 0.58 s on the dev set (1,299 triples). OWL RL is wrong as well as slow: owl:sameAs
gives every linked entity its Wikidata IRI too, so evidence nodes get two subjects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, cast

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.errors import DataFileError
from kg.rdf.namespace import ENTITY_GRAPH, KG, ONTOLOGY_GRAPH, PREFIXES
from kg.rdf.store import KGStore
from kg.resources import ontology_dir

__all__ = ["Violation", "ValidationReport", "validate", "shapes_path"]

_INFERENCE = "none"
_PART = 200  # article graphs validated at once


class Violation(NamedTuple):
    """One failed constraint: the node, the property (None for a node-level check), what is wrong."""

    focus: str
    path: str | None
    message: str

    def describe(self) -> str:
        """One line with prefixed names, e.g. `entity:Q7747 rdf:type: needs exactly one entity type ...`."""
        where = _short(self.focus) + (f" {_short(self.path)}" if self.path else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome: `conforms` is True exactly when `results` is empty."""

    conforms: bool
    results: list[Violation] = field(default_factory=list)
    triples: int = 0

    def summary(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples checked, no violations"
        nodes = len({r.focus for r in self.results})
        return (f"does not conform: {len(self.results)} violation(s) on {nodes} node(s) "
                f"in {self.triples} triples checked")


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


def validate(data: KGStore | Graph, shapes: Path | None = None, *,
             progress: Callable[[int, int], None] | None = None) -> ValidationReport:
    """Validate a store, or an rdflib graph (a Dataset counts as the union of its graphs).

    The ontology (kg.ttl) is mixed in, as the store holds it too, so a graph of one
    article validates the same way as the store it will go into. A store is checked
    a few hundred articles at a time, each with the descriptions of the entities it
    names (every shape looks at one article's nodes and their descriptions), so memory
    stays bounded; `progress(done, total)` is called after each part.
    """
    from pyshacl import validate as shacl_validate  # slow to import; only when asked

    shapes_graph, ontology = _parse(shapes or shapes_path()), _parse(ontology_dir() / "kg.ttl")
    parts: list[Callable[[], Graph]] = [partial(_union, data)] if isinstance(data, Graph) else []
    articles = 0
    if isinstance(data, KGStore):
        parts, articles = _parts(data)
    found: set[Violation] = set()
    conforms, triples = True, 0
    for done, part in enumerate(parts, start=1):
        data_graph = part()
        ok, results, _ = shacl_validate(data_graph, shacl_graph=shapes_graph, ont_graph=ontology,
                                        inference=_INFERENCE, allow_warnings=False)
        assert isinstance(results, Graph)
        conforms = conforms and bool(ok)
        found.update(_violations(results))
        triples += len(data_graph)
        if progress is not None:  # in articles: every part but the last holds up to _PART of them
            progress(min(done * _PART, articles), articles)
    if isinstance(data, KGStore):
        triples = _distinct_triples(data)
    violations = sorted(found, key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=conforms, results=violations, triples=triples)


def _parts(store: KGStore) -> tuple[list[Callable[[], Graph]], int]:
    """The store in parts to validate one by one: article graphs with their entities'
    descriptions, then everything else (descriptions no article backs, the ontology)."""
    special = {str(ENTITY_GRAPH), str(ONTOLOGY_GRAPH)}
    articles = [name for name in store.graph_names() if name not in special]
    parts: list[Callable[[], Graph]] = []
    for start in range(0, len(articles), _PART):
        values = " ".join(f"<{name}>" for name in articles[start:start + _PART])
        parts.append(partial(_construct, store, f"""
            CONSTRUCT {{ ?s ?p ?o }} WHERE {{
              {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}
              UNION {{ {{ SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s <{KG.mentionedAs}> ?l }} }} }}
                      GRAPH <{ENTITY_GRAPH}> {{ ?s ?p ?o }} }} }}"""))
    parts.append(partial(_construct, store, f"""
        CONSTRUCT {{ ?s ?p ?o }} WHERE {{
          {{ GRAPH <{ENTITY_GRAPH}> {{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?s <{KG.mentionedAs}> ?l }} }} }}
          UNION {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }} }}"""))
    return parts, len(articles)


def _construct(store: KGStore, sparql: str) -> Graph:
    terms = store.query(sparql).terms
    triples = [ox.Triple(*cast(tuple[Any, Any, Any], triple)) for triple in terms]  # CONSTRUCT: three terms a row
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=data, format="nt")


def _distinct_triples(store: KGStore) -> int:
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }").rows
    return int(rows[0][0] or 0) if rows else 0


def _union(data: Graph) -> Graph:
    """One graph of every triple: pySHACL would check a Dataset's graphs one by one."""
    if isinstance(data, ConjunctiveGraph):  # Dataset too
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return data


def _parse(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as e:
        raise DataFileError(f"cannot read it as Turtle: {e}; fix the file", path=path) from e


def _violations(results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        message = messages[0] if messages else "violates " + _short(str(results.value(result, SH.sourceShape)))
        value = results.value(result, SH.value)
        if value is not None and value != focus:
            message += f" (value {_term(value)})"
        found.append(Violation(str(focus), str(path) if isinstance(path, URIRef) else None, message))
    return found


def _term(node: Node) -> str:
    if not isinstance(node, Literal):
        return _short(str(node))
    if node.language:
        return f'"{node}"@{node.language}'
    if node.datatype is not None and node.datatype != XSD.string:
        return f'"{node}"^^{_short(str(node.datatype))}'
    return f'"{node}"'


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>" if "://" in iri else iri
