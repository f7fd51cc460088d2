"""The roles of a nominal trigger: "pengerahan pasukan X ke Y", "serangan X terhadap Y", "X's invasion
of Y", "his visit to Cuba", "the war between A and B", "perang Israel-Hamas"; and of a noun that
names its actors ("protes yang lebih luas terhadap pemerintah Tokayev", "protesters demanding
Pashinyan's resignation").
"""

from __future__ import annotations

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.clauses import JUDGEMENTS, ArgumentSearch
from kg.nlp.records import Arg, Sentence, first_at
from kg.nlp.triggers import NOMINAL_PREP_REACH, NamePairs, Trigger

__all__ = ["NominalRoles", "hyphen_agent"]

_STATE_REACH = 5  # words between "on" and the noun: "on a two-day state visit"
_FRONTED_REACH = 8  # words from a fronted phrase's noun to its comma: "During his trip to Jakarta last week,"
_SHARED_NOMINALS = frozenset({"meetsWith", "visits"})  # "In talks with X, Y ...": Y took part


class NominalRoles:
    """Who acts and on whom, for a trigger that is a noun."""

    def __init__(self, lexicon: Lexicon, search: ArgumentSearch):
        self.lexicon = lexicon
        self._words = lexicon.words
        self._determiners = self._words.get("determiners", frozenset())
        self._organs = self._words.get("state_organs", frozenset())
        self._states = self._words.get("state_markers", frozenset())  # "on (a visit)", "dalam (kunjungan)"
        self._relativizers = self._words["relativizers"]
        self._circumstance = self._words.get("circumstance_prepositions", frozenset())  # "during", "dalam"
        self._be = self._words.get("be_forms", frozenset()) | self._words.get("copulas", frozenset())
        self._search = search
        self._pairs = NamePairs(lexicon)  # "perang Israel-Hamas", "the meeting of Biden and Xi"
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._weapons = self._words.get("weapon_modifiers", frozenset())  # "a Russian missile strike on Kyiv"
        self._owner_pronouns = {w: "Person" for w in self._words.get("person_possessives", ())} | {
            w: "collective" for w in self._words.get("collective_possessives", ())}
        self._singular_owners = self._words.get("singular_collective_possessives", frozenset())  # "its"
        self._demands = self._words.get("demand_words", frozenset())
        self._demand_joins = self._words.get("demand_complementizers", frozenset())
        self._removals = Phrases(self._words.get("removal_words", ()))
        self._agent_markers = Phrases(self._words.get("deed_agent_markers", ()))

    def agent_after(self, tok: Tokens, sent: Sentence, args: list[Arg], end: int) -> Arg | None:
        """Who did a deed named just before `end`: "the attack by Hamas", "serangan yang dilakukan Hamas",
        "penangkapan oleh polisi"."""
        for marker_end in self._agent_markers.ends_after(tok.lower, end):
            while (marker_end < sent.end and first_at(args, marker_end, marker_end + 1) is None
                   and (tok.lower[marker_end] in self._determiners or tok.lower[marker_end] in self._organs)):
                marker_end += 1  # "the attack by the US", "penangkapan oleh otoritas Rusia"; "by police" is police
            agent = first_at(args, marker_end, min(sent.end, marker_end + 1))
            if agent is not None and agent.kind == "name":
                return agent
        return None

    def roles(self, tok: Tokens, sent: Sentence, args: list[Arg],
              trigger: Trigger) -> tuple[list[Arg], list[Arg], str]:
        """ "pengerahan pasukan X ke Y", "serangan X terhadap Y", "X's invasion of Y"."""
        frame = trigger.frame
        if frame.patient_after:  # "penangkapan Navalny oleh otoritas Rusia": who suffered it, then who did it
            patient = first_at(args, trigger.end, trigger.end + 1)
            agent = self.agent_after(tok, sent, args, patient.end) if patient is not None else None
            return ([agent], [patient], "nominal") if agent is not None and patient is not None else ([], [], "nominal")
        owner = self.agent_after(tok, sent, args, trigger.end)  # "the attack by Hamas on", "serangan yang dilakukan X"
        if owner is None and (frame.noun or self.lexicon.lang != "en"):
            owner = self._owner_after(tok, sent, args, trigger)
        if frame.mutual:  # "perang Israel-Hamas", "the Israel-Hamas war": the two sides, each on the other
            h = self._pairs.beside(tok, trigger.at, trigger.end)  # "perang Rusia dan Ukraina", "the India-Pakistan war"
            if h is not None:
                sides = [a for a in (next((a for a in args if a.end == h), None), first_at(args, h + 1, h + 2)) if a]
                if len(sides) == 2:
                    return sides, sides, "nominal-mutual"
        owner = owner or self._owner_before(tok, sent, args, trigger)
        if owner is None and frame.mutual:  # "the war between Armenia and Azerbaijan": the sides, each on the other
            sides = self._search.after_prep(tok, sent, args, trigger.end, frame.object_after,
                                            min(sent.end, trigger.end + NOMINAL_PREP_REACH))
            return (sides, sides, "nominal-mutual") if len(sides) > 1 else ([], [], "nominal-mutual")
        if owner is None:
            return self._object_then_agent(tok, sent, args, trigger)
        start, limit = max(owner.end, trigger.end), sent.end
        if owner.begin > trigger.end and "," in tok.lower[trigger.end:owner.begin]:
            # "During his trip to Jakarta, Albanese ...": the aim is before the owner
            start, limit = trigger.end, owner.begin
        objects = self._search.after_prep(tok, sent, args, start, frame.object_after, limit,
                                          judging=frame.predicate in JUDGEMENTS)
        return [owner], objects, "nominal"

    def agent_noun_roles(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger,
                          trigger_at: set[int]) -> tuple[list[Arg], list[Arg], str]:
        """ "protes yang lebih luas terhadap pemerintah Tokayev": the noun is the group that acts,
        its target follows a preposition before the next trigger."""
        actor = next((a for a in args if a.start <= trigger.at < a.end and a.kind == "name"), None)
        if actor is None:
            return [], [], "nominal"
        limit = min((j for j in trigger_at if j > trigger.at), default=sent.end)
        objects = self._search.after_prep(tok, sent, args, actor.end, trigger.frame.object_after, limit)
        return [actor], objects or self.removal_demanded(tok, args, actor.end, limit), "nominal"

    def removal_demanded(self, tok: Tokens, args: list[Arg], start: int, limit: int) -> list[Arg]:
        """ "mass protests ..., demanding Pashinyan's resignation", "menuntut pengunduran diri Perdana
        Menteri X", "demanding the ouster of X", "menuntut agar X mundur": whom the protest wants gone."""
        words = tok.lower
        for j in range(start, limit):
            if words[j] not in self._demands:
                continue
            k = j + 1
            while k < limit and (words[k] in self._words.get("determiners", ()) or words[k] in self._demand_joins):
                k += 1
            owner = first_at(args, k, k + 1)  # "Pashinyan's resignation", "X mundur"
            if owner is not None and owner.kind == "name":
                after = tok.past(owner.end, self._possessives, limit)
                if self._removals.ends_after(words, after):
                    return self._search.coordinated(tok, args, owner)
            for end in self._removals.ends_after(words, k):  # "the resignation of X", "pengunduran diri X"
                end = end + 1 if end < limit and words[end] == "of" else end
                owner = first_at(args, end, end + 1)
                if owner is not None and owner.kind == "name":
                    return self._search.coordinated(tok, args, owner)
        return []

    def _object_then_agent(self, tok: Tokens, sent: Sentence, args: list[Arg],
                           trigger: Trigger) -> tuple[list[Arg], list[Arg], str]:
        """ "an offensive against Tripoli by Haftar", "serangan ke Gaza oleh Israel": the aim first,
        then who acts."""
        frame = trigger.frame
        limit = min(sent.end, trigger.end + NOMINAL_PREP_REACH)
        # the noun's phrase ends at a finite verb: "The attack was blamed on Russia by Ukraine"
        limit = next((j for j in range(trigger.end, limit) if tok.lower[j] in self._be), limit)
        objects = self._search.after_prep(tok, sent, args, trigger.end, frame.object_after, limit)
        agent = self.agent_after(tok, sent, args, objects[-1].end) if objects else None
        if agent is None and objects and frame.predicate in _SHARED_NOMINALS and self._fronted_phrase(tok, sent, trigger):
            agent = self._subject_after_comma(tok, sent, args, trigger)  # "In a phone call with Putin, Erdogan"
        return ([agent], objects, "nominal") if agent is not None else ([], objects, "nominal")

    def _fronted_phrase(self, tok: Tokens, sent: Sentence, trigger: Trigger) -> bool:
        """The noun stands in a phrase of circumstance opening the sentence: "In a phone call with",
        "During talks with", "Dalam pertemuan dengan" (not "After the attack on": its subject did not do it)."""
        j = trigger.at
        while j > sent.opening and trigger.at - j < _FRONTED_REACH and (tok.lower[j - 1] in self._determiners
                                                                        or tok.doc[j - 1].is_lower and tok.lower[j - 1] not in self._circumstance):
            j -= 1
        return j > sent.opening and j - 1 == sent.opening and tok.lower[j - 1] in self._circumstance

    def _owner_after(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> Arg | None:
        frame, start = trigger.frame, trigger.end
        if start < sent.end and tok.lower[start] in frame.noun and not tok.ent[start]:
            start += 1  # "pengerahan pasukan X", but "kehadiran militer AS": the noun begins the name
        if start < sent.end and tok.lower[start] == "of":
            start += 1
        if start < sent.end and tok.lower[start] in frame.object_after:
            return None  # "sanksi terhadap X": X is what the noun is aimed at, not who acts
        return first_at(args, start, start + 2)

    def _owner_before(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> Arg | None:
        """ "Rusia, pengerahan ...", "the Russian invasion", "Russia's (naked) aggression"."""
        i = trigger.at
        for j in range(i - 1, max(sent.start, i - 3) - 1, -1):
            if tok.lower[j] in self._possessives:
                owner = next((a for a in args if a.end == j), None)
                if owner is not None or not tok.ent[i - 1]:
                    return owner
                break  # "Russia's military | presence": the possessive is inside the name before the noun
            if tok.lower[j] in self._owner_pronouns:  # "his historic visit to Cuba": the nearest name before it
                return (self._antecedent(args, j, self._owner_pronouns[tok.lower[j]], tok, sent)
                        or self._subject_after_fronted(tok, sent, args, trigger))
        if trigger.clitic and trigger.end - 1 > i:  # "kunjungannya ke China"
            return self._antecedent(args, i, "any") or self._subject_after_fronted(tok, sent, args, trigger)
        # "Russian invasion" has its owner before it; "military cooperation" only a kind of it; "a Russian
        # missile strike" names its weapon between them
        j = i
        while j - 1 > sent.start and tok.lower[j - 1] in self._weapons and not tok.ent[j - 1]:
            j -= 1  # (the name may end in such a word: "the Russian military | strikes")
        return (next((a for a in args if a.end == j and a.kind != "description"), None)
                or self._on_a_visit(tok, sent, args, i))

    def _on_a_visit(self, tok: Tokens, sent: Sentence, args: list[Arg], i: int) -> Arg | None:
        """ "Modi is on a two-day visit to Moscow", "Modi, on a visit to Moscow,", "Jokowi sedang dalam
        kunjungan ke Beijing": who is in the state the noun names."""
        j = i - 1
        while j > sent.start and i - j <= _STATE_REACH and (tok.lower[j] in self._determiners or tok.lower[j] == "-"
                                                           or (tok.is_alpha[j] and tok.doc[j].is_lower
                                                               and tok.lower[j] not in self._states)
                                                           or tok.doc[j].like_num):
            j -= 1
        if j <= sent.start or tok.lower[j] not in self._states:
            return None
        j -= 1
        while j > sent.start and (tok.lower[j] in self._be or tok.lower[j] in self._states or tok.lower[j] == ","
                                  or tok.lower[j] in self._relativizers):  # "Modi, who is on a visit to"
            j -= 1
        holder = next((a for a in args if a.end == j + 1 and a.kind == "name"), None)
        return holder if holder is not None and holder.type == "Person" else None

    def _subject_after_fronted(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> Arg | None:
        """ "Dalam kunjungannya ke Tokyo, Prabowo bertemu Kishida", "During his trip to Jakarta, Albanese
        met": a possessive in a phrase that opens the sentence points ahead, to the subject after the comma."""
        if trigger.at > sent.opening + 2:
            return None
        return self._subject_after_comma(tok, sent, args, trigger)

    def _subject_after_comma(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> Arg | None:
        """The person right after the comma that closes the phrase of the noun at `trigger`."""
        subject = self._search.name_after_comma(tok, sent, args, trigger.end, _FRONTED_REACH)
        return subject if subject is not None and subject.type == "Person" else None

    def _antecedent(self, args: list[Arg], j: int, kind: str, tok: Tokens | None = None,
                    sent: Sentence | None = None) -> Arg | None:
        """The nearest name before `j` that a possessive pronoun of `kind` can stand for. For "its" and "their"
        a state's adjective that qualifies a noun ("Chinese components") stands for no one, nor a plural group
        for "its": "Russia relied on Chinese components since Western countries cut off exports after its
        invasion of Ukraine"."""
        wanted = {"Person": ("Person",), "collective": ("Country", "Organization", "Group"),
                  "any": ("Person", "Country", "Organization")}[kind]
        found = [a for a in args if a.end <= j and a.kind == "name" and a.type in wanted]
        if kind == "collective" and tok is not None and sent is not None:
            singular = tok.lower[j] in self._singular_owners  # "its" is no "Western countries"
            found = [a for a in found if not self._search.modifier(tok, a.begin, a, sent.end)
                     and not (singular and a.type == "Group")]
        return found[-1] if found else None


def hyphen_agent(tok: Tokens, sent: Sentence, args: list[Arg],
                 trigger: Trigger) -> tuple[list[Arg], list[Arg], str] | None:
    """ "the Russian-led CSTO", "Iran-backed Houthi rebels": a participle joined to a name by a hyphen
    has that name as its agent and the name it qualifies as its patient."""
    i = trigger.at
    if trigger.voice != "passive" and not tok.lower[i].endswith("ed") or i < 2 or tok.lower[i - 1] != "-":
        return None
    if tok.doc[i - 2].whitespace_ or tok.doc[i - 1].whitespace_:
        return None
    agent = next((a for a in args if a.end == i - 1 and a.kind == "name"), None)
    if agent is None:
        return None
    patient = first_at(args, trigger.end, min(sent.end, trigger.end + 2))
    return ([agent], [patient] if patient is not None and patient.kind == "name" else [], "hyphen-participle")
