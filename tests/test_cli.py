"""End-to-end through the `kg` command: what a user types, what a user sees."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import read_articles
from tests.conftest import ARTICLES, ROOT, SEED

runner = CliRunner()
COMMANDS = sorted(c.name or getattr(c.callback, "__name__", "") for c in app.registered_commands)


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user would."""
    exe = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " + command in " ".join(result.output.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert re.search(rf"\bkg {command}\b", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_build_then_query_through_the_console_script(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    built = kg("build", str(ARTICLES), "--store", store, "--html", str(tmp_path / "g.html"),
               "--question", "top-actors")
    assert built.returncode == 0, built.stderr
    bundled = len(read_articles([ARTICLES]).articles)
    assert f"Read {bundled} article(s)" in built.stdout
    assert re.search(r"\d+ entities, \d+ relations, \d+ triples", built.stdout)
    assert "Top actors" in built.stdout and "Vladimir Putin" in built.stdout
    assert (tmp_path / "g.html").is_file()
    asked = kg("query", "relations-of", "--store", store, "--param", "name=Putin", "--format", "json")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)  # SPARQL 1.1 Query Results JSON
    assert answer["head"]["vars"] == ["subject", "predicate", "object"]
    rows = [{name: term["value"] for name, term in binding.items()} for binding in answer["results"]["bindings"]]
    assert {"subject": "Vladimir Putin", "predicate": "blames", "object": "kekuatan internal dan eksternal"} in rows


def test_extract_prints_the_interchange_format() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--format", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    required = {"doc_id", "subject", "subject_type", "predicate", "object", "object_type", "sentence", "confidence"}
    assert records and all(required <= r.keys() for r in records)
    assert all(0 <= r["confidence"] <= 1 for r in records)
    text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
    assert all(text[r["start"]:r["end"]] == r["sentence"] for r in records)


def test_extract_entities() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--entities"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    putin = next(r for r in records if r["label"] == "Vladimir Putin")
    assert putin["type"] == "Person" and putin.get("wikidata") == "Q7747"
    assert {"doc_id", "label", "type", "mentions"} <= putin.keys()


def test_a_bad_line_is_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good = json.dumps({"id": "ok", "text": "Rusia menyerang Ukraina.", "lang": "id"})
    corpus.write_text(good + "\n{broken\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0
    assert f"{corpus}:2" in result.stderr
    assert "Read 1 article" in result.stdout


def test_nothing_readable_exits_non_zero_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(app, ["build", str(tmp_path / "bad.txt"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "not UTF-8" in result.stderr and "no article could be read" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["query", "no-such-question"], "bundled questions"),
    (["query", "SELECT ?x WHERE { ?x }"], "syntax"),
    (["query", "relations-of", "--param", "nope=1"], "accepts: name"),
])
def test_query_errors_are_one_line(seed_store: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--store", str(seed_store)])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_query_parameters_cannot_inject_sparql(seed_store: Path) -> None:
    hostile = 'x")) } } DELETE WHERE { ?s ?p ?o } #'
    result = runner.invoke(app, ["query", "relations-of", "--param", f"name={hostile}", "--store", str(seed_store)])
    assert result.exit_code == 0
    assert "0 row(s)" in result.stdout


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld", "html"])
def test_export_writes_each_format(seed_store: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(target), "--store", str(seed_store)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0


def test_stats_counts_the_store(seed_store: Path) -> None:
    result = runner.invoke(app, ["stats", "--store", str(seed_store)])
    assert result.exit_code == 0
    assert "articles" in result.stdout and "triples" in result.stdout


def test_the_python_api_names_stay_functions_after_a_build() -> None:
    import kg

    kg.build([SEED], store=":memory:")
    extractions, problems = kg.extract([SEED])  # not shadowed by a submodule of the same name
    assert len(extractions) == 1 and problems == ()


def test_an_entity_without_a_wikidata_id_is_labelled_in_the_articles_language(tmp_path: Path) -> None:
    corpus = tmp_path / "a.jsonl"
    lines = [{"id": "x-id", "lang": "id", "text": "Prabowo Subianto memimpin Partai Gerindra sejak 2014."},
             {"id": "x-en", "lang": "en", "text": "Prabowo Subianto has led the Gerindra Party since 2014."}]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl"])
    records = {r["doc_id"]: r for r in map(json.loads, result.stdout.splitlines()) if r["predicate"] == "leads"}
    assert (records["x-id"]["object"], records["x-en"]["object"]) == ("Partai Gerindra", "Gerindra Party")
    assert records["x-id"]["object_id"] == records["x-en"]["object_id"]  # one node, named as each article names it
