"""`succeeded` from the noun news uses for a successor: "Nazarbayev's successor, Kassym-Jomart Tokayev",
"Tokayev, Nazarbayev's successor,", "Tokayev, the successor to Nazarbayev", "Tokayev, pengganti
Nazarbayev,", "penerus Nazarbayev, Tokayev", "Tokayev adalah pengganti Nazarbayev". The one succeeded
owns the noun (before it with "'s", after it with "to"/"of" or, in Indonesian, bare); the successor is
named in apposition to the noun's phrase, or is the subject of a copula before it. Serving out another's
term is succeeding them too: "sworn in to serve out the rest of Castillo's term", "menjalani sisa masa
jabatan Castillo".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.records import Arg, RawRelation, Sentence, first_at

__all__ = ["SuccessorNouns"]

Coordinate = Callable[[Tokens, list[Arg], Arg | None], list[Arg]]


class SuccessorNouns:
    """The `succeeded` relations a successor noun states between two people of one sentence."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self._nouns = words.get("successor_nouns", frozenset())  # "successor", "pengganti", "penerus"
        # "to serve out the rest of Castillo's term", "menjalani sisa masa jabatan Castillo"
        self._terms = Phrases(words.get("remaining_term_phrases", ()))
        self._term_nouns = words.get("term_nouns", frozenset())  # "term", "mandate"
        self.nouns = self._nouns | self._terms.firsts
        self._owner_markers = words.get("successor_owner_markers", frozenset())  # "to", "of"
        self._possessives = words.get("possessive_markers", frozenset())
        self._determiners = words.get("determiners", frozenset())
        self._copulas = words.get("be_forms", frozenset()) | words.get("copulas", frozenset())
        self._former = words.get("former_markers", frozenset())  # "his former successor": no one now
        self._skip = self._determiners | frozenset({"of"})

    def find(self, doc_positions: list[int], tok: Tokens, sent: Sentence, args: list[Arg],
             coordinate: Coordinate) -> Iterator[RawRelation]:
        """`doc_positions` are the sentence's successor nouns."""
        people = [a for a in args if a.kind == "name" and a.type == "Person"]
        for k in doc_positions:
            if tok.lower[k] not in self._nouns:
                yield from self._remaining_term(tok, sent, people, k)
                continue
            owner, start, end = self._owner(tok, sent, people, k)
            if owner is None:
                continue
            successor = self._apposed(tok, sent, people, start, end)
            if successor is not None and successor != owner:
                yield RawRelation(successor, "succeeded", owner, sent.span(tok), "successor-noun")

    def _owner(self, tok: Tokens, sent: Sentence, people: list[Arg], k: int) -> tuple[Arg | None, int, int]:
        """Whom the noun at `k` succeeds, and where the noun's phrase begins and ends: "Nazarbayev's
        successor", "the successor to Nazarbayev", "pengganti Nazarbayev"."""
        words = tok.lower
        j = k
        while j > sent.start and words[j - 1] in self._determiners:
            j -= 1
        if j > sent.start and words[j - 1] in self._former:
            return None, k, k
        if j - 1 > sent.start and words[j - 1] in self._possessives:
            before = next((a for a in people if a.end == j - 1), None)
            if before is not None:
                return before, before.begin, k + 1
        after = k + 1 + (k + 1 < sent.end and words[k + 1] in self._owner_markers)
        owner = first_at(people, after, after + 1)
        return (owner, j, owner.end) if owner is not None else (None, k, k)

    def _apposed(self, tok: Tokens, sent: Sentence, people: list[Arg], start: int, end: int) -> Arg | None:
        """The successor: set off by commas after the phrase ("X's successor, Tokayev") or before it
        ("Tokayev, X's successor"), or the subject of a copula before it ("Tokayev is X's successor")."""
        words = tok.lower
        if end < sent.end and words[end] == ",":
            after = first_at(people, end + 1, end + 2)
            if after is not None:
                return after
        j = start
        while j > sent.start and words[j - 1] in self._copulas:
            j -= 1
        if j > sent.start and (words[j - 1] == "," or j < start):
            k = j - 1 if words[j - 1] == "," else j
            return next((a for a in people if a.end == k), None)
        return None

    def _remaining_term(self, tok: Tokens, sent: Sentence, people: list[Arg], k: int) -> Iterator[RawRelation]:
        """ "Boluarte was sworn in to serve out the rest of Castillo's term": who serves out another's
        term succeeded them; the one serving is the person the sentence opens with."""
        ends = self._terms.ends_after(tok.lower, k)
        if not ends:
            return
        j = ends[0]
        while j < sent.end and tok.lower[j] in self._skip:
            j += 1
        owner = first_at(people, j, j + 1)
        if owner is None:
            return
        after = tok.past(owner.end, self._possessives, sent.end)
        term_in_phrase = any(w in self._term_nouns for w in tok.lower[k:ends[0]])  # "sisa masa jabatan"
        if not term_in_phrase and not (after < sent.end and tok.lower[after] in self._term_nouns):
            return  # "the rest of Castillo's term", not "the rest of Castillo's supporters"
        successor = next((a for a in people if a.begin <= sent.opening + 1), None)
        if successor is not None and successor != owner and successor.end <= k:
            yield RawRelation(successor, "succeeded", owner, sent.span(tok), "remaining-term")
