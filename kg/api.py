"""The library API that the CLI, notebooks and tests call: build, extract, stats.

Each function returns data; printing is the CLI's job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.ingest import Problem, read_articles
from kg.model import Extraction
from kg.rdf.model import graph_name
from kg.rdf.store import KGStore, open_store

__all__ = ["BuildReport", "RemoveReport", "Stats", "build", "extract", "load", "remove", "stats"]

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
    unchanged: int = 0  # articles whose graph was already up to date


@dataclass(frozen=True, slots=True)
class RemoveReport:
    """Which articles were removed, which the store did not hold, and what is left."""

    removed: tuple[str, ...]
    missing: tuple[str, ...]
    stats: Stats


def extract(inputs: Iterable[Path | str], *,
            progress: Callable[[int, int], None] | None = None) -> tuple[list[Extraction], tuple[Problem, ...]]:
    """Extract every readable article of `inputs`, without touching a store.

    `progress(done, total)` is called after each article.
    """
    from kg.extraction import extract_article

    corpus = read_articles(inputs)
    extractions = []
    for done, article in enumerate(corpus.articles, start=1):
        extractions.append(extract_article(article))
        if progress is not None:
            progress(done, len(corpus.articles))
    return extractions, corpus.problems


def build(inputs: Iterable[Path | str], store: str | Path | None = None, *,
          progress: Callable[[int, int], None] | None = None, jobs: int | None = None,
          scheduler: str | None = None) -> BuildReport:
    """Extract `inputs` into the store, one named graph per article.

    Re-building an article replaces its graph, so running twice leaves the same
    store, and an article whose text and extractor are unchanged is skipped before
    extraction. `jobs` worker processes extract (default: one per core); with
    `scheduler` ("tcp://HOST:PORT") the workers of that Dask cluster do. This
    process alone writes. `progress(done, total)` is called after each article.
    """
    from kg.builder import build_into

    with open_store(store) as kg_store:
        kg_store.load_ontology()
        counts = build_into(kg_store, inputs, jobs=jobs, scheduler=scheduler, progress=progress)
        summary = stats_of(kg_store)
    return BuildReport(read=counts.read, problems=counts.problems, stats=summary, unchanged=counts.unchanged)


def remove(article_ids: Iterable[str], store: str | Path | None = None) -> RemoveReport:
    """Remove articles and everything only they stated.

    Each article's facts and evidence live in its own named graph, so dropping the
    graph removes exactly them; a fact another article also states stays, with
    that article's evidence. An entity no other article names goes too, and so
    does an alias only these articles gave.
    """
    removed: list[str] = []
    missing: list[str] = []
    with open_store(store) as kg_store:
        present = set(kg_store.graph_names())
        for article_id in article_ids:
            name = str(graph_name(article_id))
            (removed if name in present else missing).append(article_id)
        kg_store.remove_articles(str(graph_name(a)) for a in removed)
        summary = stats_of(kg_store)
    return RemoveReport(removed=tuple(removed), missing=tuple(missing), stats=summary)


def load(dumps: Iterable[Path | str], store: str | Path | None = None, *, workers: int | None = None) -> Stats:
    """Load `kg export --format nq` (or trig) dumps, e.g. to restore a store or move it to a server.

    Each graph in a dump replaces the store's graph of the same name, so loading
    twice, or loading a newer dump over an older one, leaves no stale triple; the
    articles keep their kg:contentHash, so a later build skips the unchanged ones.
    """
    with open_store(store) as kg_store:
        for dump in dumps:
            kg_store.load_dump(Path(dump), workers=workers)
        return stats_of(kg_store)


def stats(store: str | Path | None = None) -> Stats:
    with open_store(store, read_only=True) as kg_store:
        return stats_of(kg_store)


def stats_of(kg_store: KGStore) -> Stats:
    row = kg_store.query(_STATS_QUERY).rows[0]
    articles, entities, relations, evidence = (int(v or 0) for v in row)
    return Stats(articles=articles, entities=entities, relations=relations, evidence=evidence,
                 triples=len(kg_store), store=kg_store.location)
