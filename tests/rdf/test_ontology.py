"""ontology/kg.ttl: loads in both RDF stacks, documents every term, agrees with kg.rdf.namespace.KG."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef

from kg.model import PREDICATES
from kg.rdf.namespace import KG
from kg.resources import ontology_dir

KG_NS = str(KG._NS)
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns when pytest inspects it
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
BUILT_IN = (str(RDF), str(RDFS), str(OWL))
PLACE_LIKE = ("visits", "deploysTo", "withdrawsFrom")
ONTOLOGY = Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ONTOLOGY


def declared(ontology: Graph) -> set[URIRef]:
    return {s for kind in DECLARATIONS for s in ontology.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def kg_terms(ontology: Graph) -> set[str]:
    return {str(s)[len(KG_NS):] for s in declared(ontology) if str(s).startswith(KG_NS)}


def object_properties(ontology: Graph) -> list[URIRef]:
    return sorted(s for s in ontology.subjects(RDF.type, OWL.ObjectProperty)
                  if isinstance(s, URIRef) and str(s).startswith(KG_NS))


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_the_file_loads_the_same_in_rdflib_and_pyoxigraph(name: str) -> None:
    path: Path = ontology_dir() / name
    in_rdflib = Graph().parse(path, format="turtle")
    in_oxigraph = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(in_rdflib) == len(in_oxigraph) > 100


def test_the_ontology_has_no_blank_nodes(ontology: Graph) -> None:
    """The store reloads it on every build; blank nodes would get new ids each time."""
    assert not [t for t in ontology if any(isinstance(x, BNode) for x in t)]


def test_every_python_term_is_declared_in_the_turtle(ontology: Graph) -> None:
    assert set(KG.__annotations__) - kg_terms(ontology) == set()


_MISSING_IN_PYTHON = sorted(kg_terms(ONTOLOGY) - set(KG.__annotations__))


@pytest.mark.xfail(bool(_MISSING_IN_PYTHON), strict=True,
                   reason=f"kg/rdf/namespace.py lacks {', '.join(_MISSING_IN_PYTHON)} (declared in kg.ttl)")
def test_every_turtle_term_is_in_the_python_namespace(ontology: Graph) -> None:
    assert kg_terms(ontology) - set(KG.__annotations__) == set()


def languages(ontology: Graph, iri: URIRef, prop: URIRef) -> set[str | None]:
    return {o.language for o in ontology.objects(iri, prop) if isinstance(o, Literal)}


@pytest.mark.parametrize("term", sorted(kg_terms(ONTOLOGY)))
def test_every_term_has_an_english_and_indonesian_label_and_a_comment(ontology: Graph, term: str) -> None:
    iri = URIRef(KG_NS + term)
    assert {"en", "id"} <= languages(ontology, iri, RDFS.label)
    assert "en" in languages(ontology, iri, RDFS.comment)


def test_every_object_property_has_one_domain_and_one_range(ontology: Graph) -> None:
    lacking = [p for p in object_properties(ontology)
               if len(list(ontology.objects(p, RDFS.domain))) != 1 or len(list(ontology.objects(p, RDFS.range))) != 1]
    assert lacking == []
    assert {str(p)[len(KG_NS):] for p in object_properties(ontology)} >= set(PREDICATES)


@pytest.mark.parametrize("predicate", PLACE_LIKE)
def test_movement_predicates_range_over_countries_and_places(ontology: Graph, predicate: str) -> None:
    place = ontology.value(URIRef(KG_NS + predicate), RDFS.range)
    assert place == SCHEMA.Place
    assert (KG.Country, RDFS.subClassOf, place) in ontology and (KG.Place, RDFS.subClassOf, place) in ontology


def test_cites_runs_from_an_article_to_an_organization(ontology: Graph) -> None:
    assert ontology.value(KG.cites, RDFS.domain) == KG.Article
    assert ontology.value(KG.cites, RDFS.range) == KG.Organization


def test_event_codes_name_their_scheme(ontology: Graph) -> None:
    codes = [str(code) for code in ontology.objects(None, KG.code)]
    assert codes and all(re.fullmatch(r"CAMEO \d{2,4}|PLOVER [A-Z]+|Wikidata P\d+(/P\d+)*", c) for c in codes), codes


@pytest.mark.parametrize(("term", "relation", "target"), [
    (KG.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
    (KG.Evidence, RDFS.subClassOf, PROV.Entity),
    (KG.article, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (KG.Person, RDFS.subClassOf, SCHEMA.Person),
    (KG.Person, SKOS.closeMatch, URIRef("http://www.wikidata.org/entity/Q5")),
    (KG.Country, SKOS.closeMatch, URIRef("http://www.wikidata.org/entity/Q6256")),
    (KG.succeeded, SKOS.closeMatch, URIRef("http://www.wikidata.org/prop/direct/P1365")),
    (KG.memberOf, SKOS.closeMatch, URIRef("http://www.wikidata.org/prop/direct/P463")),
    (KG.leads, SKOS.closeMatch, URIRef("http://www.wikidata.org/prop/direct/P35")),
])
def test_alignments(ontology: Graph, term: URIRef, relation: URIRef, target: URIRef) -> None:
    assert (term, relation, target) in ontology


def test_no_term_claims_equivalence(ontology: Graph) -> None:
    """None of the external terms means exactly what ours do (see the comment atop kg.ttl)."""
    assert not list(ontology.triples((None, OWL.equivalentClass, None)))
    assert not list(ontology.triples((None, OWL.equivalentProperty, None)))


def test_every_property_the_ontology_uses_is_declared_or_built_in(ontology: Graph) -> None:
    used = {p for p in ontology.predicates() if isinstance(p, URIRef)}
    undeclared = {p for p in used - declared(ontology) if not str(p).startswith(BUILT_IN)}
    assert undeclared == set()


def test_every_external_class_or_property_kg_builds_on_is_declared(ontology: Graph) -> None:
    axioms = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
    referenced = {o for p in axioms for o in ontology.objects(None, p)
                  if isinstance(o, URIRef) and not str(o).startswith((KG_NS, str(XSD), *BUILT_IN))}
    assert referenced - declared(ontology) == set()


@pytest.mark.parametrize(("term", "datatype"), [("extractedAt", XSD.dateTime), ("extractor", XSD.string)])
def test_the_next_provenance_properties_are_declared(ontology: Graph, term: str, datatype: URIRef) -> None:
    iri = URIRef(KG_NS + term)
    assert (iri, RDF.type, OWL.DatatypeProperty) in ontology
    assert ontology.value(iri, RDFS.range) == datatype
