"""Indonesian enclitics as tokens of their own: "digantikannya" -> "digantikan" + "nya".

spaCy's Indonesian tokenizer keeps "-nya" (his/her/its, the agent of a di- passive)
glued to its host, so the host would never match the lexicon and the pronoun would
never be an argument. Words that merely end in "nya" ("hanya", "bertanya") are
listed in words.json under `clitic_exceptions`; stems shorter than three letters
("Kenya" is a name anyway, "punya") are left alone.
"""

from __future__ import annotations

from spacy.attrs import SUFFIX
from spacy.tokens import Doc

from kg.lexicon import Lexicon
from kg.nlp.arrays import positions

__all__ = ["CliticSplitter"]

_MIN_STEM = 3


class CliticSplitter:
    """Splits each lowercase word ending in a clitic pronoun into host + clitic."""

    def __init__(self, lexicon: Lexicon):
        self._clitics = tuple(sorted(lexicon.words.get("clitic_pronouns", ()), key=len, reverse=True))
        self._exceptions = lexicon.words.get("clitic_exceptions", frozenset())

    def __call__(self, doc: Doc) -> Doc:
        # spaCy's SUFFIX attribute is a word's last three characters: "nya" is found in C
        three = all(len(c) == 3 for c in self._clitics)
        candidates = (doc[i] for i in positions(doc, SUFFIX, self._clitics)) if three else iter(doc)
        splits = [(token, clitic) for token in candidates if (clitic := self._clitic_of(token.text))]
        if not splits:
            return doc
        # A new Doc in one pass: retokenizer.split shifts the whole token array on every
        # split, which is quadratic on long articles. Nothing is annotated this early.
        clitic_of = {token.i: clitic for token, clitic in splits}
        words: list[str] = []
        spaces: list[bool] = []
        for token in doc:
            clitic = clitic_of.get(token.i)
            if clitic:
                words += [token.text[: -len(clitic)], token.text[-len(clitic):]]
                spaces += [False, bool(token.whitespace_)]
            else:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        return Doc(doc.vocab, words=words, spaces=spaces)

    def _clitic_of(self, text: str) -> str | None:
        # "sekutu-sekutunya": a reduplicated plural takes the clitic as a plain word does
        if not (text.replace("-", "").isalpha() and text.islower()) or text in self._exceptions:
            return None
        return next((c for c in self._clitics if text.endswith(c) and len(text) - len(c) >= _MIN_STEM), None)
