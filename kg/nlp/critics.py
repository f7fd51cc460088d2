"""`condemns` from the noun news uses for someone who criticises an actor as a rule: "Kremlin critic
Alexei Navalny", "Navalny, a fierce critic of the Kremlin", "Navalny has long been a critic of
Putin", "pengkritik Kremlin Alexei Navalny", "Navalny, pengkritik keras Kremlin". The critic is a
person or a group; what they criticise is named beside the noun (before it in English compounds,
after "of" or right after the noun otherwise). A critic of a policy, with no actor named, relates no one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.records import Arg, RawRelation, Sentence, first_at

__all__ = ["CriticNouns"]

_CRITICS = frozenset({"Person", "Group"})
_TARGETS = frozenset({"Person", "Organization", "Country", "Group"})
_MODIFIER_REACH = 3  # "a fierce and outspoken critic", "pengkritik keras dan vokal"
_COPULA_REACH = 4  # "has long been a critic of"

Coordinate = Callable[[Tokens, list[Arg], Arg | None], list[Arg]]


class CriticNouns:
    """The `condemns` relations a critic noun states between a sentence's names."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self.nouns = words.get("critic_nouns", frozenset())
        self._english = lexicon.lang == "en"
        self._modifiers = words.get("critic_modifiers", frozenset()) | words.get("determiners", frozenset())
        self._of = words.get("origin_prepositions", frozenset())  # "of"
        self._copulas = words.get("be_forms", frozenset()) | words.get("copulas", frozenset())
        self._before_copula = words.get("auxiliaries", frozenset()) | words.get("copula_adverbs", frozenset())

    def find(self, doc_positions: list[int], tok: Tokens, sent: Sentence, args: list[Arg],
             coordinate: Coordinate) -> Iterator[RawRelation]:
        """`doc_positions` are where the sentence's critic nouns stand."""
        names = [a for a in args if a.kind == "name"]
        for k in doc_positions:
            target = self._compound_target(tok, names, k)
            critic = self._named_after(tok, sent, names, k, target) if target is not None else None
            if critic is None:  # "X, a critic of Y", "X is a critic of Y", "X, pengkritik keras Y"
                target = self._target_after(tok, sent, names, k)
                critic = self._holder(tok, sent, names, k) if target is not None else None
            if critic is None or target is None or critic.type not in _CRITICS or target.type not in _TARGETS:
                continue
            for one in coordinate(tok, args, target):
                if one != critic:
                    yield RawRelation(critic, "condemns", one, sent.span(tok), "critic-noun")

    def _compound_target(self, tok: Tokens, names: list[Arg], k: int) -> Arg | None:
        """ "Kremlin critic": the target right before the English noun; "pengkritik Kremlin": right after
        the Indonesian one, a name following it being the critic."""
        if self._english:
            return next((a for a in names if a.end == k), None)
        return first_at(names, k + 1, k + 2)

    def _named_after(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int, target: Arg) -> Arg | None:
        """The critic named right after the compound: "Kremlin critic Alexei Navalny", "pengkritik Kremlin,
        Alexei Navalny"."""
        j = k + 1 if self._english else target.end
        if j < sent.end and tok.lower[j] == ",":
            j += 1
        return first_at(names, j, j + 1)

    def _target_after(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        """ "critic of the Kremlin", "pengkritik keras Kremlin"."""
        j = k + 1
        while j < min(sent.end, k + 1 + _MODIFIER_REACH) and tok.lower[j] in self._modifiers:
            j += 1
        if self._english:
            if j >= sent.end or tok.lower[j] not in self._of:
                return None
            j += 1
            while j < sent.end and tok.lower[j] in self._modifiers:
                j += 1
        return first_at(names, j, j + 1)

    def _holder(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        """Who the critic is: the name the noun is set off after ("X, a critic of"), or the subject of
        the copula before it ("X has long been a critic of", "X merupakan pengkritik")."""
        j = k
        while j > sent.start and k - j <= _MODIFIER_REACH and tok.lower[j - 1] in self._modifiers:
            j -= 1
        if j > sent.start and tok.lower[j - 1] == ",":
            return next((a for a in names if a.end == j - 1), None)
        if j > sent.start and tok.lower[j - 1] in self._copulas:
            j -= 1
            while j > sent.start and tok.lower[j - 1] in self._before_copula and k - j <= _COPULA_REACH + _MODIFIER_REACH:
                j -= 1
            return next((a for a in names if a.end == j), None)
        return None
