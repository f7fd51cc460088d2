"""A mutual noun owned by two names ("perang Rusia dan Ukraina", "pertemuan Jokowi dan Xi", "the meeting
of Biden and Xi", "the Russia-North Korea alliance"): each name is a side, as with "between"."""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Perang Rusia dan Ukraina memasuki tahun ketiga.", "id",
     {("Russia", "attacks", "Ukraine"), ("Ukraine", "attacks", "Russia")}),
    ("Pertemuan Jokowi dan Xi Jinping di Beijing membahas perdagangan.", "id",
     {("Joko Widodo", "meetsWith", "Xi Jinping")}),
    ("The meeting of Biden and Xi lasted four hours.", "en", {("Joe Biden", "meetsWith", "Xi Jinping")}),
    ("The India-Pakistan war of 1971 ended in December.", "en",
     {("India", "attacks", "Pakistan"), ("Pakistan", "attacks", "India")}),
    ("Perang India-Pakistan berakhir pada Desember.", "id",
     {("India", "attacks", "Pakistan"), ("Pakistan", "attacks", "India")}),
])
def test_two_names_owning_a_mutual_noun_are_its_sides(text: str, lang: str,
                                                      expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("A meeting of NATO and EU ministers took place in Brussels.", "en"),  # the names qualify the people
    ("Pertemuan Jokowi, Xi dan Biden berlangsung di Bali.", "id"),  # a list of three: no pairs (ruling 18)
    ("Perang Rusia dan Ukraina dan Gaza menaikkan harga.", "id"),
])
def test_no_sides_from_qualifiers_or_longer_lists(text: str, lang: str) -> None:
    assert not {p for _, p, _ in triples(text, lang)} & {"meetsWith", "attacks"}
