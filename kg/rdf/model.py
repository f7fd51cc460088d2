"""From an article's extraction to the triples of its named graph and of the entity graph.

The shape: an entity is described once, in the entity graph (graph/entities), and
each article's named graph (named by the article's IRI) holds only what that
article states:

    GRAPH graph:entities {                                      # every entity once
        <entity/Q7747> a kg:Person ; skos:prefLabel "Vladimir Putin" ;
            rdfs:label "Vladimir Putin"@en ; owl:sameAs wd:Q7747 ; kg:wikidata "Q7747" ;
            skos:altLabel "Presiden Putin"@id .                 # every surface form an article gave
    }
    GRAPH article:seed-... {                                    # what the article states
        <entity/Q7747> kg:mentionedAs "Vladimir Putin" ;        # it names the entity, with this label
            skos:altLabel "Presiden Putin"@id .                 # and in these words
        <entity/Q7747> kg:blames <entity/group/...> .           # the plain fact
        <evidence/ab12...> a kg:Evidence ;                      # and why we believe it
            rdf:subject <entity/Q7747> ; rdf:predicate kg:blames ; rdf:object <...> ;
            kg:article <article/seed-...> ; kg:sentence "..."@id ;
            kg:start 10 ; kg:end 250 ; kg:confidence 0.8 ; kg:rule "verb-active" ;
            kg:statedOn "2022-01-10"^^xsd:date .                # the article's date
        <article/seed-...> a kg:Article ; kg:articleId "seed-..." ; schema:datePublished ... ;
            kg:extractor "kg 0.1.0" ; kg:extractedAt "...T...Z"^^xsd:dateTime ; kg:contentHash "..." .
    }

An entity's type, language labels and Wikidata id follow from its key (the
gazetteer's entry, or the type in a key like "group/rakyat"), so any article gives
the same; its preferred label is the smallest `kg:mentionedAs` of the articles
(they may differ in case), and its aliases are all the articles' `skos:altLabel`s.
That makes the entity graph a function of the article graphs, which is what keeps
rebuilds and removals exact (kg/rdf/entities.py). Read paths join labels in one
graph, so no question's cost grows with how many articles name an actor.

Everything is derived from stable keys, so the same article always gives the same
graph (no blank nodes).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg import __version__
from kg.model import Article, Entity, Extraction, Relation
from kg.rdf.namespace import KG, PREFIXES, SCHEMA, WD, article_iri, entity_iri, evidence_iri

__all__ = ["ArticleWrite", "article_write", "extraction_graph", "entity_graph", "input_hash", "graph_name",
           "predicate_iri", "type_iri", "bind_prefixes"]

_DATE_LENGTH = 10  # "2022-01-10"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_TYPE = ox.NamedNode(_RDF + "type")
_PREF_LABEL = ox.NamedNode(_SKOS + "prefLabel")
_ALT_LABEL = ox.NamedNode(_SKOS + "altLabel")
_LABEL = ox.NamedNode(_RDFS + "label")
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_INTEGER = ox.NamedNode(_XSD + "integer")
_DECIMAL = ox.NamedNode(_XSD + "decimal")

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


@dataclass(frozen=True, slots=True)
class ArticleWrite:
    """One extracted article, ready for the store: small, picklable, made in a worker process.

    `graph` is the article's named graph and `descriptions` its entities' lines for
    the entity graph (no preferred label: the store derives it from every article's
    `kg:mentionedAs`), both as N-Triples.
    """

    name: str
    digest: str
    graph: bytes
    descriptions: bytes
    entities: tuple[str, ...]
    labels: tuple[tuple[str, str], ...] = ()  # (entity, the label this article gives it)


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


def input_hash(article: Article, extractor: str) -> str:
    """A digest of everything an article's graph is made from: its record and the extractor.

    Stored on the article (kg:contentHash), so a rebuild tells an unchanged article
    from a changed one before extracting it; `extractor` (kg.resources.extractor_fingerprint)
    changes with kg's code and data files, so a new rule re-extracts everything.
    """
    record = [article.id, article.text, article.lang, article.title, article.date, article.url, article.source]
    return hashlib.sha256((extractor + json.dumps(record, ensure_ascii=False)).encode("utf-8")).hexdigest()


def article_write(extraction: Extraction, digest: str, extracted_at: datetime) -> ArticleWrite:
    """The article's graph, stamped with `digest` and the extraction time, and its entities' descriptions."""
    iri = ox.NamedNode(str(article_iri(extraction.article.id)))
    stamp = [(iri, _kg("contentHash"), ox.Literal(digest)),
             (iri, _kg("extractedAt"), ox.Literal(extracted_at.replace(microsecond=0).isoformat(),
                                                  datatype=ox.NamedNode(_XSD + "dateTime")))]
    lang = extraction.article.lang
    descriptions = [t for entity in extraction.entities for t in _description(entity)]
    return ArticleWrite(name=iri.value, digest=digest,
                        graph=_ntriples([*_article_graph(extraction), *stamp]),
                        descriptions=_ntriples(descriptions + [t for e in extraction.entities for t in _aliases(e, lang)]),
                        entities=tuple(sorted({_entity(e.key).value for e in extraction.entities})),
                        labels=tuple(sorted({(_entity(e.key).value, e.label) for e in extraction.entities})))


def extraction_graph(extraction: Extraction) -> Graph:
    """The article's named-graph content as an rdflib Graph (unstamped)."""
    graph = bind_prefixes(Graph(identifier=graph_name(extraction.article.id)))
    for triple in _article_graph(extraction):
        graph.add(_rdflib(triple))
    return graph


def entity_graph(extraction: Extraction) -> Graph:
    """What the entity graph says of the article's entities, were it the only article."""
    graph = bind_prefixes(Graph())
    lang = extraction.article.lang
    for entity in extraction.entities:
        iri = _entity(entity.key)
        for triple in [*_description(entity), *_aliases(entity, lang), (iri, _PREF_LABEL, ox.Literal(entity.label))]:
            graph.add(_rdflib(triple))
    return graph


def _article_graph(extraction: Extraction) -> Iterator[Triple]:
    yield from _article_triples(extraction)
    lang = extraction.article.lang
    for entity in extraction.entities:
        yield _entity(entity.key), _kg("mentionedAs"), ox.Literal(entity.label)
        yield from _aliases(entity, lang)
    for relation in extraction.relations:
        yield from _relation_triples(relation, extraction.article, lang)


def _article_triples(extraction: Extraction) -> Iterator[Triple]:
    a = extraction.article
    iri = ox.NamedNode(str(article_iri(a.id)))
    yield iri, _TYPE, _kg("Article")
    yield iri, _kg("articleId"), ox.Literal(a.id)
    yield iri, _PREF_LABEL, ox.Literal(a.id)
    if a.title:
        yield iri, ox.NamedNode(str(SCHEMA.headline)), _text(a.title, a.lang)
    if a.date:
        yield iri, ox.NamedNode(str(SCHEMA.datePublished)), _date(a.date)
    if a.url:
        yield iri, ox.NamedNode(str(SCHEMA.url)), ox.Literal(a.url, datatype=ox.NamedNode(_XSD + "anyURI"))
    if a.source:
        yield iri, ox.NamedNode(str(SCHEMA.publisher)), ox.Literal(a.source)
    if a.lang:
        yield iri, ox.NamedNode(str(SCHEMA.inLanguage)), ox.Literal(a.lang)
    yield iri, _kg("extractor"), ox.Literal(f"kg {__version__}")


def _description(entity: Entity) -> Iterator[Triple]:
    """What follows from the entity's key alone, so every article that names it gives the same."""
    iri = _entity(entity.key)
    yield iri, _TYPE, _kg(entity.type)
    for label_lang, label in entity.labels:
        yield iri, _LABEL, _text(label, label_lang)
    if entity.wikidata:
        yield iri, _SAME_AS, ox.NamedNode(str(WD[entity.wikidata]))
        yield iri, _kg("wikidata"), ox.Literal(entity.wikidata)


def _aliases(entity: Entity, lang: str | None) -> Iterator[Triple]:
    """The surface forms this article gave, other than the entity's preferred labels."""
    iri = _entity(entity.key)
    preferred = {label for _, label in entity.labels} | {entity.label}
    for mention in entity.mentions:
        if mention not in preferred:
            yield iri, _ALT_LABEL, _text(mention, lang)


def _relation_triples(relation: Relation, article: Article, lang: str | None) -> Iterator[Triple]:
    article_id = article.id
    s = ox.NamedNode(str(article_iri(article_id))) if relation.predicate == "cites" else _entity(relation.subject.key)
    o = _entity(relation.object.key)
    subject, obj = s.value, o.value
    predicate = _kg(relation.predicate)
    yield s, predicate, o
    evidence = ox.NamedNode(str(evidence_iri(_digest(article_id, subject, relation.predicate, obj, relation.start))))
    yield evidence, _TYPE, _kg("Evidence")
    yield evidence, ox.NamedNode(_RDF + "subject"), s
    yield evidence, ox.NamedNode(_RDF + "predicate"), predicate
    yield evidence, ox.NamedNode(_RDF + "object"), o
    yield evidence, _kg("article"), ox.NamedNode(str(article_iri(article_id)))
    yield evidence, _kg("sentence"), _text(relation.sentence, lang)
    yield evidence, _kg("start"), ox.Literal(str(relation.start), datatype=_INTEGER)
    yield evidence, _kg("end"), ox.Literal(str(relation.end), datatype=_INTEGER)
    yield evidence, _kg("confidence"), ox.Literal(f"{relation.confidence:.2f}", datatype=_DECIMAL)
    yield evidence, _kg("rule"), ox.Literal(relation.rule)
    yield evidence, _kg("modality"), ox.Literal(relation.modality)
    if article.date:
        yield evidence, _kg("statedOn"), _date(article.date)  # "who led Y according to articles of 2022"


@lru_cache(maxsize=1 << 16)
def _entity(key: str) -> ox.NamedNode:
    """An entity's IRI as a node; cached, as the same actors recur in article after article (a
    worker spent a third of its graph-writing time quoting keys and building IRIs)."""
    return ox.NamedNode(str(entity_iri(key)))


@lru_cache(maxsize=None)
def _kg(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(getattr(KG, term)))  # KG is closed: a misspelt term fails here


def _text(value: str, lang: str | None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def _date(value: str) -> ox.Literal:
    if len(value) == _DATE_LENGTH and value[4] == "-" and value[7] == "-":
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))
    return ox.Literal(value)


def _ntriples(triples: Iterable[Triple]) -> bytes:
    return ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.N_TRIPLES) or b""


def _rdflib(triple: Triple) -> tuple[URIRef, URIRef, URIRef | Literal]:
    s, p, o = triple
    if isinstance(o, ox.NamedNode):
        return URIRef(s.value), URIRef(p.value), URIRef(o.value)
    if o.language:
        return URIRef(s.value), URIRef(p.value), Literal(o.value, lang=o.language)
    datatype = None if o.datatype.value == _XSD + "string" else URIRef(o.datatype.value)
    return URIRef(s.value), URIRef(p.value), Literal(o.value, datatype=datatype)


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
