"""Reading a Doc in array passes: words found by lookup, tokens as plain lists.

Touching tokens one by one from Python (doc[i].lower_) costs about a microsecond
each and dominated kg's extraction time; asking spaCy for the whole attribute
array and matching hashes with numpy does the same search in C. The lexicon's word
lists are merged per attribute, so a doc is searched once for all of them, and
`Tokens` hands rules the words, sentences and entities as lists.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Sequence

import numpy as np
from spacy.strings import get_string_id
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_ALPHA, IS_UPPER, LENGTH, LOWER, ORTH, SENT_START
from spacy.tokens import Doc

__all__ = ["Phrases", "Tokens", "column", "positions", "matches", "lowers", "shouted", "texts"]


_TEXTS: dict[int, str] = {}  # string id -> string, for the words kg has met (ids are the same in every vocab)
_MAX_TEXTS = 1_000_000
_ABOVE_ALL = 2**64 - 1  # ends every sorted id list, so a search for any id stays in range


def positions(doc: Doc, attr: int, words: Collection[str]) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs.LOWER, ORTH, ...) is one of `words`."""
    return matches(doc, attr, words).nonzero()[0].tolist()


def matches(doc: Doc, attr: int, words: Collection[str]) -> np.ndarray:
    """A boolean per token: is its `attr` one of `words`? (np.isin, without sorting per call)

    A frozenset or tuple is taken to live, unchanged, as long as kg (the lexicon's lists):
    it joins its attribute's merged index for good. Other collections are searched afresh.
    """
    if isinstance(words, frozenset | tuple):
        index = _INDEXES.get(attr) or _INDEXES.setdefault(attr, _WordIndex())
        return index.matches(doc, attr, words)
    wanted = _ids(words)
    values = _array(doc, attr)
    return wanted[wanted.searchsorted(values)] == values


class _WordIndex:
    """Every word list kg looks up by one attribute, merged: a doc is searched once, and
    each list is then a boolean mask over the merged words. A new list rebuilds the index
    under a lock; readers take the index as one (ids, version, masks) state, so a rebuild
    in another thread never mixes an old search with new masks."""

    def __init__(self) -> None:
        self._state: tuple[np.ndarray, int, dict[int, tuple[Collection[str], np.ndarray]]] = (
            np.array([_ABOVE_ALL], dtype=np.uint64), 0, {})  # merged ids, version, id(words) -> (words, mask)
        self._list_ids: dict[int, tuple[Collection[str], np.ndarray]] = {}  # id(words) -> (words, their sorted ids)
        self._lock = threading.Lock()

    def matches(self, doc: Doc, attr: int, words: Collection[str]) -> np.ndarray:
        ids, version, lists = self._state
        found = lists.get(id(words))
        if found is None or found[0] is not words:
            with self._lock:
                self._add(words)
            ids, version, lists = self._state
            found = lists[id(words)]
        return found[1][self._codes(doc, attr, ids, version)]

    def _codes(self, doc: Doc, attr: int, ids: np.ndarray, version: int) -> np.ndarray:
        """Each token's position among the merged words, len(ids) when it is none of them; kept on the doc."""
        key = f"kg-codes-{attr}"
        cached = doc.user_data.get(key)
        if cached is not None and cached[0] == version and len(cached[1]) == len(doc):
            return cached[1]
        values = _array(doc, attr)
        at = ids.searchsorted(values)
        codes = np.where(ids[at] == values, at, len(ids))
        doc.user_data[key] = (version, codes)
        return codes

    def _add(self, words: Collection[str]) -> None:
        _, version, lists = self._state
        if id(words) in lists and lists[id(words)][0] is words:
            return  # another thread added it meanwhile
        # each list's ids are hashed once, not again at every later list: the given names are 50,000 words
        self._list_ids[id(words)] = (words, _ids(words)[:-1])
        own = {key: self._list_ids[key][1] for key in (*lists, id(words))}
        ids = np.append(np.unique(np.concatenate(list(own.values()))), np.uint64(_ABOVE_ALL))
        kept = {**{key: found[0] for key, found in lists.items()}, id(words): words}
        masks = {key: (kept[key], np.append(np.isin(ids[:-1], own[key], assume_unique=True), [False, False]))
                 for key in own}
        self._state = (ids, version + 1, masks)


_INDEXES: dict[int, _WordIndex] = {}  # attr -> the word lists looked up by it


def _ids(words: Iterable[str]) -> np.ndarray:
    """The words' string ids, sorted, with one id above them all."""
    return np.array([*sorted({get_string_id(w) for w in words}), _ABOVE_ALL], dtype=np.uint64)


def _array(doc: Doc, attr: int) -> np.ndarray:
    """doc.to_array(attr), kept on the doc: kg's components ask for the same columns many times."""
    key = f"kg-array-{attr}"
    values = doc.user_data.get(key)
    if values is None or len(values) != len(doc):
        values = doc.user_data[key] = doc.to_array(attr)
    return values


def lowers(doc: Doc) -> list[str]:
    """Every token's lowercase form, kept on the doc: rules that peek at neighbouring words
    ask for thousands of them, and doc[i].lower_ builds a Token object each time."""
    words = doc.user_data.get("kg-lowers")
    if words is None or len(words) != len(doc):
        words = doc.user_data["kg-lowers"] = _texts(doc, _array(doc, LOWER).tolist())
    return words


def texts(doc: Doc) -> list[str]:
    """Every token's text as written, kept on the doc: for rules that read capitals."""
    words = doc.user_data.get("kg-texts")
    if words is None or len(words) != len(doc):
        words = doc.user_data["kg-texts"] = _texts(doc, _array(doc, ORTH).tolist())
    return words


def column(doc: Doc, attr: int) -> np.ndarray:
    """doc.to_array(attr) for one attribute, kept on the doc (read it, do not change it)."""
    return _array(doc, attr)


def _texts(doc: Doc, ids: list[int]) -> list[str]:
    """The strings of `ids`: a dict lookup is twice as fast as the StringStore's."""
    try:
        return list(map(_TEXTS.__getitem__, ids))
    except KeyError:
        strings = doc.vocab.strings
        if len(_TEXTS) < _MAX_TEXTS:  # past it, new words are looked up where they live, uncached
            _TEXTS.update((i, strings[i]) for i in ids if i not in _TEXTS)
        return [_TEXTS.get(i) or strings[i] for i in ids]


class Tokens:
    """A doc's token attributes, sentences and entities as plain lists, for rules that
    peek at neighbouring words.

    Rules ask for thousands of attributes per article: `doc[i].is_alpha` builds a Token
    object each time, a list index does not, and doc.ents and doc.sents build a Span
    each. Take it after the entities it reads are set.
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
        self.is_alpha: list[int] = _array(doc, IS_ALPHA).tolist()
        self.entities = _entities(doc, marks[:, 1], marks[:, 2])

    def __len__(self) -> int:
        return len(self.lower)

    def past(self, i: int, words: Collection[str], limit: int | None = None) -> int:
        """`i + 1` when token `i` (before `limit`) is one of `words`, else `i`: "Russia 's attack"."""
        return i + 1 if i < (len(self.lower) if limit is None else limit) and self.lower[i] in words else i


def _entities(doc: Doc, iob: np.ndarray, types: np.ndarray) -> list[tuple[int, int, str]]:
    """doc.ents as (start, end, label), from the ENT_IOB and ENT_TYPE columns."""
    starts = (iob == 3).nonzero()[0]  # B
    outside = np.append((iob != 1).nonzero()[0], len(iob))  # where no entity goes on (not I)
    ends = outside[outside.searchsorted(starts, side="right")]
    strings = doc.vocab.strings
    return list(zip(starts.tolist(), ends.tolist(), [strings[h] for h in types[starts].tolist()]))


def shouted(doc: Doc) -> frozenset[int]:
    """Tokens of all-caps sentences ("PRESIDEN JOKOWI BERTEMU PUTIN") and of datelines' places
    ("JAKARTA, KOMPAS.com -", "WASHINGTON (AP) —"): capitals there say nothing about names, so
    kg guesses no name from them and matches the gazetteer's longer names case-blind."""
    cached = doc.user_data.get("kg-shouted")
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    out: set[int] = set()
    upper = _array(doc, IS_UPPER)
    capitals = upper & _array(doc, IS_ALPHA)
    if capitals.any():
        starts = (doc.to_array(SENT_START) == 1).nonzero()[0]
        starts = starts if len(starts) and starts[0] == 0 else np.append(0, starts)
        out.update(_datelines(doc, starts[upper[starts] == 1].tolist()))
    if int(capitals.sum()) >= 4:  # else, the usual case, no such sentence
        words = (_array(doc, IS_ALPHA) == 1) & (doc.to_array(LENGTH) > 1)
        counts, caps = np.add.reduceat(words, starts), np.add.reduceat(words & (capitals == 1), starts)
        ends = [*starts[1:].tolist(), len(doc)]
        for n in ((counts >= 4) & (caps >= 0.6 * counts)).nonzero()[0].tolist():
            out.update(range(int(starts[n]), ends[n]))
    doc.user_data["kg-shouted"] = (len(doc), frozenset(out))
    return frozenset(out)


_DATELINE_REACH = 12  # tokens before a dateline's dash: "MINSK, Rabu (28/6/2023) -", "BIPOL.CO, JAKARTA —"
_DASHES = frozenset({"-", "–", "—", "--"})


def _datelines(doc: Doc, starts: list[int]) -> list[int]:
    """The all-caps words of each dateline among `starts` (sentences that open in capitals): what
    stands before a dash near the start, with no lowercase word in it ("BAGHDAD -", "JAKARTA,
    KOMPAS.com -", "WASHINGTON (AP) —", "BIPOL.CO, JAKARTA —")."""
    words = lowers(doc)
    out: list[int] = []
    for start in starts:
        for end in range(start + 1, min(len(doc), start + _DATELINE_REACH)):
            if words[end] in _DASHES:
                out.extend(i for i in range(start, end) if doc[i].is_upper and doc[i].is_alpha)
                break
            if doc[end].is_lower and doc[end].is_alpha:
                break
    return out


class Phrases:
    """Multi-word phrases ("junta militer", "armed forces", "negara anggota") looked for right before
    or after a name."""

    def __init__(self, phrases: Iterable[str]):
        # longest first, so the first match found is the longest, the same on every run
        self._phrases = sorted({tuple(w.split()) for w in phrases}, key=lambda p: (-len(p), p))
        self.lasts = frozenset(p[-1] for p in self._phrases)
        self.firsts = frozenset(p[0] for p in self._phrases)
        # each word's phrases, so a lookup compares only the phrases that can match there (longest first)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self._phrases:
            self._by_first.setdefault(phrase[0], []).append(phrase)
            self._by_last.setdefault(phrase[-1], []).append(phrase)

    def starts_before(self, words: Sequence[str], i: int) -> list[int]:
        """Where each phrase that ends just before token `i` of `words` (lowercase) starts, longest first."""
        if i == 0 or words[i - 1] not in self.lasts:
            return []
        return [i - len(p) for p in self._by_last[words[i - 1]] if i - len(p) >= 0 and tuple(words[i - len(p):i]) == p]

    def ends_after(self, words: Sequence[str], i: int) -> list[int]:
        """Where each phrase that starts at token `i` of `words` (lowercase) ends, longest first."""
        if i >= len(words) or words[i] not in self.firsts:
            return []
        return [i + len(p) for p in self._by_first[words[i]] if i + len(p) <= len(words) and tuple(words[i:i + len(p)]) == p]
