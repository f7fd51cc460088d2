"""Word-internal analysis: Indonesian affixes and English inflection.

Indonesian puts the meaning of a verb in its root and the voice in its prefix
(menyalahkan = meN + salah + kan, active; digantikannya = di + ganti + kan + nya,
passive with a pronoun agent). spaCy's lookup lemmatizer leaves di- passives alone,
so kg aligns candidate roots against the word using the affix table in
data/lexicon/id/morphology.json, and keeps only the parses whose root the lexicon
knows — the lexicon, not a stemmer's guess, decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.lexicon import Affix, Morphology

__all__ = ["Parse", "IndonesianAnalyzer", "english_forms"]

_MIN_ROOT = 3


@dataclass(frozen=True, slots=True)
class Parse:
    """One reading of a word: prefix class and voice, root, suffix, clitic."""

    prefix: str
    voice: str
    root: str
    suffix: str
    clitic: str


class IndonesianAnalyzer:
    """Finds the readings of a word whose root is one of `roots`; cached per word."""

    def __init__(self, morphology: Morphology, roots: Iterable[str]):
        self._morphology = morphology
        self._roots = frozenset(roots)
        self._cache: dict[str, tuple[Parse, ...]] = {}
        # the prefixes a stem can open with, by its first letter (the empty prefix with every letter),
        # in the lexicon's order: a word is tried against a handful of prefixes, not all of them
        self._prefixes: dict[str, tuple[Affix, ...]] = {}
        for affix in morphology.prefixes:
            for letter in ({affix.form[0]} if affix.form else set("abcdefghijklmnopqrstuvwxyz")):
                self._prefixes[letter] = (*self._prefixes.get(letter, ()), affix)

    def parses(self, word: str) -> tuple[Parse, ...]:
        word = word.lower()
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = tuple(self._analyse(word))
        return cached

    def _analyse(self, word: str) -> Iterable[Parse]:
        if len(word) < _MIN_ROOT or not word.isalpha():
            return
        m = self._morphology
        for clitic, rest in _strip(word, ("",) + m.clitics):
            for suffix, stem in _strip(rest, ("",) + m.suffixes):
                for affix in self._prefixes.get(stem[:1], ()):
                    if not stem.startswith(affix.form):
                        continue
                    bare = stem[len(affix.form):]
                    for letter in affix.restore:
                        root = letter + bare
                        if root in self._roots:
                            yield Parse(affix.cls, affix.voice, root, suffix, clitic)


def _strip(word: str, endings: Iterable[str]) -> Iterable[tuple[str, str]]:
    for ending in endings:
        if not ending:
            yield "", word
        elif word.endswith(ending) and len(word) - len(ending) >= _MIN_ROOT:
            yield ending, word[: -len(ending)]


def english_forms(lemma: str, irregular: tuple[str, ...] = ()) -> dict[str, str]:
    """Inflected forms of an English verb or noun lemma, each with its kind.

    Kinds: "base", "s", "ing", "past" (simple past and past participle alike), which
    is all the relation rules need to tell voice ("was blamed") from tense.
    """
    forms = {lemma: "base", _plural(lemma): "s", _ing(lemma): "ing"}
    for past in irregular or (_past(lemma),):
        forms[past] = "past"
    if not irregular and _doubles(lemma):  # "slapped", "banned", "travelled", "labelled"
        forms[lemma + lemma[-1] + "ed"] = "past"
        forms[lemma + lemma[-1] + "ing"] = "ing"
    return forms


def _doubles(lemma: str) -> bool:
    """A final consonant after one vowel may double before -ed/-ing ("ban", "commit", and in British
    spelling "travel"); which it does depends on stress, so both spellings are listed."""
    return (len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou" and " " not in lemma)


def _plural(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _ing(lemma: str) -> str:
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma[:-1] + "ing"
    return lemma + "ing"


def _past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"
