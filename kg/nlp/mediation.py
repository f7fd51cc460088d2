"""`meetsWith` between a mediator and the parties it mediates between (ruling 11): "with Malaysia as
mediator", "dengan Anwar Ibrahim sebagai penengah", "following Lukashenko's mediation", "menyusul
mediasi Lukashenko". The mediator is named beside its noun; the parties are the subject of the
sentence and what is coordinated with it ("Thailand dan Kamboja sepakat ..."), or, after a
mediation phrase that opens the sentence, the subject that follows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.records import Arg, RawRelation, Sentence

__all__ = ["MediatorRelations"]

_ACTORS = frozenset({"Country", "Organization", "Person", "Group"})
_PARTIES = frozenset({"Country", "Organization", "Person"})  # the sides of a dispute; not "hostages"
_OPENING = 3  # tokens before a mediation noun that still open the sentence ("Following the mediation of")

Coordinate = Callable[[Tokens, list[Arg], Arg | None], list[Arg]]


class MediatorRelations:
    """The `meetsWith` relations a mediator noun states in one sentence."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self._mediators = words.get("mediator_nouns", frozenset())  # "X as mediator": the name before
        self._mediations = words.get("mediation_nouns", frozenset())  # "mediation by X", "mediasi X": after
        self.nouns = self._mediators | self._mediations
        self._as = words.get("as_markers", frozenset())
        self._by = words.get("mediation_agent_markers", frozenset())  # "mediation by", "mediasi oleh"
        self._skip = words.get("determiners", frozenset())
        self._possessives = words.get("possessive_markers", frozenset())

    def find(self, doc_positions: list[int], tok: Tokens, sent: Sentence, args: list[Arg],
             coordinate: Coordinate) -> Iterator[RawRelation]:
        """`doc_positions` are the sentence's mediator and mediation nouns; `coordinate` extends a name to
        its list."""
        names = [a for a in args if a.kind == "name" and a.type in _ACTORS]
        for k in doc_positions:
            mediator = self._mediator(tok, sent, names, k)
            if mediator is None:
                continue
            if k - sent.opening <= _OPENING:  # "Menyusul mediasi Lukashenko, Prigozhin setuju ..."
                subject = next((a for a in names if a.start > mediator.end and tok.lower[a.begin - 1] == ","), None)
            else:  # "Thailand dan Kamboja sepakat ... dengan Anwar sebagai mediator"
                subject = next((a for a in names if a.begin <= sent.opening + 1 and a.end <= mediator.begin), None)
            inside = range(mediator.begin, mediator.end)  # "PM Malaysia Anwar Ibrahim": Malaysia only qualifies him
            for party in coordinate(tok, names, subject) if subject is not None else ():
                if party.type in _PARTIES and party is not mediator and party.start not in inside:
                    yield RawRelation(mediator, "meetsWith", party, sent.span(tok), "mediation")

    def _mediator(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        words = tok.lower
        if words[k] in self._mediators:  # "Malaysia as mediator", "Anwar sebagai penengah"
            j = k
            while j > sent.start and words[j - 1] in self._skip:
                j -= 1
            if j - 1 > sent.start and words[j - 1] in self._as:
                return next((a for a in names if a.end == j - 1), None)
            return None
        if k > sent.start and words[k - 1] in self._possessives:  # "Lukashenko's mediation"
            return next((a for a in names if a.end == k - 1), None)
        j = k + 1
        while j < sent.end and (words[j] in self._by or words[j] in self._skip):
            j += 1
        return next((a for a in names if a.begin == j), None)  # "mediation by Qatar", "mediasi Lukashenko"
