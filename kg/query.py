"""SPARQL questions: bundled ones by name, `.rq` files, or inline text.

A bundled question is a `.rq` file in queries/ whose leading comments give its
title, description and parameters (`# param: name = Putin`). A parameter is
written `$name` in the query (SPARQL's other spelling of `?name`, so the file
stays valid SPARQL) and bound to its value as one escaped literal, as a prepared
statement would (kg.rdf.sparql says how, and why not Oxigraph's substitutions):
a value can never change the query's structure.

Every question may use the prefixes of kg.rdf.sparql.QUERY_PREFIXES (kg:, rdf:,
rdfs:, skos:, schema:, prov:, owl:, xsd:, wd:, ...) without declaring them. A
question that calls SERVICE would make the store send requests to other servers,
so it is refused unless the caller allows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import QueryError
from kg.rdf.sparql import QUERY_PREFIXES, bind_parameters, refuse_service
from kg.rdf.store import MEMORY, KGStore, QueryResult, open_store
from kg.resources import queries_dir

if TYPE_CHECKING:
    import pandas

__all__ = ["Question", "bundled_questions", "load_question", "run_question", "query_df"]

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*=\s*(.*)$")


@dataclass(frozen=True, slots=True)
class Question:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: Mapping[str, str] = field(default_factory=dict)  # name -> default value


def bundled_questions() -> dict[str, Question]:
    """The questions shipped in queries/, by file name without `.rq`."""
    return {path.stem: _read_question(path) for path in sorted(queries_dir().glob("*.rq"))}


def load_question(spec: str) -> Question:
    """A bundled name, a path to a `.rq` file, or SPARQL text itself."""
    bundled = bundled_questions()
    if spec in bundled:
        return bundled[spec]
    if spec.endswith(".rq") or (len(spec) < 300 and "\n" not in spec and Path(spec).suffix == ".rq"):
        path = Path(spec)
        if not path.is_file():
            raise QueryError(f"no query file {spec}; bundled questions: {', '.join(bundled)}")
        return _read_question(path)
    if not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE):
        raise QueryError(f"{spec!r} is neither a bundled question, a .rq file nor SPARQL; "
                         f"bundled questions: {', '.join(bundled)}")
    return Question(name="inline", text=spec)


def run_question(store: KGStore, question: Question, params: Mapping[str, str] | None = None, *,
                 allow_service: bool = False) -> QueryResult:
    """Run `question` with its defaults overridden by `params`.

    `allow_service` lets the question call SERVICE (the store then sends requests
    to the servers it names); without it such a question is a QueryError.
    """
    unknown = set(params or {}) - set(question.params)
    if unknown:
        accepted = ", ".join(question.params) or "none"
        raise QueryError(f"question {question.name!r} takes no parameter {', '.join(sorted(unknown))}; "
                         f"it accepts: {accepted}")
    if not allow_service:
        refuse_service(question.text)
    text = bind_parameters(question.text, {**question.params, **(params or {})})
    try:
        return store.query(text, prefixes=QUERY_PREFIXES)
    except QueryError as e:
        raise QueryError(f"{question.name}: {e}") from e


def query_df(question: str, store: KGStore | str | Path | None = None, params: Mapping[str, str] | None = None,
             *, allow_service: bool = False) -> pandas.DataFrame:
    """Ask a question (bundled name, .rq file or SPARQL text) and get a pandas DataFrame.

    `store` is an open store or a location (default $KG_STORE or kg-out/store,
    opened read-only). Numeric columns come typed (see kg.results.to_dataframe).

        >>> kg.query_df("top-actors", "kg-out/store").head()        # doctest: +SKIP
    """
    from kg.results import to_dataframe

    asked = load_question(question)
    if isinstance(store, KGStore):
        return to_dataframe(run_question(store, asked, params, allow_service=allow_service))
    with open_store(store, read_only=str(store) != MEMORY) as opened:
        return to_dataframe(run_question(opened, asked, params, allow_service=allow_service))


def _read_question(path: Path) -> Question:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"cannot read query file {path}: {e}") from e
    meta: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            param = _PARAM.match(value)
            if not param:
                raise QueryError(f"{path}: malformed parameter line {line!r}; write `# param: name = default`")
            params[param.group(1)] = param.group(2).strip()
        else:
            meta[key] = value.strip()
    return Question(name=path.stem, text=text, title=meta.get("title", path.stem),
                    description=meta.get("description", ""), params=params)
