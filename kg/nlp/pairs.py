""""Kedua negara", "the two sides", "both leaders": a phrase standing for the last two names of its kind
named before it in the article ("Jepang dan Filipina ... Kedua negara sepakat ...").
"""

from __future__ import annotations

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.records import Arg, Sentence
from kg.nlp.triggers import Trigger

__all__ = ["PairPhrases"]

_PAIR_REACH = 3  # words between "kedua negara" and its verb: "sepakat", "have also"


class PairPhrases:
    """The pair phrases of the lexicon and the names they stand for."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self.phrases = Phrases(words.get("pair_phrases", ()))
        self._bridges = words.get("pair_bridges", frozenset()) | words.get("auxiliaries", frozenset())
        self._kinds = {noun: kind for kind in ("Country", "Person") for noun in words.get(f"pair_nouns_{kind.lower()}", ())}

    def named_before(self, tok: Tokens, sent: Sentence, trigger: Trigger, named: list[Arg]) -> list[Arg]:
        """ "Kedua negara sepakat ...", "The two countries signed ...": the last two names of the kind the
        phrase speaks of, named before it in the article."""
        j = trigger.at
        while j > max(sent.start, trigger.at - _PAIR_REACH) and tok.lower[j - 1] in self._bridges:
            j -= 1  # "kedua negara sepakat bekerja sama", "the two sides also signed"; not "urged both sides to"
        for start in self.phrases.starts_before(tok.lower, j):
            kind = self._kinds.get(tok.lower[j - 1])
            last: list[Arg] = []
            for arg in reversed([a for a in named if a.end <= start]):
                if (kind is None or arg.type == kind) and all(tok.doc[a.start:a.end].text != tok.doc[arg.start:arg.end].text
                                                              for a in last):
                    last.append(arg)
                if len(last) == 2:
                    return last[::-1]
        return []
