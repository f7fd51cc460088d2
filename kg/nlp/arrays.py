"""Finding words in a Doc in one array pass.

Touching tokens one by one from Python (doc[i].lower_) costs about a microsecond
each and dominated kg's extraction time; asking spaCy for the whole attribute
array and matching hashes with numpy does the same search in C.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import cached_property

import numpy as np
from spacy.strings import get_string_id
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_ALPHA, IS_LOWER, IS_QUOTE, IS_TITLE, IS_UPPER, LOWER, SENT_START, SPACY
from spacy.tokens import Doc

__all__ = ["Phrases", "Tokens", "positions", "matches", "lowers", "shouted"]


_HASHES: dict[int, tuple[Collection[str], np.ndarray]] = {}  # id(words) -> (words, their string ids)
_ABOVE_ALL = 2**64 - 1  # ends every sorted id list, so a search for any id stays in range


def positions(doc: Doc, attr: int, words: Collection[str]) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs.LOWER, ORTH, ...) is one of `words`."""
    return matches(doc, attr, words).nonzero()[0].tolist()


def matches(doc: Doc, attr: int, words: Collection[str]) -> np.ndarray:
    """A boolean per token: is its `attr` one of `words`? (np.isin, without sorting per call)"""
    wanted = _hashes(words)
    values = _array(doc, attr)
    return wanted[wanted.searchsorted(values)] == values  # sorted, and its last value is above any string id


def _array(doc: Doc, attr: int) -> np.ndarray:
    """doc.to_array(attr), kept on the doc: kg's components ask for the same columns many times."""
    key = f"kg-array-{attr}"
    values = doc.user_data.get(key)
    if values is None or len(values) != len(doc):
        values = doc.user_data[key] = doc.to_array(attr)
    return values


def _hashes(words: Collection[str]) -> np.ndarray:
    """The words' string ids; the lexicon's word sets live as long as kg, so each is hashed once."""
    cached = _HASHES.get(id(words))
    if cached is not None and cached[0] is words:
        return cached[1]
    ids = np.array([*sorted({get_string_id(w) for w in words}), _ABOVE_ALL], dtype=np.uint64)
    if isinstance(words, frozenset | tuple | dict):  # held by the pipeline for good; a caller's set may change
        _HASHES[id(words)] = (words, ids)
    return ids


def lowers(doc: Doc) -> list[str]:
    """Every token's lowercase form, kept on the doc: rules that peek at neighbouring words
    ask for thousands of them, and doc[i].lower_ builds a Token object each time."""
    words = doc.user_data.get("kg-lowers")
    if words is None or len(words) != len(doc):
        strings = doc.vocab.strings
        words = doc.user_data["kg-lowers"] = [strings[h] for h in _array(doc, LOWER).tolist()]
    return words


class Tokens:
    """A doc's token attributes, sentences and entities as plain lists, for rules that
    peek at neighbouring words.

    Rules ask for thousands of attributes per article: `doc[i].is_alpha` builds a Token
    object each time, a list index does not, and doc.ents and doc.sents build a Span
    each. The word columns are read from the doc on first use; sentences and entities
    when the Tokens is made, so take it after the entities it reads are set.
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self.lower = lowers(doc)  # punctuation too: "," is its own lowercase form
        marks = doc.to_array([SENT_START, ENT_IOB, ENT_TYPE]) if len(doc) else np.zeros((0, 3), dtype=np.uint64)
        starts = [*(marks[:, 0] == 1).nonzero()[0].tolist(), len(doc)]
        if starts[0] != 0:
            starts.insert(0, 0)
        self.sentences: list[tuple[int, int]] = list(zip(starts, starts[1:]))
        self.ent: list[int] = marks[:, 2].tolist()  # the token's entity label (its string id), 0 outside entities
        self.entities = _entities(doc, marks[:, 1], marks[:, 2])

    def __len__(self) -> int:
        return len(self.lower)

    def _column(self, attr: int) -> list[int]:
        return _array(self.doc, attr).tolist()

    @cached_property
    def is_alpha(self) -> list[int]:
        return self._column(IS_ALPHA)

    @cached_property
    def is_lower(self) -> list[int]:
        return self._column(IS_LOWER)

    @cached_property
    def is_quote(self) -> list[int]:
        return self._column(IS_QUOTE)

    @cached_property
    def is_title(self) -> list[int]:
        return self._column(IS_TITLE)

    @cached_property
    def space(self) -> list[int]:
        """Whether whitespace follows the token."""
        return self._column(SPACY)


def _entities(doc: Doc, iob: np.ndarray, types: np.ndarray) -> list[tuple[int, int, str]]:
    """doc.ents as (start, end, label), from the ENT_IOB and ENT_TYPE columns."""
    starts = (iob == 3).nonzero()[0]  # B
    outside = np.append((iob != 1).nonzero()[0], len(iob))  # where no entity goes on (not I)
    ends = outside[outside.searchsorted(starts, side="right")]
    strings = doc.vocab.strings
    return list(zip(starts.tolist(), ends.tolist(), [strings[h] for h in types[starts].tolist()]))


def shouted(doc: Doc) -> frozenset[int]:
    """Tokens of all-caps sentences ("PRESIDEN JOKOWI BERTEMU PUTIN"): capitals there say
    nothing about names, so kg guesses no name from them and matches the gazetteer's longer names case-blind."""
    cached = doc.user_data.get("kg-shouted")
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    out: set[int] = set()
    if int((_array(doc, IS_UPPER) & _array(doc, IS_ALPHA)).sum()) >= 4:  # else, the usual case, no such sentence
        for sent in doc.sents:
            words = [t for t in sent if t.is_alpha and len(t) > 1]
            if len(words) >= 4 and sum(t.is_upper for t in words) >= 0.6 * len(words):
                out.update(range(sent.start, sent.end))
    doc.user_data["kg-shouted"] = (len(doc), frozenset(out))
    return frozenset(out)


class Phrases:
    """Multi-word phrases ("junta militer", "armed forces", "negara anggota") looked for right before
    or after a name."""

    def __init__(self, phrases: Iterable[str]):
        self._phrases = {tuple(w.split()) for w in phrases}
        self._lasts = frozenset(p[-1] for p in self._phrases)
        self._firsts = frozenset(p[0] for p in self._phrases)

    def starts_before(self, words: Sequence[str], i: int) -> list[int]:
        """Where each phrase that ends just before token `i` of `words` (lowercase) starts."""
        if i == 0 or words[i - 1] not in self._lasts:
            return []
        return [i - len(p) for p in self._phrases if i - len(p) >= 0 and tuple(words[i - len(p):i]) == p]

    def ends_after(self, words: Sequence[str], i: int) -> list[int]:
        """Where each phrase that starts at token `i` of `words` (lowercase) ends."""
        if i >= len(words) or words[i] not in self._firsts:
            return []
        return [i + len(p) for p in self._phrases if i + len(p) <= len(words) and tuple(words[i:i + len(p)]) == p]
