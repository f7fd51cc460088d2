"""How fast kg reads articles and loads the store, written to bench/results.json.

Speed is measured here, never asserted in tests. The corpus is the bundled articles
repeated (each copy under its own id) so the figures do not depend on files outside
the repo; pass a .jsonl corpus to measure real text instead:

    python bench/bench_extract.py [CORPUS.jsonl] [--copies N]
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kg.extract import extract_article
from kg.ingest import read_articles
from kg.model import Article
from kg.rdf.model import extraction_graph
from kg.rdf.store import open_store

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"


def corpus(inputs: list[str], copies: int) -> list[Article]:
    articles = read_articles(inputs).articles
    return [replace(a, id=f"{a.id}-{n}") for n in range(copies) for a in articles]


def measure(articles: list[Article]) -> dict[str, float]:
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    extractions = [extract_article(a) for a in articles]
    extract_s = time.perf_counter() - started
    graphs = [extraction_graph(x) for x in extractions]
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
        started = time.perf_counter()
        for graph in graphs:
            store.replace_graph(graph)
        store.flush()
        load_s = time.perf_counter() - started
        triples = len(store)
    return {
        "articles": len(articles),
        "words": words,
        "relations": sum(len(x.relations) for x in extractions),
        "extract_seconds": round(extract_s, 3),
        "articles_per_second": round(len(articles) / extract_s, 1),
        "words_per_second": round(words / extract_s),
        "store_triples": triples,
        "store_load_seconds": round(load_s, 3),
        "triples_per_second": round(triples / load_s),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="*", default=[str(HERE.parent / "data" / "articles")])
    parser.add_argument("--copies", type=int, default=100)
    args = parser.parse_args()
    extract_article(Article(id="warm-up", text="Rusia menyerang Ukraina.", lang="id"))  # load pipelines once
    extract_article(Article(id="warm-up", text="Russia attacked Ukraine.", lang="en"))
    figures = measure(corpus(args.corpus, args.copies))
    figures.update(machine=platform.machine(), python=platform.python_version(), date=time.strftime("%Y-%m-%d"))
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
