"""Places the gazetteer does not know, by the words written around them.

- an administrative word before or after a name: "provinsi Balochistan", "Saraburi
  province", "the city of Mariupol" (the place is the name: the word describes it);
- a site named after a place or a name: "Bandara Baghdad", "Evin prison", "Guantanamo
  Bay", "Selat Hormuz", "Taiwan Strait" (the site is a place of its own, word and all);
- a single capitalised word after "di"/"ke"/"dari" or "in"/"at"/"from"/"near" that no
  other rule named, that the article never writes in lowercase and that is no given name
  or capitalised common word ("di Putrajaya", "in Saraburi").

Every list is data/lexicon/<lang>/words.json: place_words_before/after (administrative),
site_words_before/after, place_prepositions.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Span

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, positions
from kg.nlp.given_names import given_names
from kg.nlp.name_runs import MAX_NAME_WORDS, NameRuns, NameView

__all__ = ["PlaceFinder"]

_PLACE_TYPES = ("Place", "Country")  # what a site is named after: "Bandara Baghdad", "Guinea Gulf"


class PlaceFinder:
    """Places by the administrative and site words beside them, and by prepositions."""

    def __init__(self, lexicon: Lexicon, runs: NameRuns):
        words = lexicon.words
        self._runs = runs
        self._admin_before = Phrases(words.get("place_words_before", ()))
        self._admin_after = words.get("place_words_after", frozenset())
        self._site_before = Phrases(words.get("site_words_before", ()))
        self._site_after = words.get("site_words_after", frozenset())
        self._prepositions = words.get("place_prepositions", frozenset())
        self._given = given_names(lexicon.lang)

    def by_words(self, view: NameView) -> list[Span]:
        """ "provinsi Balochistan", "Saraburi province", "Bandara Baghdad", "Evin prison"."""
        return [*self.after_admin_word(view), *self.before_admin_word(view), *self.after_site_word(view),
                *self.before_site_word(view)]

    def after_admin_word(self, view: NameView) -> list[Span]:
        """ "provinsi Balochistan", "the city of Mariupol": the name alone."""
        found = []
        for k in positions(view.doc, LOWER, self._admin_before.firsts):
            for after in self._admin_before.ends_after(view.words, k) if self._free(view, k) else ():
                end = self._name_from(view, after)
                if end is not None:
                    found.append(view.add(Span(view.doc, after, end, label="Place")))
                    break
        return found

    def before_admin_word(self, view: NameView) -> list[Span]:
        """ "Saraburi province": the name alone; "Mexico City": a capitalised word is part of the name."""
        found = []
        for k in positions(view.doc, LOWER, self._admin_after):
            start = self._name_to(view, k) if self._free(view, k) else None
            if start is not None:
                end = k + 1 if view.doc[k].text[:1].isupper() else k
                found.append(view.add(Span(view.doc, start, end, label="Place")))
        return found

    def after_site_word(self, view: NameView) -> list[Span]:
        """ "Bandara Baghdad", "Selat Hormuz", "Strait of Hormuz": the site, word and all."""
        found = []
        for k in positions(view.doc, LOWER, self._site_before.firsts):
            for after in self._site_before.ends_after(view.words, k) if self._free(view, k) else ():
                end = self._named_place_from(view, after)
                end = self._name_from(view, after) if end is None else end
                if end is not None:
                    found.append(view.add(Span(view.doc, k, end, label="Place")))
                    break
        return found

    def before_site_word(self, view: NameView) -> list[Span]:
        """ "Evin prison", "Guantanamo Bay", "Baghdad airport": the site, word and all."""
        found = []
        for k in positions(view.doc, LOWER, self._site_after):
            start = self._named_place_to(view, k) if self._free(view, k) else None
            start = self._name_to(view, k) if start is None and self._free(view, k) else start
            if start is not None:
                found.append(view.add(Span(view.doc, start, k + 1, label="Place")))
        return found

    @staticmethod
    def _free(view: NameView, k: int) -> bool:
        return k not in view.taken and k not in view.quiet

    def _name_from(self, view: NameView, i: int) -> int | None:
        """End of a name of one to four words that begins at `i`, None when there is none."""
        if i in view.quiet:
            return None
        run = self._runs.run(view, i)
        return run[0] if run is not None and not self._runs.is_word(view, run[0]) else None

    def _name_to(self, view: NameView, k: int) -> int | None:
        """Start of a name of one to four words that ends just before `k`."""
        run = self._runs.run_to(view, k)
        return run[0] if run is not None and run[0] not in view.quiet else None

    def _named_place_from(self, view: NameView, i: int) -> int | None:
        """End of the known place right at `i`: "Bandara [Baghdad]"."""
        bounds = view.entity_bounds(i, _PLACE_TYPES)
        if bounds is None or bounds[0] != i:
            return None
        view.taken.difference_update(range(*bounds))  # the site holds the place's name
        return bounds[1]

    def _named_place_to(self, view: NameView, k: int) -> int | None:
        """Start of the known place that ends just before `k`: "[Baghdad] airport"."""
        bounds = view.entity_bounds(k - 1, _PLACE_TYPES)
        if bounds is None or bounds[1] != k:
            return None
        view.taken.difference_update(range(*bounds))
        return bounds[0]

    def by_preposition(self, view: NameView) -> list[Span]:
        """ "di Putrajaya", "in Saraburi": one capitalised word nobody named, after a preposition of place."""
        doc, runs = view.doc, self._runs
        found: list[Span] = []
        for k in positions(doc, LOWER, self._prepositions):
            i = k + 1
            if i >= len(doc) or i in view.quiet or view.texts[i] in self._given or not runs.is_word(view, i):
                continue
            run = runs.run(view, i)
            if (run is None or run[1] != 1 or run[0] < len(doc) and view.texts[run[0]][:1].isupper()
                    or view.written_in_lowercase(doc[i])):
                continue  # "di Balai Agung Rakyat": the first word of a longer name
            found.append(view.add(Span(doc, i, run[0], label="Place")))
        return found
