"""`kg serve` (issue 15, finding 3): the store as a read-only SPARQL 1.1 endpoint on loopback.

Every test talks to a real server on a free port with a real HTTP client (urllib,
rdflib's SPARQLStore, kg's own remote store); nothing is mocked.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.query import load_question, run_question
from kg.rdf.store import open_store
from kg.serve import ServeOptions, Server
from tests.servers import Listener, free_port

runner = CliRunner()
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy from the environment
LEADS = "SELECT DISTINCT ?s ?o WHERE { ?s kg:leads ?o } ORDER BY ?s ?o"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Reply:
    def __init__(self, status: int, content_type: str, body: bytes, headers: dict[str, str]) -> None:
        self.status, self.content_type, self.body, self.headers = status, content_type, body, headers

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
            method: str | None = None) -> Reply:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with _OPENER.open(req, timeout=60) as response:
            return Reply(response.status, response.headers.get("Content-Type", ""), response.read(),
                         dict(response.headers))
    except urllib.error.HTTPError as e:
        return Reply(e.code, e.headers.get("Content-Type", ""), e.read(), dict(e.headers))


def get(url: str, query: str, accept: str | None = None) -> Reply:
    return request(f"{url}/sparql?{urlencode({'query': query})}", headers={"Accept": accept} if accept else {})


def post_form(url: str, fields: dict[str, str], accept: str | None = None) -> Reply:
    headers = {"Content-Type": "application/x-www-form-urlencoded"} | ({"Accept": accept} if accept else {})
    return request(f"{url}/sparql", data=urlencode(fields).encode(), headers=headers)


@pytest.fixture(scope="module")
def endpoint(seed_store: Path) -> Iterator[str]:
    with Server(seed_store, ServeOptions(port=0, workers=2, timeout=20)) as server:
        yield server.url


@pytest.fixture(scope="module")
def expected(seed_store: Path) -> list[tuple[str | None, ...]]:
    with open_store(seed_store, read_only=True) as store:
        return list(run_question(store, load_question(LEADS)).rows)


def rows_of(reply: Reply, fmt: ox.QueryResultsFormat) -> list[tuple[str | None, ...]]:
    parsed = ox.parse_query_results(reply.body, format=fmt)
    assert isinstance(parsed, ox.QuerySolutions)
    names = [v.value for v in parsed.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in parsed]


def test_get_answers_sparql_json_by_default(endpoint: str, expected: list[tuple[str | None, ...]]) -> None:
    reply = get(endpoint, LEADS)
    assert reply.status == 200 and reply.content_type.startswith("application/sparql-results+json")
    assert rows_of(reply, ox.QueryResultsFormat.JSON) == expected
    assert reply.headers["Server"].startswith("kg/")


@pytest.mark.parametrize(("accept", "fmt"), [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", ox.QueryResultsFormat.XML),
])
def test_the_accept_header_chooses_the_results_format(endpoint: str, expected: list[tuple[str | None, ...]],
                                                      accept: str, fmt: ox.QueryResultsFormat) -> None:
    reply = post_form(endpoint, {"query": LEADS}, accept)
    assert reply.status == 200
    assert reply.content_type.split(";")[0] == accept.split(",")[-1].split(";")[0].strip()
    assert rows_of(reply, fmt) == expected


def test_csv_answers_plain_values(endpoint: str, expected: list[tuple[str | None, ...]]) -> None:
    reply = get(endpoint, LEADS, "text/csv")
    assert reply.content_type.startswith("text/csv")
    lines = reply.text.split("\r\n")
    assert lines[0] == "s,o" and [tuple(line.split(",")) for line in lines[1:-1]] == expected


def test_a_query_as_the_post_body(endpoint: str, expected: list[tuple[str | None, ...]]) -> None:
    reply = request(f"{endpoint}/sparql", data=LEADS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert reply.status == 200 and rows_of(reply, ox.QueryResultsFormat.JSON) == expected


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", ox.RdfFormat.TURTLE),
                                             ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                                             (None, ox.RdfFormat.TURTLE)])
def test_construct_answers_rdf(endpoint: str, expected: list[tuple[str | None, ...]], accept: str | None,
                               fmt: ox.RdfFormat) -> None:
    reply = get(endpoint, "CONSTRUCT WHERE { ?s kg:leads ?o }", accept)
    assert reply.status == 200 and reply.content_type.split(";")[0] == (accept or "text/turtle")
    triples = {(t.subject.value, t.object.value) for t in ox.parse(reply.body, format=fmt)}
    assert triples == set(expected)


def test_describe_answers_rdf(endpoint: str) -> None:
    reply = get(endpoint, "DESCRIBE <https://kg.example.org/entity/Q7747>", "application/n-triples")
    assert reply.status == 200 and reply.content_type == "application/n-triples"
    subjects = {t.subject.value for t in ox.parse(reply.body, format=ox.RdfFormat.N_TRIPLES)}
    assert subjects == {"https://kg.example.org/entity/Q7747"}


def test_ask_and_a_chosen_dataset(endpoint: str) -> None:
    assert json.loads(get(endpoint, "ASK { ?s kg:leads ?o }").body) == {"head": {}, "boolean": True}
    only_ontology = post_form(endpoint, {"query": "ASK { ?s kg:leads ?o }",
                                         "default-graph-uri": "https://kg.example.org/graph/ontology"})
    assert json.loads(only_ontology.body)["boolean"] is False


def test_the_graph_page_is_at_the_root(endpoint: str) -> None:
    reply = request(f"{endpoint}/")
    assert reply.status == 200 and reply.content_type.startswith("text/html")
    assert "Vladimir Putin" in reply.text and "vis-network" in reply.text


@pytest.mark.parametrize(("how", "message"), [
    ({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, "read-only"),
    ({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, "INSERT is an update"),
    ({"query": "PREFIX ex: <urn:x> LOAD <http://127.0.0.1:9/data.ttl>"}, "LOAD is an update"),
    ({"query": "DROP ALL"}, "DROP is an update"),
])
def test_updates_are_refused(endpoint: str, how: dict[str, str], message: str) -> None:
    reply = post_form(endpoint, how)
    assert reply.status == 403 and message in reply.text
    assert json.loads(get(endpoint, "ASK { <urn:a> ?p ?o }").body)["boolean"] is False


def test_a_sparql_update_body_is_refused(endpoint: str) -> None:
    reply = request(f"{endpoint}/sparql", data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert reply.status == 403
    assert json.loads(get(endpoint, "ASK { ?s kg:leads ?o }").body)["boolean"] is True


def test_service_is_refused_and_sends_nothing(endpoint: str) -> None:
    listener = Listener()
    try:
        reply = get(endpoint, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}")
    finally:
        listener.close()
    assert reply.status == 403 and "SERVICE" in reply.text
    assert listener.requests == []


@pytest.mark.parametrize(("query", "status", "message"), [
    ("SELECT WHERE {", 400, "SPARQL syntax error"),
    ("", 400, "exactly one query"),
])
def test_bad_queries_are_400(endpoint: str, query: str, status: int, message: str) -> None:
    reply = get(endpoint, query)
    assert reply.status == status and message in reply.text


def test_a_dataset_that_is_not_an_iri_is_400(endpoint: str) -> None:
    reply = post_form(endpoint, {"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert reply.status == 400 and "must be IRIs" in reply.text


def test_an_unknown_page_is_404_and_an_unreadable_body_415(endpoint: str) -> None:
    assert request(f"{endpoint}/nothing").status == 404
    assert request(f"{endpoint}/sparql", data=b"{}", headers={"Content-Type": "application/json"}).status == 415


def test_a_slow_query_is_stopped_and_the_server_goes_on(seed_store: Path) -> None:
    with Server(seed_store, ServeOptions(port=0, workers=1, timeout=1.5)) as server:
        started = time.monotonic()
        reply = get(server.url, SLOW)
        assert reply.status == 503 and "longer than this server's limit of 1.5 s" in reply.text
        assert time.monotonic() - started < 60
        assert get(server.url, "ASK { ?s ?p ?o }").status == 200  # a fresh worker took the killed one's place


def test_a_large_answer_is_refused(seed_store: Path) -> None:
    with Server(seed_store, ServeOptions(port=0, workers=1, max_bytes=4096)) as server:
        big = get(server.url, "SELECT * WHERE { ?s ?p ?o }")
        assert big.status == 500 and "larger than this server's limit of 4096 bytes" in big.text
        assert get(server.url, "SELECT * WHERE { ?s ?p ?o } LIMIT 2").status == 200


def test_concurrent_clients_get_their_own_answers(endpoint: str, expected: list[tuple[str | None, ...]]) -> None:
    """8 clients x 25 queries, mixed with page loads; no timing asserts (bench/bench_serve.py measures)."""
    failures: list[str] = []

    def client(number: int) -> None:
        for i in range(25):
            if i % 5 == 4:
                reply = request(f"{endpoint}/")
                ok = reply.status == 200 and b"vis-network" in reply.body
            else:
                limit = 1 + (number + i) % len(expected)
                reply = get(endpoint, f"{LEADS} LIMIT {limit}")
                ok = reply.status == 200 and rows_of(reply, ox.QueryResultsFormat.JSON) == expected[:limit]
            if not ok:
                failures.append(f"client {number} query {i}: {reply.status} {reply.body[:200]!r}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_rdflib_sparqlstore_queries_it(endpoint: str, expected: list[tuple[str | None, ...]]) -> None:
    graph = Graph(store=SPARQLStore(f"{endpoint}/sparql", returnFormat="json"))
    rows = graph.query("SELECT DISTINCT ?s ?o WHERE { ?s <https://kg.example.org/ontology#leads> ?o } ORDER BY ?s ?o")
    assert [(str(s), str(o)) for s, o in rows] == expected  # type: ignore[misc]


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", ["json", "xml", "csv"])
def test_sparqlwrapper_queries_it(endpoint: str, expected: list[tuple[str | None, ...]], method: str,
                                  fmt: str) -> None:
    from SPARQLWrapper import CSV, JSON, POST, XML, SPARQLWrapper

    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(LEADS.replace("kg:leads", "<https://kg.example.org/ontology#leads>"))
    client.setReturnFormat({"json": JSON, "xml": XML, "csv": CSV}[fmt])
    if method == "POST":
        client.setMethod(POST)
    converted = client.query().convert()
    if fmt == "json":
        rows = [(b["s"]["value"], b["o"]["value"]) for b in converted["results"]["bindings"]]  # type: ignore[index]
    elif fmt == "xml":
        rows = [(r[0].firstChild.data, r[1].firstChild.data)  # type: ignore[union-attr]
                for r in ([u for u in result.getElementsByTagName("uri")]
                          for result in converted.getElementsByTagName("result"))]  # type: ignore[union-attr]
    else:
        rows = [tuple(line.split(",")) for line in converted.decode().split("\r\n")[1:-1]]  # type: ignore[union-attr]
    assert rows == expected


def test_kgs_remote_store_queries_it(endpoint: str, seed_store: Path) -> None:
    served = runner.invoke(app, ["query", "top-actors", "--store", endpoint, "--format", "csv"])
    local = runner.invoke(app, ["query", "top-actors", "--store", str(seed_store), "--format", "csv"])
    assert served.exit_code == 0, served.output
    assert served.stdout == local.stdout and len(served.stdout.splitlines()) > 3


@pytest.mark.parametrize("store", [":memory:", "http://127.0.0.1:9"])
def test_only_a_store_folder_can_be_served(store: str) -> None:
    with pytest.raises(StoreError, match="serves a store folder"):
        Server(store, ServeOptions(port=0))


def test_kg_serve_runs_from_the_command_line_until_ctrl_c(seed_store: Path) -> None:
    port = free_port()
    kg = Path(sys.executable).parent / "kg"
    env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([str(kg), "serve", "--store", str(seed_store), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(f"Serving {seed_store} at http://127.0.0.1:{port}/"), first
        reply = get(f"http://127.0.0.1:{port}", "ASK { ?s kg:leads ?o }")
        assert json.loads(reply.body) == {"head": {}, "boolean": True}
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr


def test_a_port_in_use_is_one_line(seed_store: Path, endpoint: str) -> None:
    port = endpoint.rsplit(":", 1)[1]
    result = runner.invoke(app, ["serve", "--store", str(seed_store), "--port", port])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kg: error: cannot listen on 127.0.0.1:{port}") and result.stderr.count("\n") == 1
