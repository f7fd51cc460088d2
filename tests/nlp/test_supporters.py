"""`supports` from the nouns news uses for a backer, in the same constructions as an ally noun but with a
direction: the supporter supports the one it is the supporter of ("Poland, a staunch supporter of Ukraine",
"Iran, Hezbollah's main backer", "Polandia, salah satu pendukung utama Ukraina").
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang"), [
    ("Poland, one of Ukraine's staunchest supporters, welcomed the outcome.", "en"),
    ("Poland, a staunch supporter of Ukraine, welcomed it.", "en"),
    ("Poland is a staunch supporter of Ukraine.", "en"),
    ("Ukraine's main backer Poland sent more aid.", "en"),
    ("Polandia, salah satu pendukung utama Ukraina, menyambut hasil itu.", "id"),
    ("Pendukung utama Ukraina, Polandia, menyambut hasil itu.", "id"),
    ("Polandia adalah pendukung kuat Ukraina.", "id"),
])
def test_a_supporter_supports_whom_it_backs(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert ("Poland", "supports", "Ukraine") in found
    assert ("Ukraine", "supports", "Poland") not in found


@pytest.mark.parametrize(("text", "lang"), [
    ("Trump supporters stormed the Capitol.", "en"),
    ("Thousands of Castillo supporters marched in Lima.", "en"),
    ("Para pendukung Castillo turun ke jalan di Lima.", "id"),
])
def test_supporters_named_by_whom_they_back_are_no_named_supporter(text: str, lang: str) -> None:
    assert not any(p == "supports" for _, p, _ in triples(text, lang))


def test_one_of_a_states_closest_allies_is_its_ally() -> None:
    found = triples("Hungary, one of Russia's closest allies, blocked the package.", "en")
    assert ("Hungary", "allyOf", "Russia") in found or ("Russia", "allyOf", "Hungary") in found


@pytest.mark.parametrize(("text", "lang"), [
    ("Modi met Putin in Moscow, which drew criticism from Zelensky.", "en"),
    ("Modi bertemu Putin di Moskow, yang memicu kritik dari Zelensky.", "id"),
])
def test_a_city_where_something_happened_is_not_what_a_relative_clause_judges(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))  # the meeting drew criticism, not Moscow


def test_a_passive_relative_clause_still_says_what_was_done_to_the_city() -> None:
    found = triples("Biden arrived in Kyiv, which was shelled by Russian forces overnight.", "en")
    assert ("Russia", "attacks", "Kyiv") in found


@pytest.mark.parametrize(("text", "lang"), [
    ("Dua perusahaan Rusia yang diduga membantu Pyongyang menghindari sanksi dibekukan asetnya.", "id"),
    ("Dua perusahaan China membantu Rusia.", "id"),
])
def test_a_states_companies_are_not_the_state(text: str, lang: str) -> None:
    assert not any(p == "aids" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Kapal perang Rusia menembaki Odesa.", "id", ("Russia", "attacks", "Odesa")),
    ("Pasukan Rusia yang menyerang Kyiv mundur.", "id", ("Russia", "attacks", "Kyiv")),
    ("Xi Jinping menyebut China akan bekerja sama dengan Indonesia.", "id", ("China", "cooperatesWith", "Indonesia")),
])
def test_a_states_forces_and_the_state_itself_still_act(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Amnesty International urged Pakistani authorities to release detained protesters.", "en"),
    ("Russia freed jailed activists.", "en"),
])
def test_a_participle_that_describes_the_released_detains_no_one(text: str, lang: str) -> None:
    assert not any(p == "detains" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The United States stands with the people of Hong Kong.", "en",
     ("United States", "supports", "the people of Hong Kong")),
    ("Hun Manet memimpin delegasi Bangkok.", "id", ("Hun Manet", "leads", "delegasi Bangkok")),
])
def test_a_places_people_are_a_group_of_their_own(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_the_place_in_a_group_of_its_people_is_still_named() -> None:
    from kg.extraction import extract_article
    from kg.model import Article
    extraction = extract_article(Article(id="t", text="Hun Manet memimpin delegasi Bangkok.", lang="id"))
    assert ("Bangkok", "Place") in {(e.label, e.type) for e in extraction.entities if e.mentions}


@pytest.mark.parametrize(("text", "lang"), [
    ("Kementerian Pertahanan Rusia mengklaim berhasil menembak jatuh puluhan drone Ukraina.", "id"),
    ("Russia said it shot down 20 Ukrainian drones over Belgorod.", "en"),
])
def test_shooting_down_a_states_drones_attacks_no_state(text: str, lang: str) -> None:
    assert not any(p == "attacks" and o == "Ukraine" for _, p, o in triples(text, lang))


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia has relied on Chinese components since Western countries cut off exports after its invasion of "
     "Ukraine.", ("Russia", "attacks", "Ukraine")),
    ("The EU, which imposed sanctions on Russia after its invasion of Ukraine, met.", ("Russia", "attacks", "Ukraine")),
])
def test_its_stands_for_no_plural_group_and_no_qualifying_adjective(text: str, expected: tuple[str, str, str]) -> None:
    found = triples(text, "en")
    assert expected in found
    assert not any(p == "attacks" and s in ("Western countries", "China", "European Union") for s, p, _ in found)


@pytest.mark.parametrize("text", ["The minister said his ally would decide.", "Japan said its ally would decide."])
def test_an_owned_ally_with_no_name_after_it_relates_no_one(text: str) -> None:
    assert not any(p == "allyOf" for _, p, _ in triples(text, "en"))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Bashar al-Assad relied on support from Russia and Iran.", "en", ("Russia", "supports", "Bashar al-Assad")),
    ("Alexander Lukashenko has relied on Russian support.", "en", ("Russia", "supports", "Alexander Lukashenko")),
    ("Alexander Lukashenko relies on Russia's subsidies.", "en", ("Russia", "aids", "Alexander Lukashenko")),
    ("Bashar al-Assad bergantung pada dukungan Rusia dan Iran.", "id", ("Iran", "supports", "Bashar al-Assad")),
    ("Ukraina mengandalkan bantuan dari AS.", "id", ("United States", "aids", "Ukraine")),
    ("Alexander Lukashenko mengandalkan subsidi dan dukungan Rusia.", "id", ("Russia", "aids", "Alexander Lukashenko")),
])
def test_relying_on_a_names_support_is_its_support(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)
