"""Queries that cannot be rewritten (issue 15, finding 4).

A parameter is bound as one value: it cannot name another parameter, end its
string, or add a SERVICE call. Raw SPARQL that calls SERVICE is refused unless
`--allow-service`; an error while the answer is read is one line. The SERVICE
tests listen on a real loopback socket and check that it receives no request
(and, where SERVICE is allowed, that it does, so the listener can tell).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.query import Question, load_question, run_question
from kg.rdf.sparql import bind_parameters, tokens, uses_service
from kg.rdf.store import MEMORY, open_store
from tests.servers import Listener

runner = CliRunner()

NASTY = [
    "Putin",
    '") } SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } #',
    "$object",
    "a\\\"b",
    "line one\nline two\r\n",
    "'''",
    '"""',
    "# not a comment",
    "<http://example.org/x>",
    "Владимир Путин \u200b",
]


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.mark.parametrize("value", NASTY)
def test_a_value_comes_back_exactly_as_given(value: str) -> None:
    question = Question(name="echo", text="SELECT ($v AS ?x) WHERE {}", params={"v": ""})
    with open_store(MEMORY) as store:
        assert run_question(store, question, {"v": value}).rows == ((value,),)


@pytest.mark.parametrize("value", NASTY)
def test_binding_replaces_each_parameter_by_exactly_one_string(value: str) -> None:
    text = 'SELECT * { ?s ?p $a FILTER(?p = $b) } # $a stays in comments\n# and in "strings $a"'
    bound = tokens(bind_parameters(text, {"a": value, "b": "$a"}))
    original = tokens(text)
    assert len(bound) == len(original)
    changed = [(before, after) for before, after in zip(original, bound) if before != after]
    assert [before for before, _ in changed] == [("var", "$a"), ("var", "$b")]
    assert all(after[0] == "string" for _, after in changed)


@pytest.fixture
def labels_question(tmp_path: Path) -> Question:
    """A question whose one filter takes `subject`; `object` is declared too, as in evidence-for."""
    rq = tmp_path / "labels.rq"
    rq.write_text("# param: subject = Putin\n# param: object = x\n"
                  "SELECT ?label WHERE { GRAPH graph:entities { ?e skos:prefLabel ?label\n"
                  "  FILTER(CONTAINS(LCASE(?label), LCASE($subject))) }\n}\n", encoding="utf-8")
    return load_question(str(rq))


def test_a_parameter_naming_another_does_not_rewrite_the_query(seed_store: Path, labels_question: Question) -> None:
    """Before, `subject=$object` pasted `"$object"`, which the object's value then broke open (every label)."""
    with open_store(seed_store, read_only=True) as store:
        honest = run_question(store, labels_question, {"subject": "putin"}).rows
        crafted = run_question(store, labels_question, {"subject": "$object", "object": ")) || true) } #"}).rows
    assert honest == (("Vladimir Putin",),)
    assert crafted == ()


def test_a_value_holding_service_sends_no_request(seed_store: Path, labels_question: Question,
                                                  listener: Listener) -> None:
    value = f")) || true) SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?a ?b ?c }} }} #"
    with open_store(seed_store, read_only=True) as store:
        assert run_question(store, labels_question, {"subject": "$object", "object": value}).rows == ()
    result = runner.invoke(app, ["query", "evidence-for", "--store", str(seed_store), "--param", "subject=$object",
                                 "--param", f"object={value}", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == []
    assert listener.requests == []


def test_raw_service_is_refused_without_allow_service(seed_store: Path, listener: Listener) -> None:
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}"
    refused = runner.invoke(app, ["query", query, "--store", str(seed_store)])
    assert refused.exit_code == 1
    assert refused.stderr.startswith("kg: error: the query calls SERVICE") and "--allow-service" in refused.stderr
    assert refused.stderr.count("\n") == 1
    assert listener.requests == []
    allowed = runner.invoke(app, ["query", query, "--store", str(seed_store), "--allow-service"])
    assert listener.requests and listener.requests[0].startswith(b"POST /x")  # the listener does hear requests
    assert allowed.exit_code == 1  # it answers nothing: one line, no traceback
    assert allowed.stderr.startswith("kg: error: ") and allowed.stderr.count("\n") == 1
    assert "Traceback" not in allowed.output


def test_a_refused_service_endpoint_is_one_line(seed_store: Path) -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}"
    result = runner.invoke(app, ["query", query, "--store", str(seed_store), "--allow-service"])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1
    with open_store(seed_store, read_only=True) as store, pytest.raises(QueryError, match="SERVICE"):
        run_question(store, load_question(query), allow_service=True)


@pytest.mark.parametrize(("query", "calls"), [
    ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("select * { ?s ?p ?o .service silent ?endpoint { ?s ?p ?o } }", True),
    ('SELECT ("SERVICE" AS ?x) { ?service ex:SERVICE <http://x/SERVICE> } # SERVICE', False),
    ("SELECT * { ?s ?p '''a\nSERVICE <http://x/> {}''' }", False),
])
def test_service_is_found_as_a_keyword_only(query: str, calls: bool) -> None:
    assert uses_service(query) is calls


def _labelled_graph() -> object:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, SKOS

    from kg.rdf.namespace import KG

    graph = Graph(identifier=URIRef("https://kg.example.org/article/a"))
    for key, label in (("Q7747", "Vladimir Putin"), ("Q232", "Kazakhstan"), ("Q159", "Russia")):
        entity = URIRef(f"https://kg.example.org/entity/{key}")
        graph.add((entity, SKOS.prefLabel, Literal(label)))
        graph.add((entity, RDF.type, KG.Person))
    return graph
