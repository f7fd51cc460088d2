"""kg.shacl_core gives pySHACL's answers: the same violations, node, path, message and value.

A copy of the seed store is broken in every way shapes.ttl can see (evidence, entities,
articles; literals ill-typed, out of range, of the wrong type; nodes missing, doubled or
of the wrong kind), then validated twice: as kg does it, and by pySHACL alone over the
same parts (kg.shacl_core and the SPARQL shortcut switched off), as before either existed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

import kg.validate
from kg.rdf.namespace import ARTICLE, ENTITY, ENTITY_GRAPH, KG
from kg.rdf.store import KGStore, open_store
from kg.validate import ValidationReport, validate

A, B = ARTICLE["seed-csto-kazakhstan"], ARTICLE["sample-en-asean-summit"]
RDF_ = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PUTIN, RUSSIA, OSCE = ENTITY["Q7747"], ENTITY["Q159"], ENTITY["Q232"]

# (evidence node, by position in A's then B's; property; its new value in N-Triples, None to drop it)
EVIDENCE_BREAKAGES = [
    (0, KG.sentence, '"   "@id'),
    (1, KG.confidence, f'"1.5"^^<{XSD}decimal>'),
    (2, KG.confidence, '"0.8"'),
    (3, KG.start, f'"1000000"^^<{XSD}integer>'),
    (4, KG.end, '"301"'),
    (5, KG.modality, '"rumoured"'),
    (6, KG.rule, '""'),
    (7, KG.article, f"<{PUTIN}>"),
    (8, KG.sentence, None),
    (9, KG.confidence, f'"abc"^^<{XSD}decimal>'),
    (10, KG.statedOn, f'"20220110"^^<{XSD}integer>'),
    (11, KG.start, f'"-1"^^<{XSD}integer>'),
    (12, f"{RDF_}subject", '"Putin"'),
    (13, KG.confidence, f'"0.5"^^<{XSD}string>'),
    (14, KG.modality, '"asserted"@en'),
]
# further triples, added as they are
ADDED = [
    (B, PUTIN, f"{RDF_}type", f"<{KG.Organization}>"),  # a second type, in another graph
    (B, ENTITY["person/nobody"], f"<{KG.blames}>", f"<{PUTIN}>"),  # untyped, unlabelled, unnamed
    (B, RUSSIA, f"<{KG.blames}>", '"somebody"'),  # a literal where an entity belongs
    (B, RUSSIA, f"{SKOS}prefLabel", '""'),  # a second label, empty
    (ENTITY_GRAPH, ENTITY["person/ghost"], f"{RDF_}type", f"<{KG.Person}>"),  # described, named nowhere
    (A, PUTIN, f"<{KG.cites}>", f"<{OSCE}>"),  # cites from a non-article
    (A, A, f"<{KG.cites}>", f"<{RUSSIA}>"),  # cites a country
    (B, B, f"<{KG.extractor}>", '"kg 0.0.1"'),  # a second extractor
    (A, A, f"<{KG.contentHash}>", '"xyz"'),
]
# (graph, node, property) dropped
DROPPED = [(ENTITY_GRAPH, OSCE, f"{SKOS}prefLabel"), (B, B, KG.articleId), (A, A, KG.extractedAt)]


@pytest.fixture(scope="module")
def broken(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("broken") / "store"
    shutil.copytree(seed_store, path)
    with open_store(path) as store:
        evidence = [(row[0], row[1]) for row in store.query(  # the 12 of A, then the 5 of B
            f"SELECT ?g ?e WHERE {{ GRAPH ?g {{ ?e a <{KG.Evidence}> }} }} ORDER BY DESC(?g) ?e").rows]
        assert len(evidence) >= 17
        for index, prop, value in EVIDENCE_BREAKAGES:
            graph, node = evidence[index]
            _drop(store, graph, node, str(prop))
            if value is not None:
                store._update(f"INSERT DATA {{ GRAPH <{graph}> {{ <{node}> <{prop}> {value} }} }}")
        graph, node = evidence[15]
        store._update(f"INSERT DATA {{ GRAPH <{graph}> {{ <{node}> <{RDF_}predicate> <{KG.sentence}> }} }}")
        _drop_the_stated_triple(store, *evidence[16])
        for graph, s, p, o in ADDED:
            store._update(f"INSERT DATA {{ GRAPH <{graph}> {{ <{s}> {p if p.startswith('<') else f'<{p}>'} {o} }} }}")
        for graph, node, prop in DROPPED:
            _drop(store, graph, node, str(prop))
        store._update(f"INSERT DATA {{ GRAPH <{A}> {{ <{A}> <{KG.extractedAt}> \"yesterday\" }} }}")
    return path


def _drop(store: KGStore, graph: str, node: str, prop: str) -> None:
    store._update(f"DELETE WHERE {{ GRAPH <{graph}> {{ <{node}> <{prop}> ?o }} }}")


def _drop_the_stated_triple(store: KGStore, graph: str, evidence: str) -> None:
    s, p, o = store.query(f"SELECT ?s ?p ?o WHERE {{ <{evidence}> <{RDF_}subject> ?s ; <{RDF_}predicate> ?p ; "
                          f"<{RDF_}object> ?o }}").rows[0]
    store._update(f"DELETE DATA {{ GRAPH <{graph}> {{ <{s}> <{p}> <{o}> }} }}")


@pytest.fixture()
def by_pyshacl_alone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every shape left to pySHACL, sh:sparql included: validation as it was before kg.shacl_core."""
    monkeypatch.setattr(kg.validate, "_core_shapes", lambda shapes: [])
    monkeypatch.setattr(kg.validate, "_sparql_checks", lambda shapes: [])
    yield


def _validate_store(path: Path) -> ValidationReport:
    with open_store(path, read_only=True) as store:
        return validate(store)


@pytest.mark.parametrize("part", [1, 200], ids=["one article a part", "every article in one part"])
def test_a_broken_store_gets_pyshacls_violations(broken: Path, part: int, monkeypatch: pytest.MonkeyPatch,
                                                 request: pytest.FixtureRequest) -> None:
    monkeypatch.setattr(kg.validate, "_PART", part)
    report = _validate_store(broken)
    request.getfixturevalue("by_pyshacl_alone")
    reference = _validate_store(broken)
    assert set(report.results) - set(reference.results) == set(), "found by kg only"
    assert set(reference.results) - set(report.results) == set(), "found by pySHACL only"
    assert report == reference
    paths = {r.path for r in report.results}
    assert not report.conforms and len(report.results) > 30
    assert {None, str(KG.sentence), str(KG.start), str(KG.end), str(KG.confidence), str(KG.statedOn),
            f"{RDF_}type", f"{SKOS}prefLabel", str(KG.mentionedAs), str(KG.cites), str(KG.contentHash),
            str(KG.articleId), str(KG.extractedAt), str(KG.extractor), f"{RDF_}subject"} <= paths


def test_a_broken_graph_gets_pyshacls_violations(broken: Path, request: pytest.FixtureRequest) -> None:
    with open_store(broken, read_only=True) as store:
        graph = Graph().parse(data=store.dump("nt"), format="nt")
    report = validate(graph)
    request.getfixturevalue("by_pyshacl_alone")
    assert report == validate(graph)
    assert not report.conforms


def test_the_values_at_fault_are_named(broken: Path) -> None:
    lines = {r.describe() for r in _validate_store(broken).results}
    assert any(line.endswith('kg:confidence: needs exactly one kg:confidence, an xsd:decimal in [0, 1] '
                             '(value "abc"^^xsd:decimal)') for line in lines)
    assert any(line.endswith('Value is not of Node Kind sh:IRI') and line.startswith("somebody") for line in lines)
    assert "entity:person/ghost kg:mentionedAs: no article names this entity (no kg:mentionedAs), yet the " \
           "entity graph describes it; build the articles again into a new store" in lines


def test_pyshacl_is_not_run_for_the_bundled_shapes(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every bundled shape is one kg.shacl_core evaluates; pySHACL is left what it cannot (see below)."""
    import pyshacl

    def refuse(*args: object, **options: object) -> object:
        raise AssertionError("pySHACL was run")

    monkeypatch.setattr(pyshacl, "validate", refuse)
    assert _validate_store(seed_store).conforms


def test_a_shape_kg_cannot_evaluate_stays_with_pyshacl(broken: Path, tmp_path: Path,
                                                       request: pytest.FixtureRequest) -> None:
    """sh:severity is not compiled: the article shape goes to pySHACL, the others do not, same answers."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(kg.validate.shapes_path().read_text(encoding="utf-8").replace(
        "sh:targetSubjectsOf kg:cites ;", "sh:targetSubjectsOf kg:cites ; sh:severity sh:Violation ;"),
        encoding="utf-8")
    compiled = kg.validate._core_shapes(kg.validate._parse(shapes))
    assert {str(c.shape).rsplit("#")[-1] for c in compiled} == {"Entity"}  # Evidence has its sh:sparql here
    with open_store(broken, read_only=True) as store:
        report = validate(store, shapes)
        request.getfixturevalue("by_pyshacl_alone")
        assert report == validate(store, shapes)


def test_an_ill_typed_start_is_a_violation_where_pyshacl_would_stop(built_graph: Graph) -> None:
    """rdflib cannot compare "abc"^^xsd:integer with an end: pySHACL raises TypeError, kg names the value."""
    from rdflib import Literal, URIRef

    evidence = next(e for e in built_graph.subjects(KG.start, None) if isinstance(e, URIRef))
    built_graph.set((evidence, KG.start, Literal("abc", datatype=URIRef(f"{XSD}integer"))))
    report = validate(built_graph)
    assert {r.path for r in report.results if r.focus == str(evidence)} == {str(KG.start)}
    assert {r.message for r in report.results if r.focus == str(evidence)} == {
        'needs exactly one kg:start, an integer >= 0 (value "abc"^^xsd:integer)',
        'kg:start must not be after kg:end (value "abc"^^xsd:integer)'}


@pytest.fixture()
def built_graph(seed_store: Path) -> Graph:
    with open_store(seed_store, read_only=True) as store:
        return Graph().parse(data=store.dump("nt"), format="nt")

