"""IRIs: the closed ontology namespace and the bases for entities and articles.

`KG` is closed like rdflib's own vocabularies: `KG.blame` (a typo) raises at once
instead of minting a silent new IRI; tests/rdf/test_namespace.py checks that it
lists exactly the terms ontology/kg.ttl declares.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["KG", "BASE", "ENTITY", "ARTICLE", "EVIDENCE", "GRAPH", "ONTOLOGY_GRAPH", "ENTITY_GRAPH", "WD", "SCHEMA", "PREFIXES",
           "entity_iri", "article_iri", "evidence_iri"]

BASE = "https://kg.example.org/"
ENTITY = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
EVIDENCE = Namespace(BASE + "evidence/")
GRAPH = Namespace(BASE + "graph/")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
ENTITY_GRAPH = URIRef(BASE + "graph/entities")  # each entity described once (kg/rdf/entities.py)
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")

#: Prefixes written into Turtle/TriG exports and bound on rdflib graphs.
PREFIXES: dict[str, str] = {
    "kg": BASE + "ontology#",
    "entity": str(ENTITY),
    "article": str(ARTICLE),
    "evidence": str(EVIDENCE),
    "wd": str(WD),
    "schema": str(SCHEMA),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class KG(DefinedNamespace):
    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Place: URIRef
    Group: URIRef
    Event: URIRef
    Article: URIRef
    Evidence: URIRef
    # relations (shared/spec/relations.md)
    blames: URIRef
    condemns: URIRef
    praises: URIRef
    threatens: URIRef
    supports: URIRef
    opposes: URIRef
    meetsWith: URIRef
    visits: URIRef
    cooperatesWith: URIRef
    aids: URIRef
    deploysTo: URIRef
    withdrawsFrom: URIRef
    attacks: URIRef
    sanctions: URIRef
    detains: URIRef
    protestsAgainst: URIRef
    succeeded: URIRef
    leads: URIRef
    memberOf: URIRef
    allyOf: URIRef
    cites: URIRef
    # provenance and annotations
    article: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    confidence: URIRef
    rule: URIRef
    modality: URIRef
    articleId: URIRef
    wikidata: URIRef
    mentionedAs: URIRef
    code: URIRef
    statedOn: URIRef
    extractedAt: URIRef
    extractor: URIRef
    contentHash: URIRef


def entity_iri(key: str) -> URIRef:
    """IRI of an entity key ("Q7747", "person/kassym-jomart-tokayev")."""
    return ENTITY[quote(key, safe="/")]


def article_iri(article_id: str) -> URIRef:
    """IRI of an article; also the name of the graph holding what it states."""
    return ARTICLE[quote(article_id, safe="")]


def evidence_iri(digest: str) -> URIRef:
    return EVIDENCE[digest]
