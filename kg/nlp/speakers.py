"""Who says a sentence, and who its pronouns of speech are: the name before "said"/"mengatakan" or after
a closing "kata"/"said" (not one who is told: "an officer told Reuters"), the speaker of a quotation
named once for several sentences (kg.nlp.quotes), "they" after "X said" ("X said they would ..."), and
"we"/"I"/"kami"/"saya" inside what a named speaker says.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.clauses import ArgumentSearch
from kg.nlp.records import Arg, Sentence

__all__ = ["SPEAKERS", "Speakers"]

SPEAKERS = frozenset({"Person", "Organization", "Country"})  # who can be quoted
_ITS = frozenset({"Organization", "Country"})  # who "it" can be


class Speakers:
    """Finds a sentence's speaker and the pronouns that stand for a speaker."""

    def __init__(self, lexicon: Lexicon, search: ArgumentSearch):
        self._words = lexicon.words
        self._search = search
        self._first_person = self._words.get("first_person_pronouns", frozenset())  # "we", "kami": the speaker
        self._telling = self._words.get("telling_verbs", frozenset())  # "told Reuters": the hearer follows
        self._it = self._words.get("it_pronouns", frozenset())  # "It also accused ...": a state or body
        self._determiners = self._words.get("determiners", frozenset())

    def __call__(self, tok: Tokens, sent: Sentence, args: list[Arg], index: int,
                 unnamed: bool = False) -> Arg | None:
        """Who the sentence quotes: the name (or, with `unnamed`, the "he"/"dia" or office:
        "Menlu AS") before "mengatakan"/"said", or after a closing "kata"/"said"."""
        names = [a for a in args if (a.kind == "name" and a.type in SPEAKERS)
                 or (unnamed and a.kind in ("pronoun", "office"))]
        for j in range(sent.start, sent.end):
            if tok.lower[j] not in self._words["speech_verbs"] or j == index:
                continue
            before = next((a for a in reversed(names) if j - 2 <= a.end <= j), None)
            head = self._search.aside_head(tok, sent, args, j)  # "Abdul Mahdi, PM sementara Irak, mengatakan"
            before = head if head is not None and head in names else before
            # "..., a senior officer told Reuters": who is told is not who speaks
            after = (next((a for a in names if j < a.begin <= j + 2), None)
                     if j > index and tok.lower[j] not in self._telling else None)
            if before is not None and (j < index or after is None):
                return before
            if after is not None:
                return after
        quoted = sent.quoted_by
        return quoted if quoted is not None and (unnamed or quoted.kind == "name") else None

    def plural(self, tok: Tokens, sent: Sentence, args: list[Arg], taken: set[int], cues: list[int]) -> list[Arg]:
        """ "X mengatakan bahwa mereka ...", "X said they ...": the plural pronoun is X."""
        found: list[Arg] = []
        for i in cues:
            if tok.lower[i] not in self._words.get("plural_pronouns", ()) or i in taken:
                continue
            speech = next((j for j in range(i - 1, max(sent.start, i - 6) - 1, -1)
                           if tok.lower[j] in self._words["speech_verbs"]), None)
            if speech is None:
                continue
            speaker = next((a for a in reversed(args) if a.kind == "name" and speech - 3 <= a.end <= speech), None)
            if speaker is not None:
                found.append(Arg(i, i + 1, "speaker", speaker.type, ref=(speaker.start, speaker.end)))
        return found

    def opening_it(self, tok: Tokens, sent: Sentence, taken: set[int]) -> list[Arg]:
        """ "Russia said on Monday ... It also accused Norway": a sentence opening with "it" goes on about
        the state or body the sentence before it opens with; nothing when that one opens otherwise."""
        i = sent.opening
        if i in taken or tok.lower[i] not in self._it:
            return []
        k = bisect_right(tok.sentences, (i, len(tok))) - 1  # this sentence; the one before it
        if k < 1:
            return []
        start, end = tok.sentences[k - 1]
        j = start
        while j < end and (tok.lower[j].isspace() or tok.lower[j] in self._determiners):
            j += 1
        at = bisect_left(tok.entities, (j, 0, ""))
        if at == len(tok.entities) or tok.entities[at][0] != j or tok.entities[at][2] not in _ITS:
            return []
        name_start, name_end, label = tok.entities[at]
        return [Arg(i, i + 1, "speaker", label, ref=(name_start, name_end))]

    def first_persons(self, tok: Tokens, sent: Sentence, args: list[Arg], taken: set[int], cues: list[int]) -> list[Arg]:
        """ ""We condemn the attack," Biden said", ""Kami berterima kasih kepada Qatar," kata Blinken": "we",
        "I", "kami", "saya" are whoever the sentence quotes (no one, when it quotes no one named)."""
        found: list[Arg] = []
        for i in cues:
            if tok.lower[i] not in self._first_person or i in taken:
                continue
            speaker = self(tok, sent, args, i)
            if speaker is not None and speaker.kind == "name":
                found.append(Arg(i, i + 1, "speaker", speaker.type, ref=(speaker.start, speaker.end)))
        return found
