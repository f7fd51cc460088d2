"""The read paths' queries join every required pattern before their OPTIONALs.

A required pattern written after an OPTIONAL is, in SPARQL's algebra, a join whose
left side is the optional part (Join(LeftJoin(...), ...)). Oxigraph then evaluates
it as written: on 1,000 articles the page's evidence query with `?a kg:articleId`
after two OPTIONALs took 470 s instead of 0.6 s, for the same rows. No timing here:
the shape of each query is checked instead, so the slow form cannot come back.
"""

from __future__ import annotations

from typing import Any

import pytest
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kg.export import page
from kg.query import bundled_questions


def _after_optional(node: Any, path: str = "") -> list[str]:
    """Where in the algebra a join's left side is an OPTIONAL (LeftJoin)."""
    found: list[str] = []
    if isinstance(node, CompValue):
        left = node.get("p1")
        if node.name == "Join" and isinstance(left, CompValue) and left.name == "LeftJoin":
            found.append(f"{path}/Join")
        for value in node.values():
            found += _after_optional(value, f"{path}/{node.name}")
    elif isinstance(node, (list, tuple)):
        for value in node:
            found += _after_optional(value, path)
    return found


_PAGE = {name: getattr(page, name).replace("%s", "") for name in ("_NODES", "_EDGES", "_LINKS")}
_QUESTIONS = {name: question.text for name, question in bundled_questions().items()}


@pytest.mark.parametrize("name", sorted(_PAGE) + sorted(_QUESTIONS))
def test_no_required_pattern_follows_an_optional(name: str) -> None:
    text = _PAGE.get(name) or _QUESTIONS[name]
    assert _after_optional(prepareQuery(text).algebra) == [], f"{name}: move required patterns above the OPTIONALs"


def test_the_check_sees_a_required_pattern_after_an_optional() -> None:
    slow = prepareQuery("SELECT * WHERE { ?e <urn:p> ?a OPTIONAL { ?e <urn:q> ?c } ?a <urn:r> ?x }")
    assert _after_optional(slow.algebra)
