"""`memberOf` from the noun news uses for it, and from speaking of the *other* members
("Poland urged other NATO members", "anggota ASEAN lainnya"): "NATO member Turkey", "EU member states Hungary and
Slovakia", "Poland, a NATO member", "Finland became a member of NATO", "negara anggota ASEAN
Indonesia", "Turki, anggota NATO", "Swedia sebagai anggota NATO". The organisation stands on one
side of the noun and the member on the other.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.records import Arg, RawRelation, Sentence, first_at

_ORDINAL = re.compile(r"\d+(st|nd|rd|th)|ke-\d+")

__all__ = ["MembershipRelations"]

_MEMBERS = frozenset({"Country", "Organization", "Person"})
_REACH = 4  # words between the noun and either side: "a founding member of the", "negara anggota"

Coordinate = Callable[[Tokens, list[Arg], Arg | None], list[Arg]]


class MembershipRelations:
    """The `memberOf` relations a member noun states between the names of one sentence."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self.nouns = words.get("member_nouns", frozenset())
        self._words = words
        self._fellow_before = Phrases(words.get("fellow_members_before", ()))
        self._fellow_after = Phrases(words.get("fellow_members_after", ()))
        self._skip = (words.get("member_fillers", frozenset()) | words.get("determiners", frozenset())
                      | words.get("be_forms", frozenset()) | words.get("copulas", frozenset())
                      | words.get("as_markers", frozenset()) | words["relativizers"] | {","})

    def find(self, nouns: list[int], tok: Tokens, sent: Sentence, args: list[Arg],
             coordinate: Coordinate) -> Iterator[RawRelation]:
        names = [a for a in args if a.kind == "name"]
        for k in nouns:
            before = self._side(tok, sent, names, k, -1)
            after = self._side(tok, sent, names, k, +1)
            if before is not None and before.type == "Organization" and after is not None and after.type in _MEMBERS:
                pairs = [(m, before) for m in coordinate(tok, names, after)]  # "NATO member Turkey"
            elif after is not None and after.type == "Organization" and before is not None and before.type in _MEMBERS:
                pairs = [(m, after) for m in coordinate(tok, names, before)]  # "Turki, anggota NATO"
            elif before is not None and before.type == "Organization":  # "Poland, a NATO member"
                member = self._side(tok, sent, names, before.start, -1)
                pairs = [(member, before)] if member is not None and member.type in _MEMBERS else []
            elif after is not None and after.type == "Organization":  # "negara anggota ASEAN (seperti) Indonesia"
                member = self._side(tok, sent, names, after.end - 1, +1)
                pairs = [(m, after) for m in coordinate(tok, names, member)] if member is not None else []
            else:
                pairs = []
            for member, org in pairs:
                if member != org and member.type in _MEMBERS:
                    yield RawRelation(member, "memberOf", org, sent.span(tok), "member-noun")

    def _side(self, tok: Tokens, sent: Sentence, names: list[Arg], k: int, step: int) -> Arg | None:
        """The name next to position `k` on one side, past fillers ("of the", "a founding", "negara")."""
        j, moved = k + step, 0
        while sent.start <= j < sent.end and moved < _REACH and (tok.lower[j] in self._skip or _ordinal(tok.lower[j])):
            j, moved = j + step, moved + 1  # "NATO's 32nd member"
        if not sent.start <= j < sent.end:
            return None
        return first_at(names, j, j + 1) if step > 0 else next((a for a in names if a.end == j + 1), None)

    def fellows(self, tok: Tokens, sent: Sentence, args: Callable[[], list[Arg]],
                ents: list[Arg]) -> Iterator[RawRelation]:
        """ "Brunei ... berkonsultasi dengan negara-negara anggota ASEAN lainnya", "Poland urged
        other NATO members": speaking of the *other* members makes the subject one of them.
        `args` reads the sentence's arguments, only when needed."""
        fellows = [e for e in ents if e.type == "Organization" and self._fellow_members(tok, e)]
        if not fellows:
            return
        subject = next((a for a in args() if a.kind == "name" and a.begin <= sent.opening + 1), None)
        if subject is None or subject.type not in ("Country", "Organization", "Person"):
            return
        for ent in fellows:
            if ent.start > subject.end:
                yield RawRelation(subject, "memberOf", ent, sent.span(tok), "fellow-members")
                return

    def _fellow_members(self, tok: Tokens, org: Arg) -> bool:
        if not self._fellow_before.starts_before(tok.lower, org.start):
            return False
        if org.end < len(tok) and tok.lower[org.end] in self._words.get("others_after", frozenset()):
            return True  # "anggota ASEAN lainnya"
        return bool(self._fellow_after.ends_after(tok.lower, org.end))  # "other NATO members"


def _ordinal(word: str) -> bool:
    """ "32nd", "ke-32": a count of members, no name."""
    return bool(_ORDINAL.fullmatch(word))
