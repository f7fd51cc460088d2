"""kg against real SPARQL servers started here on loopback: Oxigraph server and OpenLink Virtuoso.

Each server starts once for the session (tests/servers). Every test builds what it
reads, so the tests do not depend on their order. A missing server program fails
the tests and names the package to install: `make test` installs both.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

import kg
import kg.builder
from kg.api import extract, stats_of
from kg.errors import QueryError, StoreError
from kg.query import Question, bundled_questions, load_question, run_question
from kg.rdf.model import extraction_graph
from kg.rdf.remote import RemoteStore, is_remote, resolve_endpoints
from kg.rdf.store import MEMORY, KGStore, open_store
from tests.conftest import ARTICLES, SEED
from tests.servers import (VIRTUOSO_MAX_ROWS, VIRTUOSO_PASSWORD, VIRTUOSO_USER, MissingServer, failing_server,
                           free_port, oxigraph_server, virtuoso_server)

SEED_GRAPH = "https://kg.example.org/article/seed-csto-kazakhstan"
ONTOLOGY_GRAPH = "https://kg.example.org/graph/ontology"
ENTITY_GRAPH = "https://kg.example.org/graph/entities"


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    try:
        with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
            yield url
    except MissingServer as e:
        pytest.fail(str(e))


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    try:
        with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
            yield url
    except MissingServer as e:
        pytest.fail(str(e))


def _with_user(url: str) -> str:
    return url.replace("http://", f"http://{VIRTUOSO_USER}:{VIRTUOSO_PASSWORD}@")


#: Each way of reaching each server: its name, and how to make the location from the server's URL.
LOCATIONS = {
    "oxigraph": lambda url: url,                                         # kg asks the server what it is
    "oxigraph-update-only": lambda url: f"oxigraph+{url}/query?store=none",  # SPARQL Update, no Graph Store
    "virtuoso": lambda url: _with_user(url),                             # asks; -auth endpoints, Digest
    "virtuoso-generic": lambda url: f"sparql+{_with_user(url)}/sparql-auth",  # any SPARQL 1.1 server
    # reads anonymously, writes through endpoints that ask for the user (Digest)
    "virtuoso-endpoints": lambda url: (f"sparql+{_with_user(url)}/sparql"
                                       "?update=/sparql-auth&store=/sparql-graph-crud-auth"),
}


@pytest.fixture(params=list(LOCATIONS))
def remote(request: pytest.FixtureRequest) -> str:
    """A store location on one of the two servers, reached one of the ways above."""
    server_url = request.getfixturevalue("virtuoso_url" if request.param.startswith("virtuoso") else "oxigraph_url")
    return LOCATIONS[request.param](server_url)


class _FrozenClock(datetime):
    """A build stamps each article with the time it was extracted; both stores get the same time."""

    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return datetime(2022, 1, 11, 8, 30, 15, tzinfo=timezone.utc)


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.builder, "datetime", _FrozenClock)


@pytest.fixture(scope="session")
def embedded_answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str | None, ...]]]:
    """The bundled questions' answers from the embedded store built from the seed article."""
    path = tmp_path_factory.mktemp("embedded") / "store"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.builder, "datetime", _FrozenClock)
        kg.build([SEED], store=path)
    with open_store(path, read_only=True) as store:
        return {name: sorted(run_question(store, q).rows, key=repr) for name, q in bundled_questions().items()}


# ------------------------------------------------------------- the same answers


def test_the_bundled_questions_get_the_embedded_stores_answers(remote: str, embedded_answers: dict,
                                                               frozen_clock: None) -> None:
    with open_store(remote) as store:  # a graph left by another test would count as up to date
        store.remove_graph(SEED_GRAPH)
    kg.build([SEED], store=remote)
    with open_store(remote, read_only=True) as store:
        answers = {name: sorted(run_question(store, q).rows, key=repr) for name, q in bundled_questions().items()}
    for name, rows in embedded_answers.items():
        assert rows, f"{name} has no answer even in the embedded store"
        assert answers[name] == rows, name


def test_a_loaded_dump_gets_the_embedded_stores_answers(remote: str, embedded_answers: dict,
                                                      tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.builder, "datetime", _FrozenClock)
        kg.build([SEED], store=tmp_path / "built")
    with open_store(tmp_path / "built", read_only=True) as built:
        (tmp_path / "seed.nq").write_bytes(built.dump("nq"))
    with open_store(remote) as store:  # an older seed graph with an extra triple must not survive
        store._update(f"INSERT DATA {{ GRAPH <{SEED_GRAPH}> {{ <urn:x:stale> <urn:x:p> <urn:x:o> }} }}")
    kg.load([tmp_path / "seed.nq"], remote)
    with open_store(remote, read_only=True) as store:
        answers = {name: sorted(run_question(store, q).rows, key=repr) for name, q in bundled_questions().items()}
        assert store.query("ASK { <urn:x:stale> ?p ?o }").rows == (("false",),)
    assert answers == embedded_answers


def test_building_twice_leaves_the_same_triples(remote: str) -> None:
    first = kg.build([SEED], store=remote).stats
    second = kg.build([SEED], store=remote).stats
    assert first.triples == second.triples > 100
    with open_store(remote) as store:
        assert {SEED_GRAPH, ONTOLOGY_GRAPH} <= set(store.graph_names())
        assert len(store) == second.triples


def test_stats_match_the_embedded_store(remote: str) -> None:
    remote_stats = kg.build([SEED], store=remote).stats
    with open_store(remote) as store:  # graphs other tests may have left are removed first
        for name in store.graph_names():
            if name not in (SEED_GRAPH, ONTOLOGY_GRAPH, ENTITY_GRAPH):
                store.remove_graph(name)
        store.refresh_entities()
        remote_stats = stats_of(store)
    local = kg.build([SEED], store=MEMORY).stats
    assert (remote_stats.articles, remote_stats.entities, remote_stats.relations, remote_stats.evidence,
            remote_stats.triples) == (local.articles, local.entities, local.relations, local.evidence, local.triples)
    assert "@" not in remote_stats.store and VIRTUOSO_PASSWORD + "@" not in remote_stats.store


def test_remove_graph_removes_exactly_that_graph(remote: str) -> None:
    kg.build([SEED], store=remote)
    with open_store(remote) as store:
        before = len(store)
        seed_triples = len(store.query(f"SELECT * WHERE {{ GRAPH <{SEED_GRAPH}> {{ ?s ?p ?o }} }}").rows)
        store.remove_graph(SEED_GRAPH)
        assert SEED_GRAPH not in store.graph_names()
        assert ONTOLOGY_GRAPH in store.graph_names()
        assert len(store) == before - seed_triples
        store.remove_graph(SEED_GRAPH)  # removing what is not there is no error


def test_a_dump_is_the_embedded_stores_dump(remote: str) -> None:
    graphs = [extraction_graph(x) for x in extract([ARTICLES])[0]]
    local = open_store(MEMORY)
    with open_store(remote) as store:
        for name in store.graph_names():
            store.remove_graph(name)
        for target in (local, store):
            target.load_ontology()
            for graph in graphs:
                target.replace_graph(graph)
        ours, theirs = (Dataset().parse(data=s.dump("nq"), format="nquads") for s in (store, local))
        assert {str(g.identifier) for g in ours.graphs()} == {str(g.identifier) for g in theirs.graphs()}
        for graph in theirs.graphs():
            assert isomorphic(ours.graph(graph.identifier), graph), graph.identifier
        assert len(list(store.dataset.quads((None, None, None, None)))) == len(store) == len(local)
        assert Graph().parse(data=store.dump("ttl"), format="turtle")


def test_ask_and_construct_answer_like_the_embedded_store(remote: str) -> None:
    graph = extraction_graph(extract([SEED])[0][0])
    local = open_store(MEMORY)
    local.replace_graph(graph)
    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{SEED_GRAPH}> {{ ?s ?p ?o }} }}"
    with open_store(remote) as store:
        store.replace_graph(graph)
        assert store.query("ASK { ?s a <https://kg.example.org/ontology#Article> }").rows == (("true",),)
        assert store.query("ASK { ?s a <https://kg.example.org/ontology#Nothing> }").rows == (("false",),)
        result = store.query(construct)
        assert result.variables == ("subject", "predicate", "object")
        assert sorted(result.rows) == sorted(local.query(construct).rows)
        assert len(result.rows) == len(graph)


def test_a_query_without_prefix_declarations_and_typed_answers(remote: str) -> None:
    """kg's predeclared prefixes reach a server as PREFIX lines; datatypes come back as the embedded store's."""
    graph = extraction_graph(extract([SEED])[0][0])
    local = open_store(MEMORY)
    local.replace_graph(graph)
    asked = load_question("SELECT ?e ?c WHERE { ?e a kg:Evidence ; kg:confidence ?c ; kg:article ?a . "
                          "?a kg:articleId $id } ORDER BY ?e")
    with open_store(remote) as store:
        store.replace_graph(graph)
        answer = run_question(store, Question("x", asked.text, params={"id": ""}), {"id": "seed-csto-kazakhstan"})
    expected = run_question(local, Question("x", asked.text, params={"id": ""}), {"id": "seed-csto-kazakhstan"})
    assert answer.rows == expected.rows and answer.rows
    assert {t[1].datatype for t in answer.terms} == {t[1].datatype for t in expected.terms}  # type: ignore[union-attr]


def test_literals_come_back_as_the_embedded_store_writes_them(remote: str) -> None:
    graph = Graph(identifier=URIRef("https://kg.example.org/graph/test-literals"))
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for i, (value, datatype) in enumerate([
            ("0.80", "decimal"), ("1.0", "decimal"), ("true", "boolean"), ("false", "boolean"), ("1.5E0", "double"),
            ("042", "integer"), ("2022-01-10", "date"), ("2022-01-10T05:06:07.500+00:00", "dateTime"),
            ("2022-01-10T05:06:07+07:00", "dateTime"), ("https://example.org/a", "anyURI")]):
        graph.add((URIRef(f"https://kg.example.org/x/{i}"), URIRef("https://kg.example.org/p"),
                   Literal(value, datatype=URIRef(xsd + datatype))))
    graph.add((URIRef("https://kg.example.org/x/l"), URIRef("https://kg.example.org/p"),
               Literal("Nursultan Nazarbayev — ü é ğ \"q\" \\ \n", lang="id")))
    query = "SELECT ?s ?o WHERE { ?s <https://kg.example.org/p> ?o } ORDER BY ?s"
    local = open_store(MEMORY)
    local.replace_graph(graph)
    with open_store(remote) as store:
        store.replace_graph(graph)
        try:
            assert store.query(query).rows == local.query(query).rows
        finally:
            store.remove_graph(str(graph.identifier))


# ------------------------------------------------------------- errors: one clear message each


def test_a_server_that_is_down_is_one_clear_error() -> None:
    port = free_port()
    for location in (f"http://127.0.0.1:{port}", f"oxigraph+http://127.0.0.1:{port}"):
        with pytest.raises(StoreError, match=r"cannot reach the SPARQL server at .*: connection refused; "
                                             r"start it or check --store"):
            kg.build([SEED], store=location)


def test_a_server_that_answers_an_error_is_one_clear_error() -> None:
    with failing_server("error") as url:
        with pytest.raises(StoreError, match=r"HTTP 500: boom: the disk is full\); the graph there is as it was"):
            kg.build([SEED], store=f"sparql+{url}/sparql")
        with pytest.raises(QueryError, match=r"failed to run the query \(HTTP 500: boom: the disk is full\)"):
            open_store(f"sparql+{url}/sparql").query("SELECT * WHERE { ?s ?p ?o }")


def test_a_server_that_never_answers_times_out_with_a_clear_error() -> None:
    with failing_server("hang") as url:
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"did not answer within 0.5 s; .*\?timeout=SECONDS"):
            open_store(f"sparql+{url}/sparql?timeout=0.5").query("ASK {}")
        assert time.monotonic() - started < 5


def test_a_sparql_syntax_error_is_a_query_error(remote: str) -> None:
    with open_store(remote, read_only=True) as store, pytest.raises(QueryError, match=r"HTTP 400.*check the query"):
        store.query("SELECT ?x WHERE { ?x }")


def test_a_rejected_write_leaves_the_graph_as_it_was(oxigraph_url: str) -> None:
    kg.build([SEED], store=oxigraph_url)
    bad = Graph(identifier=URIRef(SEED_GRAPH))
    bad.add((URIRef("https://kg.example.org/x"), URIRef("https://kg.example.org/p"), Literal("kept?")))
    bad.add((URIRef("no-scheme"), URIRef("https://kg.example.org/p"), Literal("x")))  # the server refuses this
    with open_store(oxigraph_url) as store:
        before = len(store)
        with pytest.raises(StoreError, match=r"refused the write \(HTTP 400: .*\); the graph there is as it was"):
            store.replace_graph(bad)
        assert len(store) == before


def test_virtuoso_without_a_user_says_how_to_write(virtuoso_url: str) -> None:
    # No user: Virtuoso's anonymous endpoints, which may only read. Through the Graph Store
    # it answers 403; through SPARQL Update, 500 "SR186:SECURITY". Both say the same to the user.
    for location in (virtuoso_url, f"virtuoso+{virtuoso_url}?store=none"):
        with open_store(location) as store:
            with pytest.raises(StoreError, match="refused to let anonymous requests write to it .*SECURITY.*; "
                                                 "give a user with the SPARQL_UPDATE role .*KG_STORE_USER"):
                store.load_ontology()
            assert store.query("ASK {}").rows == (("true",),)


def test_an_answer_virtuoso_cuts_short_is_an_error_not_a_wrong_answer(virtuoso_url: str) -> None:
    big = Graph(identifier=URIRef("https://kg.example.org/graph/test-big"))
    for i in range(VIRTUOSO_MAX_ROWS + 10):
        big.add((URIRef(f"https://kg.example.org/x/{i}"), URIRef("https://kg.example.org/p"), Literal(i)))
    every = f"SELECT ?s WHERE {{ GRAPH <{big.identifier}> {{ ?s ?p ?o }} }}"
    with open_store(_with_user(virtuoso_url)) as store:
        store.replace_graph(big)
        try:
            with pytest.raises(QueryError, match=f"cut the answer at {VIRTUOSO_MAX_ROWS} rows.*ResultSetMaxRows"):
                store.query(every)
            assert len(store.query(every + f" LIMIT {VIRTUOSO_MAX_ROWS}").rows) == VIRTUOSO_MAX_ROWS
            with pytest.raises(StoreError, match=r"sent \d+ of its \d+ triples.*ResultSetMaxRows"):
                store.dump("nq")
        finally:
            store.remove_graph(str(big.identifier))


def test_a_wrong_password_says_where_credentials_go(virtuoso_url: str) -> None:
    location = virtuoso_url.replace("http://", f"virtuoso+http://{VIRTUOSO_USER}:wrong@")
    with pytest.raises(StoreError, match=r"refused to let user 'dba' .*HTTP 401.*KG_STORE_PASSWORD"):
        open_store(location).query("ASK {}")


def test_a_read_only_remote_store_refuses_writes(oxigraph_url: str) -> None:
    with open_store(oxigraph_url, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.remove_graph(SEED_GRAPH)


# ------------------------------------------------------------- locations


def test_locations_name_the_endpoints() -> None:
    oxi = resolve_endpoints("oxigraph", "http://h:7878", {}, authenticated=False)
    assert (oxi.query, oxi.update, oxi.store, oxi.union_parameter) == (
        "http://h:7878/query", "http://h:7878/update", "http://h:7878/store", True)
    virtuoso = resolve_endpoints("virtuoso", "http://h:8890", {}, authenticated=True)
    assert (virtuoso.query, virtuoso.update, virtuoso.store) == (
        "http://h:8890/sparql-auth", "http://h:8890/sparql-auth", "http://h:8890/sparql-graph-crud-auth")
    generic = resolve_endpoints("sparql", "http://h/ds/query", {"update": "/ds/update", "store": "/ds/data"},
                                authenticated=False)
    assert (generic.query, generic.update, generic.store) == ("http://h/ds/query", "http://h/ds/update",
                                                              "http://h/ds/data")
    assert resolve_endpoints("sparql", "http://h/sparql", {}, authenticated=False).store is None
    assert is_remote("http://h:7878") and is_remote("virtuoso+https://h") and not is_remote("kg-out/store")
    assert not is_remote(":memory:") and not is_remote("ftp://h")


def test_credentials_come_from_the_url_or_the_environment_and_are_never_shown() -> None:
    store = RemoteStore("virtuoso+http://me:s%40cret@h:8890", env={})
    assert store._auth == ("me", "s@cret") and store.location == "virtuoso+http://h:8890"
    store = RemoteStore("virtuoso+http://h:8890", env={"KG_STORE_USER": "dba", "KG_STORE_PASSWORD": "pw"})
    assert store._auth == ("dba", "pw") and store.endpoints.update.endswith("/sparql-auth")
    assert RemoteStore("virtuoso+http://h:8890", env={})._auth is None


def test_a_bad_location_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="unknown option"):
        RemoteStore("oxigraph+http://h:7878?updte=/u", env={})
    with pytest.raises(StoreError, match="not a number of seconds"):
        RemoteStore("oxigraph+http://h:7878?timeout=soon", env={})
    with pytest.raises(StoreError, match="names no host"):
        RemoteStore("http://", env={})


def test_kg_store_may_name_a_server(oxigraph_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE", oxigraph_url)
    kg.build([SEED])
    with open_store() as store:
        assert isinstance(store, RemoteStore) and isinstance(store, KGStore)
        assert SEED_GRAPH in store.graph_names()


# ------------------------------------------------------------- the command line


def test_the_cli_builds_into_and_queries_a_server(oxigraph_url: str, tmp_path: Path) -> None:
    from kg.cli import app

    runner = CliRunner()
    built = runner.invoke(app, ["build", str(ARTICLES), "--store", oxigraph_url])
    assert built.exit_code == 0, built.output
    assert f"Store {oxigraph_url}: 2 articles" in built.output
    asked = runner.invoke(app, ["query", "top-actors", "--store", oxigraph_url, "--format", "csv"])
    assert asked.exit_code == 0, asked.output
    kg.build([ARTICLES], store=tmp_path / "store")
    local = runner.invoke(app, ["query", "top-actors", "--store", str(tmp_path / "store"), "--format", "csv"])
    assert sorted(asked.output.splitlines()) == sorted(local.output.splitlines())
    assert "Kassym-Jomart Tokayev,Person" in asked.output


def test_the_cli_reports_a_down_server_on_one_line() -> None:
    from kg.cli import app

    result = CliRunner().invoke(app, ["query", "top-actors", "--store", f"http://127.0.0.1:{free_port()}"])
    assert result.exit_code == 1
    assert "kg: error: cannot reach the SPARQL server" in result.output
    assert "Traceback" not in result.output
