"""SHACL Core for the shapes of ontology/shapes.ttl, evaluated a table at a time in Oxigraph.

pySHACL walks an rdflib graph focus node by focus node, building nested shapes again for
each value (kg:sentence's sh:or, the entity type's qualified sh:in): 199 s for a
10,000-article store, most of it in that walk and in parsing each part into rdflib.
Here each node shape's focus nodes are one SPARQL query, each property's values one
more, and each constraint a Python test over those sets, run once per distinct value.

The tests are pySHACL's own, term for term: the same rdflib terms (converted from
Oxigraph's), the same comparisons (rdflib's `ill_typed`, pySHACL's `compare_literal`),
the same results (focus node, path, message, value). Only what they are written for is
compiled: a shape with a feature not listed in `_NODE_KEYS`, `_PROPERTY_KEYS` and
`_VALUE_KEYS` (a path other than one IRI, severities, message templates, sh:node,
qualified disjointness, ...) returns None from `compile_shape`, and kg/validate.py
leaves it to pySHACL. tests/rdf/test_validate_core.py holds the two to the same answers.

Two differences: Oxigraph holds "x" and "x"^^xsd:string as one term (RDF 1.1), which
rdflib tells apart for sh:in and sh:hasValue (a store holds them as one term anyway);
and an ill-typed literal under sh:lessThanOrEquals ("abc"^^xsd:integer as a kg:start)
is reported as a violation, where pySHACL stops with a TypeError.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.errors import KGError

__all__ = ["CoreShape", "Finding", "compile_shape", "evaluate", "target_patterns"]

Term = URIRef | BNode | Literal
ValueTest = Callable[[Term], bool]

_ANNOTATIONS = {RDF.type, RDFS.comment, RDFS.label, SH.name, SH.description}
_TARGETS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
_NODE_KEYS = _ANNOTATIONS | _TARGETS | {SH.nodeKind, SH.property, SH.message}
_VALUE_KEYS = {SH.datatype, SH.nodeKind, SH.minLength, SH.maxLength, SH.pattern, SH["in"], SH["class"],
               SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH["or"]}
_PROPERTY_KEYS = _ANNOTATIONS | _VALUE_KEYS | {SH.path, SH.message, SH.minCount, SH.maxCount, SH.hasValue,
                                               SH.lessThanOrEquals, SH.qualifiedValueShape,
                                               SH.qualifiedMinCount, SH.qualifiedMaxCount}
_KINDS = {"blank": (SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI),
          "literal": (SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral),
          "iri": (SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI)}
_RANGES: dict[URIRef, Callable[[int], bool]] = {  # pySHACL's value range components, on compare_literal's sign
    SH.minInclusive: lambda c: c >= 0, SH.maxInclusive: lambda c: c <= 0,
    SH.minExclusive: lambda c: c > 0, SH.maxExclusive: lambda c: c < 0}
_PYTHON_TYPES: dict[Node, type | tuple[type, ...]] = {  # pySHACL's _assert_actual_datatype; others pass
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}


class Finding(NamedTuple):
    """One validation result as pySHACL reports it: value is None where SHACL gives none."""

    focus: Term
    path: URIRef | None
    message: str
    value: Term | None


@dataclass(frozen=True, slots=True)
class _Property:
    path: URIRef
    message: str
    value_tests: tuple[ValueTest, ...]  # each value alone: datatype, pattern, sh:in, sh:or, ...
    min_count: int | None
    max_count: int | None
    has_value: Term | None
    less_or_equal: URIRef | None
    qualified: ValueTest | None
    qualified_min: int | None
    qualified_max: int | None


@dataclass(frozen=True, slots=True)
class CoreShape:
    """A node shape compiled: its targets as SPARQL patterns binding ?this, its own node kind, its properties."""

    shape: Node
    targets: tuple[str, ...]
    node_kind: URIRef | None
    node_message: str
    properties: tuple[_Property, ...]
    classes: dict[URIRef, frozenset[Term]]  # sh:class's classes and their instances, looked up again each part


class _Unsupported(Exception):
    """A feature this module does not evaluate: the shape stays with pySHACL."""


def compile_shape(shapes: Graph, shape: Node) -> CoreShape | None:
    """The node shape as a CoreShape, or None if it uses anything beyond what this module evaluates exactly."""
    try:
        return _compile(shapes, shape)
    except _Unsupported:
        return None


def _compile(shapes: Graph, shape: Node) -> CoreShape:
    _only(shapes, shape, _NODE_KEYS)
    if set(shapes.objects(shape, RDF.type)) != {SH.NodeShape}:
        raise _Unsupported
    targets = target_patterns(shapes, shape)
    classes: dict[URIRef, frozenset[Term]] = {}
    properties = tuple(_property(shapes, p, classes) for p in shapes.objects(shape, SH.property))
    node_kind = _one(shapes, shape, SH.nodeKind)
    if node_kind is not None and not isinstance(node_kind, URIRef):
        raise _Unsupported
    messages = sorted(str(m) for m in shapes.objects(shape, SH.message))
    if messages and "{" in messages[0]:
        raise _Unsupported
    if messages:
        node_message = messages[0]
    else:
        from pyshacl.rdfutil import stringify_node  # pySHACL's generic message, word for word

        node_message = f"Value is not of Node Kind {stringify_node(shapes, node_kind)}" if node_kind else ""
    return CoreShape(shape, tuple(targets), node_kind, node_message, properties, classes)


def target_patterns(shapes: Graph, shape: Node) -> list[str]:
    """The shape's class, node, subjects-of and objects-of targets, each a SPARQL pattern binding ?this."""
    patterns = [f"{{ ?this a/<{RDFS.subClassOf}>* {c.n3()} }}" for c in shapes.objects(shape, SH.targetClass)]
    patterns += [f"{{ VALUES ?this {{ {n.n3()} }} }}" for n in shapes.objects(shape, SH.targetNode)]
    patterns += [f"{{ ?this {p.n3()} ?object }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"{{ ?subject {p.n3()} ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    return patterns


def _property(shapes: Graph, shape: Node, classes: dict[URIRef, frozenset[Term]]) -> _Property:
    _only(shapes, shape, _PROPERTY_KEYS)
    if not set(shapes.objects(shape, RDF.type)) <= {SH.PropertyShape}:
        raise _Unsupported
    path = _one(shapes, shape, SH.path)
    messages = sorted(str(m) for m in shapes.objects(shape, SH.message))
    if not isinstance(path, URIRef) or not messages or "{" in messages[0]:
        raise _Unsupported
    qualified = _one(shapes, shape, SH.qualifiedValueShape)
    q_min, q_max = _count(shapes, shape, SH.qualifiedMinCount), _count(shapes, shape, SH.qualifiedMaxCount)
    if (qualified is None) != (q_min is None and q_max is None):
        raise _Unsupported
    has_value = _one(shapes, shape, SH.hasValue)
    less = _one(shapes, shape, SH.lessThanOrEquals)
    if (less is not None and not isinstance(less, URIRef)) or \
            (has_value is not None and not isinstance(has_value, (URIRef, BNode, Literal))):
        raise _Unsupported
    return _Property(path, messages[0], _value_tests(shapes, shape, classes),
                     _count(shapes, shape, SH.minCount), _count(shapes, shape, SH.maxCount),
                     has_value, less,
                     _nested(shapes, qualified, classes) if qualified is not None else None, q_min, q_max)


def _nested(shapes: Graph, shape: Node, classes: dict[URIRef, frozenset[Term]]) -> ValueTest:
    """A shape applied to each value alone (an sh:or member, a qualified value shape): does it conform?"""
    _only(shapes, shape, _ANNOTATIONS | _VALUE_KEYS)
    if shapes.value(shape, SH.path) is not None or set(shapes.objects(shape, RDF.type)) - {SH.NodeShape}:
        raise _Unsupported
    tests = _value_tests(shapes, shape, classes)
    return lambda value: all(test(value) for test in tests)


def _value_tests(shapes: Graph, shape: Node, classes: dict[URIRef, frozenset[Term]]) -> tuple[ValueTest, ...]:
    """pySHACL's per-value constraint components, as functions of one value (its own code, restated)."""
    tests: list[ValueTest] = []
    if (datatype := _one(shapes, shape, SH.datatype)) is not None:
        tests.append(partial(_has_datatype, datatype=datatype))
    if (kind := _one(shapes, shape, SH.nodeKind)) is not None:
        tests.append(partial(_has_kind, kind=kind))
    if (shortest := _count(shapes, shape, SH.minLength)) is not None:
        tests.append(partial(_long_enough, shortest=shortest))
    if (longest := _count(shapes, shape, SH.maxLength)) is not None:
        tests.append(partial(_short_enough, longest=longest))
    if (pattern := _one(shapes, shape, SH.pattern)) is not None:
        if shapes.value(shape, SH.flags) is not None:
            raise _Unsupported
        tests.append(partial(_matches, pattern=re.compile(str(pattern))))
    if (members := _one(shapes, shape, SH["in"])) is not None:
        tests.append(frozenset(Collection(shapes, members)).__contains__)
    if (cls := _one(shapes, shape, SH["class"])) is not None:
        if not isinstance(cls, URIRef):
            raise _Unsupported
        classes.setdefault(cls, frozenset())
        tests.append(_ClassTest(cls, classes))
    for key, accept in _RANGES.items():
        if (bound := _one(shapes, shape, key)) is not None:
            if not isinstance(bound, Literal):
                raise _Unsupported
            tests.append(partial(_in_range, bound=bound, accept=accept))
    if (alternatives := _one(shapes, shape, SH["or"])) is not None:
        tests.append(partial(_any, [_nested(shapes, m, classes) for m in Collection(shapes, alternatives)]))
    return tuple(tests)


def _has_kind(value: Term, kind: Node) -> bool:
    return kind in _KINDS[_kind(value)]


def _long_enough(value: Term, shortest: int) -> bool:
    return shortest == 0 or (not isinstance(value, BNode) and len(_string(value)) >= shortest)


def _short_enough(value: Term, longest: int) -> bool:
    return not isinstance(value, BNode) and len(_string(value)) <= longest


def _matches(value: Term, pattern: re.Pattern[str]) -> bool:
    return not isinstance(value, BNode) and pattern.search(_string(value)) is not None


def _any(alternatives: list[ValueTest], value: Term) -> bool:
    return any(alternative(value) for alternative in alternatives)


@dataclass(frozen=True, slots=True)
class _ClassTest:
    """sh:class: a non-literal with an rdf:type/rdfs:subClassOf* the class in the part being checked
    (`instances`, shared by the shape's tests, is filled once a part by `evaluate`)."""

    cls: URIRef
    instances: dict[URIRef, frozenset[Term]]

    def __call__(self, value: Term) -> bool:
        return not isinstance(value, Literal) and value in self.instances.get(self.cls, frozenset())


def _only(shapes: Graph, shape: Node, allowed: set[URIRef]) -> None:
    if not isinstance(shape, (URIRef, BNode)) or any(p not in allowed for p in shapes.predicates(shape)):
        raise _Unsupported


def _one(shapes: Graph, shape: Node, key: URIRef) -> Node | None:
    values = list(shapes.objects(shape, key))
    if len(values) > 1:
        raise _Unsupported
    return values[0] if values else None


def _count(shapes: Graph, shape: Node, key: URIRef) -> int | None:
    value = _one(shapes, shape, key)
    if value is None:
        return None
    if not isinstance(value, Literal) or not isinstance(value.value, int) or value.value < 0:
        raise _Unsupported
    return value.value


def _kind(value: Term) -> str:
    return "blank" if isinstance(value, BNode) else "literal" if isinstance(value, Literal) else "iri"


def _string(value: Term) -> str:
    """pySHACL's value_node_to_string."""
    if isinstance(value, Literal) and value.value is not None and value.datatype in (None, RDF.langString, XSD.string):
        return str(value.value)
    return str(value)


def _has_datatype(value: Term, datatype: Node) -> bool:
    """pySHACL's DatatypeConstraintComponent: the same IRI and, for the types it knows, a well-typed value."""
    if not isinstance(value, Literal):
        return False
    if value.datatype == datatype:
        return getattr(value, "ill_typed", None) is not True and _actual(value, datatype)
    if datatype == RDFS.Literal or (datatype == RDFS.Datatype and value.datatype):
        return True
    if value.datatype is None and value.language is None and datatype == XSD.string:
        return _actual(value, datatype)
    return datatype == RDF.langString and bool(value.language) and _actual(value, datatype)


def _actual(value: Literal, datatype: Node) -> bool:
    expected = _PYTHON_TYPES.get(datatype)
    return expected is None or isinstance(value.value, expected)


def _in_range(value: Term, bound: Literal, accept: Callable[[int], bool]) -> bool:
    """pySHACL's value range components: literals only, strings with strings, compare_literal otherwise."""
    from pyshacl.rdfutil.compare import compare_literal

    if not isinstance(value, Literal) or isinstance(value.value, str) != isinstance(bound.value, str):
        return False
    try:
        return bool(accept(compare_literal(value, bound)))
    except (TypeError, NotImplementedError):
        return False


def _not_after(value: Term, other: Term) -> bool:
    """pySHACL's sh:lessThanOrEquals for one pair: strings with strings, else rdflib's `<=`."""
    if isinstance(value, BNode) or isinstance(other, BNode):
        raise KGError("sh:lessThanOrEquals cannot compare a blank node; give the node an IRI")
    a, a_is_string = _comparable(value)
    b, b_is_string = _comparable(other)
    if a_is_string != b_is_string:
        return False
    try:
        return bool(a <= b)
    except TypeError:  # an ill-typed literal ("abc"^^xsd:integer): pySHACL stops here, kg reports the value
        return False


def _comparable(term: Term) -> tuple[Any, bool]:
    """What sh:lessThanOrEquals compares, and whether it is a string (an rdflib Literal is a str too)."""
    if isinstance(term, URIRef):
        return str(term), True
    if isinstance(term, Literal) and isinstance(term.value, str):
        return term.value, True
    return term, False


def evaluate(shapes: Iterable[CoreShape], store: ox.Store) -> list[Finding]:
    """Every result of the compiled shapes over the store's default graph (a part, loaded in memory)."""
    shapes = list(shapes)
    terms: dict[Any, Term] = {}
    rdflib_term = _converter(terms)
    values: dict[URIRef, dict[Term, set[Term]]] = {}

    def objects(path: URIRef) -> dict[Term, set[Term]]:
        if path not in values:
            table: dict[Term, set[Term]] = {}
            for s, o in _rows(store, f"SELECT ?s ?o WHERE {{ ?s <{path}> ?o }}"):
                table.setdefault(rdflib_term(s), set()).add(rdflib_term(o))
            values[path] = table
        return values[path]

    found: list[Finding] = []
    for shape in shapes:
        for cls in shape.classes:
            shape.classes[cls] = frozenset(rdflib_term(row[0]) for row in _rows(
                store, f"SELECT DISTINCT ?x WHERE {{ ?x a/<{RDFS.subClassOf}>* <{cls}> }}"))
        focus = {rdflib_term(row[0]) for row in _rows(
            store, f"SELECT DISTINCT ?this WHERE {{ {' UNION '.join(shape.targets)} }}")} if shape.targets else set()
        if shape.node_kind is not None:
            found += [Finding(f, None, shape.node_message, f) for f in focus if shape.node_kind not in _KINDS[_kind(f)]]
        for prop in shape.properties:
            table = objects(prop.path)
            others = objects(prop.less_or_equal) if prop.less_or_equal is not None else {}
            found += _check(prop, {f: table.get(f, set()) for f in focus}, others)
    return found


def _check(prop: _Property, focus_values: dict[Term, set[Term]], others: dict[Term, set[Term]]) -> list[Finding]:
    """One property shape over every focus node: the results pySHACL would give, in any order."""
    found: list[Finding] = []
    verdicts: dict[Term, bool] = {}
    for test in prop.value_tests:
        verdicts.clear()
        for f, vs in focus_values.items():
            found += [Finding(f, prop.path, prop.message, v) for v in vs
                      if not (verdicts[v] if v in verdicts else verdicts.setdefault(v, test(v)))]
    any_values = any(focus_values.values())
    for f, vs in focus_values.items():
        if (prop.min_count is not None and len(vs) < prop.min_count) or \
                (prop.max_count is not None and len(vs) > prop.max_count) or \
                (prop.has_value is not None and prop.has_value not in vs):
            found.append(Finding(f, prop.path, prop.message, None))
        if prop.qualified is not None and (any_values or (prop.qualified_min or 0) >= 1):
            conforming = sum(1 for v in vs if prop.qualified(v))
            if (prop.qualified_max is not None and conforming > prop.qualified_max) or \
                    (prop.qualified_min is not None and conforming < prop.qualified_min):
                found.append(Finding(f, prop.path, prop.message, None))
        if prop.less_or_equal is not None:
            found += [Finding(f, prop.path, prop.message, v) for v in vs
                      for w in others.get(f, set()) if not _not_after(v, w)]
    return found


def _rows(store: ox.Store, sparql: str) -> Iterable[Any]:
    solutions = store.query(sparql)
    assert isinstance(solutions, ox.QuerySolutions)
    return solutions


def _converter(cache: dict[Any, Term]) -> Callable[[Any], Term]:
    """Oxigraph's terms as rdflib's, as rdflib's N-Triples parser would make them for pySHACL."""
    def convert(term: Any) -> Term:
        known = cache.get(term)
        if known is not None:
            return known
        made: Term
        if isinstance(term, ox.NamedNode):
            made = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            made = BNode(term.value)
        elif term.language:
            made = Literal(term.value, lang=term.language)
        elif term.datatype.value == str(XSD.string):
            made = Literal(term.value)
        else:
            made = Literal(term.value, datatype=URIRef(term.datatype.value))
        cache[term] = made
        return made
    return convert
