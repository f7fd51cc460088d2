"""SHACL validation: a built store conforms, and each way of breaking the model is caught and named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import DataFileError
from kg.rdf.namespace import ENTITY, KG
from kg.rdf.store import open_store
from kg.validate import ValidationReport, validate

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns when pytest inspects it
PUTIN = ENTITY["Q7747"]
UNTYPED = ENTITY["person/nobody"]
runner = CliRunner()


@pytest.fixture(scope="module")
def built(seed_store: Path) -> Graph:
    """Every triple of the store built from the bundled articles."""
    with open_store(seed_store, read_only=True) as store:
        return Graph().parse(data=store.dump("nt"), format="nt")


def copy(graph: Graph) -> Graph:
    fresh = Graph()
    for triple in graph:
        fresh.add(triple)
    return fresh


def an_evidence(graph: Graph, predicate: URIRef = KG.blames) -> URIRef:
    return next(e for e in graph.subjects(RDF.predicate, predicate) if isinstance(e, URIRef))


def failures(report: ValidationReport, node: URIRef) -> set[str | None]:
    """The paths of the violations on `node`."""
    return {r.path for r in report.results if r.focus == str(node)}


def test_the_built_store_conforms(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        report = validate(store)
    assert report.results == []
    assert report.conforms and report.triples > 500


def test_a_dataset_is_validated_as_the_union_of_its_graphs(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        dataset = Dataset().parse(data=store.dump("nq"), format="nquads")
    assert validate(dataset).conforms


def test_a_relation_whose_subject_has_no_type_does_not_conform(built: Graph) -> None:
    graph = copy(built)
    graph.add((UNTYPED, KG.blames, PUTIN))
    graph.add((UNTYPED, SKOS.prefLabel, Literal("Nobody")))
    graph.add((UNTYPED, KG.mentionedAs, Literal("Nobody")))
    report = validate(graph)
    assert not report.conforms
    assert failures(report, UNTYPED) == {str(RDF.type)}
    assert any("entity:person/nobody rdf:type: needs exactly one entity type" in r.describe() for r in report.results)


def test_an_evidence_node_without_a_sentence_does_not_conform(built: Graph) -> None:
    graph = copy(built)
    evidence = an_evidence(graph)
    graph.remove((evidence, KG.sentence, None))
    report = validate(graph)
    assert not report.conforms
    assert failures(report, evidence) == {str(KG.sentence)}


def _set(prop: URIRef, value: Literal) -> Callable[[Graph, URIRef], None]:
    return lambda graph, evidence: graph.set((evidence, prop, value))


def _drop_the_stated_triple(graph: Graph, evidence: URIRef) -> None:
    graph.remove((graph.value(evidence, RDF.subject), graph.value(evidence, RDF.predicate),
                  graph.value(evidence, RDF.object)))


@pytest.mark.parametrize(("breakage", "paths"), [
    (_set(KG.sentence, Literal("   ", lang="id")), {KG.sentence}),
    (_set(KG.confidence, Literal("1.5", datatype=XSD.decimal)), {KG.confidence}),
    (_set(KG.confidence, Literal("0.8")), {KG.confidence}),
    (_set(KG.start, Literal(10**6)), {KG.start}),
    (_set(KG.end, Literal("301")), {KG.end, KG.start}),  # and start <= end can no longer be compared
    (_set(KG.modality, Literal("rumoured")), {KG.modality}),
    (_set(KG.rule, Literal("")), {KG.rule}),
    (_set(KG.article, PUTIN), {KG.article}),
    (lambda graph, evidence: graph.add((evidence, RDF.predicate, KG.sentence)), {RDF.predicate, None}),
    (_drop_the_stated_triple, {None}),
], ids=["blank sentence", "confidence above 1", "confidence not decimal", "start after end", "end not integer",
        "unknown modality", "empty rule", "article not an article", "second predicate", "triple not stated"])
def test_a_broken_evidence_node_is_named_with_the_property_at_fault(
        built: Graph, breakage: Callable[[Graph, URIRef], None], paths: set[URIRef | None]) -> None:
    """A None path is the evidence node's own check: its triple must be stated."""
    graph = copy(built)
    evidence = an_evidence(graph)
    breakage(graph, evidence)
    report = validate(graph)
    assert not report.conforms
    assert failures(report, evidence) == {str(p) if p else None for p in paths}


def test_an_entity_with_two_types_or_no_label_does_not_conform(built: Graph) -> None:
    graph = copy(built)
    graph.add((PUTIN, RDF.type, KG.Organization))
    graph.remove((ENTITY["Q232"], SKOS.prefLabel, None))
    report = validate(graph)
    assert failures(report, PUTIN) == {str(RDF.type)}
    assert failures(report, ENTITY["Q232"]) == {str(SKOS.prefLabel)}


def test_cites_must_run_from_an_article_to_an_organization(built: Graph) -> None:
    graph = copy(built)
    graph.add((PUTIN, KG.cites, ENTITY["Q232"]))
    report = validate(graph)
    assert failures(report, PUTIN) == {str(RDF.type), str(KG.articleId), str(KG.cites)}


def test_the_cli_says_a_store_conforms_and_exits_0(seed_store: Path) -> None:
    result = runner.invoke(app, ["validate", "--store", str(seed_store)])
    assert result.exit_code == 0, result.output
    assert f"Store {seed_store} conforms:" in result.output
    assert "no violations" in result.output


def test_the_cli_lists_the_violations_and_exits_1(tmp_path: Path) -> None:
    bad = Graph(identifier=URIRef("https://kg.example.org/article/bad"))
    bad.add((UNTYPED, KG.blames, PUTIN))
    with open_store(tmp_path / "store") as store:
        store.load_ontology()
        store.replace_graph(bad)
    result = runner.invoke(app, ["validate", "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "  entity:person/nobody rdf:type: needs exactly one entity type" in "\n".join(lines)
    assert "  entity:Q7747 skos:prefLabel: needs exactly one non-empty skos:prefLabel" in lines
    assert "  entity:Q7747 kg:mentionedAs: no article names this entity" in "\n".join(lines)
    assert lines[-1].startswith(f"Store {tmp_path / 'store'} does not conform: 6 violation(s) on 2 node(s)")


def test_the_ontology_graph_alone_conforms() -> None:
    with open_store(":memory:") as store:
        store.load_ontology()
        report = validate(store)
    assert report.conforms and report.triples > 100


def test_a_malformed_shapes_file_is_a_data_file_error(built: Graph, tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("kgsh:Entity a sh:NodeShape", encoding="utf-8")
    with pytest.raises(DataFileError, match="shapes.ttl"):
        validate(built, shapes)


def test_a_store_is_validated_in_parts_with_progress(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.validate

    seen: list[tuple[int, int]] = []
    with open_store(seed_store, read_only=True) as store:
        whole = validate(store)
        monkeypatch.setattr(kg.validate, "_PART", 1)  # one article a part: the seed store's two, then the rest
        report = validate(store, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2), (2, 2)]
    assert report == whole and report.conforms


def test_sparql_constraints_run_once_a_part_and_still_name_the_evidence(seed_store: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """pySHACL parses an sh:sparql query again for every focus node (4,326 times for 1,000 articles);
    kg runs it once a part in Oxigraph instead, with the same violation (and pySHACL, if a shape
    still needs it, never sees the query; with the bundled shapes it does not run at all)."""
    import shutil

    import pyshacl

    store_path = tmp_path / "store"
    shutil.copytree(seed_store, store_path)
    with open_store(store_path) as store:
        graph, evidence, s, p, o = store.query(
            "SELECT ?g ?e ?s ?p ?o WHERE { GRAPH ?g { ?e a <https://kg.example.org/ontology#Evidence> ; "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ; "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o } } LIMIT 1").rows[0]
        store._update(f"DELETE DATA {{ GRAPH <{graph}> {{ <{s}> <{p}> <{o}> }} }}")
    given: list[Graph] = []
    real = pyshacl.validate

    def spy(data_graph: Graph, *, shacl_graph: Graph, **options: object) -> object:
        given.append(shacl_graph)
        return real(data_graph, shacl_graph=shacl_graph, **options)

    monkeypatch.setattr(pyshacl, "validate", spy)
    with open_store(store_path, read_only=True) as store:
        report = validate(store)
    assert all((None, SH.sparql, None) not in shapes for shapes in given)
    assert not report.conforms
    assert (evidence, None, "the relation it gives evidence for is not stated as a triple") in \
        {(r.focus, r.path, r.message) for r in report.results}


def test_a_sparql_constraint_with_a_message_template_stays_with_pyshacl(built: Graph, tmp_path: Path) -> None:
    from kg.validate import shapes_path

    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(shapes_path().read_text(encoding="utf-8").replace(
        '"the relation it gives evidence for is not stated as a triple"@en',
        '"the relation {$this} gives evidence for is not stated as a triple"@en'), encoding="utf-8")
    graph = copy(built)
    evidence = an_evidence(graph)
    _drop_the_stated_triple(graph, evidence)
    report = validate(graph, shapes)
    [message] = {r.message for r in report.results if r.focus == str(evidence)}
    assert message.startswith(f"the relation {evidence} gives evidence")
