"""Where a name written in capitals begins and ends, for the rules that guess names.

A person's name is a few capitalised words, and more than capitals: particles
("Abu Mahdi al-Muhandis", "Ursula von der Leyen", "Mohammed bin Salman"), hyphens
that English tokenizing splits off ("Prayuth Chan-ocha" is "Chan", "-", "ocha" there;
kg keeps the tokenizer and joins the parts where no space stands around the hyphen),
initials ("Joseph R. Biden") and suffixes ("Jr.", "III"). `NameRuns` walks such a run
once for every rule that needs one.

`NameView` holds what the rules read about one doc: the tokens already named, the
tokens where capitals say nothing (all-caps lines, Title Case headlines, datelines),
and the words the article itself writes in lowercase, which are words, not names.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_TITLE, LENGTH, LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Span, Token

from kg.lexicon import Lexicon
from kg.nlp.arrays import column, lowers, positions, shouted, texts
from kg.nlp.given_names import capitalised_words
from kg.nlp.titles import Titles

__all__ = ["HYPHENS", "NameRuns", "NameView", "occurrences", "title_case"]

HYPHENS = frozenset({"-", "‐", "‑"})
MAX_NAME_WORDS = 4  # "Luis Alberto Otárola Peñaranda"
_MAX_NAME_TOKENS = 12  # words with their particles, hyphens and initials
_TITLE_CASE_MIN_WORDS = 4  # a headline: at least so many words of four letters or more, all capitalised
_LONG_WORD = 4


def title_case(doc: Doc) -> frozenset[int]:
    """Tokens of Title Case sentences ("Biden Meets Xi Ahead Of Summit"): every word of four letters
    or more capitalised. Running text always has a lowercase word of that length (a verb, a noun),
    so capitals there say nothing about names."""
    cached = doc.user_data.get("kg-title-case")
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    out: set[int] = set()
    if len(doc):
        long = (column(doc, IS_ALPHA) == 1) & (column(doc, LENGTH) >= _LONG_WORD)
        titled = long & (column(doc, IS_TITLE) == 1)
        if int(titled.sum()) >= _TITLE_CASE_MIN_WORDS:
            starts = (column(doc, SENT_START) == 1).nonzero()[0]
            starts = starts if len(starts) and starts[0] == 0 else np.append(0, starts)
            counts, titles = np.add.reduceat(long, starts), np.add.reduceat(titled, starts)
            ends = [*starts[1:].tolist(), len(doc)]
            for n in ((counts >= _TITLE_CASE_MIN_WORDS) & (titles == counts)).nonzero()[0].tolist():
                out.update(range(int(starts[n]), ends[n]))
    doc.user_data["kg-title-case"] = (len(doc), frozenset(out))
    return frozenset(out)


class NameView:
    """One doc as the name rules read it; `taken` grows as they name tokens."""

    def __init__(self, doc: Doc, taken: set[int], grouped: frozenset[int] = frozenset()):
        self.doc = doc
        self.words = lowers(doc)
        self.texts = texts(doc)
        self.taken = taken
        self.grouped = grouped  # tokens of group phrases ("police"): an organisation's name may hold them
        self.claimed: set[int] = set()  # tokens of the names found here (the doc's own entities are taken, not claimed)
        self.quiet = shouted(doc) | title_case(doc)  # capitals there say nothing about names
        self._lowercase: set[int] | None = None
        self._starts: set[int] | None = None

    def written_in_lowercase(self, token: Token) -> bool:
        """Does the article write this word in lowercase somewhere ("rakyat", "agreement")? Then it is
        a word of the language, not a name, wherever it stands capitalised."""
        if self._lowercase is None:
            lower = column(self.doc, LOWER)
            self._lowercase = set(np.unique(lower[column(self.doc, IS_LOWER) == 1]).tolist())
        return token.lower in self._lowercase

    def starts_sentence(self, i: int) -> bool:
        if self._starts is None:
            self._starts = {0, *(column(self.doc, SENT_START) == 1).nonzero()[0].tolist()}
        return i in self._starts

    def add(self, span: Span) -> Span:
        self.taken.update(range(span.start, span.end))
        self.claimed.update(range(span.start, span.end))
        return span

    def entity_bounds(self, i: int, types: Collection[str]) -> tuple[int, int] | None:
        """(start, end) of the doc's entity of one of `types` at token `i`, unless a name found here
        holds it: a site or an event may take in the place it is named after ("Bandara Baghdad")."""
        doc = self.doc
        if i < 0 or i >= len(doc) or doc[i].ent_type_ not in types:
            return None
        start, end = i, i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return None if any(k in self.claimed for k in range(start, end)) else (start, end)

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))


class NameRuns:
    """The language's knowledge of how names are written: particles, suffixes, and the words
    (titles, organisation and place words, function words) that no name is made of."""

    def __init__(self, lexicon: Lexicon, titles: Titles, not_names: Collection[str] = ()):
        words = lexicon.words
        self.particles = words.get("name_particles", frozenset())  # "bin", "van", "de": a word of their own
        self.prefixes = words.get("name_prefixes", frozenset())  # "al-", "as-": joined by a hyphen
        self.suffixes = words.get("name_suffixes", frozenset())
        self.capitalised = capitalised_words(lexicon.lang)
        self.not_names = frozenset(words["stopwords"] | words["relativizers"] | titles.words | self.suffixes
                                   | set(not_names))

    def is_word(self, view: NameView, i: int, *, acronyms: bool = False) -> bool:
        """Token `i` can be a word of a name: capitalised, free, and no word the lexicon knows.
        An all-caps token ("KCJB") is an acronym, not part of a person's name, unless `acronyms`."""
        if i >= len(view.doc) or i in view.taken:
            return False
        text = view.texts[i]
        if not text[:1].isupper():
            return self._particle_joined(text)
        if len(text) < 2 or not any(ch.isalpha() for ch in text):
            return False  # "A", "H": a letter names nobody (an initial is "R.", read apart)
        if not acronyms and len(text) > 1 and text.isupper():
            return False
        return view.words[i] not in self.not_names and text not in self.capitalised

    def _particle_joined(self, text: str) -> bool:
        """ "al-Muhandis", "bin-Salman" as one token (Indonesian keeps hyphenated words whole)."""
        head, _, rest = text.partition("-")
        return bool(rest) and head in self.prefixes and rest[:1].isupper()

    def run(self, view: NameView, start: int, *, acronyms: bool = False) -> tuple[int, int] | None:
        """(end, number of words) of the name that begins at `start`, at most MAX_NAME_WORDS words;
        None when no word begins there. The name ends after a word or a suffix, never after a
        particle or an initial."""
        doc, n = view.doc, len(view.doc)
        i = end = start
        count = 0
        while i < n and count < MAX_NAME_WORDS and i - start < _MAX_NAME_TOKENS:
            if self.is_word(view, i, acronyms=acronyms):
                i = end = self._after_hyphens(view, i + 1)
                count += 1
            elif count and self.initial(doc[i]) and i not in view.taken:
                i += 1
            elif count and view.words[i] in self.prefixes and self._hyphen_joined(view, i):
                i = end = self._after_hyphens(view, i + 1)  # "al", "-", "Muhandis": one word
                count += 1
            elif count and view.words[i] in self.particles and i not in view.taken:
                i += 1
            elif count >= 2 and view.words[i] in self.suffixes and i not in view.taken:
                end = i + 1
                break
            else:
                break
        return (end, count) if count else None

    def run_to(self, view: NameView, end: int) -> tuple[int, int] | None:
        """(start, number of words) of the name that ends just before `end` and begins after no
        other name word: the mirror of `run`, None when no such name ends there."""
        words, doc = view.words, view.doc
        start = end
        while start > 0 and end - start < _MAX_NAME_TOKENS and start - 1 not in view.taken and (
                self.is_word(view, start - 1) or words[start - 1] in self.particles
                or (words[start - 1] in self.prefixes and start < len(words) and words[start] in HYPHENS) or words[start - 1] in HYPHENS
                or words[start - 1] in self.suffixes or self.initial(doc[start - 1])
                or (start > 1 and doc[start - 1].is_alpha and words[start - 2] in HYPHENS)):
            start -= 1
        while start < end and not self.is_word(view, start):
            start += 1
        if start == end or (start > 0 and self.is_word(view, start - 1)):
            return None
        run = self.run(view, start)
        return (start, run[1]) if run is not None and run[0] == end else None

    def _hyphen_joined(self, view: NameView, i: int) -> bool:
        """ "al", "-", "Muhandis" with no space between: a prefix joined to a name word."""
        return i not in view.taken and self._after_hyphens(view, i + 1) > i + 1 and view.doc[i + 2].text[:1].isupper()

    def _after_hyphens(self, view: NameView, i: int) -> int:
        """Past "-ocha" in "Chan-ocha": a hyphen with no space on either side and a word after it."""
        doc = view.doc
        while (i + 1 < len(doc) and view.words[i] in HYPHENS and not doc[i - 1].whitespace_
               and not doc[i].whitespace_ and doc[i + 1].is_alpha and i + 1 not in view.taken):
            i += 2
        return i

    @staticmethod
    def initial(token: Token) -> bool:
        """An initial: "R." of "Joseph R. Biden"."""
        text = token.text
        return len(text) == 2 and text[0].isupper() and text[1] == "."


def occurrences(view: NameView, forms: dict[tuple[int, ...], str]) -> list[Span]:
    """Every free place where one of `forms` (token texts as string ids) is written again, as a span
    of its label: a name found by a cue in one sentence is that name in the others too."""
    if not forms:
        return []
    doc = view.doc
    orths = column(doc, ORTH)
    strings = doc.vocab.strings
    by_first: dict[int, list[tuple[int, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):  # the longest form first where two begin alike
        by_first.setdefault(form[0], []).append(form)
    found: list[Span] = []
    for i in positions(doc, ORTH, {strings[h] for h in by_first}):
        for form in by_first[int(orths[i])]:
            end = i + len(form)
            if end <= len(doc) and tuple(orths[i:end].tolist()) == form and view.free(i, end):
                found.append(view.add(Span(doc, i, end, label=forms[form])))
                break
    return found
