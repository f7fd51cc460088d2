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
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from kg.nlp.arrays import matches

__all__ = ["SentenceBounds", "MAX_SENTENCE_TOKENS"]

MAX_SENTENCE_TOKENS = 120  # longer than any real news sentence; split at a comma when one is near


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
        starts: Any = self._punctuation_starts(doc).reshape(-1, 1)
        for i in np.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
            if "\n" in doc[i].text and not doc[i + 1].is_lower:
                starts[i + 1, 0] = 1  # a lowercase word after a break is a hard-wrapped line
        starts[0, 0] = 1
        begins = [*np.flatnonzero(starts[:, 0] == 1).tolist(), len(doc)]
        for start, end in zip(begins, begins[1:]):
            while end - start > self.max_tokens:
                start = self._cut(doc, start)
                starts[start, 0] = 1
        doc.from_array([SENT_START], starts)
        return doc

    def _punctuation_starts(self, doc: Doc) -> Any:
        """The sentencizer's rule in array form: a token that is no punctuation starts a sentence
        when sentence-final punctuation came since the previous such token. 1 starts, -1 does not."""
        final = matches(doc, ORTH, self._punct_chars)
        words = np.flatnonzero(~(final | (doc.to_array(IS_PUNCT) == 1)))
        finals_before = np.concatenate(([0], np.cumsum(final)))  # finals_before[i]: final marks among tokens < i
        previous = np.concatenate(([-1], words[:-1]))
        starts = np.full(len(doc), -1, dtype=np.int64)
        starts[words[finals_before[words] - finals_before[previous + 1] > 0]] = 1
        starts[0] = 1
        return starts.astype(np.uint64)  # spaCy's SENT_START column: -1 wraps around, as in doc.to_array

    def _cut(self, doc: Doc, start: int) -> int:
        """The token after the last comma in the second half of the window, else the cap."""
        limit = start + self.max_tokens
        for i in range(limit - 1, start + self.max_tokens // 2, -1):
            if doc[i].text in {",", ";"}:
                return i + 1
        return limit
