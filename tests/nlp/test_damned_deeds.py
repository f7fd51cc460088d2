"""A speaker's damning word about an actor's deed condemns the actor (both languages).

"Russia's actions are unacceptable", "the actions of the Russian authorities are
unacceptable", "tindakan Rusia tidak dapat diterima", "Israel is committing genocide",
"Israel melakukan genosida": said by someone, each condemns the one whose deed it is.
Beside them, what must give nothing: a denial, a word that damns nothing, and the victims
of a killing ("the killing of civilians") who did no deed.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Scholz said Russia's actions were unacceptable.", "en", ("Olaf Scholz", "condemns", "Russia")),
    ("\"The actions of the Russian authorities are unacceptable,\" Chancellor Olaf Scholz said.", "en",
     ("Olaf Scholz", "condemns", "Russia")),
    ("\"Israel is committing genocide,\" President Gustavo Petro said.", "en", ("Gustavo Petro", "condemns", "Israel")),
    ("Olaf Scholz mengatakan tindakan Rusia tidak dapat diterima.", "id", ("Olaf Scholz", "condemns", "Russia")),
    ("Jokowi menyebut serangan Israel tidak dapat dibenarkan.", "id", ("Joko Widodo", "condemns", "Israel")),
    ("\"Israel melakukan genosida,\" kata Presiden Gustavo Petro.", "id", ("Gustavo Petro", "condemns", "Israel")),
])
def test_a_damning_word_said_of_an_actors_deed_condemns_the_actor(text: str, lang: str,
                                                                   expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Sergei Lavrov said Russia's actions were not illegal.", "en"),
    ("Olaf Scholz said Russia's decision was expected.", "en"),
    ("\"The killing of Palestinian civilians is unacceptable,\" Olaf Scholz said.", "en"),
    ("Jokowi mengatakan Israel melakukan kunjungan ke Mesir.", "id"),
])
def test_no_damning_word_or_no_doer_condemns_no_one(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The Houthis said Israeli ships were legitimate targets.", "en", ("Houthis", "threatens", "Israel")),
    ("Hulusi Akar said Haftar would be seen as a legitimate target.", "en",
     ("Hulusi Akar", "threatens", "Khalifa Haftar")),
    ("\"Semua kapal Israel adalah sasaran yang sah,\" ujar kelompok Houthi.", "id", ("Houthis", "threatens", "Israel")),
    ("\"All vessels bound for Israeli ports are legitimate targets,\" the Houthis said.", "en",
     ("Houthis", "threatens", "Israel")),
    ("\"Semua kapal milik musuh, yakni Israel, adalah sasaran yang sah,\" ujar kelompok Houthi.", "id",
     ("Houthis", "threatens", "Israel")),
])
def test_calling_an_actor_a_legitimate_target_threatens_it(text: str, lang: str,
                                                            expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)  # guideline rule 20: the target is stated


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Mali's junta denounced the presence of French troops.", "en", ("condemns", "France")),
    ("Junta Mali mengecam kehadiran pasukan Prancis.", "id", ("condemns", "France")),
])
def test_condemning_an_actors_presence_condemns_the_actor(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in {(p, o) for _, p, o in triples(text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("\"All vessels are legitimate targets,\" the Houthis said.", "en"),
    ("\"Semua kapal Israel dan Amerika Serikat adalah mitra,\" ujar kelompok Houthi.", "id"),
])
def test_targets_that_name_no_one_or_no_target_threaten_no_one(text: str, lang: str) -> None:
    assert not any(p == "threatens" for _, p, _ in triples(text, lang))


def test_a_commander_named_with_a_country_leads_no_country() -> None:
    found = triples("\"US bases are legitimate targets,\" the Iranian commander Hossein Salami said.", "en")
    assert ("Hossein Salami", "threatens", "United States") in found
    assert not any(p == "leads" for _, p, _ in found)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("China condemned the visit by Nancy Pelosi to Taiwan.", "en", ("China", "condemns", "Nancy Pelosi")),
    ("China mengecam kunjungan Nancy Pelosi ke Taiwan.", "id", ("China", "condemns", "Nancy Pelosi")),
])
def test_condemning_a_visit_condemns_the_visitor(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found and ("Nancy Pelosi", "visits", "Taiwan") in found
    assert ("China", "condemns", "Taiwan") not in found


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("\"Russia will pay a heavy price,\" Biden said.", "en", ("Joe Biden", "threatens", "Russia")),
    ("Biden said Russia would face severe consequences.", "en", ("Joe Biden", "threatens", "Russia")),
    ("\"Israel akan membayar mahal,\" kata Presiden Iran Ebrahim Raisi.", "id", ("Ebrahim Raisi", "threatens", "Israel")),
])
def test_promising_an_actor_a_price_threatens_it(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [("Civilians paid a heavy price in the war.", "en"),
                                            ("Warga sipil membayar mahal akibat perang.", "id")])
def test_a_price_paid_with_no_one_promising_it_threatens_no_one(text: str, lang: str) -> None:
    assert not any(p == "threatens" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Chile described Peru's decision as a provocation.", "en", ("Chile", "condemns", "Peru")),
    ("Chile menggambarkan keputusan Peru sebagai provokasi.", "id", ("Chile", "condemns", "Peru")),
    ("Chile menggambarkan tuduhan Presiden Dina Boluarte sebagai kebohongan.", "id",
     ("Chile", "condemns", "Dina Boluarte")),
])
def test_describing_an_actors_deed_in_damning_words_condemns_the_actor(text: str, lang: str,
                                                                       expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Chile described Peru's decision as courageous.", "en"),
    ("Chile menggambarkan keputusan Peru sebagai langkah yang berani.", "id"),
])
def test_describing_a_deed_in_words_that_damn_nothing_condemns_no_one(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Russia's annexation of Crimea was condemned by Canada.", "en", ("Canada", "condemns", "Russia")),
    ("The attack by Hamas was condemned by Canada.", "en", ("Canada", "condemns", "Hamas")),
    ("Aneksasi Krimea oleh Rusia dikecam Kanada.", "id", ("Canada", "condemns", "Russia")),
    ("Serangan Hamas itu dikecam oleh Kanada.", "id", ("Canada", "condemns", "Hamas")),
])
def test_a_deed_condemned_in_the_passive_condemns_its_agent(text: str, lang: str,
                                                           expected: tuple[str, str, str]) -> None:
    """Ruling 19 with the deed as the passive's subject: the one who did it is condemned."""
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The attack on the convoy was condemned by Canada.", "en"),
    ("Serangan terhadap konvoi itu dikecam Kanada.", "id"),
])
def test_a_deed_without_an_agent_condemned_in_the_passive_condemns_no_actor(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Chile was outraged at Peru.", "en", ("Chile", "condemns", "Peru")),
    ("Chile was angered by the Peruvian decision.", "en", ("Chile", "condemns", "Peru")),
    ("Chile was furious over Peru's move.", "en", ("Chile", "condemns", "Peru")),
    ("Chile geram atas keputusan Peru.", "id", ("Chile", "condemns", "Peru")),
    ("Chile marah terhadap Peru.", "id", ("Chile", "condemns", "Peru")),
])
def test_outrage_at_an_actor_or_its_deed_condemns_it(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Chileans were outraged at the death of Gabriel Boric.", "en"),
    ("Chile is angered by the Peru visit.", "en"),
    ("Chile was angered by the visit to Peru.", "en"),
    ("Warga Chile marah atas kematian Gabriel Boric.", "id"),
    ("Chile geram atas kunjungan ke Peru.", "id"),
])
def test_outrage_at_a_death_or_at_a_place_visited_condemns_no_one(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Boric met Milei in 2023. Later, Gustavo Petro described him as a dictator.", "en"),
    ("Boric met Milei in 2023. Later, Gustavo Petro called him a butcher.", "en"),
    ("Boric bertemu Milei pada 2023. Kemudian, Gustavo Petro menggambarkannya sebagai diktator.", "id"),
])
def test_damning_a_person_spoken_of_condemns_that_person(text: str, lang: str) -> None:
    """ "described him as a dictator", "menggambarkan|nya sebagai diktator": the pronoun is someone
    the article named before (never the speaker)."""
    found = {(s, o) for s, p, o in triples(text, lang) if p == "condemns"}
    assert len(found) == 1 and next(iter(found))[0] == "Gustavo Petro" and next(iter(found))[1] != "Gustavo Petro"


@pytest.mark.parametrize(("text", "lang"), [
    ("Boric met Milei in 2023. Later, Gustavo Petro called him on Tuesday.", "en"),
    ("Boric met Milei in 2023. Later, Gustavo Petro described him as a visionary.", "en"),
])
def test_calling_or_praising_a_person_spoken_of_condemns_no_one(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))


def test_a_plural_possessive_owns_the_damned_deed() -> None:
    """ "the Hong Kong authorities' actions": the apostrophe after a plural is a possessive."""
    found = triples("Mike Pompeo said the Hong Kong authorities' actions were unacceptable.", "en")
    assert ("Mike Pompeo", "condemns", "Hong Kong authorities") in found


@pytest.mark.parametrize(("text", "lang"), [
    ("Ukraine said Russia was behind the attack.", "en"),
    ("Russia was behind the attack, Ukraine said.", "en"),
    ("Ukraina mengatakan Rusia berada di balik serangan itu.", "id"),
])
def test_putting_an_actor_behind_an_attack_blames_it(text: str, lang: str) -> None:
    assert ("Ukraine", "blames", "Russia") in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Ukraine said Russia was behind the scenes.", "en"),
    ("Russia was behind the attack.", "en"),
])
def test_behind_no_blamed_event_or_said_by_no_one_blames_no_one(text: str, lang: str) -> None:
    assert not any(p == "blames" for _, p, _ in triples(text, lang))


def test_a_nouns_phrase_ends_at_a_finite_verb() -> None:
    """ "The attack was blamed on Russia by Ukraine" tells of no attack by Ukraine on Russia."""
    assert not any(p == "attacks" for _, p, _ in triples("The attack was blamed on Russia by Ukraine.", "en"))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("France was angered when Australia cancelled the deal.", "en", ("France", "condemns", "Australia")),
    ("Prancis berang setelah Australia membatalkan kesepakatan.", "id", ("France", "condemns", "Australia")),
    ("EU leaders were outraged after Lukashenko ordered the plane to land.", "en",
     ("EU leaders", "condemns", "Alexander Lukashenko")),
])
def test_anger_after_a_deed_condemns_its_doer(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    """ "X was angered when Y did ...", "X geram setelah Y ...": the clause names who did what angered X."""
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("China was furious after the visit to Taiwan.", "en"),  # a deed with no doer named: no one
    ("Prancis berang setelah kesepakatan itu dibatalkan.", "id"),
])
def test_anger_after_a_deed_with_no_doer_condemns_no_one(text: str, lang: str) -> None:
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Indonesia condemned the brutal attack and urged the UN Security Council to act.", "en"),
    ("Indonesia mengutuk serangan brutal tersebut dan mendesak Dewan Keamanan PBB untuk bertindak.", "id"),
])
def test_the_one_urged_after_and_is_not_condemned(text: str, lang: str) -> None:
    """The object of "condemned" ends at "and": a verb of its own follows, with its own object."""
    assert not any(p == "condemns" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Israel struck Rafah. Indonesia condemned the brutal attack and urged the UN to act.", "en"),
    ("Israel menyerang Rafah. Indonesia mengutuk serangan brutal tersebut dan mendesak PBB bertindak.", "id"),
])
def test_a_deed_pointed_back_at_past_its_adjective_is_its_doers(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert ("Indonesia", "condemns", "Israel") in found
    assert not any(p == "condemns" and o == "United Nations" for _, p, o in found)
