"""`sanctions` from a sanctions list: "Lukashenko and 53 officials have been on the EU's sanctions
list since 2020", "X is on the US blacklist", "Wagner masuk dalam daftar sanksi AS". Whoever is on
a state's or bloc's list is sanctioned by it; the list's owner is named before it ("the EU's", "US")
or after it ("daftar sanksi AS").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.records import Arg, RawRelation, Sentence, first_at

__all__ = ["SanctionListings"]

_OWNERS = frozenset({"Country", "Organization"})
_LISTED = frozenset({"Person", "Organization", "Country", "Group"})
_REST_WORDS = 6  # "dan 40 pejabat senior Belarus lainnya"
_REACH = 4  # words between the listed names and "on"/"dalam": "have long been", "telah lama"

Coordinate = Callable[[Tokens, list[Arg], Arg | None], list[Arg]]


class SanctionListings:
    """The `sanctions` relations a sanctions list states in one sentence."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self._lists = Phrases(words.get("sanction_lists", ()))  # "sanctions list", "daftar sanksi"
        self.firsts = self._lists.firsts
        self._on = words.get("on_list_markers", frozenset())  # "on", "dalam", "masuk"
        self._skip = (words.get("be_forms", frozenset()) | words.get("copulas", frozenset())
                      | words.get("listing_adverbs", frozenset()))
        self._determiners = words.get("determiners", frozenset())
        self._possessives = words.get("possessive_markers", frozenset())
        self._coordinators = words["coordinators"]

    def find(self, doc_positions: list[int], tok: Tokens, sent: Sentence, args: list[Arg],
             coordinate: Coordinate) -> Iterator[RawRelation]:
        """`doc_positions` are where the sentence's list phrases may begin."""
        names = [a for a in args if a.kind == "name"]
        words = tok.lower
        for k in doc_positions:
            ends = self._lists.ends_after(words, k)
            if not ends:
                continue
            owner, start = self._owner(tok, sent, names, k, ends[0])
            if owner is None or owner.type not in _OWNERS:
                continue
            j = start  # back past "the", then "on", then "have been"
            while j > sent.start and words[j - 1] in self._determiners:
                j -= 1
            if not (j > sent.start and words[j - 1] in self._on):
                continue
            j -= 1
            stop = max(sent.start, j - _REACH)
            while j > stop and words[j - 1] in self._skip:
                j -= 1
            listed = next((a for a in names if a.end == j and a.type in _LISTED), None)
            if listed is None:  # "X, Y dan 20 pejabat senior lainnya": the counted rest is no name
                j = self._before_counted_rest(tok, sent, j)
                listed = next((a for a in names if a.end == j and a.type in _LISTED), None)
            for target in coordinate(tok, names, listed) if listed is not None else ():
                if target != owner:
                    yield RawRelation(owner, "sanctions", target, sent.span(tok), "sanction-list")

    def _before_counted_rest(self, tok: Tokens, sent: Sentence, end: int) -> int:
        """Where the names end before "dan 20 pejabat lainnya" / "and 20 others" that ends at `end`."""
        for k in range(end - 1, max(sent.start, end - _REST_WORDS) - 1, -1):
            if tok.doc[k].like_num and k > sent.start and tok.lower[k - 1] in self._coordinators:
                return k - 1
            if not tok.is_alpha[k]:
                break
        return end

    def _owner(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int, end: int) -> tuple[Arg | None, int]:
        """Who keeps the list at `k`..`end`, and where its phrase begins: "the EU's sanctions list", "the US
        blacklist", "daftar sanksi AS"."""
        j = k - 1 if k > sent.start and tok.lower[k - 1] in self._possessives else k
        before = next((a for a in names if a.end == j), None)
        if before is not None:
            return before, before.begin
        return first_at(names, end, end + 1), k
