"""Where a verb's arguments are: word order read within a clause.

spaCy's blank pipelines have no parser, so a trigger's subject is the nearest argument
before it in its clause (not inside a prepositional phrase or a relative clause), its
object the argument after it or after the frame's preposition, each extended to the
list it is coordinated in ("A, B dan C").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeGuard

from spacy.lang.lex_attrs import is_quote

from kg.gazetteer import load_gazetteer
from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.coordination import Lists
from kg.nlp.records import Arg, Sentence, first_at
from kg.nlp.triggers import WINDOW, Trigger

__all__ = ["JUDGEMENTS", "PREP_GAP", "ArgumentSearch", "past_hyphen_compounds"]

PREP_GAP = 4  # tokens allowed between a preposition and its argument
_VICINITY_WORDS = 2  # "wilayah perairan", "di sekitar"
_INTRODUCING_WORDS = 3  # common nouns between a state's qualifier and the name they introduce: "tech giant"
_MODIFIED_REACH = 3  # from a hyphenated participle to the name it modifies: "Iran-backed | militia Kataib Hezbollah"
_OBJECT_GAP = 7  # tokens allowed between a transitive verb and its object ("menangkap mantan Presiden X")
_DRAFTER_REACH = 5  # "a UN resolution (that was) drafted by": words between the forum and "by"
_RELATIVE_REACH = 5  # tokens between a relativizer and a name inside its clause ("yang dipimpin oleh AS")
# content words allowed between a verb and a name that is its object: "menyerang markas Hamas", "struck
# Hamas military bases"; past that the name only qualifies a noun phrase ("kapal kargo berbendera Liberia")
_NOUNS_BEFORE_OBJECT = 2
# judging an actor's act judges the actor (guideline rule 8): "condemned Russia's attack" condemns Russia
JUDGEMENTS = frozenset({"condemns", "opposes", "blames", "supports", "praises", "protestsAgainst"})
# Deeds done to people rather than to a state: "sanctions on Russian officials", "menangkap warga Ukraina"
PERSONAL = frozenset({"sanctions", "detains"})

# predicates whose "-nya" object is a person ("menangkapnya", "menemuinya"); "menyerangnya" may be a place
_PERSON_OBJECTS = frozenset({"detains", "meetsWith"})
_ATTRIBUTION_REACH = 6  # words of ", the UN Security Council said"


class ArgumentSearch:
    """Finds a trigger's arguments among a sentence's by word order."""

    def __init__(self, lexicon: Lexicon):
        self._words = lexicon.words
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._fillers = self._words.get("coordination_fillers", frozenset())
        self._lists = Lists(lexicon, self.breaks)
        # "accused them of undermining Hong Kong's autonomy": past these words comes what a verb is about
        self._content_markers = self._words.get("content_markers", frozenset())
        self._object_pronouns = self._words.get("object_pronouns", frozenset())
        self._person_objects = self._words.get("person_object_pronouns", frozenset())  # "him", "her"
        # "..., the UN said": the verbs that name a sentence's source after a comma
        self._attribution_verbs = self._words["speech_verbs"] | self._words.get("cite_cues_after", frozenset())
        self._led_by = self._words.get("led_by_markers", frozenset())  # "pimpinan": a name led by the one after
        # a state's own organs: "Russian troops", "pemerintah China" are the state acting or acted on
        self._organs = self._words.get("state_organs", frozenset())
        # people of a state ("officials", "warga") stand for it when they act, not when they are sanctioned or held
        self._people = self._words.get("people_nouns", frozenset())
        self._means = self._words.get("means_nouns", frozenset())
        self._as = self._words.get("as_markers", frozenset())
        self._mediators = self._words.get("mediator_nouns", frozenset())
        self._members = lexicon.group_words  # "rebels", "fighters": a group's own people
        self._clitics = self._words.get("clitic_pronouns", frozenset())  # "menangkap|nya"
        self._inclusions = self._words.get("inclusion_markers", frozenset())
        # deeds whose name beside them did them ("serangan Israel"); an arrest's name suffered it ("penangkapan
        # Navalny")
        self._deed_words = frozenset(w for key, words in self._words.items() if key.endswith("_deeds")
                                     and key != "detains_deeds" for phrase in words for w in phrase.split())
        self._suffered = frozenset(w for key in ("detains_deeds", "victim_deeds")
                                   for phrase in self._words.get(key, ()) for w in phrase.split())
        # "a UN Security Council resolution": a text put to a vote is its forum's; only a state's is its draft
        self._drafted = frozenset(w for phrase in self._words.get("drafted_deeds", ()) for w in phrase.split())
        self._locatives = self._words.get("place_prepositions", frozenset())  # "Protesters in Nairobi marched"
        self._vicinity_nouns = self._words.get("vicinity_nouns", frozenset())  # "the waters | off Taiwan"
        self._pair_joins = self._words.get("pair_joins", frozenset())  # "X in P and | Y in Q"
        self._vicinity_links = self._words.get("vicinity_links", frozenset())
        self._subordinators = self._words.get("subject_sharing_subordinators", frozenset())  # "after", "setelah"
        self._topics = self._words.get("topic_prepositions", frozenset())  # "talks with X about Y": Y is no party
        self._borders = self._words.get("border_nouns", frozenset())  # "the border with China"
        self._qualified = self._words.get("qualified_nouns", frozenset())  # "perusahaan Rusia": a body, no state
        #: between an aside and its verb: "Rusia, sekutu dekat Caracas, justru memuji", "Egypt, ..., has also"
        self._before_verb = self._words.get("auxiliaries", frozenset()) | self._words.get("preverbal_adverbs", frozenset())
        self._cues = frozenset(w for w in self._words.get("cite_cues", ()) if " " not in w)  # "menurut", "per"
        self._loyal = self._words.get("loyalty_markers", frozenset())  # "forces loyal to X" are X's forces
        self._origins = self._words.get("origin_prepositions", frozenset())  # "Prime Minister Modi of India arrived"
        self._determiners = self._words.get("determiners", frozenset())
        gazetteer = load_gazetteer()
        #: what kind of body a name is: "the militant group Hamas", "kelompok militan Hamas"
        self._kind_words = frozenset(lexicon.descriptors) | self._words.get("body_modifiers", frozenset())
        self._demonyms = frozenset(d for entry in gazetteer.entries.values() for d in entry.demonyms)
        self._capitals = gazetteer.capitals()
        self._function_words = (self._words["stopwords"] | self._words.get("determiners", frozenset())
                                | self._words.get("quantifiers", frozenset()) | self._fillers
                                | self._words.get("title_qualifiers", frozenset()) | self._words["coordinators"]
                                | self._words["locative_prepositions"] | self._words.get("former_markers", frozenset())
                                | self._words.get("manner_adverbs", frozenset()))

    def left(self, tok: Tokens, sent: Sentence, args: list[Arg], index: int, trigger_at: set[int],
              small_clause: bool = False) -> list[Arg]:
        """The nearest argument before `index` in the same clause, with its coordinates.

        With `small_clause` (copular frames: "dengan Turki merupakan anggota NATO") the
        name right before the verb is its subject even inside a prepositional phrase.
        """
        stop = max(sent.start, index - WINDOW)
        aside = self.aside_head(tok, sent, args, index)
        if aside is not None:  # "Egypt, which signed a pact with Somalia, deployed ...": the head before it
            return self.coordinated(tok, args, aside)
        if self._unknown_name_before(tok, sent, index):
            return []  # "Eritrea's information minister, Yemane Gebremeskel, accused": someone kg cannot name
        # "Rebels backed by Rwanda attacked Goma": past a participle phrase that only describes the subject
        start = next((j for j in trigger_at if j < index and self._participle_phrase(tok, args, j, index)), index)
        for j in range(start - 1, stop - 1, -1):
            if self.breaks(tok, j) or j in trigger_at:
                return []
            arg = next((a for a in args if a.end - 1 == j), None)
            if arg is None:
                continue
            if self.qualifies_noun(tok, sent, arg):
                return []  # "perusahaan Rusia (yang) membantu": the companies act, not Russia
            marker = next((k for k in (arg.start - 1, arg.begin - 1) if k > sent.start and tok.lower[k] in self._led_by),
                          None)
            if marker is not None:
                # "KKB pimpinan Egianus Kogoya menyerang": the group acts, not its leader
                led = next((a for a in args if a.end == marker), None)
                return self.coordinated(tok, args, led) if led is not None else []
            qualified = next((a for a in args if a.end == arg.begin and a.type in ("Organization", "Group")), None)
            if arg.type in ("Country", "Place") and qualified is not None:
                arg = qualified  # "Kelompok Houthi Yaman menyerang", "Polisi Hong Kong": the place only says whose
            if not self.after_preposition(tok, sent, arg):
                listed = self.coordinated(tok, args, arg)  # "BRICS, which includes Brazil, ... and China, met": BRICS
                head = (self.relative_head(tok, sent, args, listed[0]) or self.relative_head(tok, sent, args, arg)
                        or self._apposition_head(tok, sent, args, arg))
                group = self.coordinated(tok, args, head) if head is not None else listed
                if head is None and len(group) > 1 and self.after_preposition(tok, sent, group[0]):
                    return []  # "officials from Armenia, Azerbaijan and Russia will discuss": the list is a phrase's
                return group
            if j == index - 1:
                # "As he sat down ...": a sentence-opening subordinator, the name is the subject;
                # "dengan Turki merupakan ...": a phrase inside the clause, no visible subject
                # "Protesters in Nairobi marched against ...": a place set after the subject
                k = arg.begin - 1
                if k - 1 > sent.start and f"{tok.lower[k - 1]} {tok.lower[k]}" in self._loyal:
                    return self.coordinated(tok, args, arg)  # "Forces loyal to Haftar attacked": his forces
                located = (next((a for a in args if a.end == k), None)
                           if tok.lower[k] in self._locatives or tok.lower[k] in self._origins else None)
                if located is not None:
                    return self.coordinated(tok, args, located)
                opens = arg.begin - 1 == sent.opening
                # "after Hamas attacked Israel": a subordinator, not a preposition, opens the name's own clause
                k = arg.begin - 1
                while k > sent.start and tok.lower[k] in self._determiners:
                    k -= 1  # "after the US imposed"
                subordinate = tok.lower[k] in self._subordinators
                return self.coordinated(tok, args, arg) if opens or small_clause or subordinate else []
        return []

    def _participle_phrase(self, tok: Tokens, args: list[Arg], j: int, index: int) -> bool:
        """A past participle at `j` with its agent, ending right before the verb at `index`: "backed by
        Rwanda", "didukung oleh Rwanda" describe the noun before them."""
        if j + 1 >= index or tok.lower[j + 1] not in self._words["passive_agent_markers"]:
            return False
        agent = first_at(args, j + 2, j + 3)
        return agent is not None and agent.end == index

    @staticmethod
    def _unknown_name_before(tok: Tokens, sent: Sentence, index: int) -> bool:
        """ ", Yemane Gebremeskel, accused": an apposition of capitalised words no one could type names
        the subject, so no name before it is."""
        j = index - 1
        if j <= sent.start or tok.lower[j] != ",":
            return False
        k = j - 1
        while k > sent.start and tok.doc[k].is_title and not tok.ent[k]:
            k -= 1
        return j - k >= 2 and tok.lower[k] == ","

    def aside_head(self, tok: Tokens, sent: Sentence, args: list[Arg], index: int) -> Arg | None:
        """The name before a comma-delimited aside that ends right before the verb: "Egypt, which
        signed a pact with Somalia, has deployed", "Amerika Serikat, sekutu Filipina, mengecam",
        "The army, led by General X, blamed". A list ("A, B, C and D met") is no aside: its
        parts are names."""
        j = index - 1
        while j > sent.start and tok.lower[j] in self._before_verb:
            j -= 1  # "Rusia, sekutu dekat Caracas, justru memuji", "Egypt, ..., has also deployed"
        if j <= sent.start or tok.lower[j] != ",":
            return None
        broken = False  # "X, yang ... meski masih menjabat sebagai PM sementara Irak, mengatakan": a relative aside
        for k in range(j - 1, max(sent.start, j - 2 * WINDOW) - 1, -1):
            if tok.lower[k] == ",":
                if broken and tok.lower[k + 1] not in self._words["relativizers"]:
                    return None
                opener = next((a for a in args if a.begin == k + 1), None)
                if opener is not None and not (opener.end < j and tok.lower[opener.end] in self._possessives):
                    return None  # the aside opens with a name: a list, or an apposition naming someone
                # ("The RSF, Sudan's paramilitary group, attacked": a name's possession describes the head)
                return next((a for a in args if a.end == k and a.kind == "name"), None)
            if self.breaks(tok, k) and tok.lower[k] not in self._words["relativizers"]:
                if is_quote(tok.lower[k]):
                    return None
                broken = True
        return None

    def _apposition_head(self, tok: Tokens, sent: Sentence, args: list[Arg], arg: Arg) -> Arg | None:
        """ "Josep Borrell, the EU's High Representative for Foreign Policy, held ...": a name inside
        an apposition set off after a person describes that person, who is the subject."""
        for k in range(arg.begin - 1, max(sent.start, arg.begin - 3) - 1, -1):
            if tok.lower[k] == ",":
                person = next((a for a in args if a.end == k and a.kind == "name" and a.type == "Person"), None)
                if person is not None and (self.after_preposition(tok, sent, person)
                                           or tok.lower[person.begin - 1] in self._cues):
                    return None  # "Menurut Jokowi, Indonesia mendukung": a source, then the clause's own subject
                return person if person is not None and tok.lower[arg.end:arg.end + 1] != [","] else None
            if tok.lower[k] not in self._words.get("determiners", frozenset()):
                return None
        return None

    def relative_head(self, tok: Tokens, sent: Sentence, args: list[Arg], arg: Arg) -> Arg | None:
        """ "NATO yang dipimpin AS mengecam ...", "Russia, which attacked Ukraine, was ...": a name
        inside a relative clause is not the main verb's argument; the clause's head is."""
        determiners = self._words.get("determiners", frozenset())
        for k in range(arg.begin - 1, max(sent.start, arg.begin - _RELATIVE_REACH) - 1, -1):
            if tok.lower[k] in self._words["relativizers"]:
                if all(w in determiners for w in tok.lower[k + 1:arg.begin]):
                    # "the group that the EU accuses", "told Reuters that Israel struck": the name is the
                    # clause's own subject
                    return None
                head = next((a for a in args if a.end == k or (a.end == k - 1 and tok.lower[k - 1] == ",")), None)
                return None if head is not None and self.where(tok, sent, head) else head  # "in Moscow, which ..."
            if self.breaks(tok, k) or tok.ent[k]:
                return None
        return None

    def owned_name(self, tok: Tokens, args: list[Arg], owner: Arg, limit: int) -> Arg | None:
        """The name `owner`'s possessive owns: "Iran's morality police", 's "morality" police; None when the
        owned is no name ("Baghdadi's deputy") or no possessive follows."""
        if owner.end >= limit or tok.lower[owner.end] not in self._possessives:
            return None
        at = owner.end + 1 + (owner.end + 1 < limit and is_quote(tok.lower[owner.end + 1]))
        owned = first_at(args, at, at + 1)
        return owned if owned is not None and owned.kind == "name" else None

    def qualifies_noun(self, tok: Tokens, sent: Sentence, arg: Arg) -> bool:
        """A state named after a noun for a body of its own that is not the state: "perusahaan Rusia", "companies
        of Russia" are no Russia (while "pemerintah Rusia", "pasukan Rusia" are its organs, so Russia acting)."""
        k = arg.begin - 1
        if arg.kind != "name" or arg.type not in ("Country", "Place") or k < sent.start:
            return False
        if tok.lower[k] == "of" and k > sent.start:  # "companies of Russia"
            k -= 1
        return tok.lower[k] in self._qualified and not tok.ent[k]

    def where(self, tok: Tokens, sent: Sentence, arg: Arg) -> bool:
        """A place or capital named as where something happened: "in Moscow", "di Moskow"."""
        place = arg.type == "Place" or arg.kind == "name" and tok.doc[arg.start].ent_id_ in self._capitals
        return place and self.after_preposition(tok, sent, arg)

    def right(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger, trigger_at: set[int]) -> list[Arg]:
        frame = trigger.frame
        limit = self._clause_end(tok, sent, trigger.end, trigger_at)
        if limit < sent.end and tok.lower[limit] in frame.object_after:
            limit = min(sent.end, limit + 1 + PREP_GAP)  # "angered when Australia ...": the frame's own word opens it
        if frame.object_after:
            found = self.after_prep(tok, sent, args, trigger.end, frame.object_after, limit,
                                    judging=frame.predicate in JUDGEMENTS, personal=frame.predicate in PERSONAL)
            if found or frame.require_prep:
                return found
        if trigger.end < limit and tok.lower[trigger.end] in self._object_pronouns and not tok.ent[trigger.end]:
            # "Police arrested him": the person spoken of (kg.resolve, never the clause's subject); "accuses
            # them of undermining ...": whoever "them" is, no name here
            return [Arg(trigger.end, trigger.end + 1, "pronoun", "Person")] if self._personal_object(tok, trigger.end, limit) else []
        if (trigger.frame.predicate in _PERSON_OBJECTS and trigger.end - 1 > trigger.at
                and tok.lower[trigger.end - 1] in self._clitics):
            return [Arg(trigger.end - 1, trigger.end, "pronoun", "Person")]  # "polisi menangkapnya"
        quantities = self._words.get("quantifiers", frozenset())  # "dozens of protesters" is the object itself
        content = next((j for j in range(trigger.end, limit) if tok.lower[j] in self._content_markers
                        and tok.lower[j - 1] not in quantities), limit)
        judging = frame.predicate in JUDGEMENTS
        personal = frame.predicate in PERSONAL
        vicinity = self._past_vicinity(tok, trigger.end, limit)  # "patrolled the waters off | Natuna"
        # "voted against X", "is opposed to X": a preposition among the frame's own words opens the object
        own_preposition = bool(frame.then) and tok.lower[trigger.end - 1] in frame.then
        for arg in args:
            if trigger.end <= arg.begin < min(limit, content, trigger.end + _OBJECT_GAP):
                if any(w in self._pair_joins for w in tok.lower[trigger.end:arg.begin]) \
                        and not self._owns_frame_noun(tok, trigger, arg):
                    return []  # "condemned the attack and urged the Security Council": the object came before "and"
                if _hyphen_modifier(tok, arg) and first_at(args, arg.end + 2, arg.end + 2 + _MODIFIED_REACH):
                    # "struck Iran-backed Hezbollah": Iran only says who backs the one struck ("vetoed a US-drafted
                    # resolution" names no one after it: the drafter is the one opposed)
                    continue
                arg = self._named_after_state(args, arg)  # "aset oligarki Rusia Roman Abramovich": the oligarch
                if self._kind_of_next_body(tok, arg, limit):
                    continue  # "Palestinian" of "the Palestinian militant group Hamas": the group is the argument
                if self._owns_frame_noun(tok, trigger, arg):
                    return self.coordinated(tok, args, arg)  # "memblokir keanggotaan Swedia": Sweden's membership
                summoned = arg.kind == "office" and frame.predicate == "meetsWith"  # "summoned Iran's ambassador"
                if not summoned and arg.end < limit and tok.lower[arg.end] in self._possessives and not judging:
                    # "killed Baghdadi's deputy": the object is the deputy, whom the text does not name here;
                    # "sanctioned Iran's morality police": one the text names
                    owned = self.owned_name(tok, args, arg, limit)
                    return self.coordinated(tok, args, owned) if owned is not None else []
                if vicinity == arg.begin:
                    return self.coordinated(tok, args, arg)  # "patrolled the waters off Natuna": the place
                if not judging and self.modifier(tok, trigger.end, arg, limit, _NOUNS_BEFORE_OBJECT, personal):
                    named = self._introduced_name(tok, args, arg, limit)  # "froze Russian oligarch X's assets"
                    return self.coordinated(tok, args, named) if named is not None else []
                if judging and arg.type == "Place" and self._deed_between(tok, trigger.end, arg):
                    return []  # "mengecam pendudukan Tepi Barat": the place the deed was done to is not judged
                if judging and arg.type != "Country" and any(
                        w in self._drafted for w in [*tok.lower[trigger.end:arg.begin], *tok.lower[arg.end:arg.end + 1]]):
                    # "memveto resolusi Dewan Keamanan PBB": the forum of the vote, not its drafter, who may
                    # follow it ("a UN resolution drafted by the US")
                    by = next((j for j in range(arg.end, min(limit, arg.end + _DRAFTER_REACH))
                               if tok.lower[j] in self._words["passive_agent_markers"]), None)
                    drafter = first_at(args, by + 1, by + 1 + PREP_GAP) if by is not None else None
                    return self.coordinated(tok, args, drafter) if drafter is not None and drafter.kind == "name" else []
                if judging and (self.modifier(tok, trigger.end, arg, limit) and not self._deed_between(tok, trigger.end, arg)
                                or self._names_a_noun(tok, arg, limit)
                                or any(w in self._suffered for w in tok.lower[trigger.end:arg.begin])):
                    # "mengecam kudeta Myanmar", "the Myanmar coup": done in Myanmar, not by it; "mengecam
                    # penangkapan Navalny": Navalny suffered it (rule 19)
                    return []
                group = self.coordinated(tok, args, arg)
                if own_preposition or not any(self.after_preposition(tok, sent, a) for a in group):
                    return group + self._placed_pair(tok, args, group[-1], limit)
        return []

    def _placed_pair(self, tok: Tokens, args: list[Arg], last: Arg, limit: int) -> list[Arg]:
        """The object joined to `last` past the place each is in: "struck Israel in the Golan and Hamas in
        Gaza", "merudal markas Mossad di Irak dan ISIS di Suriah"; not a new clause ("... and Hamas said")."""
        words = tok.lower
        j = last.end
        if j >= limit or words[j] not in self._locatives:
            return []
        place = first_at(args, j + 1, j + 3)
        if place is None or place.type not in ("Place", "Country") or place.end + 1 >= limit:
            return []
        k = place.end
        if words[k] not in self._pair_joins:
            return []
        nxt = first_at(args, k + 1, k + 2)
        if nxt is None or nxt.kind != last.kind:
            return []
        end = nxt.end  # what follows the name: its own place or the end of the clause, not a verb of its own
        closed = end >= len(words) or not tok.is_alpha[end] or words[end] in self._locatives
        return [nxt] if closed else []

    def _personal_object(self, tok: Tokens, j: int, limit: int) -> bool:
        """ "arrested him", "welcomed her at the airport": a person's object pronoun; not "her sister"."""
        if tok.lower[j] not in self._person_objects:
            return False
        nxt = j + 1
        return nxt >= limit or not tok.is_alpha[nxt] or tok.lower[nxt] in self._words["locative_prepositions"] \
            or tok.lower[nxt] in self._words["coordinators"]

    def _owns_frame_noun(self, tok: Tokens, trigger: Trigger, arg: Arg) -> bool:
        """The name right after the frame's own noun owns it, and so is the object: "memblokir keanggotaan
        Swedia" (Sweden's membership), "membekukan aset Rusia"."""
        if arg.kind != "name":
            return False
        between = [w for w in tok.lower[trigger.end:arg.begin] if w not in self._function_words]
        nouns = trigger.frame.noun
        if not between:  # "relied on Russian support", "relies on Russia's subsidies": the owner before the noun
            after = tok.past(arg.end, self._possessives)
            return after < len(tok) and tok.lower[after] in nouns
        # "mengandalkan subsidi dan dukungan Rusia": the frame's noun and others coordinated with it
        return between[0] in nouns and all(w in nouns or w in self._deed_words for w in between)

    def after_prep(self, tok: Tokens, sent: Sentence, args: list[Arg], start: int,
                    preps: Sequence[str], limit: int, judging: bool = False, personal: bool = False) -> list[Arg]:
        for j in range(start, limit):
            if tok.lower[j] in preps and not tok.ent[j]:
                if j + 1 < limit and tok.lower[j + 1] in self._locatives:
                    continue  # "konferensi pers bersama di Jakarta": an adverb ("together"), not the preposition
                if not judging and self._means_after(tok, j + 1, limit):
                    continue  # "sepakat gencatan senjata dengan bantuan Malaysia": a helper, not a party
                arg = first_at(args, j + 1, j + 1 + PREP_GAP)
                if arg is not None and _hyphen_modifier(tok, arg):  # "sanctions on Iran-backed Kataib Hezbollah"
                    arg = first_at(args, arg.end + 2, arg.end + 2 + _MODIFIED_REACH) or arg
                if arg is None:  # "to the waters off Taiwan", "ke wilayah perairan di sekitar Taiwan"
                    past = self._past_vicinity(tok, j + 1, limit)
                    arg = first_at(args, past, past + 2) if past is not None else None
                if arg is None:
                    return []  # "menentang kenaikan harga": the frame's phrase names no one
                arg = self._named_after_state(args, arg)  # "raksasa teknologi China Huawei": Huawei
                if self._named_mediator(tok, arg, limit):
                    continue  # "agreed to a truce, with Qatar as mediator": the go-between is no party
                if not judging and self.modifier(tok, j + 1, arg, limit, PREP_GAP, personal):
                    # "sanksi terhadap perusahaan China": an unnamed company; "sanctions on Russian insurer
                    # Ingosstrakh": the name the qualified noun introduces
                    named = self._introduced_name(tok, args, arg, limit)
                    return self.coordinated(tok, args, named) if named is not None else []
                if any(w in self._topics for w in tok.lower[j + 1:arg.begin]):
                    return []  # "berdiskusi dengan Anwar mengenai Myanmar": the topic, past an unnamed party
                if not judging and self._at_border(tok, j + 1, arg, limit):
                    return []  # "troops to the border with China", "ke perbatasan dengan China": not into China
                return self.coordinated(tok, args, arg)
        return []

    def _past_vicinity(self, tok: Tokens, start: int, limit: int) -> int | None:
        """Where the place begins after a phrase naming its surroundings: "the waters off", "the area
        around", "wilayah perairan di sekitar"; None when the phrase at `start` is no such phrase."""
        j = start
        while j < limit and tok.lower[j] in self._determiners:
            j += 1
        k = j
        while k < min(limit, j + _VICINITY_WORDS) and tok.lower[k] in self._vicinity_nouns:
            k += 1
        m = k
        while m < min(limit, k + _VICINITY_WORDS) and tok.lower[m] in self._vicinity_links:
            m += 1
        return m if j < k < m else None

    def _at_border(self, tok: Tokens, start: int, arg: Arg, limit: int) -> bool:
        """Whether the phrase from `start` names a border the name shares, not the name's land: "to the
        border with China", "along the Chinese border", "ke perbatasan dengan China"."""
        return (any(w in self._borders for w in tok.lower[start:arg.begin])
                or arg.end < limit and tok.lower[arg.end] in self._borders)

    def country_after(self, tok: Tokens, sent: Sentence, args: list[Arg], place: Arg) -> Arg | None:
        """The country set off after a place: "Balochistan, Pakistan", "Jakarta, Indonesia"."""
        city = place.type == "Place" or (place.kind == "name" and tok.doc[place.start].ent_id_ in self._capitals)
        if not city or place.end + 1 >= sent.end or tok.lower[place.end] != ",":
            return None
        country = first_at(args, place.end + 1, place.end + 2)
        if country is None or country.type != "Country" or country.kind != "name":
            return None
        after = tok.lower[country.end] if country.end < sent.end else "."
        return country if not tok.is_alpha[country.end] or after in ("and", "dan") else None

    def name_after_comma(self, tok: Tokens, sent: Sentence, args: list[Arg], start: int, reach: int) -> Arg | None:
        """The name right after the first comma within `reach` words of `start`: the subject a phrase opening
        the sentence points ahead to ("Visiting Moscow, Modi said", "In a phone call with Putin, Erdogan")."""
        comma = next((j for j in range(start, min(sent.end, start + reach)) if tok.lower[j] == ","), None)
        name = first_at(args, comma + 1, comma + 2) if comma is not None else None
        return name if name is not None and name.kind == "name" else None

    def members_listed(self, tok: Tokens, sent: Sentence, args: list[Arg], start: int) -> list[Arg]:
        """The names a set object is said to include: "sanctioned 11 officials, including Carrie Lam and
        Xia Baolong", "menangkap puluhan aktivis, termasuk X": the names right after ", including" where
        the set ends, at `start`."""
        j = start
        if j + 1 >= sent.end or tok.lower[j] != "," or tok.lower[j + 1] not in self._inclusions:
            return []
        first = first_at(args, j + 2, j + 2 + PREP_GAP)
        return self.coordinated(tok, args, first) if first is not None and first.kind == "name" else []

    def included_after(self, tok: Tokens, sent: Sentence, args: list[Arg], arg: Arg,
                       preps: Sequence[str]) -> Arg | None:
        """ "4,300 troops in the Sahel, including 2,400 in Mali": the place a part is in, after the whole's."""
        j = arg.end + 1 if arg.end < sent.end and tok.doc[arg.end].is_lower else arg.end  # "the Sahel region"
        j = j + 1 if j < sent.end and tok.lower[j] == "," else j
        if j >= sent.end or tok.lower[j] not in self._inclusions:
            return None
        for k in range(j + 1, min(sent.end, j + 1 + PREP_GAP)):
            if tok.lower[k] in preps:
                part = first_at(args, k + 1, k + 2)
                return part if part is not None and part.kind == "name" and part.type in ("Country", "Place") else None
        return None

    def _names_a_noun(self, tok: Tokens, arg: Arg, limit: int) -> bool:
        """ "the Myanmar coup": a name between a determiner and a common noun other than a deed only
        says which one."""
        if (arg.kind != "name" or arg.type == "Group" or arg.end >= limit or arg.begin == 0
                or tok.lower[arg.begin - 1] not in self._determiners):
            return False  # a group's phrase is a noun itself: "the junta now ruling", "the protesters"
        after = tok.doc[arg.end]
        return (after.is_alpha and after.is_lower and after.lower_ not in self._deed_words
                and after.lower_ not in self._function_words and after.lower_ not in self._organs
                and after.lower_ not in self._members)  # "the M23 rebels" are M23's people

    def _deed_between(self, tok: Tokens, start: int, arg: Arg) -> bool:
        """A deed noun stands beside the name a judging verb takes, who did it: "condemned Russia's
        attack", "the Russian invasion", "mengecam serangan Israel", "kebijakan AS"."""
        after = tok.lower[arg.end:arg.end + 2]  # "the Russian invasion", "Israel's attack"
        return any(w in self._deed_words for w in [*tok.lower[start:arg.begin], *after])

    def _named_mediator(self, tok: Tokens, arg: Arg, limit: int) -> bool:
        """ "Qatar as mediator", "Malaysia sebagai penengah": the name is cast as the go-between."""
        j = arg.end
        if not (j < limit and tok.lower[j] in self._as):
            return False
        j += 1
        while j < limit and tok.lower[j] in self._determiners:
            j += 1
        return j < limit and tok.lower[j] in self._mediators

    def _means_after(self, tok: Tokens, i: int, limit: int) -> bool:
        """ "with the help of", "dengan bantuan", "through the mediation of": a noun of means opens the phrase."""
        while i < limit and tok.lower[i] in self._determiners:
            i += 1
        return i < limit and tok.lower[i] in self._means

    def modifier(self, tok: Tokens, start: int, arg: Arg, limit: int, nouns_allowed: int = 0,
                 personal: bool = False) -> bool:
        """A name that only qualifies a common noun, which is the real argument: "Russian insurer
        Ingosstrakh", "a Liberian-flagged ship", "perusahaan China", "kapal kargo berbendera Liberia".
        A noun for a state's own organs ("Russian troops", "pemerintah China") keeps the name, except
        its people for a `personal` deed: "sanctions on Russian officials" do not sanction Russia."""
        if arg.kind != "name" or arg.type not in ("Country", "Place", "Organization"):
            return False
        if arg.type == "Organization" and self.kind_of_body(tok, start, arg):
            return False  # "the (Palestinian) militant group Hamas": the words say what the name is
        organs = self._organs - self._people if personal else self._organs
        if arg.end < limit and tok.doc[arg.start:arg.end].text in self._demonyms and (tok.lower[arg.end] == "-" or (
                tok.is_alpha[arg.end] and tok.doc[arg.end].is_lower and tok.lower[arg.end] not in organs
                and tok.lower[arg.end] not in self._function_words)):
            return True  # "Russian insurer", "Liberian-flagged": the adjective of a state qualifies a noun
        between = [w for w in past_hyphen_compounds(tok.lower[start:arg.begin]) if w.isalpha()
                   and w not in self._function_words and w not in organs]  # "the Kurdish-led SDF": no noun
        return len(between) > nouns_allowed or (personal and any(w in self._people for w in between))

    @staticmethod
    def _named_after_state(args: list[Arg], arg: Arg) -> Arg:
        """The person or body named right after a state that qualifies them, Indonesian style ("oligarki Rusia
        Roman Abramovich", "raksasa teknologi China Huawei"); else `arg` itself."""
        if arg.kind != "name" or arg.type != "Country":
            return arg
        named = next((a for a in args if a.start == arg.end), None)
        return named if _person_or_body(named) else arg

    def _introduced_name(self, tok: Tokens, args: list[Arg], qualifier: Arg, limit: int) -> Arg | None:
        """The person or body a qualified noun introduces: "Russian insurer | Ingosstrakh", "Chinese tech giant
        | Huawei", "oligarki Rusia | Roman Abramovich"; None when the noun names no one ("Russian officials")."""
        k = qualifier.end
        while k < min(limit, qualifier.end + _INTRODUCING_WORDS) and tok.is_alpha[k] and tok.doc[k].is_lower \
                and not tok.ent[k]:
            k += 1
        if k == qualifier.end and qualifier.begin > 0 and not tok.ent[qualifier.begin - 1]:
            return None  # "perusahaan China | Huawei": the noun before the state, Indonesian style, is not read here
        named = first_at(args, k, k + 1)
        return named if _person_or_body(named) else None

    def kind_of_body(self, tok: Tokens, start: int, body: Arg) -> bool:
        """Whether the words from `start` to an organisation only say what kind of body it is, with a state's
        adjective among them: "the militant group Hamas", "the Palestinian militant group Hamas", "the
        paramilitary Rapid Support Forces", "kelompok militan Hamas"."""
        between = [k for k in range(start, body.begin) if not tok.ent[k] and tok.lower[k] not in self._function_words]
        return bool(between) and all(tok.lower[k] in self._kind_words for k in between)

    def _kind_of_next_body(self, tok: Tokens, arg: Arg, limit: int) -> bool:
        """ "Palestinian | militant group Hamas", "kelompok militan | Palestina | Hamas": a state qualifying an
        organisation its kind words name."""
        k = arg.end
        while k < limit and tok.lower[k] in self._kind_words:
            k += 1
        if not (k < limit and tok.ent[k] and tok.doc[k].ent_type_ == "Organization"):
            return False
        return k > arg.end or arg.begin > 0 and tok.lower[arg.begin - 1] in self._kind_words

    def _clause_end(self, tok: Tokens, sent: Sentence, start: int, trigger_at: set[int]) -> int:
        for j in range(start, min(start + WINDOW, sent.end)):
            hyphened = j > 0 and tok.lower[j - 1] == "-"  # "Iran-backed": a modifier of the object, no new clause
            if self.breaks(tok, j) or (j in trigger_at and not hyphened) or self._attribution_at(tok, sent, j):
                return j
        return min(start + WINDOW, sent.end)

    def _attribution_at(self, tok: Tokens, sent: Sentence, j: int) -> bool:
        """ "..., the UN said.", "..., Reuters reported", "..., kata PBB": a comma opening who says the
        sentence, whose name is its source and no object of the verb before."""
        if tok.lower[j] != ",":
            return False
        if j + 1 < sent.end and tok.lower[j + 1] in self._attribution_verbs:
            return True  # ", kata PBB", ", said the UN"
        for k in range(j + 1, min(sent.end, j + 1 + _ATTRIBUTION_REACH)):
            if tok.lower[k] in self._attribution_verbs:
                return k > j + 1 and bool(tok.ent[k - 1])
            if not (tok.ent[k] or tok.lower[k] in self._determiners):
                return False
        return False

    def breaks(self, tok: Tokens, j: int) -> bool:
        """A clause boundary, except the quotes around a single word ("menyerbu" Kyiv)."""
        if tok.lower[j] not in self._words["clause_breaks"]:
            return False
        if is_quote(tok.lower[j]):
            scare = (j + 2 < len(tok) and is_quote(tok.lower[j + 2])) or (j >= 2 and is_quote(tok.lower[j - 2]))
            return not scare
        return True

    def after_preposition(self, tok: Tokens, sent: Sentence, arg: Arg) -> bool:
        j = arg.begin - 1
        while j > sent.start and (tok.lower[j] in self._words.get("determiners", ())
                                  or tok.lower[j] in self._words.get("direction_modifiers", ())):
            j -= 1  # "on her Twitter account", "in the United States", "in eastern Congo"
        if j - 1 >= sent.start and tok.lower[j] == "of" and tok.lower[j - 1] in self._words.get("quantifiers", ()):
            return False  # "dozens of protesters": a quantity, not a prepositional phrase
        return j >= sent.start and tok.lower[j] in self._words["locative_prepositions"]

    def coordinated(self, tok: Tokens, args: list[Arg], first: Arg | None) -> list[Arg]:
        """`first` and the arguments joined to it in a list (kg.nlp.coordination)."""
        return self._lists.coordinated(tok, args, first)


def _person_or_body(arg: Arg | None) -> TypeGuard[Arg]:
    """A person or organisation the text names: what a state's qualifier introduces."""
    return arg is not None and arg.kind == "name" and arg.type in ("Person", "Organization")


def past_hyphen_compounds(words: list[str]) -> list[str]:
    """The words left when hyphenated modifiers are taken out: "the Kurdish-led" -> "the" ("backs the
    Kurdish-led SDF" still names the SDF right after the verb)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and words[i + 1] == "-":
            i += 3  # "kurdish - led"
            continue
        out.append(words[i])
        i += 1
    return out


def _hyphen_modifier(tok: Tokens, arg: Arg) -> bool:
    """The name opens a hyphenated modifier ("Iran-backed", "Saudi-led", "Russian-made"): it qualifies what
    follows, it is not the argument."""
    j = arg.end
    return j + 1 < len(tok) and tok.lower[j] == "-" and not tok.doc[j - 1].whitespace_ and tok.doc[j + 1].is_lower
