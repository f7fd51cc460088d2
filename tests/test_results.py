"""SPARQL a user writes (issue 15, finding 5): predeclared prefixes, the W3C results
formats with typed values, DataFrames, and rdflib's view of the store."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pandas as pd
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.errors import KGError, QueryError
from kg.rdf.sparql import QUERY_PREFIXES, with_prefixes
from kg.rdf.store import open_store
from kg.results import serialize_result

runner = CliRunner()
COLUMNS = ["subject", "predicate", "object", "article", "date", "sentence", "confidence", "rule"]
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(("prefix", "iri"), [
    ("kg", "https://kg.example.org/ontology#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("schema", "https://schema.org/"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", XSD),
    ("wd", "http://www.wikidata.org/entity/"),
])
def test_common_prefixes_need_no_declaration(seed_store: Path, prefix: str, iri: str) -> None:
    result = runner.invoke(app, ["query", f"SELECT (STR({prefix}:x) AS ?iri) WHERE {{}}", "--store", str(seed_store),
                                 "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["iri", iri + "x"]


def test_a_query_may_still_declare_a_prefix_its_own_way(seed_store: Path) -> None:
    query = "PREFIX kg: <http://example.org/mine#> SELECT (STR(kg:x) AS ?iri) WHERE {}"
    result = runner.invoke(app, ["query", query, "--store", str(seed_store), "--format", "csv"])
    assert result.stdout.splitlines() == ["iri", "http://example.org/mine#x"]


def test_a_remote_server_gets_the_prefixes_the_query_does_not_declare() -> None:
    text = with_prefixes("PREFIX kg: <http://example.org/mine#>\nSELECT * { ?s kg:p skos:x }", QUERY_PREFIXES)
    assert "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>" in text
    assert text.count("PREFIX kg:") == 1
    dashed = with_prefixes("PREFIX my-kg: <urn:x#> # PREFIX skos: <urn:no>\nSELECT * { ?s kg:p my-kg:o }", QUERY_PREFIXES)
    assert "PREFIX kg: <https://kg.example.org/ontology#>" in dashed and "PREFIX skos: <http" in dashed
    store = ox.Store()
    assert list(store.query(text)) == []  # still SPARQL


def test_json_keeps_datatypes_so_numbers_stay_numbers(seed_store: Path) -> None:
    result = runner.invoke(app, ["query", "top-actors", "--store", str(seed_store), "--format", "json"])
    answer = json.loads(result.stdout)
    assert answer["head"]["vars"] == ["actor", "type", "relations"]
    first = answer["results"]["bindings"][0]
    assert first["relations"]["datatype"] == XSD + "integer" and first["relations"]["value"].isdigit()
    assert first["actor"] == {"type": "literal", "value": first["actor"]["value"]}  # plain strings carry no datatype


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_every_format_is_the_w3c_one(seed_store: Path, fmt: str) -> None:
    result = runner.invoke(app, ["query", "evidence-of", "--param", "name=Tokayev", "--store", str(seed_store),
                                 "--format", fmt])
    assert result.exit_code == 0, result.output
    parsed = ox.parse_query_results(result.stdout_bytes, format=getattr(ox.QueryResultsFormat, fmt.upper()))
    assert [v.value for v in parsed.variables] == COLUMNS
    rows = list(parsed)
    assert "Kassym-Jomart Tokayev" in {row["subject"].value for row in rows} | {row["object"].value for row in rows}
    assert all(row["confidence"].datatype == ox.NamedNode(XSD + "decimal") for row in rows)


def test_csv_is_rfc_4180_with_crlf_and_plain_values(seed_store: Path) -> None:
    result = runner.invoke(app, ["query", "evidence-of", "--param", "name=Tokayev", "--store", str(seed_store),
                                 "--format", "csv"])
    assert result.stdout_bytes.startswith(",".join(COLUMNS).encode() + b"\r\n")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8"), newline="")))
    assert rows and all(0 <= float(row["confidence"]) <= 1 for row in rows)


def test_pandas_reads_csv_numbers_as_numbers(seed_store: Path) -> None:
    result = runner.invoke(app, ["query", "top-actors", "--store", str(seed_store), "--format", "csv"])
    frame = pd.read_csv(io.BytesIO(result.stdout_bytes))
    assert frame["relations"].dtype.kind == "i"


def test_an_ask_answer_in_every_format(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        answer = kg.run_question(store, kg.load_question("ASK { ?s kg:leads ?o }"))
    assert json.loads(serialize_result(answer, "json")) == {"head": {}, "boolean": True}
    assert bool(ox.parse_query_results(serialize_result(answer, "xml"), format=ox.QueryResultsFormat.XML))
    assert serialize_result(answer, "csv").splitlines() == [b"answer", b"true"]


def test_query_df_types_numeric_columns(seed_store: Path) -> None:
    frame = kg.query_df("evidence-of", seed_store, {"name": "Tokayev"})
    assert str(frame["confidence"].dtype) == "float64"
    assert frame["subject"].tolist()[0] == "Kassym-Jomart Tokayev"
    counts = kg.query_df("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p", seed_store)
    assert str(counts["n"].dtype) == "Int64" and counts["n"].sum() > 0


def test_query_df_types_dates(seed_store: Path) -> None:
    frame = kg.query_df("SELECT ?date ?at WHERE { ?a schema:datePublished ?date ; kg:extractedAt ?at }", seed_store)
    assert frame["date"].dtype.kind == "M" and frame["date"].min().year == 2022
    assert frame["at"].dtype.kind == "M" and str(frame["at"].dt.tz) == "UTC"


def test_query_df_without_pandas_says_how_to_get_it(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an environment without pandas sees
    with pytest.raises(KGError, match="pip install pandas"):
        kg.query_df("top-actors", seed_store)


def test_query_df_refuses_service_too(seed_store: Path) -> None:
    with pytest.raises(QueryError, match="SERVICE"):
        kg.query_df("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", seed_store)


def test_the_dataset_is_the_same_store_through_rdflib(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        ours = store.query("SELECT DISTINCT ?s ?o WHERE { ?s <https://kg.example.org/ontology#leads> ?o }",
                           prefixes={})
        theirs = store.dataset.query("SELECT DISTINCT ?s ?o WHERE { ?s <https://kg.example.org/ontology#leads> ?o }")
        triples = set(store.dataset.triples((None, None, None)))
    assert ours.rows and len(list(theirs)) == len(ours.rows)
    assert len(triples) > len(ours.rows)


def test_a_fact_two_articles_state_is_one_row_with_distinct_as_the_readme_says() -> None:
    from rdflib import Graph, URIRef

    fact = (URIRef("https://kg.example.org/entity/organization/csto"),
            URIRef("https://kg.example.org/ontology#deploysTo"), URIRef("https://kg.example.org/entity/Q232"))
    with open_store(":memory:") as store:
        for article in ("a", "b"):
            graph = Graph(identifier=URIRef(f"https://kg.example.org/article/{article}"))
            graph.add(fact)
            store.replace_graph(graph)
        plain = kg.run_question(store, kg.load_question("SELECT ?s ?o WHERE { ?s kg:deploysTo ?o }"))
        distinct = kg.run_question(store, kg.load_question("SELECT DISTINCT ?s ?o WHERE { ?s kg:deploysTo ?o }"))
    assert len(plain.rows) == 2  # once per article graph: what the README warns of
    assert len(distinct.rows) == 1
