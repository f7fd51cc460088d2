"""SPARQL questions: bundled ones by name, `.rq` files, or inline text.

A bundled question is a `.rq` file in queries/ whose leading comments give its
title, description and parameters (`# param: name = Putin`). A parameter is
written `$name` in the query (SPARQL's other spelling of `?name`, so the file
stays valid SPARQL) and replaced by an escaped literal, as a prepared statement
would: a value can never change the query's structure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.store import KGStore, QueryResult
from kg.resources import queries_dir

__all__ = ["Question", "bundled_questions", "load_question", "run_question"]

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


def run_question(store: KGStore, question: Question, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run `question` with its defaults overridden by `params`."""
    unknown = set(params or {}) - set(question.params)
    if unknown:
        accepted = ", ".join(question.params) or "none"
        raise QueryError(f"question {question.name!r} takes no parameter {', '.join(sorted(unknown))}; "
                         f"it accepts: {accepted}")
    bindings = {**question.params, **(params or {})}
    text = question.text
    for name, value in bindings.items():
        literal = str(ox.Literal(value))
        text = re.sub(rf"\${name}\b", lambda _m: literal, text)
    try:
        return store.query(text)
    except QueryError as e:
        raise QueryError(f"{question.name}: {e}") from e


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
