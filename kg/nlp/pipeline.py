"""The spaCy pipeline per language: tokenizer fixes, sentences, entities, relations.

    tokenizer -> sentencizer -> entity_ruler (gazetteer) -> group_ruler (group phrases)
              -> kg_names (title-cued people, acronyms, surnames)
              -> kg_relations (verb frames, titles, citations) -> doc._.kg_relations

Every step is a registered spaCy component, so `nlp.analyze_pipes()` checks the
order and a notebook can inspect each one. Pipelines are built once per process.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import product
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kg.errors import DataFileError
from kg.gazetteer import load_gazetteer
from kg.lexicon import SUPPORTED_LANGUAGES, load_lexicon
from kg.nlp.clitics import CliticSplitter
from kg.nlp.names import NameFinder
from kg.nlp.sentences import SentenceBounds
from kg.nlp.relations import RelationMatcher
from kg.resources import data_dir

__all__ = ["get_pipeline", "entity_patterns", "group_phrases", "spell_out"]

_RELATIONS_ATTR = "kg_relations"
MAX_ARTICLE_CHARS = 50_000_000


@Language.factory("kg_sentence_bounds", requires=["token.is_sent_start"], assigns=["token.is_sent_start"])
def _make_sentence_bounds(nlp: Language, name: str) -> SentenceBounds:
    return SentenceBounds()


@Language.factory("kg_clitics")
def _make_clitic_splitter(nlp: Language, name: str, lang: str) -> CliticSplitter:
    return CliticSplitter(load_lexicon(lang))


@Language.factory("kg_names", requires=["doc.ents"], assigns=["doc.ents"])
def _make_name_finder(nlp: Language, name: str, lang: str) -> NameFinder:
    return NameFinder(load_lexicon(lang))


@Language.factory("kg_relations", requires=["doc.ents", "doc.sents"], assigns=[f"doc._.{_RELATIONS_ATTR}"])
def _make_relation_component(nlp: Language, name: str, lang: str) -> _RelationComponent:
    return _RelationComponent(RelationMatcher(load_lexicon(lang)))


class _RelationComponent:
    def __init__(self, matcher: RelationMatcher):
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(_RELATIONS_ATTR, self.matcher(doc))
        return doc


@cache
def get_pipeline(lang: str) -> Language:
    """The kg pipeline for `lang` ("id" or "en"), built on the first call."""
    if lang not in SUPPORTED_LANGUAGES:
        lang = "en"
    if not Doc.has_extension(_RELATIONS_ATTR):
        Doc.set_extension(_RELATIONS_ATTR, default=None)
    nlp = spacy.blank(lang)
    nlp.max_length = MAX_ARTICLE_CHARS  # spaCy's 1M default guards parsers' memory; kg has none
    if lang == "id":
        _keep_hyphenated_words(nlp)
        nlp.add_pipe("kg_clitics", config={"lang": lang})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_sentence_bounds")
    ruler = nlp.add_pipe("entity_ruler", config={"validate": True})
    ruler.add_patterns(entity_patterns(lang))  # type: ignore[attr-defined]
    # Group patterns as phrases matched on lowercase forms: a token Matcher tries every
    # pattern at every token and cost as much as tokenizing; a phrase lookup costs little.
    groups = nlp.add_pipe("entity_ruler", name="group_ruler", config={"validate": True, "phrase_matcher_attr": "LOWER"})
    groups.add_patterns(group_phrases(lang))  # type: ignore[attr-defined]
    nlp.add_pipe("kg_names", config={"lang": lang})
    nlp.add_pipe("kg_relations", config={"lang": lang})
    return nlp


def entity_patterns(lang: str) -> list[dict[str, Any]]:
    """EntityRuler patterns: every gazetteer surface form (matched as written)."""
    return [{"label": entry.type, "pattern": form, "id": entry.key}
            for entry in load_gazetteer().entries.values() for form in entry.surface_forms()]


def group_phrases(lang: str) -> list[dict[str, Any]]:
    """The lexicon's group patterns (data/lexicon/<lang>/groups.jsonl) spelt out as lowercase phrases."""
    return [{"label": record.get("label", "Group"), "pattern": phrase}
            for record in load_lexicon(lang).group_patterns for phrase in spell_out(record["pattern"])]


def spell_out(pattern: list[dict[str, Any]]) -> list[str]:
    """Every word sequence a token pattern of LOWER values matches ("?" optional, "*"/"+" up to twice)."""
    sequences: list[list[str]] = [[]]
    for spec in pattern:
        value = spec.get("LOWER")
        words = [value] if isinstance(value, str) else list(value["IN"]) if isinstance(value, dict) else None
        if words is None or set(spec) - {"LOWER", "OP"}:
            raise DataFileError(f"group pattern {pattern!r}: only LOWER values (a word or IN a list) and OP can "
                                "be used", path=data_dir() / "lexicon" / "groups.jsonl")
        repeats = {"?": (0, 1), "*": (0, 1, 2), "+": (1, 2)}.get(spec.get("OP", ""), (1,))
        runs = [list(run) for n in repeats for run in product(words, repeat=n)]
        sequences = [seq + run for seq in sequences for run in runs]
    return sorted({" ".join(seq) for seq in sequences if seq})


def _keep_hyphenated_words(nlp: Language) -> None:
    """Keep "Kassym-Jomart" and "kelompok-kelompok" one token, as Indonesian writes them.

    spaCy's Indonesian rules split a hyphen between letters; kg drops exactly the
    infix rules that do that and keeps a slash split ("AS/NATO").
    """
    infixes = [p for p in nlp.Defaults.infixes or () if not re.search(p, "Kassym-Jomart")]
    infixes.append(r"(?<=[A-Za-z])/(?=[A-Za-z])")
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
