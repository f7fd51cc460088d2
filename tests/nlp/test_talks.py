"""Talks, calls and criticism in the forms news uses beyond the plain verb (both languages).

Discussing something with someone, talks or a call with them opening the sentence or as the
purpose of a trip, being received in the Indonesian passive: each is contact between the two.
A critic of an actor ("Kremlin critic X", "pengkritik keras Israel") condemns it. Beside each,
what must give nothing: asking for talks (guideline rule 17), officials from a list of states
who will discuss something, a phrase after "After" whose subject did not take part, a critic
of a policy.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Ruto discussed the drought with Abiy Ahmed.", "en", ("William Ruto", "meetsWith", "Abiy Ahmed")),
    ("Ruto and Abiy Ahmed discussed the drought in a phone call.", "en", ("William Ruto", "meetsWith", "Abiy Ahmed")),
    ("Ruto membahas kekeringan dengan Abiy Ahmed.", "id", ("William Ruto", "meetsWith", "Abiy Ahmed")),
    ("In a phone call with Abiy Ahmed, Ruto urged calm.", "en", ("William Ruto", "meetsWith", "Abiy Ahmed")),
    ("Dalam percakapan telepon dengan Abiy Ahmed, Ruto menyerukan ketenangan.", "id",
     ("William Ruto", "meetsWith", "Abiy Ahmed")),
    ("Ruto's talks with Abiy Ahmed lasted three hours.", "en", ("William Ruto", "meetsWith", "Abiy Ahmed")),
    ("Ruto arrived in Addis Ababa for talks with Abiy Ahmed.", "en", ("William Ruto", "meetsWith", "Abiy Ahmed")),
    ("Ruto tiba di Addis Ababa untuk pertemuan dengan Abiy Ahmed.", "id", ("William Ruto", "meetsWith", "Abiy Ahmed")),
    ("Ruto diterima Abiy Ahmed di Addis Ababa.", "id", ("Abiy Ahmed", "meetsWith", "William Ruto")),
])
def test_talks_calls_and_discussions_are_contact(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Ruto called for talks with Abiy Ahmed.", "en"),
    ("Ruto called on Ethiopia for talks with Abiy Ahmed.", "en"),
    ("Officials from Kenya, Ethiopia and Somalia will discuss the drought.", "en"),
    ("After the attack on Ethiopia, Ruto urged calm.", "en"),
    ("Ruto discussed the drought.", "en"),
])
def test_asking_for_talks_or_a_list_of_origins_meets_no_one(text: str, lang: str) -> None:
    assert not any(p == "meetsWith" or (p == "attacks" and s == "William Ruto") for s, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Kremlin critic Ilya Yashin was jailed.", "en", ("Ilya Yashin", "condemns", "Kremlin")),
    ("Ilya Yashin, a fierce critic of the Kremlin, was jailed.", "en", ("Ilya Yashin", "condemns", "Kremlin")),
    ("Ilya Yashin has long been a critic of Vladimir Putin.", "en", ("Ilya Yashin", "condemns", "Vladimir Putin")),
    ("Pengkritik Kremlin Ilya Yashin dipenjara.", "id", ("Ilya Yashin", "condemns", "Kremlin")),
    ("Ilya Yashin, pengkritik keras Kremlin, dipenjara.", "id", ("Ilya Yashin", "condemns", "Kremlin")),
    ("Rusia melontarkan kecaman terhadap Ukraina atas serangan itu.", "id", ("Russia", "condemns", "Ukraine")),
])
def test_a_critic_of_an_actor_condemns_it(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Ilya Yashin, a critic of the war, was jailed in Moscow.", "en"),
    ("Ilya Yashin, pengkritik perang itu, dipenjara di Moskow.", "id"),
])
def test_a_critic_of_a_policy_condemns_no_one(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))
