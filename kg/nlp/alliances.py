"""`allyOf` from the noun news uses for it: "Russia's closest ally Belarus", "Belarus, a close ally
of Russia", "US allies Japan and South Korea", "sekutu dekat Rusia, Belarus", "Belarus, sekutu
Rusia", "Japan and the US are allies". The relation is symmetric, so which side the noun
attaches to does not matter; what matters is that two names stand on its two sides. A name and
"its allies" ("the US and its Western allies", "AS dan sekutunya") are allied too: the allies are a
group of their own (kg.nlp.names finds it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.records import Arg, RawRelation, Sentence, first_at

__all__ = ["AllyRelations"]

_ALLIES = frozenset({"Country", "Organization", "Person", "Group"})
_MODIFIER_REACH = 3  # "closest and oldest ally", "sekutu dekat dan setia"
_PLACE_REACH = 4  # words of a place phrase between an ally noun and its apposition: "in the Middle East"

Coordinate = Callable[[Tokens, list[Arg], Arg | None], list[Arg]]


_COPULA_REACH = 4  # auxiliaries and adverbs between a subject and its copula: "has long been"


class AllyRelations:
    """The relations a noun of standing towards another states between the names of one sentence:
    `allyOf` for "ally" (symmetric), and, with `directed`, `supports` for "supporter" and "backer",
    from the one who supports to the one who is supported ("Poland, a staunch supporter of Ukraine",
    "Iran, Hezbollah's main backer", "Polandia, salah satu pendukung utama Ukraina")."""

    def __init__(self, lexicon: Lexicon, kind: str = "ally", predicate: str = "allyOf", directed: bool = False):
        words = lexicon.words
        self.nouns = words.get(f"{kind}_nouns", frozenset())
        self._predicate, self._directed, self._rule = predicate, directed, f"{kind}-noun"
        self._skip = (words.get(f"{kind}_modifiers", frozenset()) | words.get("determiners", frozenset())
                      | words.get("title_bridges", frozenset()) | {",", "of", "dari"}
                      | words.get("partitive_words", frozenset())  # "one of Russia's closest allies", "salah satu"
                      | words.get("ally_owner_pronouns", frozenset())  # "sekutu|nya Belarus"
                      | words.get("copula_adverbs", frozenset()))  # "is still China's ally"
        self._possessives = words.get("possessive_markers", frozenset())
        self._copulas = words.get("be_forms", frozenset()) | words.get("copulas", frozenset())
        #: between a subject and its copula: "Pakistan has long been", "Jepang telah lama menjadi"
        self._before_copula = words.get("auxiliaries", frozenset()) | words.get("copula_adverbs", frozenset())
        self._owners = words.get("ally_owner_pronouns", frozenset())
        self._relativizers = words.get("relativizers", frozenset())
        self._places = words.get("place_prepositions", frozenset())  # "ally in Asia, Japan"
        self._modifiers = words.get(f"{kind}_modifiers", frozenset())
        self._plurals = words.get(f"plural_{kind}_nouns", frozenset())  # "allies", "sekutu": of each subject
        self._joins = words.get("coordinators", frozenset())
        self._list_markers = words.get("inclusion_markers", frozenset()) | words.get("example_markers", frozenset())

    def find(self, doc_positions: list[int], tok: Tokens, sent: Sentence, args: list[Arg],
             coordinate: Coordinate) -> Iterator[RawRelation]:
        """`doc_positions` are the ally nouns of the sentence; `coordinate` extends a name to its list."""
        names = [a for a in args if a.kind == "name" and a.type in _ALLIES]
        for k in doc_positions:
            owned = next((a for a in names if a.type == "Group" and a.start <= k < a.end), None)
            if owned is not None:  # "the US and its Western allies", "AS dan sekutunya"
                owner = self._owner_of_allies(tok, sent, names, owned) if not self._directed else None
                if owner is None and not self._directed:  # "Russia said its allies would", "Rusia ... sekutunya"
                    owner = self._pronoun_owner(tok, sent, [a for a in names if a.type != "Group"], k)
                if owner is not None:
                    yield RawRelation(owner, self._predicate, owned, sent.span(tok), self._rule)
                else:  # "Ukraine's Western allies, including Germany": the listed ones are the owner's allies
                    yield from self._listed_of_owner(tok, sent, names, owned, coordinate)
                continue
            right = self._right(tok, sent, names, k)
            left = self._left(tok, sent, names, k)
            # whose ally (or supporter) it is: the name before when it owns the noun ("Russia's ally", "a key
            # US ally"), else the name after it ("ally of Russia", "sekutu Rusia")
            left_owns = left is not None and (left.end == k or left.end < k and tok.lower[left.end] in self._possessives)
            listed = self._listed(tok, sent, names, right.end - 1) if left is None and right is not None else None
            if listed is not None:  # "sekutu AS seperti Jepang", "sekutu-sekutu AS, termasuk Jepang"
                left, right, left_owns = right, listed, True
            elif left is None and right is not None:  # "sekutu Rusia, Belarus": the apposition is the other side
                # "Belarus is a close ally of Russia", "Belarus adalah sekutu Rusia"; not the speaker after
                # it: "Belarus is an ally of Russia, officials said"
                left = self._copular_subject(tok, sent, names, k)
                comma = self._past_place(tok, sent, right.end)  # "sekutu utama AS di Asia, Jepang"
                if left is None and comma + 1 < sent.end and tok.lower[comma] == ",":
                    left = first_at([a for a in names if a.type != "Group"], comma + 1, comma + 2)
                if left is None:  # "Putin met his ally Lukashenko": the pronoun's name owns the noun
                    left = self._pronoun_owner(tok, sent, names, k)
                    left_owns = left is not None
            if right is None and left is not None:  # "Washington's allies, including Japan", "US allies such as Japan"
                right = self._listed(tok, sent, names, k) or self._apposed(tok, sent, names, k)
            if right is None and left is not None and left_owns:
                # "Hamas, Iran's ally,", "Hamas is Iran's ally", "Japan, a key US ally,"
                right = self._holder_of(tok, sent, names, left)
            if right is None and not self._directed:  # "Japan and the US are allies"
                group = self._copular_subjects(tok, sent, names, k, coordinate)
                pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1:]]
            elif right is None or left is None:
                pairs = []
            elif left_owns and self._directed:  # "Hezbollah's backer Iran": Iran supports Hezbollah
                pairs = [(r, left) for r in coordinate(tok, names, right)]
            else:  # "Japan and South Korea are allies of the US": a plural noun is each listed subject's
                lefts = coordinate(tok, names, left) if not left_owns and tok.lower[k] in self._plurals else [left]
                pairs = [(a, r) for a in lefts for r in coordinate(tok, names, right)]
            for a, b in pairs:
                if a != b:
                    yield RawRelation(a, self._predicate, b, sent.span(tok), self._rule)

    def _owner_of_allies(self, tok: Tokens, sent: Sentence, names: list[Arg], allies: Arg) -> Arg | None:
        """Whose allies a group is: the name joined to "its allies" by "and"."""
        j = allies.start
        if j > sent.start and tok.lower[j - 1] in self._owners:
            j -= 1
        if not (j > sent.start and tok.lower[j - 1] in self._joins and tok.lower[j - 1] != ","):
            return None  # "Netanyahu, his closest allies": an apposition says who the allies are, not whose
        return next((a for a in names if a.end == j - 1 and a.type != "Group"), None)

    def _listed_of_owner(self, tok: Tokens, sent: Sentence, names: list[Arg], allies: Arg,
                         coordinate: Coordinate) -> Iterator[RawRelation]:
        j = allies.start
        if not (j - 1 > sent.start and tok.lower[j - 1] in self._possessives):
            return
        owner = next((a for a in names if a.end == j - 1 and a.type != "Group"), None)
        listed = self._listed(tok, sent, names, allies.end - 1)
        if owner is None or listed is None:
            return
        for ally in coordinate(tok, names, listed):
            yield RawRelation(owner, self._predicate, ally, sent.span(tok), self._rule)

    def _listed(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        """The first of the allies listed after the noun at `k`: ", including Japan", "such as Japan",
        "termasuk Jepang", "seperti Jepang"."""
        j = k + 1
        if j < sent.end and tok.lower[j] == ",":
            j += 1
        start = j
        while j < min(sent.end, start + 2) and tok.lower[j] in self._list_markers:
            j += 1
        return first_at(names, j, j + 1) if j > start else None

    def _pronoun_owner(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        """Whose ally "his ally" is when the sentence names one actor before it: "Putin met his ally
        Lukashenko", "Putin bertemu sekutunya Lukashenko". Two names before it could each be the owner."""
        j = k
        while j > sent.start and tok.lower[j - 1] in self._modifiers:
            j -= 1  # "his closest ally"
        if j > sent.start and tok.lower[j - 1] in self._owners:
            j -= 1
        elif not (k + 1 < sent.end and tok.lower[k + 1] in self._owners):  # "sekutu|nya"
            return None
        before = [a for a in names if a.end <= j]
        return before[0] if len({(a.start, a.end) for a in before}) == 1 else None

    def _apposed(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        """The ally set off after the noun: "the Kremlin's staunchest ally, Belarusian President Alexander
        Lukashenko,", "Washington's main ally in Asia, Japan"."""
        comma = self._past_place(tok, sent, k + 1)
        return first_at(names, comma + 1, comma + 2) if comma + 1 < sent.end and tok.lower[comma] == "," else None

    def _past_place(self, tok: Tokens, sent: Sentence, j: int) -> int:
        """Past a place phrase at `j` ("in Asia", "in the region", "di Asia"), to the comma that closes it;
        `j` when there is none."""
        if j >= sent.end or tok.lower[j] not in self._places:
            return j
        for k in range(j + 1, min(sent.end, j + 1 + _PLACE_REACH)):
            if tok.lower[k] == ",":
                return k
        return j

    def _right(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        j = k + 1
        while j < min(sent.end, k + 1 + _MODIFIER_REACH) and tok.lower[j] in self._skip:
            j += 1
        return first_at(names, j, j + 1)

    def _left(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        j = k
        while j > max(sent.start, k - _MODIFIER_REACH - 1) and tok.lower[j - 1] in self._skip:
            j -= 1
            if tok.lower[j] in self._owners:
                return None  # "his ally": whose is for the pronoun to say (_pronoun_owner)
        if j > sent.start and tok.lower[j - 1] in self._possessives:  # "Russia's closest ally"
            return next((a for a in names if a.end == j - 1), None)
        found = next((a for a in names if a.end == j), None)
        if found is not None and found.end == k and found.type not in ("Country", "Person"):
            # "NATO allies Poland": members, not allies, of the bloc ("a close Putin ally" is his); "the US,
            # a NATO ally of Turkey": the bloc only says where, the name set off before the phrase is the ally
            j = found.begin
            while j > sent.start and tok.lower[j - 1] in self._skip:
                j -= 1
            set_off = j < found.begin and "," in tok.lower[j:found.begin]
            return next((a for a in names if a.end == j and a.type != "Group"), None) if set_off else None
        return found

    def _copular_subject(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int) -> Arg | None:
        j = k
        while j > sent.start and tok.lower[j - 1] in self._skip:
            j -= 1
        if j - 1 > sent.start and tok.lower[j - 1] in self._copulas:
            return next((a for a in names if a.end == self._subject_end(tok, sent, j - 1)), None)
        return None

    def _subject_end(self, tok: Tokens, sent: Sentence, copula: int) -> int:
        """Where the subject of the copula at `copula` ends: past "has long been", "telah lama menjadi"."""
        j = copula
        while j > sent.start and j > copula - _COPULA_REACH and tok.lower[j - 1] in self._before_copula:
            j -= 1
        if j - 1 > sent.start and tok.lower[j - 1] in self._relativizers and tok.lower[j - 2] == ",":
            return j - 2  # "Hungary, which is an ally of Russia", "Hongaria, yang merupakan sekutu Rusia"
        return j

    def _holder_of(self, tok: Tokens, sent: Sentence, names: list[Arg], owner: Arg) -> Arg | None:
        """Who is `owner`'s ally when the noun has no name after it: the head the possessive phrase
        is set off after, or the subject of the copula before it."""
        j = owner.begin - 1
        while j > sent.start and tok.lower[j] in self._skip and tok.lower[j] != ",":
            j -= 1  # "Japan, a key US ally": past the article and modifiers
        if j <= sent.start:
            return None
        if tok.lower[j] == ",":
            return next((a for a in names if a.end == j), None)
        if tok.lower[j] in self._copulas:
            return next((a for a in names if a.end == self._subject_end(tok, sent, j)), None)
        return None

    def _copular_subjects(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int,
                          coordinate: Coordinate) -> list[Arg]:
        j = k
        while j > sent.start and tok.lower[j - 1] in self._skip and tok.lower[j - 1] != ",":
            j -= 1
        if j > sent.start and tok.lower[j - 1] in self._copulas:
            last = next((a for a in names if a.end == self._subject_end(tok, sent, j - 1)), None)
        elif j > sent.start and tok.lower[j - 1] == "," and tok.lower[k] in self._plurals:
            m = k + 1  # "Russia and Belarus, close allies, held", "Rusia dan Belarus, dua sekutu dekat, menggelar"
            while m < sent.end and tok.lower[m] in self._modifiers and m - k <= _MODIFIER_REACH:
                m += 1
            closed = m == sent.end or not tok.is_alpha[m]
            last = next((a for a in names if a.end == j - 1), None) if closed else None
        else:
            return []
        group = coordinate(tok, names, last) if last is not None else []
        return group if len(group) > 1 else []
