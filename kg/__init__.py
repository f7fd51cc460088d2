"""kg: knowledge graphs from geopolitical news.

    >>> import kg
    >>> report = kg.build(["data/articles"], store=":memory:")   # doctest: +SKIP
    >>> extractions, problems = kg.extract(["data/articles"])    # doctest: +SKIP

The public names are imported on first use, so `import kg` stays cheap (spaCy and
the store load only when something needs them).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_PUBLIC = {
    "build": "kg.api",
    "extract": "kg.api",
    "stats": "kg.api",
    "remove": "kg.api",
    "load": "kg.api",
    "RemoveReport": "kg.api",
    "BuildReport": "kg.api",
    "Stats": "kg.api",
    "open_store": "kg.rdf.store",
    "KGStore": "kg.rdf.store",
    "read_articles": "kg.ingest",
    "extract_article": "kg.extraction",
    "run_question": "kg.query",
    "load_question": "kg.query",
    "bundled_questions": "kg.query",
    "query_df": "kg.query",
    "Article": "kg.model",
    "Entity": "kg.model",
    "Relation": "kg.model",
    "Extraction": "kg.model",
    "KGError": "kg.errors",
    "to_networkx": "kg.analyze",
}

__all__ = sorted(_PUBLIC) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return __all__
