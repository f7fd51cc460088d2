"""The spaCy pipeline per language: tokenizer fixes, sentences, entities, relations.

    tokenizer -> kg_sentence_bounds -> kg_gazetteer (names as written) -> kg_groups (group phrases)
              -> kg_names (title-cued people, acronyms, surnames)
              -> kg_relations (verb frames, titles, citations) -> doc._.kg_relations

Every step is a registered spaCy component, so `nlp.analyze_pipes()` checks the
order and a notebook can inspect each one. Pipelines are built once per process.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kg.lexicon import SUPPORTED_LANGUAGES, load_lexicon
from kg.nlp.clitics import CliticSplitter
from kg.nlp.phrases import PhraseEntities, gazetteer_phrases, group_phrases
from kg.nlp.names import NameFinder
from kg.nlp.sentences import SentenceBounds
from kg.nlp.relations import RelationMatcher

__all__ = ["get_pipeline"]

_RELATIONS_ATTR = "kg_relations"
MAX_ARTICLE_CHARS = 50_000_000


@Language.factory("kg_sentence_bounds", assigns=["token.is_sent_start"])
def _make_sentence_bounds(nlp: Language, name: str) -> SentenceBounds:
    return SentenceBounds()


@Language.factory("kg_clitics")
def _make_clitic_splitter(nlp: Language, name: str, lang: str) -> CliticSplitter:
    return CliticSplitter(load_lexicon(lang))


@Language.factory("kg_gazetteer", assigns=["doc.ents"])
def _make_gazetteer(nlp: Language, name: str, lang: str) -> PhraseEntities:
    return PhraseEntities(nlp, gazetteer_phrases(), attr="ORTH", shouted_too=True,
                          words=load_lexicon(lang).words["stopwords"])


@Language.factory("kg_groups", requires=["doc.ents"], assigns=["doc.ents"])
def _make_group_finder(nlp: Language, name: str, lang: str) -> PhraseEntities:
    return PhraseEntities(nlp, group_phrases(lang), attr="LOWER")


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
    _set_up_tokenizer(nlp, lang)
    if lang == "id":
        nlp.add_pipe("kg_clitics", config={"lang": lang})
    nlp.add_pipe("kg_sentence_bounds")
    nlp.add_pipe("kg_gazetteer", config={"lang": lang})
    nlp.add_pipe("kg_groups", config={"lang": lang})
    nlp.add_pipe("kg_names", config={"lang": lang})
    nlp.add_pipe("kg_relations", config={"lang": lang})
    return nlp


def _set_up_tokenizer(nlp: Language, lang: str) -> None:
    if lang == "id":
        _keep_hyphenated_words(nlp)
    _drop_redundant_special_cases(nlp)  # after the rules it compares against


def _drop_redundant_special_cases(nlp: Language) -> None:
    """Keep only the tokenizer's special cases that change how a word is tokenized.

    Most of them restate it: whitespace ("\\n", "\\t", " "), and Indonesian's ~16,000
    reduplications ("negara-negara"), whole anyway once hyphens stay inside words. But
    once spaCy's tokenizer meets any special case in a text it stops caching words for
    the rest of that text (explosion/spaCy#13950), and every article has a line break:
    each later word went through the affix regexes again, every time it was seen.
    Same tokens (tests/nlp/test_tokenizer.py); a no-break space keeps its own form as
    NORM instead of two spaces, which kg does not read.
    """
    tokenizer = nlp.tokenizer
    plain = Tokenizer(nlp.vocab, rules={}, prefix_search=tokenizer.prefix_search,  # type: ignore[union-attr]
                      suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,  # type: ignore[union-attr]
                      token_match=tokenizer.token_match, url_match=tokenizer.url_match)  # type: ignore[union-attr]

    def restates(text: str, tokens: list[dict[int, str]]) -> bool:
        if not text.strip():
            return True
        return tokens == [{ORTH: text}] and [t.text for t in plain(text)] == [text]

    tokenizer.rules = {text: tokens for text, tokens in (tokenizer.rules or {}).items()  # type: ignore[union-attr]
                       if not restates(text, tokens)}


def _keep_hyphenated_words(nlp: Language) -> None:
    """Keep "kelompok-kelompok" and "anti-pemerintah" one token, as Indonesian writes them,
    but split two names joined by a hyphen ("perang Israel-Hamas", "perbatasan Iran-Pakistan",
    "Kassym-Jomart"), as English tokenizing does, so that each name is found.

    spaCy's Indonesian rules split a hyphen between any letters; kg drops exactly the
    infix rules that do that, and keeps a slash split ("AS/NATO").
    """
    infixes = [p for p in nlp.Defaults.infixes or () if not re.search(p, "kelompok-kelompok")]
    infixes.append(r"(?<=[A-Za-z])/(?=[A-Za-z])")
    # a prefix written with a hyphen stays on its word: "Antar-Amerika", "Pro-Rusia", "Pasca-Perang"
    prefixes = sorted(load_lexicon("id").words.get("hyphen_prefixes", ()))
    unless = "".join(f"(?<!{p[0].upper()}{p[1:]})(?<!{p})" for p in prefixes)
    infixes.append(rf"{unless}(?<=[a-z])-(?=[A-Z][a-z])")
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
