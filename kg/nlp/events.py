"""Named events: a summit, a war, an operation or an election with its name.

- an event word before a name: "KTT G20", "Konferensi Asia Afrika", "Operasi Barkhane",
  "Operation Protective Edge", "Perang Dingin", "perang Israel-Hamas", "Pilpres 2024";
- a capitalised event word after a name: "Cold War", "Vietnam War", "Bali Summit".

The words are data/lexicon/<lang>/words.json's event_words_before and event_words_after.
A capitalised event word takes in the country or place it is named after ("Perang
Vietnam", "Vietnam War"); a lowercase one ("perang", or a sentence's first word) needs a
name nobody has typed ("perang Israel-Hamas"), since "perang Ukraina" is the war in
Ukraine, no name. An organisation stays an organisation: "KTT ASEAN" keeps ASEAN.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Span

from kg.lexicon import Lexicon
from kg.nlp.arrays import positions
from kg.nlp.name_runs import HYPHENS, MAX_NAME_WORDS, NameRuns, NameView

__all__ = ["EventFinder"]

_NAMED_AFTER = ("Country", "Place")  # "Perang Vietnam", "Korean War"
_YEAR_DIGITS = 4


class EventFinder:
    """Events by the words they are named with."""

    def __init__(self, lexicon: Lexicon, runs: NameRuns):
        self._before = lexicon.words.get("event_words_before", frozenset())
        self._after = lexicon.words.get("event_words_after", frozenset())
        self._runs = runs

    def find(self, view: NameView) -> list[Span]:
        doc = view.doc
        found: list[Span] = []
        for k in positions(doc, LOWER, self._before):
            if k in view.taken or k in view.quiet:
                continue
            end = self._name_from(view, k + 1, named=self._capitalised(view, k))
            if end is not None:
                view.taken.difference_update(range(k + 1, end))
                found.append(view.add(Span(doc, k, end, label="Event")))
        for k in positions(doc, LOWER, self._after):
            if k in view.taken or k in view.quiet or not self._capitalised(view, k):
                continue
            start = self._name_to(view, k)
            if start is not None:
                view.taken.difference_update(range(start, k))
                end = k + 2 if k + 1 < len(doc) and view.words[k + 1] in self._runs.suffixes else k + 1  # "World War II"
                found.append(view.add(Span(doc, start, end, label="Event")))
        return found

    def _capitalised(self, view: NameView, k: int) -> bool:
        """Written with a capital inside a sentence: part of the event's name."""
        return view.texts[k][:1].isupper() and not view.starts_sentence(k)

    def _name_from(self, view: NameView, i: int, *, named: bool) -> int | None:
        """End of the event's name after its word: free name words the article never writes in
        lowercase ("Konferensi Pers" is a press conference), a year, and after a capitalised word
        also the countries and places it is named after."""
        doc, end, words = view.doc, i, 0
        while end < len(doc) and words < MAX_NAME_WORDS:
            bounds = view.entity_bounds(end, _NAMED_AFTER) if named else None
            if bounds is not None and bounds[0] == end:
                end = bounds[1]
            elif self._runs.is_word(view, end, acronyms=True) and not view.written_in_lowercase(doc[end]):
                end += 1
            elif _is_year(doc[end].text):
                end += 1
            elif (end > i and view.words[end] in HYPHENS and not doc[end - 1].whitespace_ and not doc[end].whitespace_
                  and end + 1 < len(doc) and self._runs.is_word(view, end + 1, acronyms=True)):
                end += 1  # "perang Tutsi-Hutu": the hyphen joins the name's parts
                continue
            else:
                break
            words += 1
        return end if end > i else None

    def _name_to(self, view: NameView, k: int) -> int | None:
        """Start of the name before a capitalised event word: "Cold", "Vietnam", "Second World"."""
        doc, start, words = view.doc, k, 0
        while start > 0 and words < MAX_NAME_WORDS:
            bounds = view.entity_bounds(start - 1, _NAMED_AFTER)
            if bounds is not None:
                start = bounds[0]
            elif self._runs.is_word(view, start - 1) and not view.written_in_lowercase(doc[start - 1]):
                start -= 1
            else:
                break
            words += 1
        return start if start < k else None


def _is_year(text: str) -> bool:
    return len(text) == _YEAR_DIGITS and text.isdigit()
