"""The entity graph: each entity described once, always what the article graphs say."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

import kg
from kg.errors import StoreError
from kg.model import Article, Entity, Extraction, Relation
from kg.rdf.model import article_write, graph_name
from kg.rdf.namespace import ENTITY_GRAPH
from kg.rdf.store import open_store
from kg.validate import validate
from tests.conftest import ARTICLES, SEED

SAMPLE = ARTICLES / "sample-en-asean-summit.txt"
DESCRIBED = f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?p ?o WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o FILTER(?e != <{ENTITY_GRAPH}>) }} }}
"""
LABELS = f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?label WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e skos:prefLabel ?label }} }}
"""
SKOS = "http://www.w3.org/2004/02/skos/core#"
PEOPLE = "https://kg.example.org/entity/group/rakyat"


def entity_graph(store_path: Path) -> set[tuple[str | None, ...]]:
    with open_store(store_path, read_only=True) as store:
        return set(store.query(DESCRIBED).rows)


def labels(store_path: Path) -> dict[str, str]:
    with open_store(store_path, read_only=True) as store:
        rows = store.query(LABELS).rows
    found = {e or "": label or "" for e, label in rows}
    assert len(found) == len(rows), "an entity has two preferred labels"
    return found


def write(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_descriptions_are_in_the_entity_graph_only(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        outside = store.query(f"""
            PREFIX kg: <https://kg.example.org/ontology#>
            SELECT ?e WHERE {{ GRAPH ?g {{ ?e a ?type }} ?type <http://www.w3.org/2000/01/rdf-schema#subClassOf> kg:Actor
                               FILTER(?g != <{ENTITY_GRAPH}>) }}""").rows
    assert outside == ()
    assert {"Vladimir Putin", "CSTO", "Kazakhstan"} <= set(labels(seed_store).values())


def test_the_entity_graph_does_not_depend_on_how_the_store_was_built(tmp_path: Path) -> None:
    kg.build([ARTICLES], store=tmp_path / "together")
    kg.build([SEED], store=tmp_path / "apart")
    kg.build([ARTICLES], store=tmp_path / "apart")
    assert entity_graph(tmp_path / "together") == entity_graph(tmp_path / "apart")


def test_removing_an_article_drops_the_entities_and_aliases_only_it_gave(tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([SAMPLE], store=store)
    alone = entity_graph(store)
    kg.build([ARTICLES], store=store)
    assert any(label == "Nursultan Nazarbayev" for label in labels(store).values())
    kg.remove(["seed-csto-kazakhstan"], store=store)
    assert entity_graph(store) == alone


def extraction(article_id: str, label: str, *mentions: str) -> Extraction:
    people = Entity(key="group/rakyat", label=label, type="Group", mentions=mentions)
    junta = Entity(key="group/junta", label="junta", type="Group")
    relation = Relation(people, "protestsAgainst", junta, f"{label} memprotes junta.", 0, 20, 0.9, "verb-active")
    return Extraction(Article(id=article_id, text=f"{label} memprotes junta.", lang="id"),
                      entities=(people, junta), relations=(relation,))


def test_the_preferred_label_is_the_smallest_any_article_gives_and_aliases_follow_the_articles(
        tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    with open_store(tmp_path / "store") as store:
        store.write_articles([article_write(extraction("b", "rakyat", "warga"), "1", now)])
        store.write_articles([article_write(extraction("a", "Rakyat", "penduduk"), "2", now)])
        rows = set(store.query(f"SELECT ?p ?o WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ <{PEOPLE}> ?p ?o }} }}").rows)
        assert (f"{SKOS}prefLabel", "Rakyat") in rows  # "Rakyat" < "rakyat", whichever came first
        assert {o for p, o in rows if p == f"{SKOS}altLabel"} == {"warga", "penduduk"}
        store.remove_articles([str(graph_name("a"))])
        rows = set(store.query(f"SELECT ?p ?o WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ <{PEOPLE}> ?p ?o }} }}").rows)
        assert (f"{SKOS}prefLabel", "rakyat") in rows and (f"{SKOS}prefLabel", "Rakyat") not in rows
        assert {o for p, o in rows if p == f"{SKOS}altLabel"} == {"warga"}
        store.remove_articles([str(graph_name("b"))])
        assert store.query(f"SELECT ?p WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ <{PEOPLE}> ?p ?o }} }}").rows == ()


def test_adding_articles_whose_labels_come_smaller_gives_the_entity_graph_a_recount_gives(tmp_path: Path) -> None:
    """Adding articles reads only the held labels: the bulk path for those that lower none, a data-only
    update for the others (at 10,000 articles the recount over every article naming Russia made a batch
    cost seconds)."""
    from kg.rdf.entities import append_update, write_update

    now = datetime.now(timezone.utc)
    batches = [[article_write(extraction("b", "rakyat", "warga"), "1", now)],
               [article_write(extraction("a", "Rakyat", "penduduk"), "2", now),
                article_write(extraction("c", "rakyat", "massa"), "3", now)],
               [article_write(extraction("d", "RAKYAT"), "4", now)],
               [article_write(extraction("e", '"rakyat" biasa'), "5", now)]]
    assert "WHERE" not in append_update(batches[2], {PEOPLE: "Rakyat"})
    dumps = []
    for how in ("adding", "adding on disk", "adding by SPARQL", "recounting"):
        with open_store(tmp_path / "store" if how == "adding on disk" else ":memory:") as store:
            if how == "adding by SPARQL":
                store.adds_quads = False  # as a remote store
            for batch in batches:
                if how == "recounting":
                    store._update(write_update(batch, (), ()))
                else:
                    store.write_articles(batch)
            assert store.query(f"SELECT ?l WHERE {{ <{PEOPLE}> <{SKOS}prefLabel> ?l }}").rows == (('"rakyat" biasa',),)
            dumps.append(set(store.dump("nq").splitlines()))
    assert dumps[0] == dumps[1] == dumps[2] == dumps[3]


def test_only_the_articles_that_lower_a_held_label_are_written_by_sparql(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """One article giving 'Rakyat' where the store holds 'rakyat' must not send its whole batch through
    SPARQL Update (three times the bulk loader's cost): the rest of the batch is added as quads."""
    from kg.rdf.store import EmbeddedStore

    now = datetime.now(timezone.utc)
    updates: list[str] = []
    added: list[bytes] = []
    real_update, real_add = EmbeddedStore._update, EmbeddedStore._add_quads

    def updating(self: EmbeddedStore, update: str) -> None:
        updates.append(update)
        real_update(self, update)

    def adding(self: EmbeddedStore, nquads: bytes) -> None:
        added.append(nquads)
        real_add(self, nquads)

    monkeypatch.setattr(EmbeddedStore, "_update", updating)
    monkeypatch.setattr(EmbeddedStore, "_add_quads", adding)
    with open_store(tmp_path / "store") as store:
        store.write_articles([article_write(extraction("b", "rakyat", "warga"), "1" * 64, now)])
        updates.clear()
        added.clear()
        store.write_articles([article_write(extraction("c", "rakyat", "massa"), "2" * 64, now),
                              article_write(extraction("a", "Rakyat", "penduduk"), "3" * 64, now),
                              article_write(extraction("d", "rakyat"), "4" * 64, now)])
        [update] = updates
        [quads] = added
        assert str(graph_name("a")) in update and str(graph_name("c")) not in update
        assert str(graph_name("c")).encode() in quads and str(graph_name("d")).encode() in quads
        assert str(graph_name("a")).encode() not in quads
        assert store.query(f"SELECT ?l WHERE {{ <{PEOPLE}> <{SKOS}prefLabel> ?l }}").rows == (("Rakyat",),)
        assert validate(store).conforms


def test_a_changed_article_leaves_no_stale_description(tmp_path: Path) -> None:
    article = tmp_path / "a.jsonl"
    store = tmp_path / "store"
    record = {"id": "t1", "lang": "en", "text": "Russia attacked Ukraine. Vladimir Putin met Xi Jinping in Moscow."}
    write(article, record)
    kg.build([article], store=store)
    assert "Xi Jinping" in labels(store).values()
    record["text"] = "Russia attacked Ukraine."
    write(article, record)
    kg.build([article], store=store)
    assert "Xi Jinping" not in labels(store).values()
    with open_store(store, read_only=True) as s:
        assert validate(s).conforms


def test_validate_catches_an_entity_graph_out_of_step(tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([SEED], store=store)
    with open_store(store) as s:
        s._update(f"INSERT DATA {{ GRAPH <{ENTITY_GRAPH}> {{ <https://kg.example.org/entity/Q1> a "
                  f"<https://kg.example.org/ontology#Person> ; <{SKOS}prefLabel> \"Nobody\" }} }}")
        report = validate(s)
    assert not report.conforms
    assert any("no article names" in v.message for v in report.results)


def test_validate_catches_an_entity_the_entity_graph_lacks(tmp_path: Path) -> None:
    """The fault of issue 14: articles written before a build stopped, their entities never described,
    so questions silently missed them while validate said "conforms"."""
    store = tmp_path / "store"
    kg.build([SEED], store=store)
    with open_store(store) as s:
        s._update(f"DELETE WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ <https://kg.example.org/entity/Q7747> ?p ?o }} }}")
        report = validate(s)
    assert not report.conforms
    assert ("https://kg.example.org/entity/Q7747", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") in \
        {(v.focus, v.path) for v in report.results}


def test_loading_a_dump_gives_the_entity_graph_a_build_gives(seed_store: Path, seed_dump: Path,
                                                             tmp_path: Path) -> None:
    kg.load([seed_dump], tmp_path / "empty")
    assert entity_graph(tmp_path / "empty") == entity_graph(seed_store)
    kg.build([SAMPLE], store=tmp_path / "partial")  # a store with one of the articles, then the whole dump
    kg.load([seed_dump], tmp_path / "partial")
    assert entity_graph(tmp_path / "partial") == entity_graph(seed_store)


def test_a_store_an_older_kg_wrote_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "old"
    with open_store(path) as store:  # an article graph, and no layout marker: how kg wrote stores before
        store._update("INSERT DATA { GRAPH <https://kg.example.org/article/x> { <https://kg.example.org/entity/Q7747> "
                      f"a <https://kg.example.org/ontology#Person> ; <{SKOS}prefLabel> \"Vladimir Putin\" }} }}")
    with pytest.raises(StoreError, match="older kg.*build it again"):
        open_store(path, read_only=True)
