"""Who does what when the verb is not in the active voice, or stands in a relative clause: "Rusia dijatuhi
sanksi oleh AS", "the sanctions imposed by the EU on Russia", "kontingen CSTO akan ditarik", "X, yang dia
puji", "the Wagner Group that the EU accuses", "X yang dipimpin Y". kg.nlp.relations asks; this module reads
the roles.
"""

from __future__ import annotations

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.clauses import PREP_GAP, ArgumentSearch
from kg.nlp.records import Arg, Sentence, first_at
from kg.nlp.triggers import WINDOW, Trigger, described_name_end

__all__ = ["NO_SUBJECT", "VoiceRoles"]

_PLACE_PHRASE = 4  # words of "in Jakarta", "ke penjara" between a participle and its "by"/"oleh" agent
NO_SUBJECT = Arg(-1, -1, "none", None)  # a subject slot known to be empty: look no further


class VoiceRoles:
    """The roles of passive verbs and of verbs in relative clauses."""

    def __init__(self, lexicon: Lexicon, search: ArgumentSearch):
        self._articles = lexicon.words.get("indefinite_articles", frozenset())
        self._deeds = lexicon.words.get("deed_nouns", frozenset())  # "an incident", "a move": said of no name
        self.lexicon = lexicon
        self._words = lexicon.words
        self._search = search
        self._determiners = self._words.get("determiners", frozenset())
        self._led_by = self._words.get("led_by_markers", frozenset())  # "pimpinan": led by the name after it
        self._object_relativizers = self._words.get("object_relativizers", frozenset())
        self._prepositions = self._words["locative_prepositions"]

    def passive_roles(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger,
                       trigger_at: set[int]) -> tuple[list[Arg], list[Arg], str]:
        after = trigger.end
        if trigger.frame.noun and after < sent.end and tok.lower[after] in trigger.frame.noun:
            after += 1  # "Rusia dijatuhi sanksi (baru) oleh AS": the agent comes after the verb's noun
            after += after + 1 < sent.end and tok.lower[after + 1] in self._words["passive_agent_markers"]
        after = self._past_place_phrase(tok, sent, after)  # "dijebloskan ke penjara oleh polisi"
        agents: list[Arg] = []
        rule = "verb-passive-agent"
        if (after < sent.end and tok.lower[after] in self._words["passive_agent_markers"]
                and tok.lower[after + 1:after + 2] != [] and tok.lower[after + 1] not in self._words.get("not_agents", ())):
            agent = first_at(args, after + 1, after + 1 + PREP_GAP)
            if agent is not None:  # "by Iran's morality police": the police
                agent = self._search.owned_name(tok, args, agent, sent.end) or agent
            agents = self._search.coordinated(tok, args, agent)
        elif trigger.clitic:
            agents, rule = [Arg(trigger.end - 1, trigger.end, "pronoun", "Person")], "verb-clitic-agent"
        elif self.lexicon.lang == "id":
            agents = self._search.coordinated(tok, args, first_at(args, after, after + 1))
        if not agents and trigger.frame.noun:
            return self._owner_moves(tok, sent, args, trigger)
        if not agents:
            return [], [], rule
        frame = trigger.frame
        if frame.noun and frame.object_after and agents[-1].kind == "name":
            # "the sanctions imposed by the EU on Russia", "sanksi yang dijatuhkan Uni Eropa terhadap Rusia"
            aimed = self._search.after_prep(tok, sent, args, agents[-1].end, frame.object_after,
                                            min(sent.end, agents[-1].end + PREP_GAP))
            if aimed:
                return agents, aimed, rule
        if frame.noun and trigger.at > sent.start and tok.lower[trigger.at - 1] in frame.noun and self.lexicon.lang == "en":
            return [], [], rule  # "in protest at the deal signed by Britain": the deal's other party is not said
        patients = self.relative_antecedent(tok, sent, args, trigger)
        described = self._described(tok, args, trigger) if patients is None else []
        if described is None:  # "..., an incident condemned by the G7"
            return [], [], rule
        if described:  # "the death of Amini, a 22-year-old taken into custody by police"
            patients, rule = described, "verb-relative"
        elif patients is None:
            patients = self._search.left(tok, sent, args, trigger.at, trigger_at) or [
                a for a in args if a.end == trigger.at and a.kind == "name"]  # "the release of hostages held by Hamas"
        else:
            rule = "verb-relative" if rule == "verb-passive-agent" else rule
        return agents, patients, rule

    def _described(self, tok: Tokens, args: list[Arg], trigger: Trigger) -> list[Arg] | None:
        """The name a description set off before the participle describes: "Amini, a 22-year-old | taken"."""
        end = described_name_end(tok, trigger.at, self._articles)
        if end is None:
            return []
        if any(w in self._deeds for w in tok.lower[end + 1:trigger.at]):
            return None  # "..., an incident condemned by the G7": the participle is said of a deed, not of the name
        return [a for a in args if a.end == end and a.kind == "name"][:1]

    def _owner_moves(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> tuple[list[Arg], list[Arg], str]:
        """ "kontingen CSTO akan ditarik (dari Kazakhstan)", "US troops were withdrawn from Kabul": the
        troops' owner acts; with no place given, it is the place the article has it deployed to."""
        frame = trigger.frame
        owner = None
        for n in range(trigger.at - 1, max(sent.start, trigger.at - 5) - 1, -1):
            if tok.lower[n] in frame.noun:
                # "pasukan AS", "kapal perang China" (past the noun's second word), "US troops"; "tentara
                # Rusia" named as the body it is
                after = n + 1
                while after < trigger.at and after - n < 3 and not tok.ent[after] and tok.doc[after].is_lower:
                    after += 1
                owner = (first_at(args, after, after + 1) or next((a for a in args if a.end == n), None)
                         or next((a for a in args if a.start == n and a.kind == "name" and a.type == "Organization"), None))
                break
        if owner is None:
            return [], [], "verb-passive-owner"
        places = self._search.after_prep(tok, sent, args, trigger.end, frame.object_after,
                                  min(sent.end, trigger.end + WINDOW))
        if not places and frame.object_from:
            places = [Arg(trigger.at, trigger.end, "context", None, context=frame.object_from)]
        return [owner], places, "verb-passive-owner"

    def fronted_object(self, tok: Tokens, sent: Sentence, args: list[Arg], agent: int) -> list[Arg]:
        """The head of "X, yang (keberaniannya) dia puji": the relative clause's antecedent."""
        for k in range(agent - 1, max(sent.start, agent - 3) - 1, -1):
            if tok.lower[k] in self._words["relativizers"]:
                head = next((a for a in args if a.end == k or (a.end == k - 1 and tok.lower[k - 1] == ",")), None)
                return self._search.coordinated(tok, args, head) if head is not None else []
            if not tok.is_alpha[k]:
                return []
        return []

    def object_relative_head(self, tok: Tokens, sent: Sentence, args: list[Arg], subject: Arg) -> list[Arg]:
        """ "the Wagner Group that the EU accuses", "X, whom Russia detained": a relative clause with a
        subject of its own relates that subject to the head it modifies."""
        j = subject.begin - 1
        while j > sent.start and tok.lower[j] in self._determiners and tok.lower[j] not in self._object_relativizers:
            j -= 1
        if j <= sent.start or tok.lower[j] not in self._object_relativizers:
            return []
        head = next((a for a in args if a.end == j or (a.end == j - 1 and tok.lower[j - 1] == ",")), None)
        return [head] if head is not None and head.kind == "name" else []

    def relative_antecedent(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: Trigger) -> list[Arg] | None:
        """The head a relative clause modifies: "X yang dipimpin Y" gives X.

        When the head is a generic noun ("orang yang digantikannya sebagai presiden,
        Nursultan Nazarbayev"), the name it stands for follows as an apposition.
        """
        j = trigger.at - 1
        auxiliaries = self._words.get("auxiliaries", frozenset())
        while j > sent.start and j > trigger.at - 3 and tok.lower[j] in auxiliaries:
            j -= 1  # "Haftar, who is backed by Russia", "X yang telah dipimpin Y"
        if j < sent.start or tok.lower[j] not in self._words["relativizers"]:
            return None
        before = [a for a in args if a.end == j or (a.end == j - 1 and tok.lower[j - 1] == ",")]
        if before and before[-1].start > sent.start and tok.lower[before[-1].start - 1] in self._led_by:
            # "Koalisi militer pimpinan Saudi yang memerangi Houthi": the coalition fights, not its leader
            led = next((a for a in args if a.end == before[-1].start - 1), None)
            return self._search.coordinated(tok, args, led) if led is not None else [NO_SUBJECT]
        if before and self._search.qualifies_noun(tok, sent, before[-1]):
            return [NO_SUBJECT]  # "perusahaan Rusia yang membantu Pyongyang": the companies help, not Russia
        if before and trigger.voice == "active" and self._search.where(tok, sent, before[-1]):
            return [NO_SUBJECT]  # "met Putin in Moscow, which drew criticism": the meeting drew it, not the city (a
            # passive clause may still say what was done to it: "in Kyiv, which was shelled by Russia")
        if before:
            return self._search.coordinated(tok, args, before[-1])
        if j - 1 >= sent.start and tok.lower[j - 1] in self._words["generic_heads"]:
            for k in range(trigger.end, min(trigger.end + WINDOW, sent.end)):
                if tok.lower[k] == ",":
                    follower = first_at(args, k + 1, k + 2)
                    if follower is not None and follower.kind == "name":
                        return [follower]
        return []

    def _past_place_phrase(self, tok: Tokens, sent: Sentence, after: int) -> int:
        """Where the agent marker stands past a short phrase of place or time after the participle:
        "was arrested in Jakarta by police", "dijebloskan ke penjara oleh polisi"; else `after`."""
        markers = self._words["passive_agent_markers"]
        if after >= sent.end or tok.lower[after] in markers or tok.lower[after] not in self._prepositions:
            return after
        for j in range(after + 1, min(sent.end, after + 1 + _PLACE_PHRASE)):
            if tok.lower[j] in markers:
                return j
            if not (tok.is_alpha[j] or tok.doc[j].like_num):  # "in 2021", but no comma or quote
                break
        return after

