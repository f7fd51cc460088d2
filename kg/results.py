"""Query results in the W3C SPARQL results formats, and as pandas DataFrames.

`kg query --format json|xml|csv|tsv` writes the standard formats, so any SPARQL
tool (and pandas) reads what kg prints: SPARQL 1.1 Query Results JSON keeps each
value's datatype and language, TSV writes terms as Turtle (numbers bare), CSV
writes plain values. kg builds the JSON from the result's terms and lets
pyoxigraph's serialisers, which follow the specifications, write the others
from it, so the four always agree.

`to_dataframe` gives numeric columns numeric dtypes (xsd:integer and its kin as
Int64, decimals and doubles as float64, booleans as boolean) and dates dates
(xsd:date as datetime64, xsd:dateTime as UTC datetime64): pandas' own readers
would see strings. pandas is optional: without it `to_dataframe` says how to get it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.base import QueryResult, Term

if TYPE_CHECKING:
    import pandas

__all__ = ["RESULT_FORMATS", "MEDIA_TYPES", "serialize_result", "to_dataframe"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = _XSD + "string"
_OX_FORMATS = {"xml": ox.QueryResultsFormat.XML, "csv": ox.QueryResultsFormat.CSV,
               "tsv": ox.QueryResultsFormat.TSV}
#: The results formats kg writes, by the name `--format` takes.
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
MEDIA_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
_INTEGERS = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_FLOATS = frozenset(_XSD + t for t in ("decimal", "double", "float"))


def serialize_result(result: QueryResult, fmt: str) -> bytes:
    """`result` in a W3C SPARQL results format: json, xml, csv or tsv."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown results format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")
    data = json.dumps(_json_document(result), ensure_ascii=False).encode("utf-8")
    if fmt == "json":
        return data
    if result.boolean is not None and fmt != "xml":  # the CSV/TSV specifications have no form for ASK
        return f"answer\r\n{str(result.boolean).lower()}\r\n".encode() if fmt == "csv" else \
            f"?answer\n{str(result.boolean).lower()}\n".encode()
    parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=_OX_FORMATS[fmt]) or b""


def to_dataframe(result: QueryResult) -> pandas.DataFrame:
    """The result as a DataFrame, one column per variable, numbers and booleans typed."""
    try:
        import pandas as pd
    except ImportError as e:
        raise QueryError("kg.query_df needs pandas, which kg does not install by itself; "
                         "pip install pandas (or kg's notebook extra)") from e
    terms = result.terms or tuple(tuple(None if v is None else ox.Literal(v) for v in row) for row in result.rows)
    frame = pd.DataFrame({name: [_python(row[i]) for row in terms] for i, name in enumerate(result.variables)},
                         columns=list(result.variables))
    for i, name in enumerate(result.variables):
        kinds = {_kind(row[i]) for row in terms if row[i] is not None}
        if kinds == {"integer"}:
            frame[name] = frame[name].astype("Int64")
        elif kinds and kinds <= {"integer", "float"}:
            frame[name] = frame[name].astype("float64")
        elif kinds == {"boolean"}:
            frame[name] = frame[name].astype("boolean")
        elif kinds in ({"date"}, {"dateTime"}):
            frame[name] = pd.to_datetime(frame[name], utc=kinds == {"dateTime"}, errors="coerce")
    return frame


def _json_document(result: QueryResult) -> dict[str, Any]:
    if result.boolean is not None:
        return {"head": {}, "boolean": result.boolean}
    terms = result.terms or tuple(tuple(None if v is None else ox.Literal(v) for v in row) for row in result.rows)
    bindings = [{name: _json_term(term) for name, term in zip(result.variables, row) if term is not None}
                for row in terms]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _kind(term: Term | None) -> str:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGERS:
            return "integer"
        if datatype in _FLOATS:
            return "float"
        if datatype == _XSD + "boolean":
            return "boolean"
        if datatype in (_XSD + "date", _XSD + "dateTime"):
            return datatype[len(_XSD):]
    return "text"


def _python(term: Term | None) -> object:
    """A term as the Python value a DataFrame cell holds: numbers for numbers, text otherwise."""
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value if isinstance(term, ox.NamedNode) else str(term)
    kind = _kind(term)
    try:
        if kind == "integer":
            return int(term.value)
        if kind == "float":
            return float(Decimal(term.value)) if term.datatype.value == _XSD + "decimal" else float(term.value)
        if kind == "boolean":
            return term.value in ("true", "1")
    except (ValueError, ArithmeticError):
        return term.value
    return term.value
