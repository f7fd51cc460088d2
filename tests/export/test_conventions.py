"""Export conventions (issue 15, finding 6): the format from -o's extension, `-` for
standard output, rdflib's format names, and JSON-LD compacted with kg's prefixes."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.export import ALIASES, FORMATS, format_for
from kg.rdf.namespace import PREFIXES

runner = CliRunner()
# rdflib's TriG and JSON-LD parsers still build a ConjunctiveGraph inside
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

#: An extension, the format it names, and how a reader checks the file is that format.
BY_EXTENSION = {
    ".ttl": ("turtle", lambda data: Graph().parse(data=data, format="turtle")),
    ".rdf": ("xml", lambda data: Graph().parse(data=data, format="xml")),
    ".jsonld": ("json-ld", lambda data: Graph().parse(data=data, format="json-ld")),
    ".nt": ("nt", lambda data: Graph().parse(data=data, format="nt")),
    ".nq": ("nq", lambda data: list(ox.parse(data, format=ox.RdfFormat.N_QUADS))),
    ".trig": ("trig", lambda data: list(ox.parse(data, format=ox.RdfFormat.TRIG))),
    ".graphml": ("graphml", lambda data: data.startswith(b"<?xml") and b"<graphml" in data[:500] or None),
    ".html": ("html", lambda data: data.lstrip().lower().startswith(b"<!doctype html") or None),
}


def export(seed_store: Path, *args: str) -> bytes:
    result = runner.invoke(app, ["export", *args, "--store", str(seed_store)])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.parametrize("suffix", sorted(BY_EXTENSION))
def test_the_extension_names_the_format(seed_store: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"graph{suffix}"
    printed = export(seed_store, "-o", str(target))
    assert printed.decode().strip() == f"Wrote {target}"
    name, read = BY_EXTENSION[suffix]
    assert format_for(target) == name
    assert read(target.read_bytes()), f"{target.name} is not {name}"


def test_dash_writes_to_standard_output(seed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    printed = export(seed_store, "-o", "-", "--format", "nt")
    assert not (tmp_path / "-").exists()
    assert Graph().parse(data=printed, format="nt")
    assert export(seed_store, "-o", "-").lstrip().lower().startswith(b"<!doctype html")


@pytest.mark.parametrize(("alias", "name"), sorted(ALIASES.items()))
def test_rdflib_names_and_old_names_are_aliases(alias: str, name: str) -> None:
    assert name in FORMATS
    assert format_for(None, alias) == name


def test_an_alias_writes_what_its_format_writes(seed_store: Path) -> None:
    assert export(seed_store, "-o", "-", "-f", "ttl") == export(seed_store, "-o", "-", "-f", "turtle")
    assert export(seed_store, "-o", "-", "-f", "nquads") == export(seed_store, "-o", "-", "-f", "nq")


def test_format_wins_over_the_extension(seed_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "graph.txt"
    export(seed_store, "-o", str(target), "--format", "turtle")
    assert Graph().parse(target, format="turtle")


def test_an_unknown_extension_is_one_line(seed_store: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-o", str(tmp_path / "graph.foo"), "--store", str(seed_store)])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: cannot tell an export format from 'graph.foo'; give --format")
    assert result.stderr.count("\n") == 1 and not (tmp_path / "graph.foo").exists()


def test_json_ld_is_compacted_with_kgs_prefixes(seed_store: Path) -> None:
    data = export(seed_store, "-o", "-", "--format", "json-ld")
    document = json.loads(data)
    assert document["@context"] == PREFIXES
    text = json.dumps(document["@graph"])
    assert '"kg:blames"' in text and "https://kg.example.org/ontology#blames" not in text
    nt = export(seed_store, "-o", "-", "--format", "nt")
    assert isomorphic(Graph().parse(data=data, format="json-ld"), Graph().parse(data=nt, format="nt"))
