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
from bisect import bisect_left, bisect_right
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.descriptions import described_names
from kg.lexicon import Lexicon, rule_confidences
from kg.model import STATE_OBJECT_PREDICATES, Article, Entity, Relation
from kg.nlp.names import ARMED_FORCES, ETHNIC_GROUP, PEOPLE_OF
from kg.nlp.offices import BARE, OWN_COUNTRY, leader_title_words
from kg.nlp.records import Arg, RawRelation
from kg.nlp.titles import Titles

__all__ = ["resolve", "entity_key", "slug"]

_TITLE_REACH = 4  # tokens a leader's title may open before the person or what they lead
_OPENING_REACH = 3  # tokens a sentence may open with before its subject pronoun: "Then he", "Dia kemudian"


def resolve(article: Article, doc: Doc, raw: Iterable[RawRelation], gazetteer: Gazetteer,
            lexicon: Lexicon) -> tuple[tuple[Entity, ...], tuple[Relation, ...]]:
    """Entities of the article (in order of first mention) and its resolved relations."""
    table = _EntityTable(article, gazetteer, lexicon.group_words, lexicon.words.get("name_suffixes", frozenset()))
    ents = list(doc.ents)  # doc.ents rebuilds its spans on every access
    for ent in ents:
        table.add(ent)
    table.merge_short_names()
    descriptions = described_names(doc, ents, lexicon)
    confidences = rule_confidences()
    raw = list(raw)
    table.leaders = _title_leaders(raw, table)
    if article.lang == "id":
        table.pointing = lexicon.words.get("demonstratives", frozenset())
    table.pointing_before = lexicon.words.get("pointing_determiners", frozenset())
    table.person_pronouns = lexicon.words.get("person_pronouns", frozenset())
    table.counterparts = lexicon.words.get("counterpart_nouns", frozenset())
    table.bare_titles = lambda: _titled_people(doc, ents, table, lexicon)
    article_entity = Entity(key=article.id, label=article.id, type="Article")
    relations: dict[tuple[str, str, str, int], Relation] = {}
    doc_text = article.text  # the doc's text exactly (doc.text would rebuild it from every token)
    objects_of: dict[tuple[str, str], Entity] = {}  # (subject key, predicate) -> its first object in the article
    deferred: list[tuple[RawRelation, Entity]] = []  # relations whose object the article states elsewhere
    for item in raw:
        if item.predicate == "cites":
            subject: Entity | None = article_entity
        else:
            subject = table.entity_for(item.subject, doc, descriptions)
        if item.object.kind == "context":
            if subject is not None:
                deferred.append((item, subject))
            continue
        obj = table.entity_for(item.object, doc, descriptions)
        if subject is not None and item.predicate != "cites":  # "Washington accuses ...": the state acts
            subject = table.state_of(subject)
        if obj is not None and item.predicate in STATE_OBJECT_PREDICATES:
            obj = table.state_of(obj)
        if subject is not None and obj is not None and subject.key == obj.key:
            subject, obj = table.disjoint(item, subject, obj)
        if subject is None or obj is None or subject.key == obj.key:
            continue
        if item.rule == "epithet-leads" and not subject.mentions:
            continue  # "Presiden AS itu" with no one named before: the title alone says nothing new
        if item.rule == "counterpart-leads" and not table.titled_leader_before(item.object.start, doc):
            continue  # "Wang Yi met his Russian counterpart Sergei Lavrov": a minister's counterpart leads nothing
        objects_of.setdefault((subject.key, item.predicate), obj)
        _add(relations, item, subject, obj, doc_text, confidences)
    for item, subject in deferred:  # "kontingen CSTO akan ditarik": from where the article deployed it
        obj = objects_of.get((subject.key, item.object.context or ""))
        if obj is not None and obj.key != subject.key:
            _add(relations, item, subject, obj, doc_text, confidences)
    return table.entities(), tuple(relations.values())


def _add(relations: dict[tuple[str, str, str, int], Relation], item: RawRelation, subject: Entity, obj: Entity,
         doc_text: str, confidences: dict[str, float]) -> None:
    text, start, end = _sentence_text(doc_text, item.sentence)
    key = (subject.key, item.predicate, obj.key, start)
    if key not in relations:
        relations[key] = Relation(
            subject=subject, predicate=item.predicate, object=obj,
            sentence=text, start=start, end=end,
            confidence=confidences.get(item.rule, 0.5), rule=item.rule, modality=item.modality,
        )


def _title_leaders(raw: list[RawRelation], table: _EntityTable) -> dict[str, Entity]:
    """Who the article names with a leader title: "Presiden Suriah Bashar al-Assad"."""
    leaders: dict[str, Entity] = {}
    for item in raw:
        if item.predicate == "leads" and item.rule in ("title-leads", "apposition-leads"):
            person = table.entity_at(item.subject.start, item.subject.end)
            state = table.entity_at(item.object.start, item.object.end)
            if person is not None and state is not None:
                leaders.setdefault(state.key, person)
    return leaders


Titled = dict[tuple[str, ...], list[tuple[int, int, str]]]  # title words -> (sentence start, token, person key)


def _titled_people(doc: Doc, ents: list[Span], table: _EntityTable, lexicon: Lexicon) -> Titled:
    """Who the article gives which leader title, for the bare titles that stand for them:
    "Presiden Peru Dina Boluarte", "President Joe Biden", "Dina Boluarte, Presiden Peru"."""
    titles = Titles(lexicon.titles)
    words = lexicon.words
    former = words.get("former_markers", frozenset())
    skippable = words.get("title_qualifiers", frozenset()) | words.get("possessive_markers", frozenset())
    lower = [t.lower_ for t in doc]
    titled: Titled = {}
    for ent in ents:
        if ent.label_ != "Person" or (person := table.entity_at(ent.start, ent.end)) is None:
            continue
        title: tuple[str, ...] | None = None
        before = _leader_title_before(lower, titles, doc, ent.start, skippable)
        if before is not None:
            title, opens = before
            if opens > 0 and lower[opens - 1] in former:
                title = None  # "Former US President X" no longer holds the title
        elif ent.end + 1 < len(doc) and lower[ent.end] == ",":  # "Dina Boluarte, Presiden Peru"
            title = leader_title_words(lower, titles, ent.end + 1, min(len(doc), ent.end + 1 + titles.longest))
        if title:
            titled.setdefault(title, []).append((ent.sent.start, ent.start, person.key))
    return titled


def _holder(titled: list[tuple[int, int, str]], at: int) -> str | None:
    """Who a bare title at token `at` stands for: the person last given that title before it,
    unless the sentence that did so titled two people alike ("President Biden met President
    Xi"); with no one titled before, the one person titled so after. `titled` is in text order."""
    last = bisect_left(titled, at, key=lambda t: t[1]) - 1
    if last < 0:
        people = {key for _, _, key in titled}
        return next(iter(people)) if len(people) == 1 else None
    sentence, _, key = titled[last]
    k = last
    while k >= 0 and titled[k][0] == sentence:  # the others titled so in that sentence
        if titled[k][2] != key:
            return None
        k -= 1
    k = last + 1
    while k < len(titled) and titled[k][0] == sentence:
        if titled[k][2] != key:
            return None
        k += 1
    return key


def _leader_title_before(lower: list[str], titles: Titles, doc: Doc, end: int,
                         skippable: frozenset[str]) -> tuple[tuple[str, ...], int] | None:
    """The leader title before a person, past a country or body and qualifiers between them,
    with where its phrase opens."""
    j = end
    for _ in range(_TITLE_REACH):
        found = titles.ending_at(lower, j, 0)
        if found is not None:
            if found[0] != "leader":
                return None
            opens = found[1]
            while opens > 0 and (doc[opens - 1].ent_type_ in ("Country", "Organization") or lower[opens - 1] in skippable):
                opens -= 1
            return tuple(lower[found[1]:j]), opens
        if j == 0 or not (doc[j - 1].ent_type_ in ("Country", "Organization") or lower[j - 1] in skippable):
            return None
        j -= 1
    return None


def _sentence_text(doc_text: str, sentence: Span) -> tuple[str, int, int]:
    """The sentence without the paragraph breaks spaCy attaches to it, with matching offsets."""
    text = doc_text[sentence.start_char:sentence.end_char]
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sentence.start_char + lead
    return stripped, start, start + len(stripped)


def entity_key(type_: str, label: str, wikidata: str | None = None) -> str:
    """The stable identity of an entity: its Q-id, else its type and normalised label."""
    return wikidata or f"{type_.lower()}/{slug(label)}"


@lru_cache(maxsize=1 << 16)  # names recur from article to article
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

    def __init__(self, article: Article, gazetteer: Gazetteer, group_words: frozenset[str],
                 name_suffixes: frozenset[str] = frozenset()):
        self._gazetteer = gazetteer
        self.group_words = group_words
        self.name_suffixes = name_suffixes  # "jr.", "iii": no part of the surname
        self._lang = article.lang or "en"
        self._text = article.text  # the doc's text; slicing it is cheaper than Span.text
        self._records: dict[str, _Record] = {}
        self._by_span: dict[tuple[int, int], str] = {}
        self._alias: dict[str, str] = {}  # merged key -> surviving key
        self._people: list[tuple[int, int]] = []  # the spans of person names, in text order
        self._people_ends: list[int] = []
        self._people_starts: list[int] = []
        self.leaders: dict[str, Entity] = {}  # state key -> the person the article titles its leader
        self.person_pronouns: frozenset[str] = frozenset()  # "he", "dia": a sentence's opening one is its subject
        self._pronouns: dict[int, Entity | None] = {}  # a pronoun's token -> whom it stands for
        self.pointing: frozenset[str] = frozenset()  # "itu", "tersebut": a title pointed back at someone named
        self.pointing_before: frozenset[str] = frozenset()  # "the": "the French president" was named before
        self.counterparts: frozenset[str] = frozenset()  # "his Rwandan counterpart": someone the article names
        # a leader title's words -> who the article titles so; read only when a bare title needs it
        self.bare_titles: Callable[[], Titled] = dict
        self._titled: Titled | None = None
        self._countries: dict[str, Entity | None] = {}  # person key -> the state they speak for
        self._built: dict[str, Entity] = {}  # entities made since the records last changed
        self._capital_of: dict[str, str] = {}  # a capital's entity key -> the gazetteer key of whom it acts for

    def add(self, ent: Span) -> None:
        """Add the next name of the doc, in text order."""
        self._built.clear()
        text = _clean_surface(self._text[ent.start_char:ent.end_char])
        kind, ent_id = ent.label_, ent.ent_id_
        if kind == "Person":
            self._people.append((ent.start, ent.end))
            self._people_ends.append(ent.end)
            self._people_starts.append(ent.start)
        entry = self._gazetteer.get(ent_id) if ent_id else None
        if entry is not None:
            record = self._entry_record(entry, ent.start)
            key = record.key
        else:
            label = _group_label(ent, self.group_words) if kind == "Group" else _unquoted(ent, text)
            key = entity_key(kind, label)
            if ent_id.startswith(ARMED_FORCES):  # "Azerbaijani army", "the Azerbaijani military": one node
                key = f"organization/{ent_id.removeprefix(ARMED_FORCES)}-armed-forces"
            elif ent_id.startswith(ETHNIC_GROUP):  # "pasukan etnis Armenia", later "pasukan Armenia"
                key = f"group/{slug(ent_id.removeprefix(ETHNIC_GROUP))}"
            elif ent_id.startswith(PEOPLE_OF):  # "delegasi Bangkok": the group, and Bangkok named in it
                inner = self._gazetteer.get(ent_id.removeprefix(PEOPLE_OF))
                if inner is not None:
                    place = self._entry_record(inner, ent.start)
                    named = max((form for form in inner.surface_forms() if form in text), key=len, default=None)
                    if named is not None and named not in place.mentions:
                        place.mentions.append(named)
                    self._records[place.key] = place
            record = self._records.get(key) or _Record(key, label, kind, None, (), first=ent.start)
        if text not in record.mentions:
            record.mentions.append(text)
        self._records[key] = record
        self._by_span[(ent.start, ent.end)] = key

    def _entry_record(self, entry: GazetteerEntry, first: int) -> _Record:
        """The record of a gazetteer entry, made at its first mention."""
        label = entry.label_in("en")
        key = entity_key(entry.type, label, entry.wikidata)
        acts_for = entry.acts_for or entry.capital_of  # "Brussels" acts for the EU, "Washington" for the US
        if acts_for:
            self._capital_of[key] = acts_for
        return self._records.get(key) or _Record(key, label, entry.type, entry.wikidata, entry.label, first=first)

    def merge_short_names(self) -> None:
        """Fold "Tokayev" into "Kassym-Jomart Tokayev" when the article names both, and a first name
        ("Anwar") into the one full name it begins ("Anwar Ibrahim")."""
        people = [r for r in self._records.values() if r.type == "Person"]
        for short in people:
            words = short.label.split()
            longer = [p for p in people if p is not short and p.key not in self._alias
                      and len(p.label.split()) > len(words)]
            # the label or any form the article wrote ("Abdel Fattah Burhan" for the gazetteer's "... al-Burhan")
            long = next((p for p in longer if any(self._without_suffix(form.split())[-len(words):] == words
                                                  for form in (p.label, *p.mentions))), None)
            if long is None and len(words) == 1:
                begun = [p for p in longer if p.label.split()[0] == words[0]]
                long = begun[0] if len(begun) == 1 else None
            if long is not None:
                self._alias[short.key] = long.key
                long.mentions.extend(m for m in short.mentions if m not in long.mentions)
                long.first = min(long.first, short.first)
        for key, target in self._alias.items():  # "Abdul Mahdi" -> "Adel Abdul Mahdi" -> a longer name still
            while target in self._alias:  # (each step is a longer name, so the chain ends)
                target = self._alias[target]
            self._alias[key] = target
            self._records.pop(key, None)
        self._built.clear()

    def _without_suffix(self, words: list[str]) -> list[str]:
        """A name's words without "Jr.", "III": "Marcos" ends "Ferdinand Marcos Jr."."""
        return words[:-1] if len(words) > 2 and words[-1].lower() in self.name_suffixes else words

    def state_of(self, entity: Entity) -> Entity:
        """The state a capital stands for when it acts ("Washington accuses ..."), else the entity."""
        country = self._capital_of.get(entity.key)
        entry = self._gazetteer.get(country) if country else None
        if entry is None:
            return entity
        label = entry.label_in("en")
        key = entity_key(entry.type, label, entry.wikidata)
        if key not in self._records:
            self._built.clear()
            first = self._records[entity.key].first
            self._records[key] = _Record(key, label, entry.type, entry.wikidata, entry.label, first=first)
        return self._entity(key)

    def entity_at(self, start: int, end: int) -> Entity | None:
        key = self._by_span.get((start, end))
        if key is None:
            return None
        return self._entity(self._alias.get(key, key))

    def entity_for(self, arg: Arg, doc: Doc, descriptions: dict[int, tuple[int, int]]) -> Entity | None:
        if arg.kind == "name":
            return self.entity_at(arg.start, arg.end)
        if arg.kind == "speaker" and arg.ref is not None:
            return self.entity_at(*arg.ref)
        if arg.kind == "description":
            target = descriptions.get(arg.start)
            return self.entity_at(*target) if target else None
        if arg.kind == "pronoun":
            return self._salient_person_before(arg.start, doc)
        if arg.kind == "office" and arg.ref is not None:
            return self._office_holder(arg, doc)
        if arg.kind == OWN_COUNTRY:
            person = self._last_person_before(arg.start)
            return self._country_of(person, doc) if person is not None else None
        return None

    def _country_of(self, person: Entity, doc: Doc) -> Entity | None:
        """The state a person speaks for: the one the article titles them leader of, else the
        country in the title before a mention of them ("Menteri Luar Negeri Turki X", "Turkish
        Foreign Minister X"); None when the article says neither."""
        if person.key not in self._countries:
            self._countries[person.key] = self._find_country_of(person, doc)
        return self._countries[person.key]

    def _find_country_of(self, person: Entity, doc: Doc) -> Entity | None:
        led = next((self._entity(key) for key, leader in self.leaders.items() if leader.key == person.key), None)
        if led is not None and led.type == "Country":
            return led
        for start, end in self._people:
            if self.entity_at(start, end) != person:
                continue
            for j in range(start - 1, max(0, start - _TITLE_REACH) - 1, -1):
                if doc[j].ent_type_ == "Country":
                    first = j
                    while first > 0 and doc[first].ent_iob_ == "I":
                        first -= 1
                    last = j + 1
                    while last < len(doc) and doc[last].ent_iob_ == "I":
                        last += 1
                    country = self.entity_at(first, last)
                    return country if country is not None and country.type == "Country" else None
                if doc[j].ent_type_ or not doc[j].is_alpha:
                    break
        return None

    def _office_holder(self, arg: Arg, doc: Doc) -> Entity | None:
        """The person a title names ("presiden Suriah"): whoever the article titles so by
        name, else an unnamed person labelled by the office itself. A bare title ("the
        president") is the one person the article titles so, or no one."""
        assert arg.ref is not None
        if arg.role == BARE:
            return self._titled_holder(doc[arg.ref[0]:arg.ref[1]], arg.start)
        apposed = self._apposed_person(arg, doc)
        if apposed is not None:  # "his French counterpart, Emmanuel Macron", "Presiden Rusia, Vladimir Putin"
            return apposed
        state = self.entity_at(arg.start, arg.end)
        if state is not None and state.key in self.leaders and arg.role == "leader":
            return self.leaders[state.key]
        if arg.end < len(doc) and doc[arg.end].lower_ in self.pointing:
            # "Ketua Umum Partai Gerindra itu": whom the article spoke of, unless it titles them leader elsewhere
            person = self._salient_person_before(arg.ref[0], doc)
            if person is not None and self._sole_fit(person, state, arg.start, doc):
                return person
        if (arg.role == "leader" and arg.ref[0] >= arg.end and arg.start > 0
                and doc[arg.start - 1].lower_ in self.pointing_before):
            # "The French president said": whom the article titles president, else whom it spoke of, if nothing
            # ties them elsewhere and no one else named could be it
            person = (self._titled_holder(doc[arg.ref[0]:arg.ref[1]], arg.start)
                      or self._salient_person_before(arg.ref[0], doc))
            if person is not None and self._sole_fit(person, state, arg.start, doc):
                return person
        if state is not None and doc[arg.ref[0]].lower_ in self.counterparts:
            person = self._counterpart(state, arg.ref[0], doc)
            if person is not None:
                return person
        title, place = doc[arg.ref[0]:arg.ref[1]].text, doc[arg.start:arg.end].text
        label = _clean_surface(f"{place} {title}" if arg.ref[0] >= arg.end else f"{title} {place}")
        key = entity_key("Person", label)
        self._records.setdefault(key, _Record(key, label, "Person", None, (), mentions=[], first=arg.start))
        return self._entity(key)

    def _counterpart(self, state: Entity, at: int, doc: Doc) -> Entity | None:
        """Whom "his Rwandan counterpart" at `at` names: the state's leader when "his" is a leader; else the
        one other person the article ties to that state who is not its leader ("Rwandan Foreign Minister
        Vincent Biruta"), or no one."""
        owner = self._salient_person_before(at, doc)
        titled = {key for holders in self._titled_people().values() for _, _, key in holders}  # "President Biden"
        if owner is not None and (owner.key in titled or self._is_leader(owner)):
            return self.leaders.get(state.key)
        leader = self.leaders.get(state.key)
        fits = {p.key for start, end in self._people if (p := self.entity_at(start, end)) is not None
                and p != owner and p != leader and (c := self._country_of(p, doc)) is not None and c.key == state.key}
        return self._entity(fits.pop()) if len(fits) == 1 else None

    def _salient_person_before(self, index: int, doc: Doc) -> Entity | None:
        """Who "he"/"dia" stands for: the first person named earlier in its own sentence, else the
        first person of the last sentence that names one ("Putin met Xi. He later travelled to
        Pyongyang": Putin, the subject, not Xi, the last named). In a phrase that opens the sentence and
        names no one, the one the clause after its comma opens with ("During his visit to Jakarta,
        Albanese met Jokowi")."""
        chain: list[int] = []  # pronouns that stand for what an earlier sentence's opening pronoun does
        found: Entity | None = None
        while True:
            if index in self._pronouns:
                found = self._pronouns[index]
                break
            chain.append(index)
            ahead = self._opening_subject(index, doc)
            if ahead is not None:
                found = ahead
                break
            stop = bisect_right(self._people_ends, index)
            if not stop:
                break
            sentence = doc[index].sent.start
            if self._people[stop - 1][0] < sentence:  # no one named in its own sentence: the last that names someone
                sentence = doc[self._people[stop - 1][0]].sent.start
                opening = self._opening_pronoun(sentence, doc)
                if opening is not None:  # "He met Xi. He also praised ...": the one that sentence's "he" was
                    index = opening
                    continue
            found = next((p for k in range(bisect_left(self._people_starts, sentence), stop)
                          if (p := self.entity_at(*self._people[k])) is not None), None) or self._last_person_before(index)
            break
        for k in chain:  # an article of many "He ..." sentences resolves each once
            self._pronouns[k] = found
        return found

    def _opening_pronoun(self, sentence: int, doc: Doc) -> int | None:
        """The person pronoun the sentence starting at `sentence` opens with ("He", "Dia kemudian"), before
        anyone it names."""
        first_named = self._people_starts[bisect_left(self._people_starts, sentence)]
        for j in range(sentence, min(first_named, sentence + _OPENING_REACH)):
            if doc[j].lower_ in self.person_pronouns:
                return j
        return None

    def _opening_subject(self, index: int, doc: Doc) -> Entity | None:
        """The person right after the first comma of the sentence (past a capitalised title), when the
        pronoun at `index` stands before that comma and no person is named before the comma; not the
        one a clause after the comma names ("He travelled to Pyongyang, where he met Kim")."""
        sent = doc[index].sent
        comma = next((t.i for t in doc[index:sent.end] if t.text == ","), None)
        if comma is None or any(doc[k].ent_type_ == "Person" for k in range(sent.start, comma)):
            return None
        k = bisect_left(self._people_starts, comma + 1)
        if k < len(self._people) and self._people[k][0] <= comma + _TITLE_REACH and all(
                doc[j].is_title for j in range(comma + 1, self._people[k][0])):
            return self.entity_at(*self._people[k])  # "..., Albanese met", "..., Presiden China Xi Jinping"
        return None

    def _sole_fit(self, person: Entity, state: Entity | None, at: int, doc: Doc) -> bool:
        """Whether `person` alone, of the people named before token `at`, may hold an office of `state`: no
        other leader title ties them elsewhere, and no one else named could be it ("President Biden met
        Xi. The Chinese president said": Xi could, so no one is taken)."""
        if self._is_leader(person):
            return False
        fits = set()
        for start, end in self._people[:bisect_left(self._people_starts, at)]:
            other = self.entity_at(start, end)
            if other is None:
                continue
            country = self._country_of(other, doc)
            if country is None or state is None or country.key == state.key:
                fits.add(other.key)
        return fits == {person.key}

    def _titled_holder(self, title: Span, at: int) -> Entity | None:
        """Whom the article gives this title before token `at` ("the president said": President X)."""
        key = _holder(self._titled_people().get(tuple(t.lower_ for t in title), []), at)
        return self._entity(self._alias.get(key, key)) if key is not None else None

    def _titled_people(self) -> Titled:
        """Who the article gives which leader title, read once, when a bare title first needs it."""
        if self._titled is None:
            self._titled = self.bare_titles()
        return self._titled

    def _is_leader(self, person: Entity) -> bool:
        """Whether the article titles `person` the leader of a state or body."""
        return any(leader.key == person.key for leader in self.leaders.values())

    def _apposed_person(self, arg: Arg, doc: Doc) -> Entity | None:
        """The person named in apposition right after an office: "the Russian president, Vladimir Putin"."""
        assert arg.ref is not None
        end = max(arg.end, arg.ref[1])
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        k = bisect_left(self._people_starts, end + 1)
        if k < len(self._people) and self._people[k][0] == end + 1:
            return self.entity_at(*self._people[k])
        return None

    def titled_leader_before(self, index: int, doc: Doc) -> bool:
        """Whether "his"/"her" at `index` stands for someone the article titles a state's leader."""
        person = self._salient_person_before(index, doc)
        return person is not None and self._is_leader(person)

    def _last_person_before(self, index: int, skip: str | None = None) -> Entity | None:
        for k in range(bisect_right(self._people_ends, index) - 1, -1, -1):
            person = self.entity_at(*self._people[k])
            if person is not None and person.key != skip:
                return person
        return None

    def disjoint(self, item: RawRelation, subject: Entity, obj: Entity) -> tuple[Entity | None, Entity | None]:
        """A pronoun never names the other argument of its own clause ("yang keberaniannya
        dia puji": "dia" is not the one praised), so look one person further back."""
        if item.subject.kind == "pronoun":
            return self._last_person_before(item.subject.start, skip=obj.key), obj
        if item.object.kind == "pronoun":
            return subject, self._last_person_before(item.object.start, skip=subject.key)
        return subject, obj

    def _entity(self, key: str) -> Entity:
        built = self._built.get(key)
        if built is None:
            r = self._records[key]
            built = self._built[key] = Entity(key=r.key, label=r.label, type=r.type, mentions=tuple(r.mentions),
                                              wikidata=r.wikidata, labels=r.labels)
        return built

    def entities(self) -> tuple[Entity, ...]:
        ordered = sorted(self._records.values(), key=lambda r: r.first)
        return tuple(self._entity(r.key) for r in ordered)


def _clean_surface(text: str) -> str:
    return " ".join(text.split())


def _unquoted(span: Span, text: str, words: list[str] | None = None) -> str:
    """ 'the "morality" police': scare quotes inside a name are no part of it. `words` are the span's
    words as the label spells them (its tokens' texts by default)."""
    if not any(t.is_quote for t in span):
        return text
    spelled = words if words is not None else [t.text for t in span]
    return _clean_surface(" ".join(w for w, t in zip(spelled, span) if not t.is_quote))


def _group_label(span: Span, common: frozenset[str]) -> str:
    """ "Protesters" opening a sentence and "protesters" are one group; "Hamas fighters" and
    "Armenian forces" keep their capitals."""
    words = [t.lower_ if t.is_sent_start and not t.is_upper and t.lower_ in common else t.text for t in span]
    return _unquoted(span, _clean_surface("".join(w + t.whitespace_ for w, t in zip(words, span))), words)
