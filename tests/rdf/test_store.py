from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import kg
from kg.errors import QueryError, StoreError
from kg.rdf.namespace import KG
from kg.rdf.store import MEMORY, open_store
from tests.conftest import ARTICLES


def quads(store_path: Path | str) -> set[tuple[str, ...]]:
    with open_store(store_path) as store:
        return {tuple(map(str, row)) for row in store.query(
            "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows}


def test_building_twice_leaves_the_same_graph(tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([ARTICLES], store=store)
    first = quads(store)
    kg.build([ARTICLES], store=store)
    assert quads(store) == first
    assert len(first) > 100


def test_the_graph_is_isomorphic_across_stores_but_for_extraction_time(tmp_path: Path) -> None:
    datasets = []
    for name in ("a", "b"):
        kg.build([ARTICLES], store=tmp_path / name)
        with open_store(tmp_path / name) as store:
            datasets.append(Dataset().parse(data=store.dump("trig"), format="trig"))
    a, b = datasets
    names = {g.identifier for g in a.graphs()}
    assert names == {g.identifier for g in b.graphs()}
    for name in names:
        ga, gb = a.graph(name), b.graph(name)
        for graph in (ga, gb):  # when it was extracted is the one thing two builds may differ in
            graph.remove((None, KG.extractedAt, None))
        if not isomorphic(ga, gb):
            _, only_a, only_b = graph_diff(to_isomorphic(ga), to_isomorphic(gb))
            pytest.fail(f"{name}: only in a {sorted(only_a)[:3]}; only in b {sorted(only_b)[:3]}")


def test_each_article_has_its_own_named_graph_and_the_ontology_its_own(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        names = store.graph_names()
    assert "https://kg.example.org/article/seed-csto-kazakhstan" in names
    assert "https://kg.example.org/graph/ontology" in names


def test_a_memory_store_holds_a_build() -> None:
    with open_store(MEMORY) as store:
        store.load_ontology()
        assert len(store) > 100


def test_the_rdflib_view_sees_the_same_triples(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        assert len(list(store.dataset.quads((None, None, None, None)))) == len(store)


def test_a_store_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("not a store")
    with pytest.raises(StoreError, match="is a file"):
        open_store(path)


def test_reading_a_store_that_does_not_exist_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="kg build"):
        open_store(tmp_path / "none", read_only=True)


def test_a_store_held_by_another_process_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import pyoxigraph, sys, time; s = pyoxigraph.Store({str(path)!r}); "
                               "print('open', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="another kg process"):
            open_store(path)
    finally:
        holder.kill()
        holder.wait()


def test_a_sparql_syntax_error_is_a_query_error(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store, pytest.raises(QueryError, match="syntax"):
        store.query("SELECT ?x WHERE { ?x }")
