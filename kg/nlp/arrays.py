"""Finding words in a Doc in one array pass.

Touching tokens one by one from Python (doc[i].lower_) costs about a microsecond
each and dominated kg's extraction time; asking spaCy for the whole attribute
array and matching hashes with numpy does the same search in C.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["positions"]


def positions(doc: Doc, attr: int, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs.LOWER, ORTH, ...) is one of `words`."""
    wanted = [get_string_id(w) for w in words]
    if not wanted or not len(doc):
        return []
    found = np.flatnonzero(np.isin(doc.to_array(attr), np.array(wanted, dtype=np.uint64)))
    return [int(i) for i in found]
