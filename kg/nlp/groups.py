"""Unnamed groups as entities: "demonstran", "external forces", "mass protests".

The lexicon writes them as token patterns (data/lexicon/<lang>/groups.jsonl), which a
linguist reads easily; kg spells each pattern out into the word sequences it matches
and looks those up with a PhraseMatcher on lowercase forms. A token Matcher tries
every pattern at every token and cost as much as tokenizing; a second EntityRuler
would filter the doc's entities once per match, which is quadratic on a long article.
"""

from __future__ import annotations

from itertools import product
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import DataFileError
from kg.lexicon import load_lexicon
from kg.resources import data_dir

__all__ = ["GroupFinder", "spell_out"]

_REPEATS = {"?": (0, 1), "*": (0, 1, 2), "+": (1, 2)}  # "*" and "+" spelt out up to twice


class GroupFinder:
    """Adds the lexicon's group phrases to doc.ents where no name is already."""

    def __init__(self, nlp: Language, lang: str):
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_label: dict[str, list[str]] = {}
        for record in load_lexicon(lang).group_patterns:
            by_label.setdefault(record.get("label", "Group"), []).extend(spell_out(record["pattern"]))
        for label, phrases in by_label.items():
            self._matcher.add(label, [nlp.make_doc(phrase) for phrase in sorted(set(phrases))])

    def __call__(self, doc: Doc) -> Doc:
        matches = [Span(doc, start, end, label=label) for label, start, end in self._matcher(doc)]
        if not matches:
            return doc
        named = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        found = [span for span in filter_spans(matches) if not named.intersection(range(span.start, span.end))]
        doc.set_ents(found, default="unmodified")
        return doc


def spell_out(pattern: list[dict[str, Any]]) -> list[str]:
    """Every word sequence a token pattern of LOWER values matches."""
    sequences: list[list[str]] = [[]]
    for spec in pattern:
        value = spec.get("LOWER")
        words = [value] if isinstance(value, str) else list(value["IN"]) if isinstance(value, dict) else None
        if words is None or set(spec) - {"LOWER", "OP"}:
            raise DataFileError(f"group pattern {pattern!r}: only LOWER values (a word or IN a list) and OP can "
                                "be used", path=data_dir() / "lexicon" / "groups.jsonl")
        runs = [list(run) for n in _REPEATS.get(spec.get("OP", ""), (1,)) for run in product(words, repeat=n)]
        sequences = [seq + run for seq in sequences for run in runs]
    return sorted({" ".join(seq) for seq in sequences if seq})
