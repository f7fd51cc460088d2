"""Relation rules: verb frames from the lexicon, voice, relative clauses, titles, cites.

spaCy's blank pipelines have no parser, so argument roles come from word order,
which in news prose is regular enough to read with a handful of general rules. This
module reads each trigger's roles; its parts live beside it, one idea each:
kg.nlp.triggers (which words trigger, in which voice), kg.nlp.clauses (where an
argument stands), kg.nlp.voice (passives and relative clauses), kg.nlp.nominals (the
roles of a noun trigger), kg.nlp.leaders (titles), kg.nlp.alliances,
kg.nlp.memberships and kg.nlp.successions (the ally, member and successor nouns),
kg.nlp.verdicts (what a speaker calls an actor), kg.nlp.judgements (the deed a judging
verb is about, and who did it) and kg.nlp.citations (sources).

- active voice: subject left of the verb, object right of it (or after the frame's
  preposition: "menyalahkan X pada Y", "blamed X on Y");
- passive voice (Indonesian di-/ter-, English be + participle): the roles swap; the
  agent follows "oleh"/"by", or directly follows an Indonesian passive ("dipimpin
  Rusia"), or is the -nya clitic ("digantikannya"); no agent, no triple;
- relative clauses: "X yang dipimpin Y" takes X as the verb's left argument;
- nominalisations: "pengerahan pasukan X ke Y", "the deployment of X troops to Y", with
  owners named, possessed ("Turkey's support for") or by pronoun ("his visit to Cuba");
- support verbs: "paid a visit to", "melakukan kunjungan ke", "held talks with";
- mutual events: "the war between A and B", "clashed with" (each side attacks the other);
- titles: "Presiden Kazakh Kassym-Jomart Tokayev", "Russian President Vladimir Putin"
  (kg.nlp.leaders);
- citations: "mengutip Reuters", "according to TASS";
- speakers: "X said Russia had violated ...", "he said the war was Putin's decision".

Each rule yields `RawRelation`s (kg.nlp.records) whose arguments are token spans
(names, groups, pronouns, descriptions); kg.resolve turns them into entities.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator

from spacy.attrs import LOWER
from spacy.tokens import Doc

from kg.gazetteer import load_gazetteer
from kg.lexicon import Lexicon
from kg.model import STATE_OBJECT_PREDICATES, SYMMETRIC_PREDICATES
from kg.nlp.alliances import AllyRelations
from kg.nlp.listings import SanctionListings
from kg.nlp.mediation import MediatorRelations
from kg.nlp.arrays import Tokens, positions
from kg.nlp.citations import CiteRelations
from kg.nlp.clauses import ArgumentSearch, past_hyphen_compounds
from kg.nlp.leaders import LED, LeaderRelations
from kg.nlp.modality import Modality
from kg.nlp.offices import BareTitles, own_country
from kg.nlp.critics import CriticNouns
from kg.nlp.joint import JointAppearances
from kg.nlp.judgements import DeedJudgements
from kg.nlp.memberships import MembershipRelations
from kg.nlp.nominals import NominalRoles, hyphen_agent
from kg.nlp.pairs import PairPhrases
from kg.nlp.quotes import quote_speakers
from kg.nlp.speakers import SPEAKERS, Speakers
from kg.nlp.successions import SuccessorNouns
from kg.nlp.records import Arg, RawRelation, Sentence, first_at
from kg.nlp.sets import SetMembers, Sets
from kg.nlp.titles import Titles
from kg.nlp.triggers import WINDOW, Trigger, TriggerFinder, without_support_nouns
from kg.nlp.verdicts import SpeakerVerdicts
from kg.nlp.voice import NO_SUBJECT, VoiceRoles

__all__ = ["RelationMatcher"]

_JUDGED = frozenset({"condemns", "opposes", "blames", "protestsAgainst"})  # what judges an act judges its agent
_AUXILIARY_REACH = 2  # "has (already) deployed"
_HEAD_BEFORE = 2  # words of a forces noun a subject may follow: "kapal perang | China"
_SHARED_NOMINALS = frozenset({"meetsWith"})  # a purpose phrase's talks are the clause subject's
# deeds a threat can promise: "threatened to attack / to block / to sanction X" threatens X (ruling 20)
_THREATENED = frozenset({"attacks", "opposes", "sanctions", "detains"})
_REFUSABLE = frozenset({"meetsWith", "cooperatesWith"})  # refusing to meet or work with X opposes X
_SPATIAL = frozenset({"attacks", "visits", "deploysTo", "withdrawsFrom"})  # a place's country is also where



class RelationMatcher:
    """Reads relations off a Doc whose entities (doc.ents) are already set."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._words = lexicon.words
        self._trigger_finder = TriggerFinder(lexicon)
        self._search = ArgumentSearch(lexicon)
        self._speaker = Speakers(lexicon, self._search)
        self._voice = VoiceRoles(lexicon, self._search)
        self._purpose = lexicon.words.get("purpose_markers", frozenset())  # "to", "untuk"
        self._subordinators = lexicon.words.get("subject_sharing_subordinators", frozenset())  # "after", "setelah"
        self._auxiliaries = lexicon.words.get("auxiliaries", frozenset())  # "has", "telah"
        self._purpose_nominal = lexicon.words.get("purpose_nominal_markers", frozenset())  # "for talks", "untuk"
        self._destinations = lexicon.words.get("destination_prepositions", frozenset())  # "in Moscow", "ke Moskow"
        self._modality = Modality(lexicon, self._search)
        self._cites = CiteRelations(lexicon)
        self._titles = Titles(lexicon.titles)
        self._leaders = LeaderRelations(lexicon, self._titles)
        self._bare = BareTitles(lexicon, self._titles)
        self._own_nouns = self._words.get("own_country_nouns", frozenset())  # "his country", "negaranya"
        self._own_owners = self._words.get("own_country_owners", frozenset())
        self._allies = AllyRelations(lexicon)
        self._supporters = AllyRelations(lexicon, "supporter", "supports", directed=True)
        self._sets = SetMembers(lexicon)
        self._mediators = MediatorRelations(lexicon)
        self._listings = SanctionListings(lexicon)
        self._successors = SuccessorNouns(lexicon)
        self._joint = JointAppearances(lexicon)
        self._critics = CriticNouns(lexicon)
        self._members = MembershipRelations(lexicon)
        self._waters = self._words.get("water_words", frozenset())
        self._claim_verbs = self._words.get("claim_verbs", frozenset())
        self._compound_heads = self._words.get("compound_heads", frozenset())  # "kamp pengungsi": a kind of place
        self._pairs = PairPhrases(lexicon)  # "kedua negara", "the two sides": the last two names before
        self._determiners = self._words.get("determiners", frozenset())
        self._manner = self._words.get("manner_adverbs", frozenset())  # "menyambut hangat Putin"
        self._deed_clauses = self._words.get("deed_clause_openers", frozenset())  # "angered after | X did"
        # descriptions that stand for a name only when pointed back at: "the country", "negara itu"
        self._pointed = self._words.get("pointed_descriptors", frozenset())
        self._pair_words = self._words.get("pair_words", frozenset())  # "both countries", "kedua negara"
        self._demonstratives_after = self._words.get("demonstratives", frozenset()) if lexicon.lang == "id" else frozenset()
        self._title_domains = self._words.get("title_domains", frozenset())  # "militia commander", "Komandan Milisi"
        self._state_owners = self._words.get("state_owner_pronouns", frozenset())  # "its president", "presiden|nya"
        self._capitals = load_gazetteer().capitals()
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._verdicts = SpeakerVerdicts(lexicon)
        self._nominals = NominalRoles(lexicon, self._search)
        self._judged = DeedJudgements(lexicon, self._nominals)
        self._first_person = self._words.get("first_person_pronouns", frozenset())  # "we", "kami": the speaker
        self._cue_words = (self._words["person_pronouns"] | self._words.get("plural_pronouns", frozenset())
                           | self._first_person | self._words.get("it_pronouns", frozenset())
                           | self._words.get("person_object_pronouns", frozenset())  # "called him a butcher"
                           | frozenset(lexicon.descriptors) | self._bare.firsts | self._own_nouns)

    # ------------------------------------------------------------------ entry point

    def __call__(self, doc: Doc) -> list[RawRelation]:
        relations: list[RawRelation] = []
        tok = Tokens(doc)
        # a capital may act for its state ("Washington accused Beijing"): it takes a state's roles here,
        # and kg.resolve decides where it stands for the state and where it stays a city
        ents = [Arg(start, end, "name", "Country" if tok.doc[start].ent_id_ in self._capitals else label)
                for start, end, label in tok.entities]
        ent_starts = [e.start for e in ents]
        cues = positions(doc, LOWER, self._cue_words)
        forms = self._trigger_finder.english_forms
        verbs = positions(doc, LOWER, forms) if forms is not None else None
        marks = positions(doc, LOWER, self._verdicts.marks)
        allies = positions(doc, LOWER, self._allies.nouns)
        supporters = positions(doc, LOWER, self._supporters.nouns)
        members = positions(doc, LOWER, self._members.nouns)
        mediators = positions(doc, LOWER, self._mediators.nouns)
        listings = positions(doc, LOWER, self._listings.firsts)
        successors = positions(doc, LOWER, self._successors.nouns)
        joint = positions(doc, LOWER, self._joint.nouns)
        critics = positions(doc, LOWER, self._critics.nouns)
        pairs = [i for i in positions(doc, LOWER, self._pairs.phrases.lasts)
                 if self._pairs.phrases.starts_before(tok.lower, i + 1)]
        acts: dict[str, Arg] = {}  # the last agent of each kind of deed, in text order
        sets: Sets = {}  # the groups acted on so far, for "The officials include X" later on
        quoted = quote_speakers(tok, [e for e in ents if e.type in SPEAKERS], self._words["speech_verbs"],
                                self._words["person_pronouns"])
        for start, end in tok.sentences:
            sent_ents = ents[bisect_left(ent_starts, start):bisect_left(ent_starts, end)]
            sent_cues = cues[bisect_left(cues, start):bisect_left(cues, end)]
            paired = bool(pairs[bisect_left(pairs, start):bisect_left(pairs, end)])  # "kedua negara"
            if not sent_ents and not sent_cues and not paired:
                continue  # nobody to relate
            sent = Sentence(tok, start, end, quoted.get(start))
            sentence_first = len(relations)  # this sentence's relations begin here
            sent_verbs = None if verbs is None else verbs[bisect_left(verbs, sent.start):bisect_left(verbs, sent.end)]
            triggers = self._without_auxiliaries(without_support_nouns(list(self._trigger_finder.find(tok, sent, sent_verbs)), tok), tok)
            trigger_at = {t.at for t in triggers if not t.frame.agentive}  # "protesters" is also an argument
            verbs_at = frozenset(t.at for t in triggers if t.voice != "nominal")
            if len(sent_ents) + len(sent_cues) < 2 and not paired:  # one argument: only a verb that brings its other
                triggers = [t for t in triggers if t.clitic or t.frame.object_from
                            or (acts and (t.frame.predicate in _JUDGED or t.frame.answers))
                            or (t.frame.speaker_judges and sent.quoted_by is not None)]
            args = self._arguments(tok, sent, sent_ents, sent_cues) if triggers else None
            if args is not None:
                for trigger in triggers:
                    found = list(self._verb_relations(tok, sent, args, trigger, trigger_at, acts, ents, verbs_at))
                    relations.extend(found)
                    for item in found:  # who did what, for "mengecam serangan itu" later on
                        if item.predicate in self._judged.deeds and item.subject.kind == "name":
                            acts[item.predicate] = item.subject
            relations.extend(self._leaders(tok, sent, sent_ents))
            read = self._reader(tok, sent, args, sent_ents, sent_cues)
            relations.extend(self._sets.find(tok, sent, read, self._search.coordinated, sets))  # "The officials include X"
            self._sets.remember(tok, relations[sentence_first:], sets)
            if (self._leaders.pointing or self._leaders.pointing_before) and sent_ents:
                relations.extend(self._leaders.epithets(tok, sent, read(), sent_ents))
            relations.extend(self._members.fellows(tok, sent, read, sent_ents))
            relations.extend(self._cites(tok, sent, sent_ents))
            sent_allies = allies[bisect_left(allies, start):bisect_left(allies, end)]
            if sent_allies and len(sent_ents) > 1:
                args = args if args is not None else self._arguments(tok, sent, sent_ents, sent_cues)
                relations.extend(self._allies.find(sent_allies, tok, sent, args, self._search.coordinated))
            for hits, finder in ((mediators, self._mediators), (listings, self._listings),
                                 (successors, self._successors), (joint, self._joint), (critics, self._critics),
                                 (supporters, self._supporters)):
                sent_hits = hits[bisect_left(hits, start):bisect_left(hits, end)]
                if sent_hits and len(sent_ents) > 1:
                    args = args if args is not None else self._arguments(tok, sent, sent_ents, sent_cues)
                    relations.extend(finder.find(sent_hits, tok, sent, args, self._search.coordinated))
            sent_members = members[bisect_left(members, start):bisect_left(members, end)]
            if sent_members and len(sent_ents) > 1:
                args = args if args is not None else self._arguments(tok, sent, sent_ents, sent_cues)
                relations.extend(self._members.find(sent_members, tok, sent, args, self._search.coordinated))
            sent_marks = marks[bisect_left(marks, start):bisect_left(marks, end)]
            if sent_marks:
                relations.extend(self._verdicts(tok, sent, read, sent_ents, sent_marks, self._speaker))
        return relations

    def _without_auxiliaries(self, triggers: list[Trigger], tok: Tokens) -> list[Trigger]:
        """ "Rwanda has deployed troops": "has" is the next verb's auxiliary, not "has troops in"."""
        verbs = {t.at for t in triggers if t.voice != "nominal"}
        return [t for t in triggers if not (tok.lower[t.at] in self._auxiliaries
                                            and any(t.at < j <= t.at + _AUXILIARY_REACH for j in verbs))]

    # ------------------------------------------------------------------ arguments

    def _reader(self, tok: Tokens, sent: Sentence, args: list[Arg] | None, ents: list[Arg],
                cues: list[int]) -> Callable[[], list[Arg]]:
        """The sentence's arguments on demand: most sentences without a trigger never need them."""
        return (lambda: args) if args is not None else (lambda: self._arguments(tok, sent, ents, cues))

    def _arguments(self, tok: Tokens, sent: Sentence, ents: list[Arg], cues: list[int]) -> list[Arg]:
        """Names, groups, pronouns and descriptions of a sentence, left to right.

        `cues` are the sentence's pronouns and description nouns, found per doc.
        """
        args = list(ents)
        taken = {i for a in args for i in range(a.start, a.end)}
        for i in cues:
            if i in taken:
                continue
            lower = tok.lower[i]
            if lower in self._words["person_pronouns"]:
                args.append(Arg(i, i + 1, "pronoun", "Person"))
            elif (lower in self.lexicon.descriptors and not self._describes_next_name(tok, i, taken)
                  and (lower not in self._pointed or self._pointed_at(tok, sent, i))):
                args.append(Arg(i, i + 1, "description", self.lexicon.descriptors[lower]))
            elif lower in self._bare.firsts and (office := self._bare.find(tok, sent, i)) is not None:
                args.append(office)  # "the president said": whoever the article titles so
            elif lower in self._own_nouns and (own := own_country(tok, sent, i, self._own_owners)) is not None:
                args.append(own)  # "Erdogan said his country would ...": the state he speaks for
                taken.update(range(own.start, own.end))
        args.extend(self._speaker.plural(tok, sent, args, taken, cues))
        args.extend(self._speaker.first_persons(tok, sent, args, taken, cues))
        args.extend(self._speaker.opening_it(tok, sent, taken))
        args.sort(key=lambda a: a.start)
        dateline = sent.dateline
        if dateline:  # "PORT SUDAN, Sudan — The RSF shelled ...": the dateline's place takes no part
            args = [a for a in args if a.start >= dateline]
        # "Cuban dissidents", "warga Palestina": people of a country, not the state acting
        people = self._words.get("civilian_nouns", frozenset())
        args = [a for a in args if not (a.kind == "name" and a.type == "Country" and (
            (a.end < sent.end and tok.lower[a.end] in people) or (a.start > sent.start and tok.lower[a.start - 1] in people)))]
        # "kamp pengungsi Jenin": a group noun after a place noun only names a kind of place
        args = [a for a in args if not (a.type == "Group" and self._modifies_head(tok, sent, a))]
        # "militan Jaish al-Adl", "the rebel group M23": the common noun only describes the named group
        # ("M23 rebels" after it, read as two names, likewise)
        named_orgs = {a.start for a in args if a.kind == "name" and a.type == "Organization"}
        org_ends = {a.end for a in args if a.kind == "name" and a.type == "Organization"}
        args = [a for a in args if not (a.type == "Group" and (a.end in named_orgs or a.start in org_ends))]
        kept = [a for a, nxt in zip(args, [*args[1:], None]) if not self._titles_person(tok, sent, a, nxt)]
        ends = {e.end: e for e in ents if e.type != "Person"}
        titled = [self._with_title(tok, sent, a, ends) for a in kept]
        # "presiden negara itu, X": the country pointed at owns the title, which names no one else; the
        # person is the argument
        inside = {j for a in titled if a.lead is not None for j in range(a.lead, a.start)}
        return self._offices(tok, sent, [a for a in titled
                                         if not (a.kind in ("description", "office") and a.start in inside)])

    def _modifies_head(self, tok: Tokens, sent: Sentence, group: Arg) -> bool:
        """ "kamp pengungsi Jenin", "misi polisi multinasional", "a police mission": a group noun beside a
        place or mission noun only says what kind of place or mission it is (the head comes first in
        Indonesian, last in English)."""
        if self.lexicon.lang == "en":
            return group.end < sent.end and tok.lower[group.end] in self._compound_heads
        return group.start > sent.start and tok.lower[group.start - 1] in self._compound_heads

    def _pointed_at(self, tok: Tokens, sent: Sentence, i: int) -> bool:
        """ "the country", "negara itu", "negara tersebut": one country pointed back at, not "kedua negara",
        "both countries" or "negara anggota"."""
        before = tok.lower[i - 1] if i > sent.start else ""
        after = tok.lower[i + 1] if i + 1 < sent.end else ""
        if before in self._pair_words:
            return False
        return (self.lexicon.lang == "en" and before == "the") or after in self._demonstratives_after

    def _offices(self, tok: Tokens, sent: Sentence, args: list[Arg]) -> list[Arg]:
        """ "sanksi pada presiden Suriah dan Belarusia": a title before a country names the
        office holder, not the state, and distributes over the countries listed after it."""
        out: list[Arg] = []
        for arg in args:
            title = self._titles.ending_at(tok.lower, arg.start, sent.start) if arg.kind == "name" else None
            previous = out[-1] if out else None
            after = self._title_after(tok, sent, arg) if arg.kind == "name" and arg.type in LED else None
            if arg.type in LED and title is not None:
                arg = Arg(arg.start, arg.end, "office", "Person", ref=(title[1], arg.start), role=title[0])
            elif after is not None:  # "the U.S. president called ...": a title after the country, no name
                arg = Arg(arg.start, arg.end, "office", "Person", ref=after[1:], role=after[0])
            elif (arg.type in LED and arg.kind == "name" and previous is not None and previous.kind == "office"
                  and all(w in self._words["coordinators"] for w in tok.lower[previous.end:arg.start])):
                arg = Arg(arg.start, arg.end, "office", "Person", ref=previous.ref, role=previous.role)
            out.append(arg)
        return out

    def _title_after(self, tok: Tokens, sent: Sentence, arg: Arg) -> tuple[str, int, int] | None:
        """The role and span of a title right after a country with no name after it ("the U.S. president said")."""
        start = tok.past(arg.end, self._possessives, sent.end)
        found = self._titles.starting_at(tok.lower, start) if start < sent.end else None
        if found is None or (found[1] < sent.end and tok.ent[found[1]]):
            return None
        return found[0], start, found[1]

    def _with_title(self, tok: Tokens, sent: Sentence, arg: Arg, ends: dict[int, Arg]) -> Arg:
        """Mark where a person's title phrase begins, so "dengan Presiden Rusia Vladimir Putin"
        still has Putin right after its preposition and coordination can skip titles."""
        if arg.type != "Person" or arg.kind != "name":
            return arg
        lead, titled = arg.start, False
        for _ in range(4):  # a title, the country it names and the body it heads, in any order
            title = self._titles.ending_at(tok.lower, lead, sent.start)
            if title is not None:
                lead, titled = title[1], True
                continue
            j = lead - 1 if lead - 1 >= sent.start and tok.lower[lead - 1] in self._possessives else lead
            if j in ends:
                lead = ends[j].start
                continue
            if lead - 1 >= sent.start and tok.lower[lead - 1] in self._title_domains and (
                    titled or self._titles.ending_at(tok.lower, lead - 1, sent.start) is not None):
                lead -= 1  # "militia commander X", "Komandan Milisi Irak X"
                continue
            owned = self._state_owned_title(tok, sent, lead) if not titled else None
            if owned is not None:  # "presiden negara itu, X", "presidennya, X", "its president, X"
                lead, titled = owned, True
                continue
            break
        return Arg(arg.start, arg.end, arg.kind, arg.type, lead=lead) if titled else arg

    def _state_owned_title(self, tok: Tokens, sent: Sentence, lead: int) -> int | None:
        """Where a leader title owned by a state the article spoke of begins, the title set off before a
        name: "presiden negara itu, X", "presidennya, X", "its president, X"; None when none stands there."""
        words = tok.lower
        k = lead - 1 if lead - 1 > sent.start and words[lead - 1] == "," else lead
        if k - 2 >= sent.start and self._leaders.country_pointed(tok, k - 2):
            owner = k - 2  # "negara itu"
        elif k - 1 >= sent.start and words[k - 1] in self._state_owners and not tok.ent[k - 1]:
            owner = k - 1  # "presiden|nya"
        else:
            owner = None
        if owner is None:  # "its president, X": the owner before the title
            title = self._titles.ending_at(words, k, sent.start)
            before = title[1] - 1 if title is not None else -1
            return title[1] if title and before >= sent.start and words[before] in self._state_owners else None
        title = self._titles.ending_at(words, owner, sent.start)
        return title[1] if title is not None and title[0] == "leader" else None

    def _titles_person(self, tok: Tokens, sent: Sentence, arg: Arg, nxt: Arg | None) -> bool:
        """A country inside a person's title ("Malaysian Prime Minister Anwar Ibrahim",
        "Menteri Luar Negeri Rusia Sergei Lavrov") qualifies the person; the person is the
        argument, so "X met with Malaysian Prime Minister Y" does not read as X met Malaysia."""
        if nxt is None or nxt.type != "Person" or nxt.kind != "name" or arg.type == "Person":
            return False
        if arg.end == nxt.start:
            return self._titles.ending_at(tok.lower, arg.start, sent.start) is not None
        after = tok.past(arg.end, self._possessives)
        title = self._titles.starting_at(tok.lower, after)
        return title is not None and title[1] == nxt.start

    def _describes_next_name(self, tok: Tokens, i: int, taken: set[int]) -> bool:
        """A description written right before a name ("aliansi militer CSTO") is no argument
        itself; "aliansi ke Kazakhstan" is, since a function word stands between."""
        for j in range(i + 1, min(i + 3, len(tok))):
            if j in taken:
                return True
            if tok.lower[j] in self._words["stopwords"] or not tok.is_alpha[j] or any(self._trigger_finder.readings(tok, j)):
                return False  # a function word or a verb stands between: "militer menahan Aung San Suu Kyi"
        return False

    def _reported(self, tok: Tokens, sent: Sentence, subject: Arg) -> bool:
        """ "Kremlin menuduh Kyiv menyerang Belgorod", "accused Kyiv of attacking": the clause is what the
        accusation or claim says, no relation of its own (guideline ruling 14)."""
        j = subject.begin - 1
        while j > sent.start and tok.lower[j] in self._determiners:
            j -= 1
        return j >= sent.start and tok.lower[j] in self._claim_verbs

    def _pronoun_agents(self, tok: Tokens, sent: Sentence, args: list[Arg], at: int) -> list[Arg]:
        """The agent of "yang dia puji" is a person; of "Qatar, yang mereka tuduh ...", the subject
        the sentence opens with ("Arab Saudi, Mesir dan Bahrain memutuskan hubungan dengan Qatar")."""
        if tok.lower[at] not in self._words.get("plural_pronouns", ()):
            return [Arg(at, at + 1, "pronoun", "Person")]
        first = next((a for a in args if a.kind == "name" and a.begin <= sent.opening + 1), None)
        return self._search.coordinated(tok, args, first) if first is not None and first.end < at else []

    # ------------------------------------------------------------------ verb frames

    def _verb_relations(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger,
                        trigger_at: set[int], acts: dict[str, Arg] | None = None,
                        named: list[Arg] | None = None, verbs_at: frozenset[int] = frozenset()) -> Iterator[RawRelation]:
        refusal = (self._modality.refused(tok, sent, trigger.at)
                   if trigger.frame.predicate in _REFUSABLE and trigger.voice == "active" else None)
        if refusal is None and (self._modality.negated(tok, sent, trigger.at)
                                or self._modality.aspired(tok, sent, trigger.at)
                                or trigger.voice == "nominal" and self._modality.hypothetical(tok, sent, trigger.at)):
            return  # "did not attack"; "Ukraine's bid to join", "diundang untuk mengunjungi" (rule 17); "any attack"
        modality = "planned" if self._modality.future(tok, sent, trigger.at) else "asserted"
        frame = trigger.frame
        predicate = frame.predicate
        compound = hyphen_agent(tok, sent, args, trigger)
        threat = (self._modality.threat_before(tok, sent, trigger.at)
                  if predicate in _THREATENED and trigger.voice == "active" else None)
        if frame.threatened_only and threat is None:
            return  # "membalas X" alone may be a reply, not a strike
        if refusal is not None:  # "refused to meet Putin": no meeting; opposing him
            subjects = self._search.left(tok, sent, args, refusal, trigger_at)
            objects = self._search.right(tok, sent, args, trigger, trigger_at)
            rule, predicate, modality = "verb-refusal", "opposes", "asserted"
        elif threat is not None:  # "vowed to strike South Korea": a threat against it (rule 20)
            subjects = self._search.left(tok, sent, args, threat, trigger_at)
            objects = self._search.right(tok, sent, args, trigger, trigger_at)
            rule, predicate, modality = "verb-threat", "threatens", "asserted"
        elif compound is not None:  # "the Russian-led CSTO", "Iran-backed Houthis"
            subjects, objects, rule = compound
        elif frame.agentive:
            subjects, objects, rule = self._nominals.agent_noun_roles(tok, sent, args, trigger, trigger_at)
        elif trigger.voice == "nominal":
            subjects, objects, rule = self._nominals.roles(tok, sent, args, trigger)
            if not subjects and objects and predicate in _SHARED_NOMINALS:  # "arrived in Moscow for talks with Putin"
                subjects = self._purpose_holder(tok, sent, args, trigger, trigger_at, verbs_at)
        elif trigger.voice == "passive":
            subjects, objects, rule = self._voice.passive_roles(tok, sent, args, trigger, trigger_at)
        elif trigger.voice == "pronoun-passive":
            subjects = self._pronoun_agents(tok, sent, args, trigger.at - 1)
            objects, rule = self._voice.fronted_object(tok, sent, args, trigger.at - 1), "verb-relative"
        else:
            # "orang yang membantunya, Budi": after "yang" the subject is the clause's head, not the name before it
            relative = self._voice.relative_antecedent(tok, sent, args, trigger)
            subjects = relative if relative is not None else (
                self._participle_subject(tok, sent, args, trigger)
                or self._shared_subject(tok, sent, args, trigger, trigger_at, verbs_at)
                or self._search.left(tok, sent, args, trigger.at, trigger_at, small_clause=bool(frame.then)))
            subjects = [s for s in subjects if s is not NO_SUBJECT and not self._reported(tok, sent, s)]
            if not subjects and named:  # "kedua negara menandatangani ...", "the two sides struck a deal"
                subjects = self._pairs.named_before(tok, sent, trigger, named)
            objects = self._search.right(tok, sent, args, trigger, trigger_at) or (
                self._nominals.removal_demanded(tok, args, trigger.end, min(sent.end, trigger.end + WINDOW))
                if predicate == "protestsAgainst" else [])  # "took to the streets to demand X's resignation"
            rule = "verb-active"
            if not objects and subjects and relative is None:  # "the Wagner Group that the EU accuses of ..."
                objects = self._voice.object_relative_head(tok, sent, args, subjects[0])
        if frame.subject_heads and trigger.voice != "nominal":
            # "the force is involved in Chad": only forces are deployed by being somewhere (a noun's own
            # head, "its military presence", was checked where the noun was found)
            subjects = [s for s in subjects if any(w in frame.subject_heads for w in tok.lower[
                max(sent.start, s.begin - _HEAD_BEFORE):min(trigger.at, s.end + 2)])]
        if frame.inverse:  # "X mendapat dukungan dari Y", "X received support from Y": Y is the one who acts
            subjects, objects = objects, subjects
        if frame.predicate in _JUDGED:  # "mengutuk serangan yang dilakukan Hamas": the agent (rule 8)
            agents = (self._judged.subject_deed_agent(tok, sent, args, trigger) if trigger.voice == "passive" and subjects
                      else self._judged.named_agent(tok, sent, args, trigger))
            objects = self._search.coordinated(tok, args, agents[0]) if agents else objects
        if not objects and acts and frame.predicate in _JUDGED:
            objects = self._judged.agent_of_deed(tok, sent, trigger, acts)
        if frame.answers:  # "vowed a response to the sanctions": whoever imposed them
            answer = next((j for j in range(trigger.end, min(sent.end, trigger.end + WINDOW))
                           if tok.lower[j] in frame.object_after), None)
            objects = self._judged.answered_deed(tok, sent, args, answer + 1, acts or {}) if answer is not None else []
        if frame.possessed or frame.evaluative or frame.listed_by:
            named = [o for o in args if trigger.end <= o.begin < min(sent.end, trigger.end + 3) and o.kind == "name"]
            # "called Russia's attack a "brutal assault"": judging what Russia did
            objects = [o for o in named if frame.possessed and self._judged.judged_deed(tok, sent, o, frame)][:1]
            # "described Haftar as a war criminal", "menyebut Israel sebagai negara teror": the name right after
            called = [o for o in named if frame.evaluative
                      and all(w in self._determiners for w in tok.lower[trigger.end:o.begin])]
            objects = objects or [o for o in called if self._judged.damned_as(tok, sent, o.end)][:1]
            if not objects and frame.evaluative:  # "described the manoeuvre by Lukashenko as unacceptable"
                objects = [a for a in self._judged.named_agent(tok, sent, args, trigger) if self._judged.damned(tok, sent, a.end)]
            if not objects and frame.evaluative:  # "described him as a war criminal", "menyebutnya teroris"
                pronoun = self._person_pronoun_object(tok, sent, trigger)
                objects = [pronoun] if pronoun is not None and self._judged.damned_as(tok, sent, pronoun.end) else []
            lauded = [] if objects else [o for o in called if self._judged.lauded_as(tok, sent, o.end)][:1]
            if lauded:  # "called Biden a true friend": praise, in the words that judge
                objects, predicate = lauded, "praises"
            # "added Huawei to its blacklist": the list says what adding means; not "tiga perusahaan Iran": the
            # state only qualifies the firms listed
            objects = objects or [o for o in named[:1] if any(w in frame.listed_by for w in tok.lower[o.end:o.end + 6])
                                  and not self._search.modifier(tok, trigger.end, o, sent.end)]
        if objects and objects[-1].type == "Group":  # "sanctioned 11 officials, including Carrie Lam": the set's members
            listed = self._search.members_listed(tok, sent, args, objects[-1].end)
            objects = objects + [a for a in listed if a not in objects and _typed(a, frame.object_types)]
        if frame.owner_only:  # "angered by the US decision", not "by the visit to Taiwan"
            start = next((j + 1 for j in range(trigger.end, min(sent.end, trigger.end + WINDOW))
                          if tok.lower[j] in frame.object_after), None)
            # "outraged after Lukashenko ordered ...": the one whose deed the clause tells
            objects = [o for o in objects if start is not None and (self._judged.owner_at(tok, sent, start, o) or (
                tok.lower[start - 1] in self._deed_clauses and o.begin == start))]
        if frame.direct:  # "Iran backs the Houthis", "menyambut hangat Putin": only a name right after the verb
            objects = [o for o in objects if all(w in self._determiners or w in self._manner
                                                 for w in past_hyphen_compounds(tok.lower[trigger.end:o.begin]))]
        if frame.speaker_judges:  # "X mengatakan, "Rusia telah menyalahgunakan ..."": X condemns Russia
            speaker = self._speaker(tok, sent, args, trigger.at) if trigger.voice == "active" else None
            subjects, objects, rule = ([speaker], subjects, "speaker-judges") if speaker else ([], [], rule)
        if frame.predicate in _SPATIAL:  # "di Balochistan, Pakistan": the place and the country it lies in
            objects = objects + [c for o in objects if (c := self._search.country_after(tok, sent, args, o)) is not None]
            objects = objects + [p for o in objects
                                 if (p := self._search.included_after(tok, sent, args, o, frame.object_after)) is not None]
        if frame.mutual:  # "saling tembak di perbatasan Kashmir": a place is no side of the fight
            objects = [o for o in objects if _typed(o, frame.object_types)]
        # "A and B met", not "A and B hosted" nor "A and B mediated talks"
        mutual_subjects = bool(frame.object_after or frame.noun or frame.then) and not frame.go_between
        if (not objects and (frame.predicate in SYMMETRIC_PREDICATES or frame.mutual) and len(subjects) > 1
                and mutual_subjects):
            # "Jepang dan Filipina menandatangani pakta": each with each, the relation is mutual
            pairs = [(a, b) for i, a in enumerate(subjects) for b in subjects[i + 1:]]
        else:
            pairs = [(a, b) for a in subjects for b in objects]
        if frame.predicate in SYMMETRIC_PREDICATES:  # "the meeting between A and B": one edge, not two
            pairs = [(a, b) for a, b in pairs if (b, a) not in pairs or a.start < b.start]
        elif frame.mutual:  # "clashed with X": each side attacks the other
            pairs += [(b, a) for a, b in pairs if (b, a) not in pairs]
        for subject, obj in pairs:
            if (obj.kind == "name" and frame.predicate not in STATE_OBJECT_PREDICATES
                    and tok.doc[obj.start].ent_id_ in self._capitals):
                obj = obj._replace(type="Place")  # "memimpin delegasi Bangkok", "struck Kyiv": the city itself
            if frame.predicate == "attacks" and obj.type == "Place" and any(
                    w in self._waters for w in tok.lower[obj.start:obj.end]):
                continue  # "menembakkan rudal ke Laut Jepang": a test into the sea attacks no one
            if _typed(subject, frame.subject_types) and _typed(obj, frame.object_types) and subject != obj:
                yield RawRelation(subject, predicate, obj, sent.span(tok), rule, modality)

    def _person_pronoun_object(self, tok: Tokens, sent: Sentence, trigger: Trigger) -> Arg | None:
        """ "called him", "menyebut|nya": a person spoken of as the verb's object (kg.resolve finds whom,
        never the clause's subject)."""
        if trigger.clitic and tok.lower[trigger.end - 1] in self._words.get("clitic_pronouns", ()):
            return Arg(trigger.end - 1, trigger.end, "pronoun", "Person")
        if trigger.end < sent.end and tok.lower[trigger.end] in self._words.get("person_object_pronouns", ()):
            return Arg(trigger.end, trigger.end + 1, "pronoun", "Person")
        return None

    def _purpose_holder(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger,
                        trigger_at: set[int], verbs_at: frozenset[int]) -> list[Arg]:
        """Who the talks a purpose phrase after a destination names are for: "Erdogan arrived in Moscow for
        talks with Putin", "Erdogan tiba di Moskow untuk pembicaraan dengan Putin": the earlier verb's
        subject (not "called for talks with": asking for talks is no meeting, rule 17)."""
        j = trigger.at
        while j > sent.start and tok.lower[j - 1] in self._determiners:
            j -= 1
        place = next((a for a in args if a.end == j - 1 and a.type in ("Place", "Country")
                      and tok.lower[a.begin - 1] in self._destinations), None)  # "in Moscow", not "called on Russia"
        earlier = [k for k in verbs_at if sent.start <= k < j - 1]
        if not (tok.lower[j - 1] in self._purpose_nominal and place is not None and earlier):
            return []
        return [s for s in self._search.left(tok, sent, args, max(earlier), trigger_at) if s.type == "Person"]

    def _shared_subject(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger,
                        trigger_at: set[int], verbs_at: frozenset[int]) -> list[Arg]:
        """ "Jokowi mengunjungi Kyiv dan bertemu dengan Zelensky": a verb joined to an earlier
        one by "dan"/"and" shares its subject, not the earlier verb's object (a noun such as
        "pasukan" is no earlier verb)."""
        i = trigger.at
        joined = i - 1 > sent.start and tok.lower[i - 1] in self._words["coordinators"] and tok.is_alpha[i - 1]
        earlier = [j for j in verbs_at if sent.start <= j < i - 1]
        if i - 1 > sent.start and tok.lower[i - 1] in self._purpose and earlier:
            # "the coalition will remain in the Sahel to counter al Qaida": a purpose clause whose nearest
            # name is a place or a preposition's object has the earlier verb's subject ("sent troops to Mali
            # to fight the rebels"); but "asked Russia to withdraw": Russia
            nearest = next((a for a in args if a.end == i - 1), None)
            if nearest is not None and (nearest.type == "Place" or self._search.after_preposition(tok, sent, nearest)):
                return self._search.left(tok, sent, args, max(earlier), trigger_at)
            return []
        if i - 1 > sent.start and tok.lower[i - 1] in self._subordinators and (
                self.lexicon.lang != "en" or tok.lower[i].endswith("ing")):
            # "Iran menyerang militan di Pakistan setelah merudal markas Mossad", "after striking": a verb
            # right after the subordinator has the main clause's subject
            if earlier:
                return self._search.left(tok, sent, args, max(earlier), trigger_at)
            opener = first_at(args, sent.opening, sent.opening + 1)
            return [opener] if opener is not None and opener.kind == "name" else [NO_SUBJECT]
        if not joined:
            return []
        if not earlier:
            # "untuk melatih pasukan keamanan Irak dan memerangi IS": the name before "dan" is the
            # object of a verb kg does not read, not this verb's subject; only the sentence's opener is
            first = self._search.left(tok, sent, args, i, trigger_at)
            return first if first and first[0].begin <= sent.opening + 1 else [NO_SUBJECT]
        return self._search.left(tok, sent, args, max(earlier), trigger_at)

    def _participle_subject(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> list[Arg]:
        """ "Biden spoke after a G7 meeting, announcing sanctions": a participle after a
        comma shares the sentence's subject, not the nearest name to its left; one opening the
        sentence has the subject after its phrase ("Visiting Moscow, Modi said")."""
        i = trigger.at
        if self.lexicon.lang != "en" or not tok.lower[i].endswith("ing"):
            return []
        if i == sent.opening:  # "Visiting Moscow, Modi said ...": the subject after the phrase's comma
            subject = self._search.name_after_comma(tok, sent, args, trigger.end, WINDOW)
            return [subject] if subject is not None else []
        if i - 1 < sent.start or tok.lower[i - 1] != ",":
            return []
        first = next((a for a in args if a.begin < i), None)
        if first is None or self._search.after_preposition(tok, sent, first) or first.begin > sent.opening + 3:
            return []
        return self._search.coordinated(tok, args, first)


def _typed(arg: Arg, allowed: frozenset[str]) -> bool:
    return arg.type is None or arg.type in allowed
