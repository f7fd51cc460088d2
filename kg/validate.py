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

SPARQL-based constraints (sh:sparql) are not left to pySHACL, which parses the query
text again for every focus node: 4,326 parses, 40 of the 57 s that validating 1,000
articles took. Each such constraint runs once per part instead, in Oxigraph, with
$this free and joined with the shape's targets; for a SELECT that SHACL lets $this be
pre-bound in, that is the same answer. A constraint this cannot express exactly (a
message template, sh:prefixes, results beyond $this, targets other than class, node,
subjects-of and objects-of, a shape other shapes refer to) stays with pySHACL.

The other constraints are not left to pySHACL either: walking each part's rdflib graph
node by node took 199 s for 10,000 articles. kg/shacl_core.py evaluates the node shapes it
can evaluate exactly a table at a time over the part in Oxigraph, with pySHACL's own tests
of each value; pySHACL runs (over the same parts) only for a shape it cannot compile.
"""

from __future__ import annotations

from collections.abc import Callable
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, cast

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.errors import DataFileError
from kg.rdf.namespace import ENTITY_GRAPH, KG, ONTOLOGY_GRAPH, PREFIXES
from kg.rdf.store import KGStore
from kg.resources import ontology_dir
from kg.shacl_core import CoreShape, compile_shape, target_patterns
from kg.shacl_core import evaluate as evaluate_core

__all__ = ["Violation", "ValidationReport", "validate", "shapes_path"]

_INFERENCE = "none"
_PART = 200  # article graphs validated at once
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


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
    shapes_graph, ontology = _parse(shapes or shapes_path()), _parse(ontology_dir() / "kg.ttl")
    checks = _sparql_checks(shapes_graph)
    for check in checks:  # done below, once per part, instead of by pySHACL once per focus node
        shapes_graph.remove((check.shape, SH.sparql, check.constraint))
    core = _core_shapes(shapes_graph)
    for shape in core:  # evaluated below a table at a time; pySHACL no longer finds its focus nodes
        for target in _TARGETS:
            shapes_graph.remove((shape.shape, target, None))
    pyshacl_needed = _has_targets(shapes_graph)
    ontology_nt = ontology.serialize(format="nt", encoding="utf-8") if checks or core else b""
    parts: list[Callable[[], Graph | bytes]] = [partial(_union, data)] if isinstance(data, Graph) else []
    articles = 0
    if isinstance(data, KGStore):
        parts, articles = _parts(data)
    found: set[Violation] = set()
    conforms, triples = True, 0
    for done, part in enumerate(parts, start=1):
        data_graph = ntriples = None
        given = part()
        if isinstance(given, Graph):
            data_graph = given
            triples += len(data_graph)
        else:
            ntriples = given
        if pyshacl_needed:
            from pyshacl import validate as shacl_validate  # slow to import; only when asked

            if data_graph is None:
                data_graph = Graph().parse(data=ntriples, format="nt")
            ok, results, _ = shacl_validate(data_graph, shacl_graph=shapes_graph, ont_graph=ontology,
                                            inference=_INFERENCE, allow_warnings=False)
            assert isinstance(results, Graph)
            conforms = conforms and bool(ok)
            found.update(_violations(results))
        if checks or core:
            if ntriples is None:
                assert data_graph is not None
                ntriples = data_graph.serialize(format="nt", encoding="utf-8")
            memory = ox.Store()
            memory.load(ntriples + ontology_nt, format=ox.RdfFormat.N_TRIPLES)
            fast = _run_sparql_checks(checks, memory) + [_violation(*f) for f in evaluate_core(core, memory)]
            conforms = conforms and not fast
            found.update(fast)
        if progress is not None:  # in articles: every part but the last holds up to _PART of them
            progress(min(done * _PART, articles), articles)
    if isinstance(data, KGStore):
        triples = _distinct_triples(data)
    violations = sorted(found, key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=conforms, results=violations, triples=triples)


def _core_shapes(shapes: Graph) -> list[CoreShape]:
    """The node shapes kg.shacl_core evaluates exactly; the others are left to pySHACL."""
    nodes = {s for target in _TARGETS for s in shapes.subjects(target, None)}
    return [core for core in (compile_shape(shapes, node) for node in nodes) if core is not None]


def _has_targets(shapes: Graph) -> bool:
    """Whether pySHACL has a focus node to find: an explicit target, or a shape that is also a class."""
    return (any((None, t, None) in shapes for t in (*_TARGETS, SH.target))
            or any((s, RDF.type, RDFS.Class) in shapes for s in shapes.subjects(RDF.type, SH.NodeShape))
            or any((s, RDF.type, RDFS.Class) in shapes for s in shapes.subjects(RDF.type, SH.PropertyShape)))


def _parts(store: KGStore) -> tuple[list[Callable[[], Graph | bytes]], int]:
    """The store in parts to validate one by one, as N-Triples: article graphs with their entities'
    descriptions, then everything else (descriptions no article backs, the ontology)."""
    special = {str(ENTITY_GRAPH), str(ONTOLOGY_GRAPH)}
    articles = [name for name in store.graph_names() if name not in special]
    parts: list[Callable[[], Graph | bytes]] = []
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


@dataclass(frozen=True, slots=True)
class _SparqlCheck:
    """A node shape's SPARQL constraint, as one query for all its focus nodes at once."""

    shape: Node
    constraint: Node
    query: str
    message: str


_SELECT_THIS = re.compile(r"\s*SELECT\s+(?:DISTINCT\s+)?\$this\s+WHERE\s*\{", re.IGNORECASE)


def _sparql_checks(shapes: Graph) -> list[_SparqlCheck]:
    """The SPARQL constraints that one query per part can check exactly; see the module's docstring."""
    checks = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = shapes.value(constraint, SH.select)
        messages = sorted(str(m) for m in shapes.objects(constraint, SH.message))
        targets = _targets(shapes, shape)
        if (select is None or not _SELECT_THIS.match(str(select)) or not messages or "{" in messages[0]
                or shapes.value(constraint, SH.prefixes) is not None
                or shapes.value(constraint, SH.deactivated) is not None
                or shapes.value(shape, SH.deactivated) is not None
                or (shape, RDF.type, SH.PropertyShape) in shapes or shapes.value(shape, SH.path) is not None
                or next(shapes.subjects(None, shape), None) is not None or targets is None):
            continue
        query = f"SELECT DISTINCT ?this WHERE {{ {{ {' UNION '.join(targets)} }} {{ {select} }} }}"
        checks.append(_SparqlCheck(shape, constraint, query, messages[0]))
    return checks


def _targets(shapes: Graph, shape: Node) -> list[str] | None:
    """The shape's targets as SPARQL patterns binding ?this; None if it has one of another kind."""
    if (shape, RDF.type, RDFS.Class) in shapes or shapes.value(shape, SH.target) is not None:
        return None
    return target_patterns(shapes, shape)


def _run_sparql_checks(checks: list[_SparqlCheck], store: ox.Store) -> list[Violation]:
    """Each check over the part (with the ontology, as pySHACL mixes it in), in Oxigraph in memory."""
    found = []
    for check in checks:
        solutions = store.query(check.query)
        assert isinstance(solutions, ox.QuerySolutions)
        found += [Violation(cast(Any, solution[0]).value, None, check.message) for solution in solutions]
    return found


def _construct(store: KGStore, sparql: str) -> bytes:
    """The part as N-Triples: Oxigraph reads them in memory, pySHACL (if a shape needs it) through rdflib."""
    terms = store.query(sparql).terms
    triples = [ox.Triple(*cast(tuple[Any, Any, Any], triple)) for triple in terms]  # CONSTRUCT: three terms a row
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


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
        found.append(_violation(focus, path, message, results.value(result, SH.value)))
    return found


def _violation(focus: Node | None, path: Node | None, message: str, value: Node | None) -> Violation:
    """A result as kg reports it, the same from pySHACL's report graph and from kg.shacl_core."""
    if value is not None and value != focus:
        message += f" (value {_term(value)})"
    return Violation(str(focus), str(path) if isinstance(path, URIRef) else None, message)


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
