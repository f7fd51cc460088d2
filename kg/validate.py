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

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.errors import DataFileError
from kg.rdf.namespace import PREFIXES
from kg.rdf.store import KGStore
from kg.resources import ontology_dir

__all__ = ["Violation", "ValidationReport", "validate", "shapes_path"]

_INFERENCE = "none"


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


def validate(data: KGStore | Graph, shapes: Path | None = None) -> ValidationReport:
    """Validate a store, or an rdflib graph (a Dataset counts as the union of its graphs).

    The ontology (kg.ttl) is mixed in, as the store holds it too, so a graph of one
    article validates the same way as the store it will go into.
    """
    from pyshacl import validate as shacl_validate  # slow to import; only when asked

    data_graph = _union(data)
    conforms, results, _ = shacl_validate(
        data_graph,
        shacl_graph=_parse(shapes or shapes_path()),
        ont_graph=_parse(ontology_dir() / "kg.ttl"),
        inference=_INFERENCE,
        allow_warnings=False,
    )
    assert isinstance(results, Graph)
    violations = sorted(_violations(results), key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms), results=violations, triples=len(data_graph))


def _union(data: KGStore | Graph) -> Graph:
    """One graph of every triple: pySHACL would check a Dataset's graphs one by one."""
    if isinstance(data, KGStore):
        return Graph().parse(data=data.dump("nt"), format="nt")
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
