"""The records that flow through the pipeline, from article to relation.

They are frozen dataclasses so that a stage can hand them on without fearing that
the next one edits them in place; each stage builds new records instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ENTITY_TYPES",
    "PREDICATES",
    "SYMMETRIC_PREDICATES",
    "STATE_OBJECT_PREDICATES",
    "Article",
    "Entity",
    "Relation",
    "Extraction",
]

#: Entity types of shared/spec/relations.md; "Article" is the subject of `cites`.
ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Country", "Place", "Group", "Event")

#: Predicate names of shared/spec/relations.md, in the order the spec lists them.
PREDICATES: tuple[str, ...] = (
    "blames", "condemns", "praises", "threatens", "supports", "opposes", "meetsWith",
    "visits", "cooperatesWith", "aids", "deploysTo", "withdrawsFrom", "attacks",
    "sanctions", "detains", "protestsAgainst", "succeeded", "leads", "memberOf",
    "allyOf", "cites",
)

SYMMETRIC_PREDICATES: frozenset[str] = frozenset({"meetsWith", "cooperatesWith", "allyOf"})
#: where a capital named as the one acted on stands for its state ("sanctions on Moscow", "talks with
#: Beijing"); elsewhere it stays the city (attacked, visited, deployed to, led as a city)
STATE_OBJECT_PREDICATES: frozenset[str] = frozenset({
    "blames", "condemns", "praises", "threatens", "supports", "opposes", "meetsWith", "cooperatesWith", "aids",
    "sanctions", "allyOf", "protestsAgainst"})


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a corpus; `origin` says where, for messages."""

    id: str
    text: str
    lang: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved entity of one article: one node, whatever the surface forms.

    `key` is the stable identity used for the IRI: the Wikidata Q-id where the
    gazetteer links one, else a normalised key of type and label, so that the same
    actor gets the same node in every article and on every machine.
    """

    key: str
    label: str
    type: str
    mentions: tuple[str, ...] = ()
    wikidata: str | None = None
    labels: tuple[tuple[str, str], ...] = ()  # (language, label) pairs, preferred labels


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, directed relation between two entities, with its evidence.

    `start`/`end` are character offsets of the sentence in the article text;
    `modality` is "asserted" or "planned" (future or intended statements).
    For `cites` the subject is the article itself and `subject` holds its id.
    """

    subject: Entity
    predicate: str
    object: Entity
    sentence: str
    start: int
    end: int
    confidence: float
    rule: str
    modality: str = "asserted"


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    relations: tuple[Relation, ...] = field(default_factory=tuple)
