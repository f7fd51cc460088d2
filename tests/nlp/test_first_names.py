"""A person named in full and then by the first word of the name ("Anwar" after "Anwar Ibrahim") is
one person; a first word two people share, or one that begins a longer name, is no one's."""

from __future__ import annotations

import pytest

from kg.extraction import extract_article
from kg.gazetteer import load_gazetteer
from kg.model import Article
from kg.resolve import _EntityTable, _Record
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



def test_a_first_name_folded_into_a_short_name_that_folds_into_a_longer_one() -> None:
    """ "Abdul" begins only "Abdul Mahdi", which ends "Adel Abdul Mahdi": all three are one person, whatever
    order the article names them in (the fold once stopped halfway and lost the entity)."""
    table = _EntityTable(Article(id="t", text="", lang="id"), load_gazetteer(), frozenset())
    for key, label in (("person/abdul", "Abdul"), ("person/adel-abdul-mahdi", "Adel Abdul Mahdi"),
                       ("person/abdul-mahdi", "Abdul Mahdi")):
        table._records[key] = _Record(key, label, "Person", None, (), mentions=[label])
        table._by_span[(len(table._by_span), len(table._by_span) + 1)] = key
    table.merge_short_names()
    assert {table.entity_at(i, i + 1).label for i in range(3)} == {"Adel Abdul Mahdi"}


@pytest.mark.parametrize(("text", "lang"), [
    ("The army, headed by Gen. Abdel Fattah Burhan, denied it. Burhan visited Cairo on Monday.", "en"),
    ("Militer yang dipimpin Jenderal Abdel Fattah Burhan membantahnya. Burhan mengunjungi Kairo pada Senin.", "id"),
])
def test_a_surname_alone_is_the_person_the_article_wrote_in_full(text: str, lang: str) -> None:
    """The gazetteer's form ("Abdel Fattah al-Burhan") need not end in the surname the article uses: the form
    the article wrote does."""
    assert _people(text, lang) == {"Abdel Fattah al-Burhan"}
