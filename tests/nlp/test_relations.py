"""Relation rules on small hand-written sentences, one behaviour each."""

from __future__ import annotations

import pytest

from kg.extract import extract_article
from kg.model import Article


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    extraction = extract_article(Article(id="t", text=text, lang=lang))
    return {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}


@pytest.mark.parametrize(("text", "expected"), [
    ("Rusia menyerang Ukraina pada hari Kamis.", ("Russia", "attacks", "Ukraine")),
    ("Ukraina diserang oleh Rusia.", ("Russia", "attacks", "Ukraine")),
    ("Ukraina diserang Rusia.", ("Russia", "attacks", "Ukraine")),
    ("NATO yang dipimpin Amerika Serikat bertemu pekan lalu.", ("United States", "leads", "NATO")),
    ("Presiden Rusia Vladimir Putin berbicara di Moskow.", ("Vladimir Putin", "leads", "Russia")),
    ("Rusia mengerahkan pasukan ke Belarus.", ("Russia", "deploysTo", "Belarus")),
    ("Pengerahan pasukan Rusia ke Belarus dimulai.", ("Russia", "deploysTo", "Belarus")),
    ("Rusia menyalahkan krisis itu pada NATO.", ("Russia", "blames", "NATO")),
])
def test_indonesian_rules(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, "id")


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia attacked Ukraine on Thursday.", ("Russia", "attacks", "Ukraine")),
    ("Ukraine was attacked by Russia.", ("Russia", "attacks", "Ukraine")),
    ("Russian President Vladimir Putin spoke in Moscow.", ("Vladimir Putin", "leads", "Russia")),
    ("Russia blamed the crisis on NATO.", ("Russia", "blames", "NATO")),
    ("Russia will deploy troops to Belarus.", ("Russia", "deploysTo", "Belarus")),
])
def test_english_rules(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, "en")


def test_coordinated_subjects_are_split() -> None:
    found = triples("Rusia dan China mengecam Amerika Serikat.", "id")
    assert {("Russia", "condemns", "United States"), ("China", "condemns", "United States")} <= found


@pytest.mark.parametrize(("text", "lang"), [
    ("NATO tidak akan menyerang Rusia.", "id"),
    ("NATO did not attack Russia.", "en"),
])
def test_negated_statements_give_no_triple(text: str, lang: str) -> None:
    assert not {t for t in triples(text, lang) if t[1] == "attacks"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Ribuan orang ditahan selama protes.", "id"),
    ("Thousands of people were detained.", "en"),
])
def test_a_passive_without_agent_gives_no_triple(text: str, lang: str) -> None:
    assert not {t for t in triples(text, lang) if t[1] == "detains"}


def test_future_statements_are_kept_and_marked_planned() -> None:
    extraction = extract_article(Article(id="t", text="Russia will deploy troops to Belarus.", lang="en"))
    [relation] = [r for r in extraction.relations if r.predicate == "deploysTo"]
    assert relation.modality == "planned"


def test_the_clitic_agent_of_a_relative_clause_is_the_last_person_named() -> None:
    text = ("Protes meluas terhadap pemerintah Tokayev dan orang yang digantikannya sebagai presiden, "
            "Nursultan Nazarbayev.")
    found = {(s, o) for s, p, o in triples(text, "id") if p == "succeeded"}
    assert {(s.split()[-1], o) for s, o in found} == {("Tokayev", "Nursultan Nazarbayev")}


def test_a_description_resolves_to_the_name_it_described() -> None:
    text = "Aliansi militer CSTO bertemu. Pengerahan pasukan aliansi ke Kazakhstan berhasil."
    assert ("CSTO", "deploysTo", "Kazakhstan") in triples(text, "id")


def test_citations_name_the_article_as_subject() -> None:
    found = triples("Rusia menyerang Ukraina, mengutip Reuters.", "id")
    assert ("t", "cites", "Reuters") in found
