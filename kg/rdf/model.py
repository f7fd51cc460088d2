"""From an article's extraction to the triples of its named graph.

The shape (one named graph per article, named by the article's IRI):

    <entity/Q7747> a kg:Person ; rdfs:label "Vladimir Putin"@en ;
        skos:altLabel "Presiden Putin"@id ; owl:sameAs wd:Q7747 .
    <entity/Q7747> kg:blames <entity/group/...> .              # the plain fact
    <evidence/ab12...> a kg:Evidence ;                          # and why we believe it
        rdf:subject <entity/Q7747> ; rdf:predicate kg:blames ; rdf:object <...> ;
        kg:article <article/seed-...> ; kg:sentence "..."@id ;
        kg:start 10 ; kg:end 250 ; kg:confidence 0.8 ; kg:rule "verb-active" .
        kg:statedOn "2022-01-10"^^xsd:date .                     # the article's date
    <article/seed-...> a kg:Article ; kg:articleId "seed-..." ; schema:datePublished ... ;
        kg:extractor "kg 0.1.0" ; kg:extractedAt "...T...Z"^^xsd:dateTime ; kg:contentHash "..." .

Simple questions ask the plain triples over the union of graphs; provenance
questions join through kg:Evidence. Everything is derived from stable keys, so
the same article always gives the same graph (no blank nodes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg import __version__
from kg.model import Article, Entity, Extraction, Relation
from kg.rdf.namespace import KG, PREFIXES, SCHEMA, WD, article_iri, entity_iri, evidence_iri

__all__ = ["extraction_graph", "content_hash", "stamp", "graph_name", "predicate_iri", "type_iri", "bind_prefixes"]

_DATE_LENGTH = 10  # "2022-01-10"


def graph_name(article_id: str) -> URIRef:
    return article_iri(article_id)


def predicate_iri(predicate: str) -> URIRef:
    return URIRef(getattr(KG, predicate))


def type_iri(type_: str) -> URIRef:
    return URIRef(getattr(KG, type_))


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def extraction_graph(extraction: Extraction) -> Graph:
    """The article's named-graph content as an rdflib Graph."""
    graph = bind_prefixes(Graph(identifier=graph_name(extraction.article.id)))
    for triple in _article_triples(extraction):
        graph.add(triple)
    lang = extraction.article.lang
    for entity in extraction.entities:
        for triple in _entity_triples(entity, lang):
            graph.add(triple)
    for relation in extraction.relations:
        for triple in _relation_triples(relation, extraction.article, lang):
            graph.add(triple)
    return graph


def content_hash(graph: Graph) -> str:
    """A digest of what a graph states, independent of triple order.

    Stored on the article (kg:contentHash) so a rebuild can tell an unchanged
    article from a changed one without reading its old graph back.
    """
    lines = sorted(line for line in graph.serialize(format="nt").splitlines() if line.strip())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def stamp(graph: Graph, digest: str, extracted_at: datetime) -> Graph:
    """Record when and from which content the article's graph was written."""
    article = URIRef(str(graph.identifier))
    graph.add((article, KG.contentHash, Literal(digest)))
    graph.add((article, KG.extractedAt, Literal(extracted_at.replace(microsecond=0), datatype=XSD.dateTime)))
    return graph


def _article_triples(extraction: Extraction) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    a = extraction.article
    iri = article_iri(a.id)
    yield iri, RDF.type, KG.Article
    yield iri, KG.articleId, Literal(a.id)
    yield iri, SKOS.prefLabel, Literal(a.id)
    if a.title:
        yield iri, SCHEMA.headline, Literal(a.title, lang=a.lang)
    if a.date:
        yield iri, SCHEMA.datePublished, _date(a.date)
    if a.url:
        yield iri, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)
    if a.source:
        yield iri, SCHEMA.publisher, Literal(a.source)
    if a.lang:
        yield iri, SCHEMA.inLanguage, Literal(a.lang)
    yield iri, KG.extractor, Literal(f"kg {__version__}")


def _entity_triples(entity: Entity, lang: str | None) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    iri = entity_iri(entity.key)
    yield iri, RDF.type, type_iri(entity.type)
    yield iri, SKOS.prefLabel, Literal(entity.label)
    if entity.labels:
        for label_lang, label in entity.labels:
            yield iri, RDFS.label, Literal(label, lang=label_lang)
    else:
        yield iri, RDFS.label, Literal(entity.label, lang=lang)
    preferred = {label for _, label in entity.labels} | {entity.label}
    for mention in entity.mentions:
        if mention not in preferred:
            yield iri, SKOS.altLabel, Literal(mention, lang=lang)
    if entity.wikidata:
        yield iri, OWL.sameAs, WD[entity.wikidata]
        yield iri, KG.wikidata, Literal(entity.wikidata)


def _relation_triples(relation: Relation, article: Article,
                      lang: str | None) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    article_id = article.id
    subject = article_iri(article_id) if relation.predicate == "cites" else entity_iri(relation.subject.key)
    obj = entity_iri(relation.object.key)
    predicate = predicate_iri(relation.predicate)
    yield subject, predicate, obj
    evidence = evidence_iri(_digest(article_id, str(subject), relation.predicate, str(obj), relation.start))
    yield evidence, RDF.type, KG.Evidence
    yield evidence, RDF.subject, subject
    yield evidence, RDF.predicate, predicate
    yield evidence, RDF.object, obj
    yield evidence, KG.article, article_iri(article_id)
    yield evidence, KG.sentence, Literal(relation.sentence, lang=lang)
    yield evidence, KG.start, Literal(relation.start)
    yield evidence, KG.end, Literal(relation.end)
    yield evidence, KG.confidence, Literal(f"{relation.confidence:.2f}", datatype=XSD.decimal)
    yield evidence, KG.rule, Literal(relation.rule)
    yield evidence, KG.modality, Literal(relation.modality)
    if article.date:
        yield evidence, KG.statedOn, _date(article.date)  # "who led Y according to articles of 2022"


def _date(value: str) -> Literal:
    if len(value) == _DATE_LENGTH and value[4] == "-" and value[7] == "-":
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
