"""The library API that the CLI, notebooks and tests call: build, extract, stats.

Each function returns data; printing is the CLI's job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.extract import extract_article
from kg.ingest import Problem, read_articles
from kg.model import Extraction
from kg.rdf.model import extraction_graph
from kg.rdf.store import KGStore, open_store

__all__ = ["BuildReport", "Stats", "build", "extract", "stats"]

_STATS_QUERY = """
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT
  (COUNT(DISTINCT ?article) AS ?articles)
  (COUNT(DISTINCT ?entity) AS ?entities)
  (COUNT(DISTINCT ?relation) AS ?relations)
  (COUNT(DISTINCT ?evidence) AS ?evidences)
WHERE {
  { ?article a kg:Article }
  UNION { ?entity a ?class . ?class rdfs:subClassOf kg:Actor }
  UNION { ?s ?p ?o . ?p a owl:ObjectProperty . FILTER(?p != kg:article)
          BIND(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o)) AS ?relation) }
  UNION { ?evidence a kg:Evidence }
}
"""


@dataclass(frozen=True, slots=True)
class Stats:
    """What the store holds."""

    articles: int
    entities: int
    relations: int
    evidence: int
    triples: int
    store: str


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build read, what it could not, and what the store holds afterwards."""

    read: int
    problems: tuple[Problem, ...]
    stats: Stats


def extract(inputs: Iterable[Path | str]) -> tuple[list[Extraction], tuple[Problem, ...]]:
    """Extract every readable article of `inputs`, without touching a store."""
    corpus = read_articles(inputs)
    return [extract_article(a) for a in corpus.articles], corpus.problems


def build(inputs: Iterable[Path | str], store: str | Path | None = None, *,
          progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Extract `inputs` into the store, one named graph per article.

    Re-building an article replaces its graph, so running twice leaves the same
    store; `progress(done, total)` is called after each article.
    """
    corpus = read_articles(inputs)
    with open_store(store) as kg_store:
        kg_store.load_ontology()
        total = len(corpus.articles)
        for done, article in enumerate(corpus.articles, start=1):
            kg_store.replace_graph(extraction_graph(extract_article(article)))
            if progress is not None:
                progress(done, total)
        summary = stats_of(kg_store)
    return BuildReport(read=len(corpus.articles), problems=corpus.problems, stats=summary)


def stats(store: str | Path | None = None) -> Stats:
    with open_store(store, read_only=True) as kg_store:
        return stats_of(kg_store)


def stats_of(kg_store: KGStore) -> Stats:
    row = kg_store.query(_STATS_QUERY).rows[0]
    articles, entities, relations, evidence = (int(v or 0) for v in row)
    return Stats(articles=articles, entities=entities, relations=relations, evidence=evidence,
                 triples=len(kg_store), store=kg_store.location)
