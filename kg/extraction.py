"""Extraction: one article in, its entities and relations out (no store involved).

This is the seam between the language side (kg.nlp, kg.resolve) and the graph side
(kg.rdf): everything downstream sees only `Extraction` records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from kg.gazetteer import load_gazetteer
from kg.ingest import detect_language
from kg.lexicon import SUPPORTED_LANGUAGES, load_lexicon
from kg.model import Article, Extraction
from kg.nlp.pipeline import get_pipeline
from kg.resolve import resolve

__all__ = ["extract_article", "extract_articles", "with_language"]


def with_language(article: Article) -> Article:
    """The article with `lang` set: kept when supported, detected otherwise."""
    if article.lang in SUPPORTED_LANGUAGES:
        return article
    return dataclasses.replace(article, lang=detect_language(article.text))


def extract_article(article: Article) -> Extraction:
    article = with_language(article)
    lang = article.lang or "en"
    doc = get_pipeline(lang)(article.text)
    entities, relations = resolve(article, doc, doc._.kg_relations or (), load_gazetteer(), load_lexicon(lang))
    return Extraction(article=article, entities=entities, relations=relations)


def extract_articles(articles: Iterable[Article]) -> Iterator[Extraction]:
    for article in articles:
        yield extract_article(article)
