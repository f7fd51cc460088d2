"""Organisations the gazetteer does not know, by the words they are named with.

- a capitalised run that an organisation word opens or closes ("Kementerian Luar Negeri
  (Kemlu) Brunei Darussalam", "Garda Republik Gabon", "Myawaddy TV", "Hong Kong Police
  Force"); the words are data/lexicon/<lang>/words.json's organization_heads and
  organization_tails;
- a news outlet written as its web address ("KOMPAS.TV", "Tribunnews.com", "BIPOL.CO"):
  a capitalised token ending in one of words.json's web_domains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.lexicon import Lexicon
from kg.nlp.arrays import positions
from kg.nlp.given_names import given_names
from kg.nlp.name_runs import NameView
from kg.nlp.titles import Titles

__all__ = ["OrganisationFinder"]

_MAX_ORGANIZATION = 10  # words of an organisation's name ("Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan")
_DOMAIN = re.compile(r"[A-Z][A-Za-z0-9-]*(?:\.[A-Za-z]{2,4})+")


class OrganisationFinder:
    """Organisation words and outlets' web addresses, over the names not yet found."""

    def __init__(self, lexicon: Lexicon, qualifiers: Callable[[Doc, int], int], titles: Titles | None = None):
        self._heads = lexicon.words.get("organization_heads", frozenset())
        self._tails = lexicon.words.get("organization_tails", frozenset())
        self._lower_tails = lexicon.words.get("lowercase_organization_tails", frozenset())  # "the Barkhane force"
        self._bridges = lexicon.words.get("title_bridges", frozenset())
        self._joiners = lexicon.words.get("organization_joiners", frozenset())
        self._person_titles = titles  # "Kantor Perdana Menteri Israel Benjamin Netanyahu": the title is the person's
        # "... and Prime Minister X": a person comes next, not more of the name
        self._titles = frozenset(titles.words) if titles is not None else frozenset()
        self._given = given_names(lexicon.lang)
        self._function_words = lexicon.words["stopwords"]
        self._domains = lexicon.words.get("web_domains", frozenset())
        self._qualifiers = qualifiers  # past the countries and acronyms that follow a head: "... Israel", "(Kemlu)"

    def by_words(self, view: NameView) -> list[Span]:
        """ "Kementerian Luar Negeri (Kemlu) Brunei Darussalam", "Myawaddy TV": a capitalised
        run that an organisation word opens or closes."""
        doc = view.doc
        taken = view.taken - view.grouped  # "Hong Kong Police Force": a group word inside a capitalised name
        found: list[Span] = []
        for i in self._candidates(view, taken):
            if i in taken or i in view.quiet or not _is_name_token(doc[i]) or view.words[i] in self._function_words:
                continue  # "The Oceania Police Force": a sentence's first word is no part of the name
            end = self._run_end(doc, i, taken)
            words = [t.lower_ for t in doc[i:end] if _is_name_token(t)]
            if words and end < len(doc) and doc[end].lower_ in self._lower_tails and doc[end].is_lower \
                    and not view.starts_sentence(i) and words[-1] not in self._tails:
                found.append(view.add(Span(doc, i, end + 1, label="Organization")))  # "the Barkhane force"
                taken.update(range(i, end + 1))
                continue
            if not words or not (words[0] in self._heads or words[-1] in self._tails):
                continue
            place = view.entity_bounds(i - 1, ("Place",)) if words[-1] in self._tails else None
            # "Libyan National Army", "Somali National Army": the state's adjective opens the name
            place = place or (view.entity_bounds(i - 1, ("Country",)) if len(words) >= 2 else None)
            if len(words) + (place is not None) < 2:
                continue  # "Jakarta Police", "Hong Kong Police Force": a city's own force
            if words[0] in self._heads:
                person = self._before_a_person(doc, i, end)
                qualified = self._qualifiers(doc, person)
                if self._titled_office(view, i) and (person < end or self._person_at(doc, qualified)):
                    continue  # "Kantor Perdana Menteri Israel Benjamin Netanyahu": the office of the titled person
                end = qualified
            while end > i and not _is_name_token(doc[end - 1]) and doc[end - 1].text != ")":
                end -= 1
            if place is not None and place[1] == i:
                view.taken.difference_update(range(*place))
                i = place[0]
            found.append(view.add(Span(doc, i, end, label="Organization")))
            taken.update(range(i, end))
        return found

    def _candidates(self, view: NameView, taken: set[int]) -> list[int]:
        """Where an organisation can start: at a head word, or where the capitalised run
        before a tail word begins ("Myawaddy TV")."""
        doc = view.doc
        starts = set(positions(doc, LOWER, self._heads))
        for k in positions(doc, LOWER, self._tails):
            i = k
            while (i > max(0, k - _MAX_ORGANIZATION) and i - 1 not in taken
                   and (_is_name_token(doc[i - 1]) or doc[i - 1].lower_ in self._bridges)):
                i -= 1
            starts.update(range(i, k))  # "Pernyataan Kementerian ...": it may start inside the run
        return sorted(starts)

    def _run_end(self, doc: Doc, start: int, taken: set[int]) -> int:
        """Capitalised words, with "of"/"untuk" between them ("Ministry of Foreign Affairs")."""
        end = start
        while end < min(len(doc), start + _MAX_ORGANIZATION) and end not in taken:
            if _is_name_token(doc[end]):
                end += 1
            elif (doc[end].lower_ in self._bridges and end + 1 < len(doc) and end + 1 not in taken
                  and _is_name_token(doc[end + 1])):
                end += 1
            elif doc[end].lower_ in self._joiners and self._joins(doc, end + 1, taken):
                end += 1  # "Komite Transisi dan Pemulihan Institusi", "Ministry of Trade and Industry"
            else:
                break
        return end

    def _before_a_person(self, doc: Doc, start: int, end: int) -> int:
        """Where a person's name begins in the run, two words or more after the head: "Ketua Umum
        [Partai Harapan Baru] Roman Santoso"; `end` when none does."""
        for k in range(start + 2, end - 1):
            if self._person_at(doc, k):
                return k
        return end

    def _person_at(self, doc: Doc, k: int) -> bool:
        return k + 1 < len(doc) and doc[k].text in self._given and _is_name_token(doc[k + 1])

    def _titled_office(self, view: NameView, i: int) -> bool:
        """The head word at `i` is followed by a person's title: "Kantor | Perdana Menteri"."""
        return self._person_titles is not None and self._person_titles.starting_at(view.words, i + 1) is not None

    def _joins(self, doc: Doc, i: int, taken: set[int]) -> bool:
        """After "dan"/"and": more of the same name, not a second organisation ("... dan Kementerian
        Pertahanan") or a person's title."""
        return (i < len(doc) and i not in taken and _is_name_token(doc[i])
                and doc[i].lower_ not in self._heads and doc[i].lower_ not in self._titles)

    def outlets(self, view: NameView) -> list[Span]:
        """News outlets written as their web address: "KOMPAS.TV", "Tribunnews.com", "BIPOL.CO".
        In capitals too: a dateline's outlet is as much a name as its city."""
        doc = view.doc
        dotted = [i for i, w in enumerate(view.words) if "." in w and len(w) > 3]
        return [view.add(Span(doc, i, i + 1, label="Organization")) for i in dotted
                if i not in view.taken and self._is_address(view.texts[i])]

    def _is_address(self, text: str) -> bool:
        return (_DOMAIN.fullmatch(text) is not None and text.rpartition(".")[2].lower() in self._domains
                and not text.lower().startswith("www."))


def _is_name_token(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text) and not token.is_punct
