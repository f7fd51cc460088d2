"""The entity index graph: each entity's type and label once, always what the article graphs say."""

from __future__ import annotations

import json
from pathlib import Path

import kg
from kg.rdf.namespace import INDEX_GRAPH
from kg.rdf.store import open_store
from tests.conftest import ARTICLES, SEED

SAMPLE = ARTICLES / "sample-en-asean-summit.txt"
DERIVED = f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?e ?type WHERE {{ GRAPH ?g {{ ?e a ?type ; skos:prefLabel ?l }}
  FILTER(?g != <{INDEX_GRAPH}> && ?g != <https://kg.example.org/graph/ontology>) }}
"""
INDEXED = f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?type ?label WHERE {{ GRAPH <{INDEX_GRAPH}> {{ ?e a ?type ; skos:prefLabel ?label }} }}
"""


def index_of(store_path: Path) -> dict[str, tuple[str | None, str | None]]:
    with open_store(store_path, read_only=True) as store:
        rows = store.query(INDEXED).rows
        entries = {e: (t, label) for e, t, label in rows if e}
        assert len(entries) == len(rows), "an entity has two labels or types in the index"
        derived = {(e, t) for e, t in store.query(DERIVED).rows}
    assert {(e, t) for e, (t, _) in entries.items()} == derived
    return entries


def test_a_build_indexes_every_entity_once(seed_store: Path) -> None:
    entries = index_of(seed_store)
    labels = {label for _, label in entries.values()}
    assert {"Vladimir Putin", "CSTO", "Kazakhstan"} <= labels


def test_removing_an_article_drops_the_entities_only_it_named(tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([ARTICLES], store=store)
    before = index_of(store)
    kg.remove(["seed-csto-kazakhstan"], store=store)
    after = index_of(store)
    assert after and set(after) < set(before)
    assert not any(label == "Nursultan Nazarbayev" for _, label in after.values())


def test_a_changed_article_leaves_no_stale_entry(tmp_path: Path) -> None:
    article = tmp_path / "a.jsonl"
    store = tmp_path / "store"
    record = {"id": "t1", "lang": "en", "text": "Russia attacked Ukraine. Vladimir Putin met Xi Jinping in Moscow."}
    article.write_text(json.dumps(record))
    kg.build([article], store=store)
    assert "Xi Jinping" in {label for _, label in index_of(store).values()}
    record["text"] = "Russia attacked Ukraine."
    article.write_text(json.dumps(record))
    kg.build([article], store=store)
    assert "Xi Jinping" not in {label for _, label in index_of(store).values()}


def test_a_store_without_an_index_gets_one_on_the_next_build(tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([SEED], store=store)
    expected = index_of(store)
    with open_store(store) as s:
        s.remove_graph(str(INDEX_GRAPH))
        assert not s.has_index()
    kg.build([SEED], store=store)  # nothing changed, but the index comes back
    assert index_of(store) == expected


def test_loading_a_dump_gives_the_index_a_build_gives(seed_store: Path, seed_dump: Path, tmp_path: Path) -> None:
    dump = seed_dump
    kg.load([dump], tmp_path / "empty")
    assert index_of(tmp_path / "empty") == index_of(seed_store)
    kg.build([SAMPLE], store=tmp_path / "partial")  # a store with one of the articles, then the whole dump
    kg.load([dump], tmp_path / "partial")
    assert index_of(tmp_path / "partial") == index_of(seed_store)
