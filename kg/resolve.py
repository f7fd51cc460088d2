"""Resolution: from the mentions of one article to its entities and relations.

- a gazetteer match is its entry (Wikidata id, English preferred label), so the
  same actor is one node in every article;
- a short name is the longest name of the article that ends with it
  ("Putin" -> "Vladimir Putin", "Presiden Tokayev" -> "Kassym-Jomart Tokayev");
- a description is the name it was last written beside ("aliansi militer CSTO
  ... pasukan aliansi" -> CSTO);
- a person pronoun or -nya clitic is the last person named before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, rule_confidences
from kg.model import Article, Entity, Relation
from kg.nlp.relations import Arg, RawRelation

__all__ = ["resolve", "entity_key", "slug"]

_DESCRIPTION_REACH = 3  # tokens between a description and the name it describes


def resolve(article: Article, doc: Doc, raw: Iterable[RawRelation], gazetteer: Gazetteer,
            lexicon: Lexicon) -> tuple[tuple[Entity, ...], tuple[Relation, ...]]:
    """Entities of the article (in order of first mention) and its resolved relations."""
    table = _EntityTable(article, gazetteer)
    for ent in doc.ents:
        table.add(ent)
    table.merge_short_names()
    descriptions = _descriptions(doc, lexicon)
    confidences = rule_confidences()
    article_entity = Entity(key=article.id, label=article.id, type="Article")
    relations: dict[tuple[str, str, str, int], Relation] = {}
    for item in raw:
        if item.predicate == "cites":
            subject: Entity | None = article_entity
        else:
            subject = table.entity_for(item.subject, doc, descriptions)
        obj = table.entity_for(item.object, doc, descriptions)
        if subject is None or obj is None or subject.key == obj.key:
            continue
        text, start, end = _sentence_text(item.sentence)
        key = (subject.key, item.predicate, obj.key, start)
        if key not in relations:
            relations[key] = Relation(
                subject=subject, predicate=item.predicate, object=obj,
                sentence=text, start=start, end=end,
                confidence=confidences.get(item.rule, 0.5), rule=item.rule, modality=item.modality,
            )
    return table.entities(), tuple(relations.values())


def _sentence_text(sentence: Span) -> tuple[str, int, int]:
    """The sentence without the paragraph breaks spaCy attaches to it, with matching offsets."""
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sentence.start_char + lead
    return stripped, start, start + len(stripped)


def entity_key(type_: str, label: str, wikidata: str | None = None) -> str:
    """The stable identity of an entity: its Q-id, else its type and normalised label."""
    return wikidata or f"{type_.lower()}/{slug(label)}"


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


@dataclass
class _Record:
    key: str
    label: str
    type: str
    wikidata: str | None
    labels: tuple[tuple[str, str], ...]
    mentions: list[str] = field(default_factory=list)
    first: int = 0


class _EntityTable:
    """The entities of one article, keyed by identity, with a map from spans to them."""

    def __init__(self, article: Article, gazetteer: Gazetteer):
        self._gazetteer = gazetteer
        self._lang = article.lang or "en"
        self._records: dict[str, _Record] = {}
        self._by_span: dict[tuple[int, int], str] = {}
        self._alias: dict[str, str] = {}  # merged key -> surviving key

    def add(self, ent: Span) -> None:
        text = _clean_surface(ent.text)
        entry = self._gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is not None:
            key = entity_key(entry.type, entry.label_in("en"), entry.wikidata)
            record = self._records.get(key) or _Record(key, entry.label_in("en"), entry.type, entry.wikidata,
                                                       entry.label, first=ent.start)
        else:
            label = text if ent.label_ != "Group" else text.lower()
            key = entity_key(ent.label_, label)
            record = self._records.get(key) or _Record(key, label, ent.label_, None, (), first=ent.start)
        if text not in record.mentions:
            record.mentions.append(text)
        self._records[key] = record
        self._by_span[(ent.start, ent.end)] = key

    def merge_short_names(self) -> None:
        """Fold "Tokayev" into "Kassym-Jomart Tokayev" when the article names both."""
        people = [r for r in self._records.values() if r.type == "Person"]
        for short in people:
            words = short.label.split()
            for long in people:
                if long is short or long.key in self._alias or len(long.label.split()) <= len(words):
                    continue
                if long.label.split()[-len(words):] == words:
                    self._alias[short.key] = long.key
                    long.mentions.extend(m for m in short.mentions if m not in long.mentions)
                    long.first = min(long.first, short.first)
                    break
        for key in self._alias:
            self._records.pop(key, None)

    def entity_at(self, start: int, end: int) -> Entity | None:
        key = self._by_span.get((start, end))
        if key is None:
            return None
        return self._entity(self._alias.get(key, key))

    def entity_for(self, arg: Arg, doc: Doc, descriptions: dict[int, tuple[int, int]]) -> Entity | None:
        if arg.kind == "name":
            return self.entity_at(arg.start, arg.end)
        if arg.kind == "description":
            target = descriptions.get(arg.start)
            return self.entity_at(*target) if target else None
        return self._last_person_before(arg.start, doc)

    def _last_person_before(self, index: int, doc: Doc) -> Entity | None:
        people = [e for e in doc.ents if e.end <= index and e.label_ == "Person"]
        return self.entity_at(people[-1].start, people[-1].end) if people else None

    def _entity(self, key: str) -> Entity:
        r = self._records[key]
        return Entity(key=r.key, label=r.label, type=r.type, mentions=tuple(r.mentions),
                      wikidata=r.wikidata, labels=r.labels)

    def entities(self) -> tuple[Entity, ...]:
        ordered = sorted(self._records.values(), key=lambda r: r.first)
        return tuple(self._entity(r.key) for r in ordered)


def _descriptions(doc: Doc, lexicon: Lexicon) -> dict[int, tuple[int, int]]:
    """Map each bare description token to the span of the name it last described."""
    latest: dict[str, tuple[int, int]] = {}
    out: dict[int, tuple[int, int]] = {}
    ent_starts = {e.start: e for e in doc.ents}
    for token in doc:
        noun = token.lower_
        if noun not in lexicon.descriptors or token.ent_type_:
            continue
        described = next((ent_starts[j] for j in range(token.i + 1, min(token.i + _DESCRIPTION_REACH, len(doc)))
                          if j in ent_starts), None)
        if described is not None and described.label_ == lexicon.descriptors[noun]:
            latest[noun] = (described.start, described.end)
        elif noun in latest:
            out[token.i] = latest[noun]
    return out


def _clean_surface(text: str) -> str:
    return " ".join(text.split())
