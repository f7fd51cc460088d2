"""Lists of arguments: "A, B dan C", "Russia and China", "Lukashenko, his son Viktor and 53 other officials".

A comma joins only inside a list that an "and" closes ("A, B dan C"), so in "... Pashinyan, Putin said"
the comma does not make Putin part of the list; a relative named after a kin word ("Ali Bongo and his
son, Noureddin") and a name a generic head stands for ("orang yang digantikannya, Nursultan
Nazarbayev") go on the list too.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.records import Arg, first_at
from kg.nlp.triggers import WINDOW

__all__ = ["Lists"]

_COUNTED_WORDS = 3  # "53 other senior (Belarusian) officials"


class Lists:
    """Extends an argument to the list it stands in."""

    def __init__(self, lexicon: Lexicon, breaks: Callable[[Tokens, int], bool]):
        words = lexicon.words
        self._words = words
        self._breaks = breaks  # a clause boundary at a token
        self._fillers = words.get("coordination_fillers", frozenset())
        self._coordinators = words["coordinators"] | self._fillers
        self._kin = words.get("kin_nouns", frozenset())  # "his son, X", "putranya, X"
        self._kin_owners = words.get("kin_owners", frozenset())  # "his", "their"
        self._clitics = words.get("clitic_pronouns", frozenset())  # "putra|nya"
        self._body_qualifiers = words.get("body_qualifier_nouns", frozenset())  # "negara (ASEAN)"

    def coordinated(self, tok: Tokens, args: list[Arg], first: Arg | None) -> list[Arg]:
        """`first` and the arguments joined to it by "dan"/"and"/commas, either side.

        A comma joins only inside a list that an "and" closes ("A, B dan C"), so in
        "... Pashinyan, Putin said" the comma does not make Putin part of the list.
        """
        if first is None:
            return []
        coordinators, words = self._coordinators, tok.lower
        before = _past_count(tok, first.begin) - 1
        if ((first.end >= len(words) or words[first.end] not in coordinators)
                and (before < 0 or words[before] not in coordinators)):
            return [first]  # the usual case: nothing joined on either side
        by_begin = {a.begin: a for a in args}
        by_end = {a.end: a for a in args}
        chain: list[tuple[Arg, bool]] = [(first, False)]  # (argument, joined to the previous one by a comma only)
        current = first
        while True:
            j = current.end
            while j < len(tok) and (tok.lower[j] in coordinators or j > current.end and tok.doc[j].like_num) \
                    and j not in by_begin:  # "dan para pemimpin NLD", "and 10 other officials"
                j += 1
            nxt = by_begin.get(j) or self._named_after_relative(tok, args, j) or self._named_after_kin(tok, args, j)
            if j == current.end or nxt is None or not _joinable(first, nxt):
                break
            if nxt.kind == "office" and current.kind == "name" and _comma_only(tok, current.end, j, self._fillers):
                break  # "Chris Tang, the commissioner of the police, and ...": an aside on the name, no one else
            chain.append((nxt, _comma_only(tok, current.end, j, self._fillers)))
            current = nxt
        current = first
        while True:
            j = current.begin
            j = _past_count(tok, j)  # "Lukashenko and 53 other senior officials"
            while j > 0 and tok.lower[j - 1] in coordinators and j not in by_end:
                j -= 1
            if j == current.begin and j not in by_end:  # "Lukashenko, his son Viktor and ...": past the kin word
                j = self._kin_before(tok, j)
            prev = by_end.get(j)
            if j == current.begin or prev is None or not _joinable(first, prev):
                break
            if prev.type == "Organization" and prev.begin > 0 and tok.lower[prev.begin - 1] in self._body_qualifiers:
                break  # "dua negara ASEAN, Thailand dan Kamboja": ASEAN only says which countries
            head_arg, _ = chain[0]
            chain[0] = (head_arg, _comma_only(tok, j, current.begin, self._fillers))
            chain.insert(0, (prev, False))
            current = prev
        return _closed_list(chain, first)

    def _named_after_kin(self, tok: Tokens, args: list[Arg], j: int) -> Arg | None:
        """ "Ali Bongo and his son, Noureddin Bongo Valentin", "Ali Bongo dan putranya, Noureddin": a
        relative named in apposition after the kin word is the next one in the list."""
        words = tok.lower
        if j < len(tok) and words[j] in self._kin_owners:
            j += 1
        if not (j < len(tok) and words[j] in self._kin):
            return None
        j += 1
        if j < len(tok) and words[j] in self._clitics:
            j += 1
        if j < len(tok) and words[j] == ",":
            j += 1
        follower = first_at(args, j, j + 1)
        return follower if follower is not None and follower.kind == "name" and follower.type == "Person" else None

    def _kin_before(self, tok: Tokens, j: int) -> int:
        """Where the list goes on before "his son" at `j` ("Lukashenko, his son Viktor"), or `j`."""
        words = tok.lower
        k = j - 1 if j > 0 and words[j - 1] == "," else j
        k -= k > 0 and words[k - 1] in self._clitics
        if not (k > 0 and words[k - 1] in self._kin):
            return j
        k -= 1
        k -= k > 0 and words[k - 1] in self._kin_owners
        return k - 1 if k > 0 and words[k - 1] == "," else j

    def _named_after_relative(self, tok: Tokens, args: list[Arg], j: int) -> Arg | None:
        """ "Tokayev dan orang yang digantikannya sebagai presiden, Nursultan Nazarbayev": a generic
        head with a relative clause stands for the name the comma after it brings."""
        if not (j + 1 < len(tok) and tok.lower[j] in self._words["generic_heads"]
                and tok.lower[j + 1] in self._words["relativizers"]):
            return None
        for k in range(j + 2, min(j + 2 + WINDOW, len(tok))):
            if tok.lower[k] == ",":
                follower = first_at(args, k + 1, k + 2)
                return follower if follower is not None and follower.kind == "name" else None
            if self._breaks(tok, k):
                return None
        return None


def _past_count(tok: Tokens, begin: int) -> int:
    """Where "53 other senior" begins before a group named at `begin`: a count and up to three lowercase
    words before the name belong to the list item; without a count, `begin`."""
    for j in range(begin, max(0, begin - _COUNTED_WORDS) - 1, -1):
        if j > 0 and tok.doc[j - 1].like_num:
            return j - 1
        if j == 0 or not (tok.doc[j - 1].is_lower and tok.is_alpha[j - 1]):
            break
    return begin


def _joinable(first: Arg, other: Arg) -> bool:
    """Whether `other` may stand in a list with `first`: the same kind of reference, or people named and
    people titled ("met the Russian president, Chinese President Xi Jinping and ...")."""
    if other.kind == first.kind:
        return True
    return {first.kind, other.kind} == {"name", "office"} and first.type == other.type == "Person"


def _comma_only(tok: Tokens, start: int, stop: int, fillers: frozenset[str]) -> bool:
    """No "and"/"dan" between: a comma, perhaps with a filler ("Borrell, the EU's ...")."""
    return not any(t.isalpha() and t not in fillers for t in tok.lower[start:stop])


def _closed_list(chain: list[tuple[Arg, bool]], first: Arg) -> list[Arg]:
    """The list up to its last "and": commas after it end the list ("A dan B, C kata ...")."""
    last_and = max((i for i, (_, comma) in enumerate(chain) if i > 0 and not comma), default=0)
    members = [arg for arg, _ in chain[:last_and + 1]]
    return members if first in members else [first]
