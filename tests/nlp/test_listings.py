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
