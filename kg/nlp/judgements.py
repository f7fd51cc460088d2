"""What a judging verb judges: the deed after it and who did it (guideline rule 8, ruling 19).

"condemned the attack by Hamas", "mengutuk serangan yang dilakukan Hamas", "mengecam serangan
Israel ke Rafah" judge the agent; "mengecam serangan itu" judges the agent of an attack the
article told of earlier; "called Russia's attack a brutal assault" and "described Haftar as a
war criminal" judge with a damning word. kg.nlp.relations asks; this module only reads.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.lexicon import Frame, Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.nominals import NominalRoles
from kg.nlp.records import Arg, Sentence, first_at
from kg.nlp.triggers import Trigger

__all__ = ["DEED_PREDICATES", "DeedJudgements"]

# "act": any deed judged; "drafted": a text put to a vote, whose owner is no drafter ("a UN Security
# Council resolution") and whose drafter is named as such ("the resolution drafted by the US")
DEED_PREDICATES = ("attacks", "detains", "sanctions", "act", "drafted")
# deeds whose name right after them is who did them ("serangan Israel", "sanksi AS"); "penangkapan
# Navalny" names who suffered one
OWNED_DEEDS = frozenset({"attacks", "sanctions", "act"})
_COMPLEMENT_REACH = 4  # words from an object to the praise it is called: "as a true friend", "sebagai mitra"
RELATIVE_SKIP = 6  # "pelanggaran yang tidak dapat dibenarkan yang dilakukan Iran": a clause before the agent's
ACTORS = frozenset({"Country", "Organization", "Person", "Group"})


class DeedJudgements:
    """Finds the deed a judging trigger is about, and its agent."""

    def __init__(self, lexicon: Lexicon, nominals: NominalRoles):
        self._words = lexicon.words
        self._nominals = nominals
        # deeds by the predicate whose agent did them: "serangan" is an attack, "penangkapan" an arrest
        self.deeds = {predicate: Phrases(self._words.get(f"{predicate}_deeds", ())) for predicate in DEED_PREDICATES}
        self._demonstratives = self._words.get("demonstratives", frozenset())
        self._deed_adjectives = self._words.get("deed_adjectives", frozenset())  # "the brutal attack", "serangan brutal itu"
        self._manner = self._words.get("manner_adverbs", frozenset())
        self._determiners = self._words.get("determiners", frozenset())
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._negative = self._words.get("negative_evaluations", frozenset())  # "brutal", "tercela"
        self._lauding = Phrases(self._words.get("positive_evaluations", ()))  # "a true friend", "mitra terpercaya"
        self._owner_markers = self._words.get("act_owner_markers", frozenset())  # "the presence of X"
        self._patient_markers = self._words.get("patient_markers", frozenset())  # "the arrest of X"
        self._shelters = self._words.get("shelter_nouns", frozenset())  # "haven", "surga", "sarang"
        self._victim_deeds = self._words.get("victim_deeds", frozenset())  # "pembunuhan X": X was killed
        self._prepositions = self._words["locative_prepositions"] - self._words.get("as_markers", frozenset())
        #: deeds a name before them owns ("the US decision"); "the Taiwan visit" was made to Taiwan
        self._compound_deeds = self._words.get("owned_compound_deeds", frozenset())

    def owner_at(self, tok: Tokens, sent: Sentence, start: int, target: Arg) -> bool:
        """`target` is named at `start` (past determiners) or owns the deed named there: "outraged at
        the US", "angered by the US decision", "over Israel's strike", "geram atas keputusan AS"; not
        what a deed was done to ("the visit to Taiwan") or who died ("kematian Mahsa Amini")."""
        j = start
        while j < target.begin and tok.lower[j] in self._determiners:
            j += 1
        if j == target.begin:
            after = target.end  # the name ends its phrase, or owns what follows ("the US decision")
            return (after >= sent.end or not tok.is_alpha[after] or tok.lower[after] in self._words["stopwords"]
                    or tok.lower[after] in self._possessives or tok.lower[after] in self._compound_deeds)
        return any(end == target.begin for _, end, _ in self.deeds_at(tok, sent, j))  # "keputusan AS"

    def deeds_after(self, tok: Tokens, sent: Sentence, trigger: Trigger) -> Iterator[tuple[str, int, bool]]:
        """The deed nouns right after a trigger, past determiners: (the predicate whose agent did it, where
        the noun ends, whether it points back: "the strikes", "serangan itu")."""
        return self.deeds_at(tok, sent, trigger.end)

    def deeds_at(self, tok: Tokens, sent: Sentence, j: int) -> Iterator[tuple[str, int, bool]]:
        """The deed nouns at `j`, past manner adverbs and determiners (see `deeds_after`)."""
        words = tok.lower
        while j < sent.end and words[j] in self._manner:  # "mengecam keras serangan", "condemned strongly the"
            j += 1
        definite = j < sent.end and words[j] in self._determiners
        while j < sent.end and (words[j] in self._determiners or words[j] in self._deed_adjectives):
            j += 1  # "the (brutal) attack"
        for predicate, nouns in self.deeds.items():
            for end in nouns.ends_after(words, j):
                after = end + 1 if end < sent.end and words[end] in self._deed_adjectives else end
                yield predicate, end, definite or (after < sent.end and words[after] in self._demonstratives)

    def named_agent(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> list[Arg]:
        """The agent a deed after the trigger names: "condemned the attack by Hamas", "mengutuk serangan
        yang dilakukan Hamas"."""
        for predicate, end, _ in self.deeds_after(tok, sent, trigger):
            agent = self._agent_of(tok, sent, args, predicate, end)
            if agent is not None:
                return [agent]
        return []

    def subject_deed_agent(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> list[Arg]:
        """Whose deed the subject of a passive judging verb is: "Russia's invasion of Ukraine was condemned
        by Germany", "The attack by Hamas was condemned", "Invasi Rusia ke Ukraina dikecam Jerman"."""
        start = sent.opening if sent.opening > sent.start else sent.start
        owner = first_at(args, start, start + 1)
        if owner is not None and owner.kind == "name" and owner.type in ACTORS and owner.end < trigger.at \
                and tok.lower[owner.end] in self._possessives:
            deed = tok.past(owner.end, self._possessives, trigger.at)
            if any(True for _ in self.deeds_at(tok, sent, deed)):
                return [owner]  # "Russia's invasion"
        for predicate, end, _ in self.deeds_at(tok, sent, start):
            agent = self._agent_of(tok, sent, args, predicate, end) if end < trigger.at else None
            if agent is not None and agent.end <= trigger.at:
                return [agent]
        return []

    def _agent_of(self, tok: Tokens, sent: Sentence, args: list[Arg], predicate: str, end: int) -> Arg | None:
        """Who did the deed whose noun ends at `end`, as the words after it name them."""
        agent = self._nominals.agent_after(tok, sent, args, end)
        patient = self._patient_after(tok, sent, args, end, predicate)
        if agent is None and patient is not None:  # "the arrest of Navalny by Russian authorities"
            agent = self._nominals.agent_after(tok, sent, args, patient.end)
        if agent is None:  # "pelanggaran yang tidak dapat dibenarkan yang dilakukan Iran"
            later = next((j for j in range(end + 1, min(sent.end, end + RELATIVE_SKIP))
                          if tok.lower[j] in self._words["relativizers"]), None)
            if later is not None and not any(tok.ent[end:later]):
                agent = self._nominals.agent_after(tok, sent, args, later)
        if agent is None and predicate in OWNED_DEEDS and tok.lower[end - 1] not in self._victim_deeds:
            # "mengecam serangan Israel ke Rafah": its owner ("pembunuhan Haniyeh" names who was killed)
            # "the presence of French troops", "the actions of the junta": an act's "of" names its owner
            j = end + 1 if predicate == "act" and end < sent.end and tok.lower[end] in self._owner_markers else end
            while j > end and j < sent.end and tok.lower[j] in self._determiners:
                j += 1
            owner = first_at(args, j, j + 1)
            agent = owner if owner is not None and owner.kind == "name" and owner.type in ACTORS else None
            if owner is not None and agent is None:  # "aneksasi Krimea oleh Rusia": where it was done, then who
                agent = self._nominals.agent_after(tok, sent, args, owner.end)
        return agent

    def _patient_after(self, tok: Tokens, sent: Sentence, args: list[Arg], end: int, predicate: str) -> Arg | None:
        """Who a deed was done to, right after it: "the arrest of Navalny", "penangkapan Navalny" (a
        deed whose next name is its owner, "serangan Israel", has none there)."""
        j = end + 1 if end < sent.end and tok.lower[end] in self._patient_markers else end
        if j == end and predicate in OWNED_DEEDS and tok.lower[end - 1] not in self._victim_deeds:
            return None  # "pembunuhan Haniyeh" names who was killed, "serangan Israel" who attacked
        patient = first_at(args, j, j + 1)
        return patient if patient is not None and patient.kind == "name" else None

    def answered_deed(self, tok: Tokens, sent: Sentence, args: list[Arg], j: int, acts: dict[str, Arg]) -> list[Arg]:
        """ "vowed retaliation for the strike by Israel", "a response to the sanctions": who did the deed at
        `j` that the threat answers, named after it or told of before."""
        for predicate, end, pointed in self.deeds_at(tok, sent, j):
            agent = self._nominals.agent_after(tok, sent, args, end)
            if agent is not None:
                return [agent]
            if pointed and predicate in acts:
                return [acts[predicate]]
        return []

    def agent_of_deed(self, tok: Tokens, sent: Sentence, trigger: Trigger, acts: dict[str, Arg]) -> list[Arg]:
        """ "mengecam serangan itu", "condemned the strikes": an act the article has already told of, with
        its agent, judges that agent (guideline ruling 19)."""
        for predicate, _, pointed in self.deeds_after(tok, sent, trigger):
            if pointed and predicate in acts:
                return [acts[predicate]]
        return []

    def damned(self, tok: Tokens, sent: Sentence, start: int) -> bool:
        """A negative word of the lexicon follows within a few words: ""a war criminal"", "tidak becus"; not past
        a noun of shelter, whose damning word is what it shelters ("a haven for terror", "surga teror")."""
        for w in tok.lower[start:min(sent.end, start + 8)]:
            if w in self._shelters:
                return False
            if w in self._negative:
                return True
        return False

    def damned_as(self, tok: Tokens, sent: Sentence, end: int) -> bool:
        """A damning complement follows the object ending at `end`: "called Putin a war criminal",
        "described X as unacceptable"; not a phrase of time or purpose ("called Putin on Tuesday to
        discuss the war")."""
        return self._complement_at(tok, sent, end) and self.damned(tok, sent, end)

    def lauded_as(self, tok: Tokens, sent: Sentence, end: int) -> bool:
        """A praising complement follows the object ending at `end`: "called Biden a true friend",
        "menggambarkan Xi sebagai sahabat sejati"."""
        return self._complement_at(tok, sent, end) and any(
            self._lauding.ends_after(tok.lower, k) for k in range(end, min(sent.end, end + _COMPLEMENT_REACH)))

    def _complement_at(self, tok: Tokens, sent: Sentence, end: int) -> bool:
        """What follows the object at `end` can say what it is called: not a preposition's phrase."""
        return not (end < sent.end and tok.lower[end] in self._prepositions)

    def judged_deed(self, tok: Tokens, sent: Sentence, owner: Arg, frame: Frame) -> bool:
        """The owner's deed follows it ("Russia's attack"; "serangan Rusia" has it before) and a
        negative word of the lexicon follows within a few words ("a "brutal assault"")."""
        j = tok.past(owner.end, self._possessives, sent.end)
        if j < sent.end and tok.lower[j] in frame.possessed:
            deed_end = j + 1
        elif owner.begin - 1 >= sent.start and tok.lower[owner.begin - 1] in frame.possessed:
            deed_end = owner.end
        else:
            return False
        return self.damned(tok, sent, deed_end)
