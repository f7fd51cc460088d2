"""Threats said as a promised answer to a deed that may come ("any attack by X will be met with
force", "setiap serangan X akan dibalas"), or to a warned actor told what awaits it ("X must know
that they will be a legitimate target"); and the deed that may come is itself no deed done.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Defence Minister Hulusi Akar said any attack by Syrian forces on Turkish troops would be met with force.", "en",
     ("Hulusi Akar", "threatens", "Syria")),
    ("\"Any Israeli aggression will be met with a crushing response,\" Iran's foreign minister Hossein "
     "Amir-Abdollahian said.", "en", ("Hossein Amir-Abdollahian", "threatens", "Israel")),
    ("Russia warned that any strike by Ukraine on Crimea would not go unanswered.", "en",
     ("Russia", "threatens", "Ukraine")),
    ("Menteri Pertahanan Hulusi Akar mengatakan setiap serangan Haftar terhadap pasukan Turki akan dibalas.", "id",
     ("Hulusi Akar", "threatens", "Khalifa Haftar")),
    ("Iran menegaskan setiap agresi dari Israel akan dihadapi dengan tegas.", "id", ("Iran", "threatens", "Israel")),
])
def test_an_answer_promised_to_an_actors_deed_that_may_come_threatens_the_actor(
        text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Defence Minister Hulusi Akar said any attack by Syrian forces on Turkish troops would be met with force.", "en"),
    ("NATO discussed possible Russian attacks on the Baltic states.", "en"),
    ("Menteri Pertahanan Hulusi Akar mengatakan setiap serangan Haftar terhadap pasukan Turki akan dibalas.", "id"),
    ("NATO membahas kemungkinan serangan Rusia ke negara-negara Baltik.", "id"),
])
def test_a_deed_that_may_come_is_no_attack(text: str, lang: str) -> None:
    assert not any(p == "attacks" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("The attack by Hamas was met with condemnation from Germany.", "en"),  # a deed done, and no promise
    ("Hezbollah said any attack on Lebanon would be answered.", "en"),  # nobody named as the attacker
    ("Serangan Hamas itu dibalas oleh Israel.", "id"),
])
def test_an_answer_to_a_deed_done_or_to_nobody_threatens_no_one(text: str, lang: str) -> None:
    assert not any(p == "threatens" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("\"Hamas and its backers must know that they will be seen as a legitimate target,\" Defence Minister "
     "Yoav Gallant said.", "en", ("Yoav Gallant", "threatens", "Hamas")),
    ("\"Israel harus tahu bahwa mereka akan membayar mahal,\" kata Ali Khamenei.", "id",
     ("Ali Khamenei", "threatens", "Israel")),
])
def test_they_who_are_told_to_know_their_price_are_threatened(text: str, lang: str,
                                                             expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_they_of_unknown_antecedent_are_nobody() -> None:
    assert not any(p == "threatens" for _, p, _ in triples("Israel said they will be seen as legitimate targets.", "en"))


def test_any_aggression_condemns_no_one() -> None:
    found = triples("\"Any Israeli aggression will be met with a crushing response,\" Ebrahim Raisi said.", "en")
    assert not any(p == "condemns" for _, p, _ in found)


@pytest.mark.parametrize(("text", "lang"), [
    ("Russia warned that any deployment of NATO troops in Finland would be met with a military response.", "en"),
    ("Rusia memperingatkan bahwa setiap pengerahan pasukan NATO ke Finlandia akan dibalas.", "id"),
])
def test_a_deployment_that_may_come_is_none_and_its_answer_threatens_the_deployer(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert ("Russia", "threatens", "NATO") in found
    assert not any(p == "deploysTo" for _, p, _ in found)


def test_the_agent_of_an_answered_deed_may_follow_its_victim() -> None:
    found = triples("Hulusi Akar said any attack on Turkish troops by Haftar would be met with force.", "en")
    assert ("Hulusi Akar", "threatens", "Khalifa Haftar") in found
    assert not any(o == "Turkey" for _, p, o in found if p == "threatens")


def test_the_agent_of_an_answered_deed_is_the_person_its_titles_describe() -> None:
    found = triples("Defence Minister Hulusi Akar said that any attack by eastern Libyan renegade military commander "
                    "Khalifa Haftar on its personnel in the North African country would be met with force.", "en")
    assert ("Hulusi Akar", "threatens", "Khalifa Haftar") in found
    assert ("Hulusi Akar", "threatens", "Libya") not in found


@pytest.mark.parametrize(("text", "lang"), [
    ("\"The butcher Assad must go,\" Erdogan said.", "en"),
    ("\"Diktator Assad harus pergi,\" kata Erdogan.", "id"),
])
def test_a_damning_epithet_in_a_quote_condemns_whom_it_names(text: str, lang: str) -> None:
    assert ("Recep Tayyip Erdogan", "condemns", "Bashar al-Assad") in triples(text, lang)


def test_an_epithet_in_the_writers_own_words_is_no_ones_verdict() -> None:
    assert not any(p == "condemns" for _, p, _ in triples("The dictator Assad fled to Moscow after Erdogan spoke.", "en"))


@pytest.mark.parametrize(("text", "lang"), [
    ("The Houthis vowed to target US warships.", "en"),
    ("Houthi bersumpah akan menargetkan kapal-kapal perang AS.", "id"),
])
def test_vowing_to_target_a_states_forces_threatens_the_state(text: str, lang: str) -> None:
    assert ("Houthis", "threatens", "United States") in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The EU targeted Russian banks with sanctions.", "en"),
    ("Israel menargetkan komandan Hamas.", "id"),
])
def test_targeting_alone_is_no_attack(text: str, lang: str) -> None:
    """ "targeted X" may be sanctions as much as strikes: only a threat to target reads as one."""
    assert not any(p in ("attacks", "threatens") for _, p, _ in triples(text, lang))
