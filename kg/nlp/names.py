"""Names the gazetteer does not know, found by the cues news writing gives.

- a title before a capitalised run is a person ("Presiden Kazakh Kassym-Jomart
  Tokayev", "Foreign Minister Ayşe Demir");
- people without a title, organisations, places and events by their own cues
  (kg.nlp.people, kg.nlp.organisations, kg.nlp.places, kg.nlp.events);
- a long name followed by an acronym in parentheses defines both as one
  organisation ("Organisasi Perjanjian Keamanan Kolektif (CSTO)");
- a name found by a cue in one sentence has that type wherever the article writes it
  again, and once a person is named, later uses of the surname alone are that person;
- a country's armed forces are an organisation of their own ("militer Myanmar",
  "the Azerbaijani army"), an actor distinct from the state's government;
- an organisation's people are a group of their own ("para pemimpin NLD", "Hamas
  fighters"): arresting a party's leaders is not arresting the party; so are a state's
  ("US officials", "pejabat AS", "Cuban dissidents"): officials who visit are not the state;
- once an article calls forces "ethnic Armenian forces", every "Armenian forces" in
  it is that group, not the state of Armenia;
- a leader's followers ("Castillo supporters", "para pendukung Castillo") and a name's
  allies ("its Western allies", "sekutunya") are groups of their own.

Capitals say nothing in all-caps lines, Title Case headlines and datelines
(kg.nlp.name_runs.NameView.quiet): no rule guesses a name there.
"""

from __future__ import annotations

from spacy.attrs import ENT_ID, LOWER, ORTH
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.gazetteer import load_gazetteer
from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, lowers, positions as _positions
from kg.nlp.events import EventFinder
from kg.nlp.name_runs import NameRuns, NameView, occurrences
from kg.nlp.organisations import OrganisationFinder
from kg.nlp.people import PeopleFinder
from kg.nlp.places import PlaceFinder
from kg.nlp.titles import Titles

__all__ = ["ARMED_FORCES", "ETHNIC_GROUP", "PEOPLE_OF", "NameFinder"]

ARMED_FORCES = "armed-forces-of:"  # id prefix of a country's armed forces, so "army" and "military" are one node
ETHNIC_GROUP = "ethnic-group-of:"  # id prefix of an ethnic group's forces, so every mention is one node
PEOPLE_OF = "people-of:"  # id prefix of a place's people ("delegasi Bangkok"), so the place is named too

_MIN_ACRONYM = 2
_MAX_TITLES = 3  # titles in a row before a name
_DERIVED_NOUN_LENGTH = 8  # "kebijakan"; shorter words with these affixes may be names ("Kean")
# words.json lists whose words name a thing, not a person: no person's name is made of them
_THING_WORDS = ("organization_heads", "organization_tails", "place_words_after", "site_words_after",
                "event_words_before", "event_words_after")
_THING_PHRASES = ("place_words_before", "site_words_before")


class NameFinder:
    """Adds the names found by cues (people, organisations, places, events, acronyms, surnames) to doc.ents."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self._titles = Titles(lexicon.titles)
        things = {w for key in _THING_WORDS for w in words.get(key, ())}
        things |= {w for key in _THING_PHRASES for phrase in words.get(key, ()) for w in phrase.split()[:1]}
        self._runs = NameRuns(lexicon, self._titles, things)
        self._people = PeopleFinder(lexicon, self._titles, self._runs)
        self._organisations = OrganisationFinder(lexicon, self._after_title_qualifiers, self._titles)
        self._places = PlaceFinder(lexicon, self._runs)
        self._events = EventFinder(lexicon, self._runs)
        self._forces_before = Phrases(words.get("forces_before_country", ()))
        self._forces_after = Phrases(words.get("forces_after_country", ()))
        self._possessives = words.get("possessive_markers", frozenset())
        self._bridges = words.get("title_bridges", frozenset())
        # "Perdana Menteri sementara Thailand X", "Prime Minister-designate"; one word each ("saat ini" is two)
        self._qualifiers = frozenset(q for q in words.get("title_qualifiers", ()) if " " not in q)
        # "Kepala Kebijakan Luar Negeri": a derived common noun after a title is the office's domain, not a name
        self._noun_prefixes = tuple(words.get("derived_noun_prefixes", ()))
        self._noun_suffixes = tuple(words.get("derived_noun_suffixes", ()))
        self._members_before = Phrases(words.get("members_before_organization", ()))
        self._members_after = Phrases(words.get("members_after_organization", ()))
        self._people_before = Phrases(words.get("people_before_state", ()))
        self._people_after = Phrases(words.get("people_after_state", ()))
        self._place_people = Phrases(words.get("people_before_place", ()))  # "delegasi Bangkok", "the people of Hong Kong"
        self._nothing = Phrases(())
        self._plural_allies = words.get("plural_ally_nouns", frozenset())  # "allies", "sekutu": a group
        self._joins = words.get("coordinators", frozenset())
        self._ally_owners = words.get("ally_owner_pronouns", frozenset())  # "its", "their"; "-nya"
        self._ally_modifiers = words.get("ally_modifiers", frozenset()) | words.get("ally_kinds", frozenset())
        self._capitalised_groups_words = words.get("capitalised_groups", frozenset())  # "Barat": the West
        self._legislature_words = words.get("legislatures", frozenset())  # "Congress", "Parlemen"
        self._led_nouns = words.get("led_body_nouns", frozenset())  # "coalition", "koalisi"
        self._body_modifiers = words.get("led_body_modifiers", frozenset())  # "military", "militer"
        self._led_participles = words.get("led_participles", frozenset())  # "Saudi-led", "US-backed"
        self._led_by_markers = words.get("led_by_markers", frozenset())  # "pimpinan"
        self._governments_before = Phrases(words.get("governments_before_person", ()))  # "pemerintahan"
        self._governments_after = Phrases(words.get("governments_after_person", ()))  # "administration"
        #: nouns that "military" only qualifies: "US military aid", "bantuan militer AS", "pangkalan militer AS"
        self._military_heads = words.get("military_compound_heads", frozenset())
        self._authorities_before = Phrases(words.get("authorities_before_place", ()))  # "otoritas"
        self._authorities_after = Phrases(words.get("authorities_after_place", ()))  # "authorities"
        self._capitals = load_gazetteer().capitals()  # "Moscow authorities" are Russia's
        self._followers_before = Phrases(words.get("followers_before_person", ()))
        self._followers_after = Phrases(words.get("followers_after_person", ()))
        self._ethnic_markers = words.get("ethnic_markers", frozenset())
        self._ethnic_nouns = words.get("ethnic_group_nouns", frozenset())

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)  # doc.ents rebuilds its spans on every access
        view = NameView(doc, {i for e in ents for i in range(e.start, e.end)},
                        frozenset(i for e in ents if e.label_ == "Group" for i in range(e.start, e.end)))
        new = [*self._people.fuller_names(view, ents), *self._organisations.outlets(view), *self._events.find(view),
               *self._places.by_words(view), *self._organisations.by_words(view), *self._titled(view), *self._acronyms(view),
               *self._people.by_role(view), *self._people.by_kin(view), *self._people.by_given_name(view)]
        new += occurrences(view, _forms(new))
        new += self._people.surnames(view, [*ents, *new])
        places = self._places.by_preposition(view)
        new += places + occurrences(view, _forms(places))
        new += self._armed_forces(doc, ents)
        new += self._members(doc, [*ents, *new])
        new += self._people_of_states(doc, ents)
        new += self._followers(doc, [*ents, *new])
        new += self._governments(doc, [*ents, *new])
        new += self._place_authorities(doc, ents)
        new += self._owned_allies(doc, view)
        new += self._led_bodies(doc, view)
        new += self._capitalised_groups(doc, view)
        new += self._legislatures(doc, view)
        new += self._ethnic_groups(doc, ents)
        kinds = self._kinds_of_bodies(doc, ents, new)
        if new or kinds:
            kept = [span for span in filter_spans([*ents, *new]) if span.start not in kinds]
            ids = doc.to_array(ENT_ID)
            for span in kept:
                if span.id == 0 and ids[span.start:span.end].any():  # set_ents keeps a token's old gazetteer id
                    for token in span:                                 # under a new, longer name
                        token.ent_id = 0
            doc.set_ents(kept, default="outside")  # what `doc.ents = kept` does, without copying each Span
        return doc

    def _kinds_of_bodies(self, doc: Doc, ents: list[Span], new: list[Span]) -> set[int]:
        """Where a group phrase only says what kind of body or person the name after it is: "the militant group
        Hamas", "kelompok militan (Palestina) Hamas" name Hamas, "tokoh oposisi Alexei Navalny" Navalny, not a
        group beside them."""
        bodies = {e.start for e in [*ents, *new] if e.label_ in ("Organization", "Person")}  # "tokoh oposisi X"
        countries = {e.start: e.end for e in [*ents, *new] if e.label_ in ("Country", "Place")}
        return {e.start for e in ents if e.label_ == "Group"
                and (e.end in bodies or e.end in countries and countries[e.end] in bodies)}

    def _titled(self, view: NameView) -> list[Span]:
        """A title, then the name: "Presiden Kazakh Kassym-Jomart Tokayev", "spokesman John Kirby"."""
        doc, found = view.doc, []
        for start in _positions(doc, LOWER, self._titles.firsts):
            title = self._titles.starting_at(view.words, start)
            if title is None:
                continue
            begin = self._after_title_qualifiers(doc, title[1])
            for _ in range(_MAX_TITLES):  # "Kapolri Jenderal Listyo Sigit", "Commander Maj. Gen. X"
                more = self._titles.starting_at(view.words, begin)
                if more is None:
                    break
                begin = self._after_title_qualifiers(doc, more[1])
            if begin in view.quiet:
                continue
            run = self._runs.run(view, begin)
            if run is not None and self._derived_noun(view.words[begin]):
                continue
            if run is not None and not (run[0] < len(doc) and run[0] in view.taken):
                found.append(view.add(Span(doc, begin, run[0], label="Person")))
        return found

    def _derived_noun(self, word: str) -> bool:
        """A common noun by its affixes ("kebijakan", "pertahanan", "pemerintahan"): no one's name."""
        return (len(word) >= _DERIVED_NOUN_LENGTH and word.startswith(self._noun_prefixes)
                and word.endswith(self._noun_suffixes)) if self._noun_prefixes else False

    def _after_title_qualifiers(self, doc: Doc, i: int) -> int:
        """Skip what may stand between a title and the name: "penasihat keamanan nasional
        Amerika Serikat (AS) Jake Sullivan", "duta besar AS untuk PBB Linda Thomas-Greenfield",
        "Menteri BUMN Erick Thohir"."""
        while i < len(doc):
            token = doc[i]
            if token.ent_type_ in ("Country", "Organization") or token.lower_ in self._qualifiers:
                i += 1
            elif token.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
                i += 3
            elif token.lower_ in self._bridges and i + 1 < len(doc) and doc[i + 1].ent_type_ in ("Country", "Organization"):
                i += 1
            elif len(token.text) > 1 and token.is_upper and token.is_alpha and i + 1 < len(doc) and doc[i + 1].is_title:
                i += 1  # an acronym nobody listed: "Menteri BUMN Erick Thohir"
            else:
                return i
        return i

    def _acronyms(self, view: NameView) -> list[Span]:
        """"Long Name (ACR)": the acronym and the long name are one organisation."""
        doc, taken = view.doc, view.taken
        found: list[Span] = []
        acronyms: set[str] = set()
        for i in _positions(doc, LOWER, ("(",)):
            if not (i + 2 < len(doc) and doc[i + 2].text == ")"):
                continue
            acronym = doc[i + 1]
            if not (acronym.is_upper and len(acronym.text) >= _MIN_ACRONYM and acronym.is_alpha):
                continue
            if self._titles.ending_at(view.words, i, 0) is not None:
                continue  # "Perdana Menteri (PM)": a title's short form names no body
            if acronym.i not in taken:
                found.append(Span(doc, acronym.i, acronym.i + 1, label="Organization"))
                acronyms.add(acronym.text)
        defined = {s.start for s in found}
        found += [Span(doc, i, i + 1, label="Organization") for i in _positions(doc, ORTH, acronyms)
                  if i not in taken and i not in defined]
        return [view.add(span) for span in found]

    def _armed_forces(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A country with a word for its armed forces beside it: "militer Myanmar", "Azerbaijani army"."""
        words = lowers(doc)
        return [span for ent in ents if ent.label_ == "Country"
                for span in _beside(doc, ent, self._forces_before, self._forces_after, "Organization", ARMED_FORCES,
                                    self._possessives)
                if not (span.end < len(doc) and words[span.end] in self._military_heads)  # "US military aid"
                and not (span.start > 0 and words[span.start - 1] in self._military_heads)]  # "bantuan militer AS"

    def _members(self, doc: Doc, names: list[Span]) -> list[Span]:
        """An organisation with a plural word for its people beside it: "para pemimpin NLD", "NLD leaders"."""
        return [span for ent in names if ent.label_ == "Organization"
                for span in _beside(doc, ent, self._members_before, self._members_after, "Group")]

    def _people_of_states(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A country or place with a plural noun for its people beside it: "US officials", "pejabat AS",
        "delegasi Bangkok", "the people of Hong Kong". Not when a
        name follows, where the noun is a title: "pejabat AS Jake Sullivan"."""
        found = []
        for ent in ents:
            if ent.label_ == "Country":
                before, after = self._people_before, self._people_after
            elif ent.label_ == "Place":
                before, after = self._place_people, self._nothing
            else:
                continue
            found += [span for span in _beside(doc, ent, before, after, "Group", PEOPLE_OF if ent.ent_id_ else "")
                      if not (span.end < len(doc) and doc[span.end].is_title and doc[span.end].is_alpha)]
        return found

    def _followers(self, doc: Doc, names: list[Span]) -> list[Span]:
        """A person with a word for their followers beside them: "Castillo supporters", "para pendukung
        Castillo". Protesting beside a leader's supporters is not protesting beside the leader."""
        return [span for ent in names if ent.label_ == "Person"
                for span in _beside(doc, ent, self._followers_before, self._followers_after, "Group")]

    def _governments(self, doc: Doc, names: list[Span]) -> list[Span]:
        """ "the Biden administration", "pemerintahan Jokowi": the government a person heads is a body of its
        own, which says and does what the person may not."""
        return [span for ent in names if ent.label_ == "Person"
                for span in _beside(doc, ent, self._governments_before, self._governments_after, "Organization")]

    def _place_authorities(self, doc: Doc, names: list[Span]) -> list[Span]:
        """ "Hong Kong authorities", "otoritas Gaza": the authorities of a place that is no state are a body of
        their own (a state's, "Russian authorities", act as the state; a capital's stand for it)."""
        return [span for ent in names if ent.label_ == "Place" and ent.ent_id_ not in self._capitals
                for span in _beside(doc, ent, self._authorities_before, self._authorities_after, "Organization")]

    def _owned_allies(self, doc: Doc, view: NameView) -> list[Span]:
        """ "its (Western) allies", "sekutu-sekutu Baratnya": the allies of the name before, a group of
        their own (kg.nlp.alliances relates them to it). The pronoun is left out of the English name."""
        found: list[Span] = []
        words = lowers(doc)
        for k in _positions(doc, LOWER, self._plural_allies):
            if k in view.taken:
                continue
            j = k
            while j > 0 and words[j - 1] in self._ally_modifiers and words[j - 1] not in self._joins:
                j -= 1
            end = k + 1
            while end < len(doc) and words[end] in self._ally_modifiers and words[end] not in self._joins:
                end += 1
            if j > 0 and words[j - 1] in self._ally_owners:  # "its Western allies"
                found.append(Span(doc, j, end, label="Group"))
            elif end < len(doc) and words[end] in self._ally_owners and not doc[end - 1].whitespace_:
                found.append(Span(doc, j, end + 1, label="Group"))  # "sekutunya"
            elif end < len(doc) and any(words[end] == m + o for o in self._ally_owners for m in self._ally_modifiers):
                found.append(Span(doc, j, end + 1, label="Group"))  # "sekutu-sekutu Baratnya"
        # "sekutunya Belarus", "its allies Belarus and Kazakhstan": the allies are named, no group of their own
        return [span for span in found if not any(i in view.taken for i in range(span.start, span.end))
                and not (span.end < len(doc) and doc[span.end].ent_type_)]

    def _capitalised_groups(self, doc: Doc, view: NameView) -> list[Span]:
        """ "menyalahkan Barat": a word that, capitalised on its own, names a group of states (the West); not
        inside a longer name ("Jawa Barat", "Papua Barat") nor opening a sentence."""
        found: list[Span] = []
        for k in _positions(doc, LOWER, self._capitalised_groups_words):
            if k in view.taken or view.starts_sentence(k) or not doc[k].is_title:
                continue
            if (k > 0 and doc[k - 1].is_title) or (k + 1 < len(doc) and doc[k + 1].is_title):
                continue
            found.append(Span(doc, k, k + 1, label="Group"))
        return found

    def _legislatures(self, doc: Doc, view: NameView) -> list[Span]:
        """ "Peru's Congress", "memihak Kongres", "Parlemen Irak": a capitalised word for a legislature is
        the body (the country written after it, Indonesian style, belongs to its name); not the end of a
        longer name ("European Parliament", "Indian National Congress": the gazetteer's)."""
        found: list[Span] = []
        for k in _positions(doc, LOWER, self._legislature_words):
            if k in view.taken or not doc[k].is_title or (k > 0 and doc[k - 1].is_title and not view.starts_sentence(k)):
                continue
            end = k + 1
            country = view.entity_bounds(end, ("Country",))
            if country is not None and country[0] == end:
                end = country[1]
            elif end < len(doc) and doc[end].is_title:
                continue  # "Senate Foreign Relations Committee": a longer name
            found.append(Span(doc, k, end, label="Organization"))
        return found

    def _led_bodies(self, doc: Doc, view: NameView) -> list[Span]:
        """ "the Saudi-led (military) coalition", "koalisi (militer) pimpinan Saudi": a body known by who
        leads or backs it is a group of its own (kg.nlp.leaders and the hyphen participle relate the two)."""
        found: list[Span] = []
        words = lowers(doc)
        for k in _positions(doc, LOWER, self._led_nouns):
            start = k
            while start > 0 and words[start - 1] in self._body_modifiers:
                start -= 1
            end = k + 1
            while end < len(doc) and words[end] in self._body_modifiers:
                end += 1
            if (start >= 3 and words[start - 1] in self._led_participles and words[start - 2] == "-"
                    and doc[start - 3].ent_type_ and not doc[start - 2].whitespace_):
                found.append(Span(doc, start, k + 1, label="Group"))  # "Saudi-led coalition"
            elif end + 1 < len(doc) and words[end] in self._led_by_markers and doc[end + 1].ent_type_:
                found.append(Span(doc, k, end, label="Group"))  # "koalisi militer pimpinan Saudi"
        return [span for span in found if not any(i in view.taken for i in range(span.start, span.end))]

    def _ethnic_groups(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "ethnic Armenian forces", "pasukan etnis Armenia": the forces of a people, not of its state.
        Once the article marks them so, its other "Armenian forces" are the same group."""
        marked: set[tuple[str, str]] = set()
        mentions: list[tuple[int, int, str, str]] = []  # start, end, country id, noun
        words = lowers(doc)
        for ent in ents:
            if ent.label_ != "Country":
                continue
            before = words[ent.start - 1] if ent.start > 0 else ""
            after = words[ent.end] if ent.end < len(doc) else ""
            if after in self._ethnic_nouns:  # "(ethnic) Armenian forces"
                mentions.append((ent.start, ent.end + 1, ent.ent_id_, after))
                if before in self._ethnic_markers:
                    marked.add((ent.ent_id_, after))
            elif before in self._ethnic_markers and ent.start > 1 and words[ent.start - 2] in self._ethnic_nouns:
                noun = words[ent.start - 2]  # "pasukan etnis Armenia"
                mentions.append((ent.start - 2, ent.end, ent.ent_id_, noun))
                marked.add((ent.ent_id_, noun))
            elif before in self._ethnic_nouns:  # "pasukan Armenia"
                mentions.append((ent.start - 1, ent.end, ent.ent_id_, before))
        return [Span(doc, start, end, label="Group", span_id=f"{ETHNIC_GROUP}{country}:{noun}")
                for start, end, country, noun in mentions if (country, noun) in marked]


def _beside(doc: Doc, ent: Span, before: Phrases, after: Phrases, label: str, id_prefix: str = "",
            possessives: frozenset[str] = frozenset()) -> list[Span]:
    """The name with a phrase before or after it, as one span of `label` (its id `id_prefix` + the name's id);
    with `possessives`, also after the name's possessive ("Thailand's military")."""
    words = lowers(doc)
    after_name = ent.end + 1 if ent.end < len(words) and words[ent.end] in possessives else ent.end
    starts, ends = before.starts_before(words, ent.start), after.ends_after(words, after_name)
    if not starts and not ends:
        return []
    span_id = id_prefix + ent.ent_id_ if id_prefix else ""
    return ([Span(doc, start, ent.end, label=label, span_id=span_id) for start in starts]
            + [Span(doc, ent.start, end, label=label, span_id=span_id) for end in ends])


def _forms(spans: list[Span]) -> dict[tuple[int, ...], str]:
    """Each span's token texts (string ids) and its label: to find the name written again."""
    return {tuple(t.orth for t in span): span.label_ for span in spans}
