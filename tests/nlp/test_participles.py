"""Past participles that open an aside are passive, whatever stands before them: "Navalny, arrested by
police in January," (a comma, no closing comma after the agent), "Amini, a 22-year-old taken into custody
by morality police" (a description of the name first); and "by Iran's morality police" names the police.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "expected"), [
    ("Alexei Navalny, arrested by Russian police in January, died.", ("police", "detains", "Alexei Navalny")),
    ("Mahsa Amini, taken into custody by Iran's morality police, died.",
     ("morality police", "detains", "Mahsa Amini")),
    ("Mahsa Amini, a 22-year-old taken into custody by Iran's morality police, died.",
     ("morality police", "detains", "Mahsa Amini")),
    ("Protests followed the death of Mahsa Amini, a young woman arrested by Iran's morality police.",
     ("morality police", "detains", "Mahsa Amini")),
    ("Mahsa Amini, who was taken into custody by Iran's morality police, died.",
     ("morality police", "detains", "Mahsa Amini")),
])
def test_a_participle_opening_an_aside_is_passive(text: str, expected: tuple[str, str, str]) -> None:
    found = triples(text, "en")
    assert expected in found
    assert not any(s == "Alexei Navalny" and p == "detains" for s, p, _ in found)  # never the other way round


def test_a_participle_by_a_manner_phrase_is_no_passive_with_an_agent() -> None:
    assert not any(p == "detains" for _, p, _ in triples("Navalny, arrested by force in January, died.", "en"))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("\"We will say 'no' to Finland and Sweden,\" Erdogan said.", "en", ("Recep Tayyip Erdogan", "opposes", "Sweden")),
    ("\"Kami akan mengatakan 'tidak' kepada Finlandia dan Swedia,\" kata Erdogan.", "id",
     ("Recep Tayyip Erdogan", "opposes", "Finland")),
    ("Erdogan berkata tidak kepada Swedia.", "id", ("Recep Tayyip Erdogan", "opposes", "Sweden")),
])
def test_saying_no_to_an_actor_opposes_it(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Erdogan said no progress was made with Sweden.", "en"),
    ("Erdogan mengatakan tidak ada kemajuan dengan Swedia.", "id"),
])
def test_saying_no_of_something_else_opposes_no_one(text: str, lang: str) -> None:
    assert not any(p == "opposes" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Iran menyerang militan di Pakistan setelah merudal markas Mossad di Irak.", "id", ("Iran", "attacks", "Mossad")),
    ("Putin berbicara kepada wartawan setelah bertemu Xi Jinping.", "id", ("Vladimir Putin", "meetsWith", "Xi Jinping")),
    ("Putin spoke to reporters after meeting Xi Jinping.", "en", ("Vladimir Putin", "meetsWith", "Xi Jinping")),
])
def test_a_verb_right_after_after_has_the_main_clauses_subject(text: str, lang: str,
                                                               expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Israel menyerang Gaza setelah Hamas menyerang Israel.", "id"),
    ("Israel struck Gaza after Hamas attacked Israel.", "en"),
])
def test_a_subordinate_clause_with_its_own_subject_keeps_it(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert ("Hamas", "attacks", "Israel") in found
    assert ("Israel", "attacks", "Israel") not in found


@pytest.mark.parametrize(("text", "lang"), [
    ("Putin mengatakan kepada wartawan setelah bertemu Xi Jinping bahwa hubungan kedua negara baik.", "id"),
    ("Putin told reporters after meeting Xi Jinping that ties were strong.", "en"),
])
def test_after_a_verb_kg_does_not_read_the_sentences_opener_is_the_subject(text: str, lang: str) -> None:
    assert ("Vladimir Putin", "meetsWith", "Xi Jinping") in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Markets fell as Iran fired missiles at Israel.", "en", ("Iran", "attacks", "Israel")),
    ("Tensions rose after the US imposed sanctions on Iran.", "en", ("United States", "sanctions", "Iran")),
    ("Hubungan memburuk sejak China menjatuhkan sanksi kepada Lituania.", "id", ("China", "sanctions", "Lithuania")),
])
def test_a_subordinate_clause_has_its_own_subject(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "unwanted"), [
    ("India resisted pressure from the United States to condemn Russia.", "en", "condemns"),
    ("The UN called on Russia to withdraw from Ukraine.", "en", "withdrawsFrom"),
    ("PBB meminta Rusia menarik pasukan dari Ukraina.", "id", "withdrawsFrom"),
    ("AS mendesak Israel untuk menghentikan serangan ke Rafah.", "id", "attacks"),
])
def test_a_deed_one_is_pressed_or_asked_to_do_is_not_done(text: str, lang: str, unwanted: str) -> None:
    assert not any(p == unwanted for _, p, _ in triples(text, lang))  # guideline ruling 14 / rule 17


@pytest.mark.parametrize(("text", "lang"), [
    ("Ships fired at a boat near Second Thomas Shoal, an incident condemned by the Group of Seven.", "en"),
    ("Kapal-kapal menembaki sebuah perahu di dekat Second Thomas Shoal, insiden yang dikecam oleh G7.", "id"),
])
def test_a_deed_set_off_after_a_name_is_what_the_participle_judges(text: str, lang: str) -> None:
    """ "X, an incident condemned by Y": Y condemns the incident, not X."""
    assert not any(p == "condemns" and o == "Second Thomas Shoal" for _, p, o in triples(text, lang))


@pytest.mark.parametrize(("text", "expected", "wrong"), [
    ("Israel struck Iran-backed Hezbollah.", ("Israel", "attacks", "Hezbollah"), ("Israel", "attacks", "Iran")),
    ("The US sanctioned the Iran-backed militia Kataib Hezbollah.", ("United States", "sanctions", "Kataib Hezbollah"),
     ("United States", "sanctions", "Iran")),
    ("The United States backs the Kurdish-led Syrian Democratic Forces.",
     ("United States", "supports", "Syrian Democratic Forces"), None),
])
def test_a_name_in_a_hyphenated_modifier_is_not_the_object(text: str, expected: tuple[str, str, str],
                                                            wrong: tuple[str, str, str] | None) -> None:
    found = triples(text, "en")
    assert expected in found
    assert wrong not in found


def test_a_bloc_before_ally_of_leaves_the_ally_set_off_before_it() -> None:
    found = triples("The United States, a NATO ally of Turkey, backs the Syrian Democratic Forces.", "en")
    assert ("United States", "allyOf", "Turkey") in found or ("Turkey", "allyOf", "United States") in found
