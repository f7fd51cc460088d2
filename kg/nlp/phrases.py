"""Entities from phrase lists: the gazetteer's names and the lexicon's group phrases.

The gazetteer's surface forms are matched as written ("AS" is the United States, "as"
is not); group phrases ("demonstran", "external forces", "mass protests") are matched
on lowercase forms. The lexicon writes groups as token patterns
(data/lexicon/<lang>/groups.jsonl), which a linguist reads easily, and kg spells each
out into the word sequences it matches. Both are looked up with spaCy's
PhraseMatcher and written with one `doc.set_ents`: a token Matcher tries every
pattern at every token and cost as much as tokenizing, and an EntityRuler run over
a doc that already has entities filters them once per match, which is quadratic on
a long article.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product
from typing import Any

from spacy.attrs import ENT_IOB
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.errors import DataFileError
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.nlp.arrays import lowers, shouted
from kg.resources import data_dir

__all__ = ["PhraseEntities", "gazetteer_phrases", "group_phrases", "spell_out"]

_SHOUTED_MIN_CHARS = 4  # "Rusia", "NATO", "Putin"; not "AS" (the word "as"?) or "UN"
_REPEATS = {"?": (0, 1), "*": (0, 1, 2), "+": (1, 2)}  # "*" and "+" spelt out up to twice

Phrase = tuple[str, str, str]  # label, phrase, id ("" for none)


class PhraseEntities:
    """Adds the longest matching phrases to doc.ents wherever no entity is yet."""

    def __init__(self, nlp: Language, phrases: Iterable[Phrase], attr: str, *, shouted_too: bool = False,
                 words: frozenset[str] = frozenset()):
        self._matcher = PhraseMatcher(nlp.vocab, attr=attr)
        # all-caps sentences ("PRESIDEN JOKO WIDODO BERTEMU PUTIN") matched case-blind, longer names only:
        # "AS" in capitals is as likely the word "as" as the United States
        self._shouted = PhraseMatcher(nlp.vocab, attr="LOWER") if shouted_too and attr != "LOWER" else None
        self._words = words  # the language's function words: "AS" in a shouted English line is "as"
        by_key: dict[tuple[str, str], set[str]] = {}
        for label, phrase, id_ in phrases:
            by_key.setdefault((label, id_), set()).add(phrase)
        self._keys: dict[int, tuple[str, str]] = {}
        for number, ((label, id_), forms) in enumerate(sorted(by_key.items())):
            key = f"{label}|{id_}|{number}"
            self._matcher.add(key, [nlp.make_doc(form) for form in sorted(forms)])
            if self._shouted is not None:
                long_forms = [form for form in sorted(forms) if len(form) >= _SHOUTED_MIN_CHARS]
                if long_forms:
                    self._shouted.add(key, [nlp.make_doc(form) for form in long_forms])
            self._keys[nlp.vocab.strings[key]] = (label, id_)

    def __call__(self, doc: Doc) -> Doc:
        matches = self._matcher(doc)
        if self._shouted is not None:
            capitals = shouted(doc)
            if capitals:
                lowered = lowers(doc)
                matches = [m for m in matches if m[1] not in capitals or " ".join(lowered[m[1]:m[2]]) not in self._words]
                matches += [m for m in self._shouted(doc) if m[1] in capitals]
        if not matches:
            return doc
        named = (doc.to_array(ENT_IOB) % 2).tolist()  # I (1) or B (3): the token is part of a name already
        found = [Span(doc, start, end, label=self._keys[key][0], span_id=self._keys[key][1])
                 for key, start, end in _longest(matches) if not any(named[start:end])]
        doc.set_ents(found, default="unmodified")
        return doc


def _longest(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """spacy.util.filter_spans on (key, start, end) matches: the longest first, then the earliest,
    none overlapping; in text order. Spans are made for the kept matches only."""
    kept: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    for match in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        _, start, end = match
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept, key=lambda m: m[1])


def gazetteer_phrases() -> list[Phrase]:
    return [(entry.type, form, entry.key) for entry in load_gazetteer().entries.values()
            for form in entry.surface_forms()]


def group_phrases(lang: str) -> list[Phrase]:
    return [(record.get("label", "Group"), phrase, "")
            for record in load_lexicon(lang).group_patterns for phrase in spell_out(record["pattern"])]


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
