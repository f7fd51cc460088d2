"""Collective actors named by what they are, on sentences written for them (both languages).

A state's people ("US officials", "pejabat AS") and a leader's followers ("Castillo
supporters", "para pendukung Castillo") are groups of their own: officials who visit a
place are not the state visiting it, and supporters who march are not their leader.
Beside each construction, a case that must keep its old reading.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("US officials visited Taiwan last week.", "en", ("US officials", "visits", "Taiwan")),
    ("Obama met Cuban dissidents at the embassy.", "en", ("Barack Obama", "meetsWith", "Cuban dissidents")),
    ("The EU sanctioned Russian officials on Monday.", "en", ("European Union", "sanctions", "Russian officials")),
    ("Police arrested 20 Palestinian protesters.", "en", ("police", "detains", "Palestinian protesters")),
    ("Pejabat AS mengunjungi Taiwan pekan lalu.", "id", ("pejabat AS", "visits", "Taiwan")),
    ("Polisi Israel menangkap warga Palestina di Yerusalem.", "id", ("polisi", "detains", "warga Palestina")),
    ("Polisi Hong Kong menangkap puluhan demonstran.", "id", ("polisi", "detains", "demonstran")),  # not the city
])
def test_a_states_people_are_a_group_of_their_own(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found
    state = {"US officials": "United States", "pejabat AS": "United States"}.get(expected[0])
    assert state is None or not any(s == state for s, _, _ in found)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Pejabat AS Jake Sullivan mengunjungi Beijing.", "id", ("Jake Sullivan", "visits", "Beijing")),
    ("Russian leader Vladimir Putin met Chinese officials.", "en", ("Vladimir Putin", "leads", "Russia")),
])
def test_a_people_noun_before_a_name_is_still_a_title(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Supporters of Imran Khan protested against Shehbaz Sharif.", "en",
     ("supporters of Imran Khan", "protestsAgainst", "Shehbaz Sharif")),
    ("Mantan presiden Pedro Castillo ditahan. Para pendukung Castillo memprotes Presiden Dina Boluarte.", "id",
     ("para pendukung Castillo", "protestsAgainst", "Dina Boluarte")),
])
def test_a_leaders_followers_act_as_a_group_not_as_the_leader(text: str, lang: str,
                                                              expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found
    assert not any(s in ("Imran Khan", "Pedro Castillo") for s, _, _ in found)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Russia's move drew condemnation from Washington.", "en", ("United States", "condemns", "Russia")),
    ("Israel faced sharp criticism from France over the strikes.", "en", ("France", "condemns", "Israel")),
    ("Langkah China menuai kecaman dari Amerika Serikat.", "id", ("United States", "condemns", "China")),
    ("Kebijakan Trump menghadapi kritik keras dari Kanada.", "id", ("Canada", "condemns", "Donald Trump")),
])
def test_criticism_drawn_from_someone_is_their_criticism(text: str, lang: str,
                                                         expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The attack on Kyiv drew condemnation from the United Nations.", "en"),  # the place attacked is not judged
    ("Serangan terhadap Kyiv menuai kecaman dari PBB.", "id"),
])
def test_the_target_of_a_criticised_act_is_not_criticised(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))


def test_a_groups_name_keeps_its_clitic_owner() -> None:
    assert ("Houthis", "detains", "awaknya") in triples("Houthi menyerang kapal itu dan menyandera 25 awaknya.", "id")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Thousands of students took to the streets against President Ruto.", "en", ("students", "protestsAgainst", "William Ruto")),
    ("Supporters of Imran Khan took to the streets to demand the resignation of Shehbaz Sharif.", "en",
     ("supporters of Imran Khan", "protestsAgainst", "Shehbaz Sharif")),
    ("Mantan presiden Pedro Castillo ditahan. Para pendukung Castillo turun ke jalan untuk menuntut pengunduran "
     "diri Presiden Dina Boluarte.", "id", ("para pendukung Castillo", "protestsAgainst", "Dina Boluarte")),
])
def test_taking_to_the_streets_against_someone_or_for_their_removal_protests_them(
        text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Fans took to the streets to celebrate the win of Argentina.", "en"),
    ("Mahasiswa turun ke jalan setelah Presiden Jokowi berpidato.", "id"),
])
def test_taking_to_the_streets_with_no_one_opposed_protests_no_one(text: str, lang: str) -> None:
    assert not any(p == "protestsAgainst" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("World leaders praised Kenya for leading the mission.", "en", ("world leaders", "praises", "Kenya")),
    ("The international community condemned Russia.", "en", ("international community", "condemns", "Russia")),
    ("Para pemimpin dunia memuji Kenya.", "id", ("para pemimpin dunia", "praises", "Kenya")),
])
def test_the_world_as_an_actor_is_a_group(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Soldiers detained President Ali Bongo and his son, Noureddin Bongo Valentin.", "en"),
    ("Militer Gabon menangkap Presiden Ali Bongo dan putranya, Noureddin Bongo Valentin.", "id"),
])
def test_a_relative_named_after_a_kin_word_is_a_person_in_the_list(text: str, lang: str) -> None:
    detained = {o for _, p, o in triples(text, lang) if p == "detains"}
    assert {"Ali Bongo Ondimba", "Noureddin Bongo Valentin"} <= detained


@pytest.mark.parametrize(("text", "lang", "group"), [
    ("The United States imposed sanctions against Carrie Lam and 10 other officials.", "en", "other officials"),
    ("The EU sanctioned 11 individuals on Monday.", "en", "individuals"),
    ("AS menjatuhkan sanksi kepada Carrie Lam dan 10 pejabat lainnya.", "id", "pejabat"),
])
def test_counted_officials_are_a_group_in_the_list(text: str, lang: str, group: str) -> None:
    sanctioned = {o for _, p, o in triples(text, lang) if p == "sanctions"}
    assert group in sanctioned


def test_a_group_noun_naming_a_kind_of_place_is_no_group() -> None:
    found = triples("Tentara Israel menyerbu kamp pengungsi Jenin di Tepi Barat.", "id")
    assert any(p == "attacks" and o == "Jenin" for _, p, o in found)
    assert not any(o == "pengungsi" for _, _, o in found)


def test_the_capitalised_west_alone_is_a_group_and_no_part_of_a_place() -> None:
    assert ("Vladimir Putin", "blames", "Barat") in triples("Putin menyalahkan Barat atas perang itu.", "id")
    assert not any("Barat" in (s, o) for s, _, o in triples("Gubernur Jawa Barat Ridwan Kamil memimpin rapat.", "id"))
    assert triples("Angin bertiup dari arah barat.", "id") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("The Biden administration sanctioned Hong Kong officials.", ("Biden administration", "sanctions")),
    ("The Netanyahu government rejected Egypt's plan.", ("Netanyahu government", "opposes")),
])
def test_the_government_a_person_heads_acts_as_a_body(text: str, expected: tuple[str, str]) -> None:
    assert any((s, p) == expected for s, p, _ in triples(text, "en"))


def test_pemerintahan_before_a_name_is_an_era_not_a_body() -> None:
    """ "pada masa pemerintahan Jokowi": the years he governed; Jokowi is the one who acts."""
    found = triples("Pemerintahan Jokowi mengecam serangan Israel ke Rafah.", "id")
    assert not any(s.lower().startswith("pemerintahan") for s, _, _ in found)


@pytest.mark.parametrize(("text", "lang"), [
    ("Kenya will lead a multinational police mission to Haiti.", "en"),
    ("Kenya akan memimpin misi polisi multinasional ke Haiti.", "id"),
    ("The police chief met Ruto in Nairobi.", "en"),
])
def test_a_group_noun_that_only_names_a_kind_of_mission_or_office_is_no_actor(text: str, lang: str) -> None:
    """ "a police mission", "misi polisi": the group noun modifies the head beside it."""
    assert not any("police" in (s, o) or "polisi" in (s, o) for s, _, o in triples(text, lang))


def test_a_group_noun_heading_its_phrase_still_acts() -> None:
    assert ("police", "detains", "protesters") in triples("Police arrested ten protesters in Nairobi.", "en")
