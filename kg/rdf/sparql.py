"""SPARQL text as tokens: parameters bound as values, SERVICE found as a keyword, prefixes kg predeclares.

Why a lexer and not pyoxigraph's `substitutions`: Oxigraph 0.5 follows SEP-0007,
which binds a variable only where the top-level SELECT projects it: a question
whose parameter filters inside a subquery (`leaders`, `wikidata`) or feeds an
aggregate is refused or silently matches nothing. rdflib's `initBindings` through
oxrdflib is the same call. So a question's `$name` is bound the way a prepared
statement binds it: the text is cut into SPARQL tokens once (strings, IRIs,
comments and variables are whole tokens), each `$name` token outside them is
replaced by its value serialised as one escaped literal, and the result is cut
again and must give the same tokens with each parameter turned into exactly one
string token. A value is never scanned for parameters (no value can name
another), and no value can end its string, so none can change the query; the
same text goes to the embedded store and to a remote server.

The same tokens tell whether a query calls SERVICE: the keyword can only be a bare
word outside strings, IRIs, comments, prefixed names and variables, so
`"SERVICE"`, `ex:service` or `?service` do not count and nothing can hide it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.namespace import BASE, PREFIXES

__all__ = ["QUERY_PREFIXES", "UPDATE_WORDS", "bind_parameters", "operation", "uses_service", "refuse_service",
           "tokens", "with_prefixes"]

#: Prefixes a query may use without declaring them (`kg query`, `kg serve`, `kg.query_df`).
QUERY_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "prov": "http://www.w3.org/ns/prov#",
    "graph": BASE + "graph/",
}

#: The words an update (rather than a query) can start with, after its prologue.
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})

_TOKEN = re.compile(r'''
    (?P<string>"""(?:"{0,2}(?:[^"\\]|\\.))*"""|'{3}(?:'{0,2}(?:[^'\\]|\\.))*'{3}
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n\r]*)
  | (?P<var>[?$][^\W]\w*)
  | (?P<word>[^\s"'<>\#?$(){}\[\].,;|/^*+!=&-]+)
  | (?P<space>\s+)
  | (?P<other>.)
''', re.VERBOSE | re.DOTALL)


_DECLARED = re.compile(r"\bPREFIX\s+([^\s:]*):", re.IGNORECASE)


def tokens(sparql: str) -> list[tuple[str, str]]:
    """The text as (kind, text) tokens: string, iri, comment, var, word, space or other; they join back to it."""
    return [(match.lastgroup or "other", match.group()) for match in _TOKEN.finditer(sparql)]


def bind_parameters(sparql: str, values: Mapping[str, str]) -> str:
    """`sparql` with each `$name` of `values` replaced by its value as one escaped string literal."""
    literals = {name: str(ox.Literal(value)) for name, value in values.items()}
    expected = [("string", literals[text[1:]]) if kind == "var" and text[0] == "$" and text[1:] in literals
                else (kind, text) for kind, text in tokens(sparql)]
    text = "".join(text for _, text in expected)
    if tokens(text) != expected:  # cannot happen with a correct lexer; refuse rather than run a changed query
        raise QueryError("a parameter value could not be bound safely; report this query to kg's maintainers")
    return text


def uses_service(sparql: str) -> bool:
    """True when the query calls SERVICE, i.e. would make the store send requests elsewhere."""
    return any(kind == "word" and text.upper() == "SERVICE" for kind, text in tokens(sparql))


def refuse_service(sparql: str, *, hint: str = "pass --allow-service if you mean it") -> None:
    """Raise QueryError for a query that calls SERVICE: the store would send requests to other servers."""
    if uses_service(sparql):
        raise QueryError(f"the query calls SERVICE, which makes the store send requests to other servers; {hint}")


def with_prefixes(sparql: str, prefixes: Mapping[str, str]) -> str:
    """`sparql` with a PREFIX line for each of `prefixes` it does not declare itself (for servers
    that take no predeclared prefixes; the embedded store is given them directly)."""
    code = "".join(" " if kind in ("string", "comment", "iri") else text for kind, text in tokens(sparql))
    declared = {match.group(1) for match in _DECLARED.finditer(code)}
    missing = [f"PREFIX {name}: <{iri}>" for name, iri in prefixes.items() if name not in declared]
    return "\n".join(missing + [sparql]) if missing else sparql


def operation(sparql: str) -> str:
    """The first keyword after the prologue, upper-cased: SELECT, ASK, CONSTRUCT, DESCRIBE, or an update's
    (INSERT, LOAD, ...); "" for none."""
    skip = 0
    for kind, text in tokens(sparql):
        if kind in ("space", "comment"):
            continue
        if skip:
            skip -= 1
        elif kind == "word" and text.upper() in ("PREFIX", "BASE"):
            skip = 2 if text.upper() == "PREFIX" else 1  # PREFIX name: <iri>, BASE <iri>
        else:
            return text.upper() if kind == "word" else ""
    return ""
