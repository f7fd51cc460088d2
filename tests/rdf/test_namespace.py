from __future__ import annotations

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from kg.model import ENTITY_TYPES, PREDICATES
from kg.rdf.namespace import KG
from kg.resources import ontology_dir


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def declared_terms(ontology: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    prefix = str(KG._NS)
    return {str(s)[len(prefix):] for kind in kinds for s in ontology.subjects(RDF.type, kind)
            if str(s).startswith(prefix)}


def test_the_python_namespace_lists_exactly_the_ontology_terms(ontology: Graph) -> None:
    assert set(KG.__annotations__) == declared_terms(ontology)


def test_every_spec_predicate_and_type_is_declared(ontology: Graph) -> None:
    terms = declared_terms(ontology)
    assert set(PREDICATES) <= terms
    assert set(ENTITY_TYPES) <= terms


def test_a_misspelt_term_fails_instead_of_minting_an_iri() -> None:
    with pytest.raises(AttributeError):
        URIRef(KG.blame)
