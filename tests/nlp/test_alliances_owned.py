"""A name and "its allies": the allies are a group of their own, allied to the name, and act beside it
("The US and its Western allies condemned ...", "AS dan sekutunya menjatuhkan sanksi ...").
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The United States and its Western allies condemned Russia.", "en",
     {("United States", "allyOf", "Western allies"), ("Western allies", "condemns", "Russia")}),
    ("The Malian army and its allies fought the insurgents.", "en", {("Malian army", "allyOf", "allies")}),
    ("AS dan sekutunya menjatuhkan sanksi terhadap Rusia.", "id",
     {("United States", "allyOf", "sekutunya"), ("sekutunya", "sanctions", "Russia")}),
    ("Amerika Serikat dan sekutu-sekutu Baratnya mengecam Rusia.", "id",
     {("United States", "allyOf", "sekutu-sekutu Baratnya")}),
])
def test_a_names_allies_are_allied_to_it_and_act_beside_it(text: str, lang: str,
                                                          expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(text, lang)


def test_neighbours_are_no_allies() -> None:
    assert not any(p == "allyOf" for _, p, _ in triples("Israel and its neighbours signed a deal.", "en"))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Sweden became NATO's 32nd member.", "en", ("Sweden", "memberOf", "NATO")),
    ("Indonesia is the largest member of ASEAN.", "en", ("Indonesia", "memberOf", "ASEAN")),
    ("Swedia menjadi anggota ke-32 NATO.", "id", ("Sweden", "memberOf", "NATO")),
])
def test_a_counted_or_ranked_member_is_a_member(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Rusia dan sekutunya Belarus menggelar latihan.", "id", ("Russia", "Belarus")),
    ("Russia and its allies Belarus and Kazakhstan held drills.", "en", ("Russia", "Kazakhstan")),
    ("Hongaria, sekutu Rusia, memblokir kesepakatan.", "id", ("Hungary", "Russia")),
])
def test_an_owned_ally_named_after_the_noun_is_that_ally_not_a_group(text: str, lang: str,
                                                                    pair: tuple[str, str]) -> None:
    found = triples(text, lang)
    assert (pair[0], "allyOf", pair[1]) in found
    assert not any(o in ("sekutunya", "allies") for _, _, o in found)


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Serbia has long been Russia's closest ally in Europe.", "en", {"Serbia", "Russia"}),
    ("Serbia is still a close ally of Russia.", "en", {"Serbia", "Russia"}),
    ("Serbia telah lama menjadi sekutu terdekat Rusia di Eropa.", "id", {"Serbia", "Russia"}),
    ("Serbia masih merupakan sekutu Rusia.", "id", {"Serbia", "Russia"}),
])
def test_an_ally_noun_after_auxiliaries_and_adverbs_of_the_copula(text: str, lang: str, pair: set[str]) -> None:
    """ "has long been", "is still", "telah lama menjadi": the subject still holds the ally noun."""
    assert any(p == "allyOf" and {s, o} == pair for s, p, o in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Serbia has long been wary of Russia's allies.", "en"),
    ("Serbia telah lama menjadi penengah bagi sekutu Rusia.", "id"),
])
def test_no_ally_noun_held_by_the_subject_gives_no_alliance(text: str, lang: str) -> None:
    assert not any(p == "allyOf" and "Serbia" in (s, o) for s, p, o in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    ("Serbia's allies, including Hungary and Slovakia, objected.", "en", [("Serbia", "Hungary"), ("Serbia", "Slovakia")]),
    ("Serbian allies such as Hungary objected.", "en", [("Serbia", "Hungary")]),
    ("Sekutu Serbia seperti Hongaria dan Slowakia keberatan.", "id", [("Serbia", "Hungary"), ("Serbia", "Slovakia")]),
    ("Sekutu-sekutu Serbia, termasuk Hongaria, keberatan.", "id", [("Serbia", "Hungary")]),
    ("The alliance between Serbia and Hungary is strong.", "en", [("Serbia", "Hungary")]),
    ("Aliansi antara Serbia dan Hongaria kuat.", "id", [("Serbia", "Hungary")]),
    ("Serbia is allied with Hungary.", "en", [("Serbia", "Hungary")]),
])
def test_allies_listed_after_the_noun_or_an_alliance_between_two(text: str, lang: str,
                                                                  pairs: list[tuple[str, str]]) -> None:
    found = {frozenset((s, o)) for s, p, o in triples(text, lang) if p == "allyOf"}
    assert all(frozenset(pair) in found for pair in pairs)


@pytest.mark.parametrize(("text", "lang"), [
    ("Serbia's neighbours, including Hungary, objected.", "en"),
    ("Tetangga Serbia seperti Hongaria keberatan.", "id"),
    ("The talks between Serbia and Hungary failed.", "en"),
])
def test_neighbours_listed_or_talks_between_two_make_no_alliance(text: str, lang: str) -> None:
    assert not any(p == "allyOf" for _, p, _ in triples(text, lang))


def test_a_body_with_its_members_listed_in_a_relative_clause() -> None:
    """ "BRICS, yang beranggotakan A, B dan C, bertemu": the members belong to it and do not meet each other
    (guideline ruling 18); in English, the list inside "which includes" is no subject of "met"."""
    found = triples("BRICS, yang beranggotakan Brasil, Rusia, India dan China, bertemu.", "id")
    assert {("Brazil", "memberOf", "BRICS"), ("China", "memberOf", "BRICS")} <= found
    assert not any(p == "meetsWith" for _, p, _ in found)
    assert not any(p == "meetsWith" for _, p, _ in triples("BRICS, which includes Brazil, India and China, met.", "en"))


def test_a_body_qualifying_two_countries_is_none_of_them() -> None:
    """ "Dua negara ASEAN, Thailand dan Kamboja, bentrok": ASEAN only says which countries clashed."""
    found = triples("Dua negara ASEAN, Thailand dan Kamboja, bentrok.", "id")
    assert ("Thailand", "attacks", "Cambodia") in found and not any("ASEAN" in (s, o) for s, p, o in found if p == "attacks")


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Putin met his ally Alexander Lukashenko in Minsk.", "en", ("Vladimir Putin", "Alexander Lukashenko")),
    ("Putin bertemu sekutunya Alexander Lukashenko di Minsk.", "id", ("Vladimir Putin", "Alexander Lukashenko")),
    ("Serbia remains Russia's only ally in Europe.", "en", ("Russia", "Serbia")),
    ("Serbia tetap menjadi satu-satunya sekutu Rusia di Eropa.", "id", ("Serbia", "Russia")),
    ("The Philippines, a treaty ally of the United States, protested.", "en", ("Philippines", "United States")),
    ("The Kremlin's staunchest ally, Belarusian President Alexander Lukashenko, spoke.", "en",
     ("Kremlin", "Alexander Lukashenko")),
    ("North Korea forged an alliance with Russia last year.", "en", ("North Korea", "Russia")),
    ("Korea Utara menjalin aliansi dengan Rusia.", "id", ("North Korea", "Russia")),
])
def test_ally_nouns_owned_by_a_pronoun_or_set_off_and_alliances_forged(text: str, lang: str,
                                                                       pair: tuple[str, str]) -> None:
    found = triples(text, lang)
    assert (pair[0], "allyOf", pair[1]) in found or (pair[1], "allyOf", pair[0]) in found


@pytest.mark.parametrize(("text", "lang"), [
    ("Xi told Putin that his ally Lukashenko should attend.", "en"),  # whose ally: Xi's or Putin's?
    ("Biden mengkritik Netanyahu, sekutu terdekatnya di kawasan itu.", "id"),  # the apposition is the ally, not its owner
])
def test_an_ally_whose_owner_the_sentence_leaves_open_is_no_alliance(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert not any(p == "allyOf" and "Lukashenko" in o for _, p, o in found)
    assert not any(p == "allyOf" and o.startswith("sekutu") for _, p, o in found)


def _allied(found: set[tuple[str, str, str]]) -> set[frozenset[str]]:
    return {frozenset((s, o)) for s, p, o in found if p == "allyOf"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Japan and South Korea are allies of the United States.", "en"),
    ("Japan and South Korea, close allies of Washington, condemned the launch.", "en"),
    ("Jepang dan Korea Selatan adalah sekutu AS.", "id"),
    ("Jepang dan Korea Selatan, sekutu AS, mengecam peluncuran itu.", "id"),
])
def test_plural_allies_of_a_name_are_each_listed_subjects(text: str, lang: str) -> None:
    """ "A and B are allies of C": each is C's ally; A and B are not said to be each other's."""
    assert _allied(triples(text, lang)) == {frozenset(("Japan", "United States")),
                                            frozenset(("South Korea", "United States"))}


def test_a_singular_ally_is_only_the_name_it_is_set_off_after() -> None:
    assert _allied(triples("Poland and Hungary, a close ally of Russia, disagreed.", "en")) == {
        frozenset(("Hungary", "Russia"))}


@pytest.mark.parametrize(("text", "lang"), [
    ("Japan and South Korea are allies.", "en"),
    ("Jepang dan Korea Selatan adalah sekutu.", "id"),
])
def test_plural_allies_with_no_owner_ally_the_subjects(text: str, lang: str) -> None:
    assert _allied(triples(text, lang)) == {frozenset(("Japan", "South Korea"))}


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("The Russia-North Korea alliance has deepened.", "en", {"Russia", "North Korea"}),
    ("The North Korea-Russia alliance worries Seoul.", "en", {"Russia", "North Korea"}),
    ("Aliansi AS-Jepang semakin kuat.", "id", {"United States", "Japan"}),
    ("Aliansi Rusia dan Korea Utara semakin erat.", "id", {"Russia", "North Korea"}),
])
def test_an_alliance_of_two_names_joined_beside_the_noun(text: str, lang: str, pair: set[str]) -> None:
    assert _allied(triples(text, lang)) == {frozenset(pair)}


def test_a_reduplicated_plural_with_its_clitic_is_the_owned_allies() -> None:
    assert ("United States", "allyOf", "sekutu-sekutunya") in triples(
        "AS dan sekutu-sekutunya menjatuhkan sanksi.", "id")


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Lukashenko, a close Putin ally, hosted the talks.", "en", {"Alexander Lukashenko", "Vladimir Putin"}),
    ("Trump ally Elon Musk criticised the bill.", "en", {"Donald Trump", "Elon Musk"}),
    ("Hungary, which is an ally of Russia, vetoed the package.", "en", {"Hungary", "Russia"}),
    ("Hongaria, yang merupakan sekutu Rusia, memveto paket itu.", "id", {"Hungary", "Russia"}),
    ("Hungary is an ally of Russia, officials said.", "en", {"Hungary", "Russia"}),
    ("Belarus adalah sekutu Rusia, kata para pejabat.", "id", {"Belarus", "Russia"}),
])
def test_a_persons_ally_and_the_subject_of_a_relative_copula(text: str, lang: str, pair: set[str]) -> None:
    """A person's name right before the noun owns it (a bloc's names its members: "NATO allies Poland");
    "which is"/"yang merupakan" is a copula whose subject is the name before the comma; a speaker after
    the clause is no ally."""
    assert _allied(triples(text, lang)) == {frozenset(pair)}


def test_a_blocs_allies_are_its_members_not_its_allies() -> None:
    assert not _allied(triples("NATO allies Poland and Romania protested.", "en"))


@pytest.mark.parametrize(("text", "owner", "allies"), [
    ("Ukraine's Western allies, including Germany and France, sent tanks.", "Ukraine", {"Germany", "France"}),
    ("Washington's Gulf allies, such as Saudi Arabia, agreed.", "United States", {"Saudi Arabia"}),
])
def test_allies_listed_after_a_names_allies_are_its_allies(text: str, owner: str, allies: set[str]) -> None:
    assert _allied(triples(text, "en")) == {frozenset((owner, a)) for a in allies}


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Washington's main ally in Asia, Japan, protested.", "en", {"United States", "Japan"}),
    ("Sekutu utama AS di Asia, Jepang, memprotes.", "id", {"United States", "Japan"}),
    ("Russia and Belarus, two close allies, held drills.", "en", {"Russia", "Belarus"}),
    ("Rusia dan Belarus, dua sekutu dekat, menggelar latihan.", "id", {"Russia", "Belarus"}),
])
def test_an_ally_set_off_past_a_place_and_a_pair_set_off_as_allies(text: str, lang: str, pair: set[str]) -> None:
    assert _allied(triples(text, lang)) == {frozenset(pair)}


def test_allies_of_a_third_set_off_after_a_pair_are_not_each_others() -> None:
    assert _allied(triples("Russia and Belarus, allies of Iran, held drills.", "en")) == {
        frozenset(("Russia", "Iran")), frozenset(("Belarus", "Iran"))}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Russia said its allies would respond.", "en", ("Russia", "allyOf", "allies")),
    ("Rusia mengatakan sekutunya akan merespons.", "id", ("Russia", "allyOf", "sekutunya")),
])
def test_a_pronouns_allies_are_the_one_name_before_them(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Two ASEAN countries, Thailand and Cambodia, clashed on the border.", "en"),
    ("Dua negara ASEAN, Thailand dan Kamboja, bentrok di perbatasan.", "id"),
    ("Thailand dan Kamboja adalah negara ASEAN.", "id"),
])
def test_a_blocs_countries_are_its_members(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert {("Thailand", "memberOf", "ASEAN"), ("Cambodia", "memberOf", "ASEAN")} <= found


@pytest.mark.parametrize(("text", "lang"), [
    ("Countries like China and Russia oppose NATO.", "en"),
    ("Negara-negara seperti China dan Rusia menentang NATO.", "id"),
])
def test_countries_acting_on_a_bloc_are_not_its_members(text: str, lang: str) -> None:
    assert not any(p == "memberOf" for _, p, _ in triples(text, lang))
