"""Succession in the words news uses beyond "succeeded"/"menggantikan": the successor noun in apposition
or after a copula, "took over from", "mengambil alih jabatan dari" (both languages); a successor only
named, or one who no longer is, succeeds no one."""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples

_EXPECTED = ("Kassym-Jomart Tokayev", "succeeded", "Nursultan Nazarbayev")


@pytest.mark.parametrize(("text", "lang"), [
    ("Nazarbayev's successor, Kassym-Jomart Tokayev, fired him.", "en"),
    ("Kassym-Jomart Tokayev, Nazarbayev's successor, spoke.", "en"),
    ("Tokayev, the successor to Nursultan Nazarbayev, spoke.", "en"),
    ("Tokayev is Nazarbayev's successor.", "en"),
    ("Tokayev took over from Nazarbayev in 2019.", "en"),
    ("Kassym-Jomart Tokayev, pengganti Nursultan Nazarbayev, berbicara.", "id"),
    ("Penerus Nazarbayev, Kassym-Jomart Tokayev, berbicara.", "id"),
    ("Tokayev adalah pengganti Nazarbayev.", "id"),
    ("Tokayev mengambil alih jabatan dari Nazarbayev.", "id"),
])
def test_a_successor_named_beside_the_noun_succeeded(text: str, lang: str) -> None:
    assert _EXPECTED in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Putin named Medvedev as his successor.", "en"),  # named, not yet in office
    ("Nazarbayev's successor will be chosen in May, Tokayev said.", "en"),  # no one set beside the noun
    ("The army took over from the government in Niamey.", "en"),  # no person on either side
])
def test_no_successor_beside_the_noun_succeeds_no_one(text: str, lang: str) -> None:
    assert not any(p == "succeeded" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Dina Boluarte was sworn in to serve out the rest of Pedro Castillo's term.", "en"),
    ("Dina Boluarte dilantik untuk menjalani sisa masa jabatan Pedro Castillo.", "id"),
])
def test_serving_out_anothers_term_succeeds_them(text: str, lang: str) -> None:
    assert ("Dina Boluarte", "succeeded", "Pedro Castillo") in triples(text, lang)


def test_the_rest_of_someones_supporters_is_no_term() -> None:
    assert not any(p == "succeeded" for _, p, _ in triples("Dina Boluarte met the rest of Pedro Castillo's supporters.", "en"))

