"""Forces present in a place, in more of the words news uses for them (ruling 12, both languages).

A state's soldiers or peacekeepers in a place are its forces deployed there, even when the
soldiers are a group kg knows by the noun alone; fighters, mercenaries and fleets sent
somewhere are forces too. Diplomats are not (ruling 12), and soldiers acting where they
are is no deployment of a state the sentence does not name.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Thousands of Ethiopian soldiers remain in Somalia.", "en", ("Ethiopia", "deploysTo", "Somalia")),
    ("Indian peacekeepers in South Sudan came under fire.", "en", ("India", "deploysTo", "South Sudan")),
    ("The Wagner Group moved its fighters to Belarus.", "en", ("Wagner Group", "deploysTo", "Belarus")),
    ("Iran dispatched a naval flotilla to the Red Sea.", "en", ("Iran", "deploysTo", "Red Sea")),
    ("Wagner mengirim pejuang ke Mali.", "id", ("Wagner Group", "deploysTo", "Mali")),
])
def test_forces_sent_to_or_present_in_a_place_are_deployed_there(text: str, lang: str,
                                                                 expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Indian diplomats in South Sudan met the president.", "en"),
    ("Soldiers detained politicians in Niger.", "en"),
])
def test_diplomats_and_unowned_soldiers_deploy_nothing(text: str, lang: str) -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The Mandate force is also involved in Chad, Niger and Mali.", "en", ("Mandate force", "deploysTo", "Niger")),
    ("A coalition of allies will remain in the Sahel.", "en", ("coalition of allies", "deploysTo", "Sahel")),
    ("Milisi Wagner beroperasi di Mali dan Libya.", "id", ("Wagner Group", "deploysTo", "Libya")),
    ("Koalisi negara sekutu akan tetap bertahan di Sahel.", "id", ("koalisi negara sekutu", "deploysTo", "Sahel")),
])
def test_a_force_that_is_somewhere_is_deployed_there(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    """ "is involved in", "will remain in", "beroperasi di": being somewhere deploys only a force."""
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Putin remained in Moscow for the talks.", "en"),
    ("The minister is involved in Chad's peace process.", "en"),
    ("Jokowi berada di Jakarta pada Senin.", "id"),
])
def test_a_person_somewhere_deploys_nothing(text: str, lang: str) -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("France sent troops to Mali to fight Islamic extremists.", "en", ("France", "attacks", "Islamic extremists")),
    ("A coalition of allies will remain in the Sahel to counter actions from al Qaida and the Islamic State.", "en",
     ("coalition of allies", "opposes", "Islamic State")),
    ("Pasukan AS berada di Irak untuk melatih tentara Irak dan memerangi kelompok ISIS.", "id",
     ("United States", "attacks", "Islamic State")),
])
def test_a_purpose_clause_after_a_place_has_the_main_subject(text: str, lang: str,
                                                             expected: tuple[str, str, str]) -> None:
    """ "sent troops to Mali to fight X": the one who sent them fights, not Mali."""
    found = triples(text, lang)
    assert expected in found
    assert not any(s in ("Mali", "Sahel", "Iraq") for s, _, _ in found)


def test_a_purpose_clause_after_an_object_keeps_that_object_as_its_subject() -> None:
    """ "decided to withdraw troops": the subject withdraws; "asked Russia to withdraw troops": a request, which
    no one has carried out yet (guideline rule 17), and never the UN's own withdrawal."""
    assert ("Russia", "withdrawsFrom", "Georgia") in triples("Russia decided to withdraw troops from Georgia.", "en")
    found = triples("The UN asked Russia to withdraw troops from Georgia.", "en")
    assert not any(p == "withdrawsFrom" for _, p, _ in found)
    assert not any(s == "United Nations" for s, _, _ in found)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("China deployed warships near the Natuna Islands.", "en", ("China", "deploysTo", "Natuna Islands")),
    ("Russian troops entered Kazakhstan on Thursday.", "en", ("Russia", "deploysTo", "Kazakhstan")),
    ("Pasukan Rusia memasuki Kazakhstan pada Kamis.", "id", ("Russia", "deploysTo", "Kazakhstan")),
])
def test_forces_sent_near_or_entering_a_place_are_deployed_there(text: str, lang: str,
                                                                 expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Putin entered the hall in Moscow.", "en"),
    ("Jokowi memasuki ruangan di Jakarta.", "id"),
    ("Rwandan soldiers are fighting alongside M23 rebels in eastern Congo.", "en"),  # beside them, not at them
])
def test_a_person_entering_deploys_nothing_and_fighting_alongside_attacks_no_one(text: str, lang: str) -> None:
    assert not any(p in ("deploysTo", "attacks") for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Ribuan pasukan Inggris dikirim ke Estonia.", "id", ("United Kingdom", "deploysTo", "Estonia")),
    ("Ribuan tentara Inggris dikirim ke Estonia.", "id", ("tentara Inggris", "deploysTo", "Estonia")),
    ("Kapal perang Jepang dikerahkan ke Laut China Selatan.", "id", ("Japan", "deploysTo", "South China Sea")),
    ("Japanese warships were deployed to the South China Sea.", "en", ("Japan", "deploysTo", "South China Sea")),
])
def test_owned_forces_deployed_in_the_passive_are_their_owners(text: str, lang: str,
                                                              expected: tuple[str, str, str]) -> None:
    """ "dikerahkan", "dikirim": the passive of sending forces; whose forces they are deploys them."""
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Bantuan kemanusiaan dikirim ke Gaza.", "id"),
    ("Ribuan tentara dikerahkan ke perbatasan.", "id"),
])
def test_aid_or_unowned_forces_sent_in_the_passive_deploy_nothing(text: str, lang: str) -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Rwanda has deployed 4,000 troops in eastern Congo.", "en", ("Rwanda", "deploysTo", "Democratic Republic of the Congo")),
    ("Turkey mobilised troops in northern Iraq.", "en", ("Turkey", "deploysTo", "Iraq")),
    ("Turki memobilisasi pasukan di Irak utara.", "id", ("Turkey", "deploysTo", "Iraq")),
    ("India memindahkan pasukan ke Ladakh.", "id", ("India", "deploysTo", "Ladakh")),
])
def test_forces_mobilised_moved_or_deployed_after_an_auxiliary(text: str, lang: str,
                                                              expected: tuple[str, str, str]) -> None:
    """ "has deployed": "has" is the auxiliary, not "has troops in"; mobilising and moving forces deploy them."""
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Turkey mobilised its supporters in Ankara.", "en"),
    ("India memindahkan kedutaannya ke Yerusalem.", "id"),
])
def test_mobilising_supporters_or_moving_an_embassy_deploys_nothing(text: str, lang: str) -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("India moved additional troops to the border with China.", "en"),
    ("Pakistan massed troops along its border with Afghanistan.", "en"),
    ("Russia massed troops near the Ukrainian border.", "en"),
    ("India mengirim pasukan tambahan ke perbatasan dengan China.", "id"),
])
def test_troops_sent_to_a_border_are_not_in_the_neighbour(text: str, lang: str) -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Wagner mercenaries arrived in Mali in December.", "en", ("Wagner Group", "deploysTo", "Mali")),
    ("Putin arrived in Beijing on Tuesday.", "en", ("Vladimir Putin", "visits", "Beijing")),
    ("Putin tiba di Beijing pada Selasa.", "id", ("Vladimir Putin", "visits", "Beijing")),
    ("French troops left Niger last year.", "en", ("France", "withdrawsFrom", "Niger")),
    ("Pasukan Prancis meninggalkan Niger tahun lalu.", "id", ("France", "withdrawsFrom", "Niger")),
    ("Japan sent a destroyer to the Middle East.", "en", ("Japan", "deploysTo", "Middle East")),
    ("China mengirim kapal selam ke Selat Taiwan.", "id", ("China", "deploysTo", "Taiwan Strait")),
])
def test_forces_arrive_and_leave_where_people_visit(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found
    assert expected[1] == "visits" or not any(p == "visits" for _, p, _ in found)  # forces do not visit


def test_a_leader_leaving_a_country_withdraws_nothing() -> None:
    assert not any(p == "withdrawsFrom" for _, p, _ in triples("Macron left Niger on Tuesday.", "en"))
    assert not any(p == "withdrawsFrom" for _, p, _ in triples("Macron meninggalkan Niger pada Selasa.", "id"))


@pytest.mark.parametrize(("text", "lang"), [
    ("Filipina dan Amerika Serikat menggelar latihan militer gabungan di Laut China Selatan.", "id"),
    ("The Philippines and the United States held joint military exercises in the South China Sea.", "en"),
])
def test_drills_held_together_are_cooperation_not_deployment(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert ("Philippines", "cooperatesWith", "United States") in found  # guideline rule 9
    assert not any(p == "deploysTo" for _, p, _ in found)  # "militer" modifies the drills, the phrase's head


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Indonesia has deployed four warships to the waters off the Natuna Islands.", "en",
     ("Indonesia", "deploysTo", "Natuna Islands")),
    ("China sent warships to the area around Taiwan.", "en", ("China", "deploysTo", "Taiwan")),
    ("China mengerahkan kapal perang ke wilayah perairan di sekitar Taiwan.", "id", ("China", "deploysTo", "Taiwan")),
    ("Israel melancarkan serangan ke wilayah di sekitar Rafah.", "id", ("Israel", "attacks", "Rafah")),
])
def test_a_place_named_past_the_words_for_its_surroundings(text: str, lang: str,
                                                          expected: tuple[str, str, str]) -> None:
    """ "the waters off X", "the area around X", "wilayah perairan di sekitar X": the place is X."""
    assert expected in triples(text, lang)


def test_surroundings_of_a_border_are_still_no_entry() -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples("Rusia mengirim pasukan ke kawasan dekat perbatasan Ukraina.", "id"))


@pytest.mark.parametrize(("text", "expected"), [
    ("China increased its military presence in Vietnam.", ("China", "deploysTo", "Vietnam")),
    ("Turkey's troop presence in Iraq angered Baghdad.", ("Turkey", "deploysTo", "Iraq")),
    ("The US maintains a military presence in Syria.", ("United States", "deploysTo", "Syria")),
    ("The US maintains about 900 troops in Syria.", ("United States", "deploysTo", "Syria")),
    ("Russia keeps a naval base in Tartus.", ("Russia", "deploysTo", "Tartus")),
    ("Washington has boosted its naval presence in the Red Sea.", ("United States", "deploysTo", "Red Sea")),
])
def test_a_military_presence_is_forces_in_a_place(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, "en")


@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan signed a peace deal in the presence of Putin.",
    "The presence of Chinese diplomats in Fiji worries Canberra.",
])
def test_a_presence_that_is_no_force_deploys_nothing(text: str) -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples(text, "en"))


def test_in_the_presence_of_takes_no_preposition_from_the_verb() -> None:
    found = triples("Armenia and Azerbaijan signed a peace deal in the presence of Putin.", "en")
    assert {("Armenia", "cooperatesWith", "Azerbaijan"), ("Azerbaijan", "cooperatesWith", "Armenia")} & found


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Chinese warships patrolled the waters off Natuna.", "en", ("China", "deploysTo", "Natuna Islands")),
    ("US warships are patrolling the Red Sea.", "en", ("United States", "deploysTo", "Red Sea")),
    ("Kapal perang China berpatroli di perairan Natuna.", "id", ("China", "deploysTo", "Natuna Islands")),
    ("Indonesia deployed patrol vessels to Natuna.", "en", ("Indonesia", "deploysTo", "Natuna Islands")),
])
def test_warships_patrolling_or_vessels_deployed_are_forces_there(text: str, lang: str,
                                                                  expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Police patrolled the streets of Jakarta.", "en"),
    ("Jokowi memasuki ruangan di Jakarta.", "id"),
    ("Warga memasuki Gaza.", "id"),
])
def test_patrols_and_entries_of_no_forces_deploy_nothing(text: str, lang: str) -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples(text, lang))
