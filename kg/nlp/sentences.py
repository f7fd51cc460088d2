"""Sentence bounds the punctuation-based sentencizer cannot see.

News text is not always punctuated: a headline or a dateline stands on its own
line with no full stop, and scraped text can run for pages without one. A
sentence is every piece of evidence kg stores and the window its rules search,
so kg also ends a sentence at a line break and caps its length; without the cap
a 200 KB unpunctuated text is one "sentence" and costs quadratic time.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import IS_SPACE, LOWER, SENT_START
from spacy.lang.lex_attrs import is_punct
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from kg.nlp.arrays import lowers, positions

__all__ = ["SentenceBounds", "MAX_SENTENCE_TOKENS", "line_breaks"]

MAX_SENTENCE_TOKENS = 120  # longer than any real news sentence; split at a comma when one is near


def line_breaks(doc: Doc) -> list[int]:
    """The whitespace tokens that break a line, unless the next line goes on in lowercase (a
    hard-wrapped line): after them a sentence, and a paragraph, begins."""
    words = lowers(doc)
    return [i for i in doc.to_array(IS_SPACE).nonzero()[0].tolist()
            if "\n" in words[i] and not (i + 1 < len(doc) and doc[i + 1].is_lower)]


class SentenceBounds:
    """Sentences as spaCy's sentencizer finds them (after sentence-final punctuation and
    any punctuation after it), and also after a line break (unless the next line
    continues in lowercase), split when over the cap."""

    def __init__(self, max_tokens: int = MAX_SENTENCE_TOKENS):
        self.max_tokens = max_tokens
        self._punct_chars = tuple(Sentencizer.default_punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        # Bounds are gathered in an array and written once: setting token.is_sent_start
        # checks the whole doc each time, which is quadratic on a long article.
        if not len(doc):
            return doc
        begins = sorted(self._punctuation_starts(doc) | self._line_starts(doc))
        capped: list[int] = []
        for start, end in zip(begins, [*begins[1:], len(doc)]):
            capped.append(start)
            while end - start > self.max_tokens:
                start = self._cut(doc, start)
                capped.append(start)
        column: Any = np.full((len(doc), 1), -1, dtype=np.int64)  # spaCy's stubs type it as thinc's Ints2d
        column[capped] = 1
        doc.from_array([SENT_START], column.astype(np.uint64))  # -1 wraps around, as in doc.to_array
        return doc

    def _punctuation_starts(self, doc: Doc) -> set[int]:
        """The sentencizer's rule: after sentence-final punctuation, the next token that is no
        punctuation starts a sentence."""
        finals = positions(doc, LOWER, self._punct_chars)  # caseless characters: one lookup for every component
        final, words = set(finals), lowers(doc)
        starts = {0}
        reached = 0  # a run of punctuation is walked once, not once per mark in it
        for j in finals:
            j = max(j, reached)
            while j < len(doc) and (j in final or is_punct(words[j])):
                j += 1
            reached = j
            if j < len(doc):
                starts.add(j)
        return starts

    def _line_starts(self, doc: Doc) -> set[int]:
        return {i + 1 for i in line_breaks(doc) if i + 1 < len(doc)}

    def _cut(self, doc: Doc, start: int) -> int:
        """The token after the last comma in the second half of the window, else the cap."""
        limit = start + self.max_tokens
        for i in range(limit - 1, start + self.max_tokens // 2, -1):
            if doc[i].text in {",", ";"}:
                return i + 1
        return limit
