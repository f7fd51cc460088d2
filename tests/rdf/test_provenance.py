"""Every fact traceable to its sources; rebuilds and removals that never leave stale triples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg
from kg.query import bundled_questions, load_question, run_question
from kg.rdf.store import open_store

SHARED_FACT = "Rusia menyerang Ukraina pada hari Kamis."


def write_corpus(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def article(article_id: str, text: str, **meta: str) -> dict[str, str]:
    return {"id": article_id, "text": text, "lang": "id", **meta}


def quads(store_path: Path) -> set[str]:
    with open_store(store_path, read_only=True) as store:
        return set(store.dump("nq").decode("utf-8").splitlines())


def evidence_for(store_path: Path, subject: str, predicate: str, obj: str) -> list[dict[str, str | None]]:
    with open_store(store_path, read_only=True) as store:
        return run_question(store, load_question("evidence-for"),
                            {"subject": subject, "predicate": predicate, "object": obj}).records()


@pytest.fixture()
def two_sources(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl", [
        article("a1", SHARED_FACT + " Presiden Rusia Vladimir Putin berbicara.", date="2022-02-24",
                title="Serangan", url="https://example.org/a1", source="Contoh News"),
        article("a2", "Kemudian " + SHARED_FACT, date="2022-03-01"),
    ])


def test_sparql_reaches_every_piece_of_provenance(two_sources: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([two_sources], store=store)
    [first, second] = evidence_for(store, "Russia", "attacks", "Ukraine")
    assert (first["article"], first["date"], first["publisher"], first["url"]) == \
        ("a1", "2022-02-24", "Contoh News", "https://example.org/a1")
    assert first["sentence"] == SHARED_FACT and (first["start"], first["end"]) == ("0", str(len(SHARED_FACT)))
    assert first["rule"] and 0 < float(first["confidence"] or 0) <= 1
    assert first["extractor"] == f"kg {kg.__version__}" and (first["extracted"] or "").endswith("Z")
    assert second["article"] == "a2" and second["date"] == "2022-03-01"


def test_a_fact_from_two_articles_is_one_triple_with_two_evidence(two_sources: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([two_sources], store=store)
    with open_store(store, read_only=True) as kg_store:
        rows = kg_store.query("""
            PREFIX kg: <https://kg.example.org/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT (COUNT(DISTINCT ?o) AS ?facts) (COUNT(DISTINCT ?e) AS ?evidence) WHERE {
              ?s kg:attacks ?o . ?e rdf:subject ?s ; rdf:predicate kg:attacks ; rdf:object ?o }""").rows
    assert list(rows) == [("1", "2")]


def test_evidence_carries_the_article_date_for_questions_in_time(two_sources: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([two_sources], store=store)
    with open_store(store, read_only=True) as kg_store:
        in_2022 = run_question(kg_store, load_question("leaders"), {"year": "2022"}).records()
        in_2021 = run_question(kg_store, load_question("leaders"), {"year": "2021"}).records()
    assert {(r["leader"], r["led"]) for r in in_2022} == {("Vladimir Putin", "Russia")}
    assert in_2021 == []


def test_rebuilding_unchanged_articles_writes_nothing(two_sources: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([two_sources], store=store)
    before = quads(store)
    report = kg.build([two_sources], store=store)
    assert report.unchanged == 2
    assert quads(store) == before  # extraction times included: nothing was rewritten


def test_a_changed_article_replaces_all_its_old_assertions(two_sources: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([two_sources], store=store)
    changed = write_corpus(tmp_path / "changed.jsonl", [article("a2", "Ukraina mengecam NATO.", date="2022-03-02")])
    report = kg.build([changed], store=store)
    assert report.unchanged == 0
    a2 = [q for q in quads(store) if q.endswith("<https://kg.example.org/article/a2> .")]
    assert a2 and not [q for q in a2 if "attacks" in q or "2022-03-01" in q or "Kemudian" in q]
    assert len(evidence_for(store, "Russia", "attacks", "Ukraine")) == 1  # a1 still states it


def test_removing_an_article_removes_exactly_what_only_it_stated(two_sources: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg.build([two_sources], store=store)
    report = kg.remove(["a1", "missing"], store=store)
    assert (report.removed, report.missing) == (("a1",), ("missing",))
    assert not [q for q in quads(store) if "article/a1" in q or "Vladimir" in q]
    assert [r["article"] for r in evidence_for(store, "Russia", "attacks", "Ukraine")] == ["a2"]
    kg.remove(["a2"], store=store)
    assert evidence_for(store, "Russia", "attacks", "Ukraine") == []
    assert not [q for q in quads(store) if "attacks" in q and "graph/ontology" not in q]


def test_at_least_eight_documented_questions_run_on_the_sample(seed_store: Path) -> None:
    questions = bundled_questions()
    assert len(questions) >= 8
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    with open_store(seed_store, read_only=True) as store:
        for name, question in questions.items():
            assert f"`{name}`" in readme, f"question {name} is not documented in the README"
            assert question.title and question.description
            run_question(store, question)  # runs with its defaults
