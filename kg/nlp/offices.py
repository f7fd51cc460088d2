"""A leader title standing alone for the person the article titles so: after "Presiden Peru
Dina Boluarte ...", "Presiden menuduh Benavides ..." is Boluarte accusing; after "President
Joe Biden ...", "the president said" is Biden speaking.

This module only finds the bare title (an `office` argument with role "bare"); kg.resolve
decides who holds it, and drops it when the article titles no one, or more than one
person, that way: a wrong speaker costs more than a missing one.
"""

from __future__ import annotations

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.records import Arg, Sentence
from kg.nlp.titles import Titles

__all__ = ["BARE", "OWN_COUNTRY", "BareTitles", "leader_title_words", "own_country"]

BARE = "bare"  # Arg.role of a title that names no country or body beside it
OWN_COUNTRY = "own-country"  # Arg.kind of "his country", "negaranya": the state of the person just named


class BareTitles:
    """Finds leader titles that name no one beside them: "the president", "Presiden itu"."""

    def __init__(self, lexicon: Lexicon, titles: Titles):
        words = lexicon.words
        self._titles = titles
        self.firsts = frozenset(t[0] for t, role in titles.roles.items() if role == "leader")
        # what may come right before: the sentence's start, "the"/"sang", or a word that is neither a
        # name, a possessor ("its president", "Iran's president"), nor a qualifier ("former", "calon")
        self._openers = words.get("bare_title_openers", frozenset())
        self._needs_opener = lexicon.lang == "en"  # English says "the president"; "President" alone heads a name
        self._not_before = (words.get("former_markers", frozenset()) | words.get("title_qualifiers", frozenset())
                            | words.get("possessive_markers", frozenset())
                            | (words.get("determiners", frozenset()) - self._openers))
        # what may not come right after: "of"/"dari" (a body follows), "'s", a name kg did not type
        self._not_after = (words.get("title_bridges", frozenset()) | words.get("possessive_markers", frozenset()))

    def find(self, tok: Tokens, sent: Sentence, i: int) -> Arg | None:
        """The bare leader title starting at `i`, or None."""
        found = self._titles.starting_at(tok.lower, i)
        if found is None or found[0] != "leader":
            return None
        end = found[1]
        longest = self._titles.ending_at(tok.lower, end, sent.start)
        if longest is None or longest[1] != i:
            return None  # "Vice President", "wakil presiden": the word ends a longer title
        if i > sent.opening:
            before = tok.lower[i - 1]
            if tok.ent[i - 1] or before in self._not_before or (self._needs_opener and before not in self._openers):
                return None
            if tok.doc[i - 1].is_title and before not in self._openers:
                return None  # "Komandan Presiden", a name kg does not know
        elif self._needs_opener:
            return None
        if end < sent.end:
            after = tok.doc[end]
            if tok.ent[end] or tok.lower[end] in self._not_after or (after.is_title and after.is_alpha):
                return None  # "Presiden Boluarte", "the president of the Commission"
        return Arg(i, end, "office", "Person", ref=(i, end), role=BARE)


def own_country(tok: Tokens, sent: Sentence, i: int, owners: frozenset[str]) -> Arg | None:
    """ "Erdogan said his country would ...", "Erdogan menegaskan negaranya ...": the country noun at `i`
    with a person's possessive before it (English) or its clitic after it (Indonesian)."""
    if i > sent.start and tok.lower[i - 1] in owners:
        return Arg(i - 1, i + 1, OWN_COUNTRY, "Country")
    if i + 1 < sent.end and tok.lower[i + 1] in owners:
        return Arg(i, i + 2, OWN_COUNTRY, "Country")
    return None


def leader_title_words(tok_lower: list[str], titles: Titles, start: int, stop: int) -> tuple[str, ...] | None:
    """The first leader title's words in tok_lower[start:stop], as kg.resolve matches bare titles."""
    for k in range(start, stop):
        found = titles.starting_at(tok_lower, k)
        if found is not None and found[0] == "leader" and found[1] <= stop:
            return tuple(tok_lower[k:found[1]])
    return None
