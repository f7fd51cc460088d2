"""Whoever is on a state's or bloc's sanctions list is sanctioned by it (both languages); a list that
no one keeps, or that names no one, sanctions no one.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The Wagner Group has long been on the US sanctions list.", "en", ("United States", "sanctions", "Wagner Group")),
    ("Huawei is on the US entity list.", "en", ("United States", "sanctions", "Huawei")),
    ("Belarusian officials have been on the EU's sanctions list since 2020.", "en",
     ("European Union", "sanctions", "Belarusian officials")),
    ("Grup Wagner masuk dalam daftar sanksi Amerika Serikat.", "id", ("United States", "sanctions", "Wagner Group")),
])
def test_being_on_a_sanctions_list_is_being_sanctioned_by_its_keeper(text: str, lang: str,
                                                                     expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The sanctions list was published on Monday in Brussels.", "en"),
    ("Russia commented on the EU's sanctions list.", "en"),
])
def test_a_list_with_no_one_on_it_sanctions_no_one(text: str, lang: str) -> None:
    assert not any(p == "sanctions" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "listed"), [
    ("Peter Hanson, John Smith and 20 other officials have been on the EU's sanctions list since May.", "en",
     {"Peter Hanson", "John Smith"}),
    ("Belarusian President Peter Hanson spoke. Hanson, his son Viktor and 40 other senior Belarusian officials "
     "have been on the EU's sanctions list since May.", "en", {"Peter Hanson", "Viktor"}),
    ("Ali Hassan, Omar Rahman dan 20 pejabat lain masuk dalam daftar sanksi AS.", "id", {"Ali Hassan", "Omar Rahman"}),
    ("Presiden Belarus Alexander Hanson berbicara. Hanson, putranya Viktor dan 40 pejabat senior Belarus lainnya "
     "masuk dalam daftar sanksi Uni Eropa.", "id", {"Alexander Hanson", "Viktor"}),
])
def test_every_name_of_a_list_closed_by_a_counted_rest_is_on_the_list(text: str, lang: str, listed: set[str]) -> None:
    """ "X, his son Y and 53 other officials": the count and its words close the list, the kin word
    names one of its members."""
    sanctioned = {o for _, p, o in triples(text, lang) if p == "sanctions"}
    assert listed <= sanctioned



@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The US imposed sanctions on 11 officials, including Carrie Lam.", "en", ("United States", "sanctions", "Carrie Lam")),
    ("AS menjatuhkan sanksi terhadap 11 pejabat, termasuk Carrie Lam.", "id", ("United States", "sanctions", "Carrie Lam")),
    ("Polisi menangkap puluhan aktivis, termasuk Mohamed Bazoum.", "id", ("polisi", "detains", "Mohamed Bazoum")),
])
def test_the_names_a_set_object_includes_are_objects_too(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Western countries condemned Russia, including France.", "en"),
    ("Several countries condemned the attack, including France.", "en"),
])
def test_names_listed_after_a_named_object_or_a_deed_belong_to_the_subject(text: str, lang: str) -> None:
    """ ", including France" after "Russia" or "the attack" lists the condemning countries, not the condemned."""
    assert not any(o == "France" for _, _, o in triples(text, lang))
