"""`meetsWith` from a joint appearance: "Obama and Castro prodded each other during a joint news
conference", "Jokowi dan Albanese ... dalam konferensi pers bersama". Those who appear together are the
first list of names before the phrase (past an opening "Laying bare ...,"); one name alone holds no joint
conference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.records import Arg, RawRelation, Sentence

__all__ = ["JointAppearances"]

_PARTIES = frozenset({"Person", "Country", "Organization"})

Coordinate = Callable[[Tokens, list[Arg], Arg | None], list[Arg]]


class JointAppearances:
    """The `meetsWith` relations a joint appearance states among a sentence's opening list."""

    def __init__(self, lexicon: Lexicon):
        self._phrases = Phrases(lexicon.words.get("joint_appearances", ()))  # "joint news conference"
        self.nouns = self._phrases.firsts
        self._prepositions = lexicon.words["locative_prepositions"]

    def find(self, doc_positions: list[int], tok: Tokens, sent: Sentence, args: list[Arg],
             coordinate: Coordinate) -> Iterator[RawRelation]:
        """`doc_positions` are where the sentence's joint-appearance phrases may begin."""
        at = next((k for k in doc_positions if self._phrases.ends_after(tok.lower, k)), None)
        if at is None:
            return
        parties: list[Arg] = []
        for arg in args:  # the first list before the phrase: "HAVANA - Laying bare ..., Obama and Castro ..."
            if arg.begin >= at:
                break
            if arg.kind == "name" and arg.type in _PARTIES and not self._after_preposition(tok, sent, arg):
                parties = [a for a in coordinate(tok, args, arg) if a.type in _PARTIES]
                break
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                yield RawRelation(a, "meetsWith", b, sent.span(tok), "joint-appearance")

    def _after_preposition(self, tok: Tokens, sent: Sentence, arg: Arg) -> bool:
        """ "with Castro", "in Havana": a name in a phrase of its own is not one who appears."""
        return arg.begin > sent.start and tok.lower[arg.begin - 1] in self._prepositions

