"""`kg load`: a dump goes back into a store as it was, graph for graph, and never leaves stale triples."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.errors import StoreError
from kg.query import bundled_questions, run_question
from kg.rdf.bulk import line_slices
from kg.rdf.store import MEMORY, open_store

SEED_GRAPH = "https://kg.example.org/article/seed-csto-kazakhstan"


def quads(location: Path | str) -> set[tuple[str | None, ...]]:
    with open_store(location, read_only=location != MEMORY) as store:
        return set(store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows)


@pytest.mark.parametrize("workers", [1, 2, 7])
def test_a_loaded_dump_is_the_store_it_came_from(seed_store: Path, seed_dump: Path, tmp_path: Path, workers: int) -> None:
    kg.load([seed_dump], tmp_path / "copy", workers=workers)
    assert quads(tmp_path / "copy") == quads(seed_store)
    with open_store(seed_store, read_only=True) as a, open_store(tmp_path / "copy", read_only=True) as b:
        for name, question in bundled_questions().items():
            assert run_question(a, question).rows == run_question(b, question).rows, name


def test_loading_twice_changes_nothing(seed_dump: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = kg.load([seed_dump], store)
    assert kg.load([seed_dump], store) == first
    assert first.articles == 2 and first.triples > 100


def test_a_loaded_graph_replaces_the_old_one_whole(seed_dump: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    with open_store(store) as s:  # an older version of the article said something the dump does not
        s._update(f"INSERT DATA {{ GRAPH <{SEED_GRAPH}> {{ <urn:x:stale> <urn:x:p> <urn:x:o> }}"
                  " GRAPH <urn:x:other> { <urn:x:kept> <urn:x:p> <urn:x:o> } }")
    kg.load([seed_dump], store)
    rows = quads(store)
    assert not any(row[1] == "urn:x:stale" for row in rows)
    assert ("urn:x:other", "urn:x:kept", "urn:x:p", "urn:x:o") in rows  # graphs the dump lacks stay
    assert any(row[0] == SEED_GRAPH for row in rows)


def test_a_built_article_is_not_rewritten_after_a_load(seed_dump: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.load([seed_dump], store)
    before = quads(store)
    report = kg.build([Path(__file__).parents[2] / "data" / "articles"], store=store)
    assert report.unchanged == report.read == 2
    assert quads(store) == before  # not even kg:extractedAt moved


def test_slices_cover_the_file_at_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "lines.nq"
    lines = [f"<urn:s{i}> <urn:p> \"{'x' * (i % 17)}\" <urn:g> .\n" for i in range(500)]
    path.write_text("".join(lines))
    data = path.read_bytes()
    for parts in (1, 2, 3, 8, 1000):
        slices = line_slices(path, parts)
        assert slices[0][0] == 0 and slices[-1][1] == len(data)
        assert all(a[1] == b[0] for a, b in zip(slices, slices[1:]))
        assert all(data[end - 1:end] == b"\n" for _, end in slices)
        assert len(slices) <= min(parts, len(lines))


def test_a_malformed_dump_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "bad.nq"
    path.write_text('<urn:s> <urn:p> "unterminated <urn:g> .\n')
    with pytest.raises(StoreError, match=r"bad\.nq.*load it again"):
        kg.load([path], tmp_path / "store")


@pytest.mark.parametrize("name, message", [("kg.ttl", "N-Quads"), ("missing.nq", "no file")])
def test_a_file_kg_cannot_load_is_refused(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    if name.endswith(".ttl"):
        path.write_text("<urn:s> <urn:p> <urn:o> .\n")
    with pytest.raises(StoreError, match=message):
        kg.load([path], tmp_path / "store")


def test_trig_loads_too(seed_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "kg.trig"
    with open_store(seed_store, read_only=True) as store:
        path.write_bytes(store.dump("trig"))
    kg.load([path], tmp_path / "copy")
    assert quads(tmp_path / "copy") == quads(seed_store)


def test_the_cli_exports_and_loads_back(seed_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    dumped = runner.invoke(app, ["export", "--format", "nq", "-o", str(tmp_path / "kg.nq"), "--store", str(seed_store)])
    assert dumped.exit_code == 0, dumped.output
    loaded = runner.invoke(app, ["load", str(tmp_path / "kg.nq"), "--store", str(tmp_path / "copy")])
    assert loaded.exit_code == 0, loaded.output
    assert "2 articles" in loaded.output
    bad = runner.invoke(app, ["load", str(tmp_path / "nothing.nq"), "--store", str(tmp_path / "copy")])
    assert bad.exit_code == 1 and "no file" in bad.output


def test_a_memory_store_loads_too(seed_dump: Path) -> None:
    with open_store(MEMORY) as store:
        store.load_dump(seed_dump)
        assert len(store) == sum(1 for _ in ox.parse(path=str(seed_dump), format=ox.RdfFormat.N_QUADS))
