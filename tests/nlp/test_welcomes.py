"""Appreciating an actor's deed praises the actor ("appreciated ASEAN's role"); welcoming a deed does
not (guideline ruling 15), and welcoming a person is a meeting; a topic named after a party is no party ("spoke with
Anwar about Myanmar"); and a frame's noun may take more than one word ("panggilan telepon").
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Japan appreciated ASEAN's role in the Myanmar crisis.", "en", ("Japan", "praises", "ASEAN")),
    ("Jepang mengapresiasi peran ASEAN dalam krisis Myanmar.", "id", ("Japan", "praises", "ASEAN")),
    ("Xi welcomed Putin to Beijing.", "en", ("Xi Jinping", "meetsWith", "Vladimir Putin")),
    ("Xi menyambut Putin di Beijing.", "id", ("Xi Jinping", "meetsWith", "Vladimir Putin")),
])
def test_appreciating_a_deed_praises_its_doer_and_welcoming_a_guest_meets_them(
        text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Guterres welcomed Qatar's efforts to free the hostages.", "en"),  # ruling 15
    ("Guterres menyambut baik upaya Qatar membebaskan para sandera.", "id"),
    ("PBB menyambut baik kesepakatan antara Israel dan Hamas.", "id"),
])
def test_welcoming_a_deed_praises_no_one(text: str, lang: str) -> None:
    assert not any(p == "praises" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Jokowi berdiskusi dengan Anwar mengenai Myanmar.", "id"),
    ("Jokowi spoke with Anwar about Myanmar.", "en"),
])
def test_the_topic_of_talks_is_no_party_to_them(text: str, lang: str) -> None:
    assert not any(o == "Myanmar" for _, _, o in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Biden melakukan panggilan telepon dengan Benjamin Netanyahu.", "id",
     ("Joe Biden", "meetsWith", "Benjamin Netanyahu")),
    ("The US sent an aircraft carrier to Israel.", "en", ("United States", "deploysTo", "Israel")),
])
def test_a_frames_noun_of_several_words(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Pakistan protested Iran's missile strike.", "en", ("Pakistan", "protestsAgainst", "Iran")),
    ("China protested the visit by Nancy Pelosi to Taiwan.", "en", ("China", "protestsAgainst", "Nancy Pelosi")),
    ("Pakistan memprotes serangan rudal Iran.", "id", ("Pakistan", "protestsAgainst", "Iran")),
])
def test_protesting_a_deed_protests_against_its_doer(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)  # guideline rule 8: an act's agent


def test_protesting_a_deed_of_no_named_doer_protests_against_no_one() -> None:
    assert not any(p == "protestsAgainst" for _, p, _ in triples("China protested the visit.", "en"))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Blinken's praise for Qatar drew criticism.", "en", ("Antony Blinken", "praises", "Qatar")),
    ("Pujian Jokowi untuk Singapura menuai kritik.", "id", ("Joko Widodo", "praises", "Singapore")),
    ("Presiden Jokowi mengapresiasi dukungan Singapura.", "id", ("Joko Widodo", "praises", "Singapore")),
    ("Germany condemned Iran's support for Russia.", "en", ("Germany", "condemns", "Iran")),
])
def test_praise_as_a_noun_and_judging_an_actors_support(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Modi menyambut baik keputusan Prabowo.", "id"),  # welcoming a decision: no meeting either
    ("Macron welcomed Germany's decision.", "en"),
])
def test_welcoming_a_deed_is_no_meeting_with_its_doer(text: str, lang: str) -> None:
    assert not any(p == "meetsWith" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Xi menyambut hangat Putin di Beijing.", "id"),
    ("Xi warmly welcomed Putin in Beijing.", "en"),
])
def test_a_guest_welcomed_warmly_is_met(text: str, lang: str) -> None:
    assert ("Xi Jinping", "meetsWith", "Vladimir Putin") in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Trump called Putin a genius.", "en", ("Donald Trump", "praises", "Vladimir Putin")),
    ("Prabowo menyebut Xi sebagai pemimpin hebat.", "id", ("Prabowo Subianto", "praises", "Xi Jinping")),
    ("Biden called Putin a killer.", "en", ("Joe Biden", "condemns", "Vladimir Putin")),
    ("Biden menyebut Putin pembunuh.", "id", ("Joe Biden", "condemns", "Vladimir Putin")),
])
def test_what_a_name_is_called_judges_it(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Putin considers Xi a true friend.", "en", ("Vladimir Putin", "praises", "Xi Jinping")),
    ("Russia regards Zelensky as a war criminal.", "en", ("Russia", "condemns", "Volodymyr Zelensky")),
    ("Putin menilai Xi Jinping sebagai sahabat sejati.", "id", ("Vladimir Putin", "praises", "Xi Jinping")),
    ("Putin menganggap Zelensky sebagai penjahat perang.", "id", ("Vladimir Putin", "condemns", "Volodymyr Zelensky")),
    ("Kishida menyanjung Presiden Korea Selatan Yoon Suk Yeol.", "id", ("Fumio Kishida", "praises", "Yoon Suk Yeol")),
])
def test_what_a_name_is_held_to_be_judges_it(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Putin considers the situation stable.", "en"),
    ("The court will consider Navalny's appeal.", "en"),
    ("Putin menilai situasi di Ukraina stabil.", "id"),
])
def test_holding_a_view_with_no_judging_word_judges_no_one(text: str, lang: str) -> None:
    assert not {p for _, p, _ in triples(text, lang)} & {"praises", "condemns"}
