"""Members of a set the article acted on before: "The US sanctioned 11 officials. The officials include
Carrie Lam and Chris Tang" sanctions both; "Polisi menangkap puluhan aktivis. Para aktivis itu termasuk X"
detains X. The set is a group the text relates by a deed; a later sentence that opens with the set's noun
and a verb of inclusion names its members, who share the deed and its doer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.records import Arg, RawRelation, Sentence, first_at

__all__ = ["SetMembers", "Sets"]

_OPENING_REACH = 4  # words before the set's noun: "The 11 officials include"
_MEMBERS = frozenset({"Person", "Organization"})

Coordinate = Callable[[Tokens, list[Arg], Arg | None], list[Arg]]
Sets = dict[str, RawRelation]  # a group's last word -> the last deed done to it, in one article


class SetMembers:
    """Relates the members a sentence lists to the deed done to their set before, as the caller remembers it."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self._includes = words.get("inclusion_verbs", frozenset())  # "include", "termasuk"
        #: what may open the sentence before the set's noun: "The 11 officials", "Para pejabat itu"
        self._openers = (words.get("determiners", frozenset()) | words.get("quantifiers", frozenset())
                         | words.get("demonstratives", frozenset()) | words.get("coordination_fillers", frozenset()))
        self._joins = words.get("coordinators", frozenset()) - {","}

    @staticmethod
    def remember(tok: Tokens, relations: Iterable[RawRelation], sets: Sets) -> None:
        """Into `sets`, the groups these relations act on: "sanctioned 11 officials" remembers "officials"."""
        for item in relations:
            obj = item.object
            if obj.kind == "name" and obj.type == "Group" and item.subject.kind == "name":
                sets[tok.lower[obj.end - 1]] = item

    def find(self, tok: Tokens, sent: Sentence, read: Callable[[], list[Arg]], coordinate: Coordinate,
             sets: Sets) -> Iterator[RawRelation]:
        """The members a sentence that opens with a set's noun remembered in `sets` lists after a verb of
        inclusion."""
        if not sets:
            return
        words = tok.lower
        j = sent.opening
        while j < sent.end and j - sent.opening < _OPENING_REACH and words[j] not in sets:
            j += 1
        verb = j + 1
        while verb < sent.end and words[verb] in self._openers:
            verb += 1  # "Para pejabat itu termasuk"
        if verb >= sent.end or words[j] not in sets or words[verb] not in self._includes:
            return
        if any(w not in self._openers and not tok.ent[k] for k, w in enumerate(words[sent.opening:j], sent.opening)
               if tok.is_alpha[k] and not tok.doc[k].like_num):
            return  # "Many officials include ...": only the set itself, counted or pointed at, opens the sentence
        deed = sets[words[j]]
        args = read()
        first = first_at(args, verb + 1, verb + 2)
        if first is None or first.kind != "name":
            return
        members = coordinate(tok, args, first)
        # "Carrie Lam, the chief executive, and Chris Tang, the police commissioner": past each member's apposition
        members += [a for a in args if a.begin > members[-1].end and a.kind == "name" and a.type == "Person"
                    and a.begin >= 2 and words[a.begin - 1] in self._joins and words[a.begin - 2] == ","]
        for member in members:
            if member.type in _MEMBERS:
                yield RawRelation(deed.subject, deed.predicate, member, sent.span(tok), "set-members", deed.modality)
