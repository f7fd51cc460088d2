"""The JSON Lines records of docs/interchange.md: relations and entities out."""

from __future__ import annotations

from typing import Any

from kg.model import Entity, Extraction, Relation
from kg.rdf.namespace import article_iri, entity_iri

__all__ = ["relation_record", "entity_record", "entity_records", "label_for"]


def label_for(entity: Entity, lang: str | None) -> str:
    """The label a record shows: an entity with a Wikidata id is known by its English label everywhere;
    one without is known by its names, so by the one the article's own language gives it ("Partai
    Gerindra" in an Indonesian article). Its `*_id` IRI, not the label, is its identity."""
    if entity.wikidata or not lang:
        return entity.label
    return next((label for language, label in entity.labels if language == lang), entity.label)


def relation_record(extraction: Extraction, relation: Relation) -> dict[str, Any]:
    """One line of `kg extract --format jsonl`."""
    doc_id = extraction.article.id
    is_cite = relation.predicate == "cites"
    record: dict[str, Any] = {
        "doc_id": doc_id,
        "subject": doc_id if is_cite else label_for(relation.subject, extraction.article.lang),
        "subject_type": "Article" if is_cite else relation.subject.type,
        "predicate": relation.predicate,
        "object": label_for(relation.object, extraction.article.lang),
        "object_type": relation.object.type,
        "sentence": relation.sentence,
        "confidence": round(relation.confidence, 2),
        "subject_id": str(article_iri(doc_id) if is_cite else entity_iri(relation.subject.key)),
        "object_id": str(entity_iri(relation.object.key)),
        "start": relation.start,
        "end": relation.end,
        "rule": relation.rule,
        "modality": relation.modality,
    }
    if relation.subject.wikidata and not is_cite:
        record["subject_wikidata"] = relation.subject.wikidata
    if relation.object.wikidata:
        record["object_wikidata"] = relation.object.wikidata
    return record


def entity_records(extraction: Extraction) -> list[dict[str, Any]]:
    """The lines of `kg extract --entities` for one article: the entities it names. A state a
    capital stood for ("Washington accused ...") or a person named only by office ("the
    Belarusian dictator") is a node of the graph but no name the article wrote."""
    return [entity_record(extraction, e) for e in extraction.entities if e.mentions]


def entity_record(extraction: Extraction, entity: Entity) -> dict[str, Any]:
    """One line of `kg extract --format jsonl --entities`."""
    record: dict[str, Any] = {
        "doc_id": extraction.article.id,
        "label": label_for(entity, extraction.article.lang),
        "type": entity.type,
        "mentions": list(entity.mentions),
        "id": str(entity_iri(entity.key)),
    }
    if entity.wikidata:
        record["wikidata"] = entity.wikidata
    return record
