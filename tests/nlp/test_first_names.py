"""A person named in full and then by the first word of the name ("Anwar" after "Anwar Ibrahim") is
one person; a first word two people share, or one that begins a longer name, is no one's."""

from __future__ import annotations

import pytest

from kg.extraction import extract_article
from kg.model import Article
from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Perdana Menteri Malaysia Anwar Ibrahim menggelar rapat. Anwar, sebagai Ketua ASEAN tahun ini, "
     "menyerukan perdamaian.", "id", ("Anwar Ibrahim", "leads", "ASEAN")),
    ("Thai Prime Minister Somchai Wongsawat spoke on Monday. Later Somchai met Hun Sen in Phnom Penh.", "en",
     ("Somchai Wongsawat", "meetsWith", "Hun Sen")),
])
def test_a_first_name_alone_is_the_person_named_in_full(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def _people(text: str, lang: str) -> set[str]:
    ex = extract_article(Article(id="t", text=text, lang=lang))
    return {e.label for e in ex.entities if e.type == "Person"}


def test_a_first_name_two_people_share_stays_unlinked() -> None:
    people = _people("Ahmad Yani and Ahmad Dahlan spoke. Ahmad said the talks failed.", "en")
    assert {"Ahmad Yani", "Ahmad Dahlan"} <= people and "Ahmad Yani" in people
    assert not any(p == "Ahmad" for p in people if p in ("Ahmad Yani", "Ahmad Dahlan"))
    assert len([p for p in people if p.startswith("Ahmad")]) == 2


def test_a_first_word_that_begins_another_name_is_not_the_person() -> None:
    people = _people("Abu Mahdi spoke on Monday. He flew to Abu Dhabi on Tuesday.", "en")
    assert people == {"Abu Mahdi"}
