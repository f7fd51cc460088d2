"""Contact between actors in more of the words news uses (ruling 11, both languages): a courtesy
call paid on someone, "kunjungan kehormatan kepada", an embrace. A visit paid to a country stays
a visit, and embracing an idea meets no one.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Foreign Minister Penny Wong paid a courtesy call on President Joko Widodo.", "en",
     ("Penny Wong", "meetsWith", "Joko Widodo")),
    ("Macron hugged Zelensky at the summit.", "en", ("Emmanuel Macron", "meetsWith", "Volodymyr Zelensky")),
    ("Menteri Luar Negeri Retno Marsudi melakukan kunjungan kehormatan kepada Presiden Joko Widodo.", "id",
     ("Retno Marsudi", "meetsWith", "Joko Widodo")),
    ("Jokowi memeluk Anwar Ibrahim di Bogor.", "id", ("Joko Widodo", "meetsWith", "Anwar Ibrahim")),
])
def test_a_call_paid_on_someone_or_an_embrace_is_contact(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Blinken paid a visit to China.", "en", ("Antony Blinken", "visits", "China")),
    ("Jokowi melakukan kunjungan ke China.", "id", ("Joko Widodo", "visits", "China")),
])
def test_a_visit_paid_to_a_country_stays_a_visit(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found and not any(p == "meetsWith" for _, p, _ in found)


def test_embracing_an_idea_meets_no_one() -> None:
    assert not triples("Biden embraced the idea of talks with Iran.", "en")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Putin left for Beijing on Monday.", "en", ("Vladimir Putin", "visits", "Beijing")),
    ("Modi headed to Moscow for talks.", "en", ("Narendra Modi", "visits", "Moscow")),
    ("Prabowo berangkat ke Tokyo pada Senin.", "id", ("Prabowo Subianto", "visits", "Tokyo")),
    ("Zelensky said he was grateful to Biden for the aid.", "en", ("Volodymyr Zelensky", "praises", "Joe Biden")),
])
def test_leaving_for_a_place_visits_it_and_gratitude_praises(text: str, lang: str,
                                                             expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_forces_heading_somewhere_visit_nothing() -> None:
    assert not triples("Russian troops headed to the Ukrainian border.", "en") & {
        ("Russia", "visits", "Ukraine")}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Zelensky refused to meet Putin.", "en", ("Volodymyr Zelensky", "opposes", "Vladimir Putin")),
    ("Iran declined to hold talks with the United States.", "en", ("Iran", "opposes", "United States")),
    ("Zelensky menolak untuk bertemu dengan Putin.", "id", ("Volodymyr Zelensky", "opposes", "Vladimir Putin")),
    ("Iran enggan berunding dengan Amerika Serikat.", "id", ("Iran", "opposes", "United States")),
])
def test_refusing_to_meet_someone_opposes_them_and_meets_no_one(text: str, lang: str,
                                                                 expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found and not any(p == "meetsWith" for _, p, _ in found)


def test_not_meeting_someone_is_neither_meeting_nor_opposing() -> None:
    assert not triples("Zelensky did not meet Putin.", "en")


def test_summoning_a_states_envoy_is_contact_with_the_envoy() -> None:
    found = triples("Pakistan summoned Iran's ambassador after the strike.", "en")
    assert any(s == "Pakistan" and p == "meetsWith" and "ambassador" in o for s, p, o in found)


def test_killing_an_unnamed_deputy_relates_no_one() -> None:
    assert not triples("US forces killed Baghdadi's deputy.", "en")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Sudan's army chief Abdel Fattah al-Burhan rejected talks with the RSF.", "en",
     ("Abdel Fattah al-Burhan", "opposes", "Rapid Support Forces")),
    ("Biden ruled out talks with Russia.", "en", ("Joe Biden", "opposes", "Russia")),
    ("Jenderal Abdel Fattah al-Burhan menolak perundingan dengan RSF.", "id",
     ("Abdel Fattah al-Burhan", "opposes", "Rapid Support Forces")),
])
def test_rejecting_talks_with_someone_opposes_them(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found and not any(p == "meetsWith" for _, p, _ in found)


def test_rejecting_a_proposal_opposes_no_one() -> None:
    assert not triples("Israel rejected the proposal on Monday.", "en")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Blinken wrapped up a three-day visit to China.", "en", ("Antony Blinken", "visits", "China")),
    ("Macron began a state visit to Vietnam.", "en", ("Emmanuel Macron", "visits", "Vietnam")),
    ("Xi returned from a trip to Europe.", "en", ("Xi Jinping", "visits", "Europe")),
    ("Prabowo mengakhiri kunjungan kenegaraan ke Jepang.", "id", ("Prabowo Subianto", "visits", "Japan")),
])
def test_a_visit_begun_ended_or_returned_from_is_a_visit(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_troops_returning_home_visit_nothing() -> None:
    assert not triples("Troops returned from Iraq in 2011.", "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("Ruto said the rebels must withdraw from Goma.", "en"),
    ("Russia needs to withdraw its troops from Ukraine.", "en"),
    ("Ruto mengatakan pemberontak harus mundur dari Goma.", "id"),
])
def test_what_someone_must_do_is_a_demand_not_a_deed(text: str, lang: str) -> None:
    assert not triples(text, lang)  # ruling 14: a demand's content is no relation of its own


def test_a_groups_own_people_named_with_it_are_the_group() -> None:
    assert ("William Ruto", "condemns", "M23") in triples("Ruto criticised the M23 rebels.", "en")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Erdogan said no to Sweden's membership.", "en", ("Recep Tayyip Erdogan", "opposes", "Sweden")),
    ("Erdogan mengatakan tidak kepada Swedia.", "id", ("Recep Tayyip Erdogan", "opposes", "Sweden")),
])
def test_saying_no_to_someone_opposes_them(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [("Biden said no one wanted war with Iran.", "en"),
                                            ("Jokowi mengatakan tidak ada rencana ke China.", "id")])
def test_a_denial_after_said_opposes_no_one(text: str, lang: str) -> None:
    assert not any(p == "opposes" for _, p, _ in triples(text, lang))


def test_his_counterpart_is_the_one_other_person_the_article_ties_to_that_state() -> None:
    """ "Mutua met his Rwandan counterpart": Rwanda's foreign minister, named before; not its president."""
    found = triples("Kenyan Foreign Minister Alfred Mutua arrived in Kigali on Sunday. Rwandan Foreign Minister "
                    "Vincent Biruta hosted a dinner. Mutua met his Rwandan counterpart on Monday.", "en")
    assert ("Alfred Mutua", "meetsWith", "Vincent Biruta") in found


def test_a_ministers_counterpart_is_not_the_other_states_leader() -> None:
    found = triples("Kenyan Foreign Minister Alfred Mutua arrived in Kigali. Rwandan President Paul Kagame spoke "
                    "on Sunday. Mutua met his Rwandan counterpart on Monday.", "en")
    assert ("Alfred Mutua", "meetsWith", "Paul Kagame") not in found


def test_a_leaders_counterpart_is_the_other_states_leader() -> None:
    found = triples("President Biden flew to Bali on Sunday. Chinese President Xi Jinping arrived there too. "
                    "Biden met his Chinese counterpart on Monday.", "en")
    assert ("Joe Biden", "meetsWith", "Xi Jinping") in found


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Kenyan Foreign Minister Alfred Mutua arrived in Kigali. Rwandan President Paul Kagame welcomed him at the "
     "airport.", "en", ("Paul Kagame", "meetsWith", "Alfred Mutua")),
    ("Navalny returned to Moscow in January. Police arrested him at the airport.", "en",
     ("police", "detains", "Alexei Navalny")),
    ("Menlu Kenya Alfred Mutua tiba di Kigali. Presiden Rwanda Paul Kagame menyambutnya di bandara.", "id",
     ("Paul Kagame", "meetsWith", "Alfred Mutua")),
    ("Navalny kembali ke Moskow pada Januari. Polisi menangkapnya di bandara.", "id",
     ("polisi", "detains", "Alexei Navalny")),
])
def test_an_object_pronoun_is_the_person_spoken_of_not_the_subject(text: str, lang: str,
                                                                  expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Yingluck Shinawatra spoke on Monday. Police arrested her sister in Bangkok.", "en"),  # "her" owns the sister
    ("Rusia mengumumkan perang. Rusia menyerangnya pada Februari.", "id"),  # "-nya" may be a thing or a place
])
def test_a_possessive_or_an_impersonal_pronoun_is_no_person_object(text: str, lang: str) -> None:
    assert not any(p in ("detains", "attacks") for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("President Barack Obama and Cuban President Raul Castro prodded each other over human rights during an "
     "unprecedented joint news conference.", "en"),
    ("Barack Obama dan Raul Castro saling berbalas pujian dalam konferensi pers bersama.", "id"),
    ("HAVANA - Laying bare old tensions, Barack Obama and Raul Castro sparred during a joint news conference.", "en"),
])
def test_those_who_open_a_sentence_about_a_joint_conference_met(text: str, lang: str) -> None:
    assert ("Barack Obama", "meetsWith", "Raúl Castro") in triples(text, lang)


def test_one_speaker_at_a_joint_conference_meets_no_one_the_sentence_does_not_name() -> None:
    found = triples("Barack Obama said during a joint news conference that Raul Castro had agreed.", "en")
    assert not any(p == "meetsWith" for _, p, _ in found)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("During his visit to Jakarta, Anthony Albanese met Joko Widodo.", "en", ("Anthony Albanese", "visits", "Jakarta")),
    ("When he arrived in Moscow, Xi Jinping met Vladimir Putin.", "en", ("Xi Jinping", "visits", "Moscow")),
    ("Dalam kunjungannya ke Jakarta, Anthony Albanese bertemu Joko Widodo.", "id",
     ("Anthony Albanese", "visits", "Jakarta")),
    ("Ketika dia tiba di Moskow, Xi Jinping bertemu Putin.", "id", ("Xi Jinping", "visits", "Moscow")),
    ("Xi mendarat di Paris pada Minggu.", "id", ("Xi Jinping", "visits", "Paris")),
])
def test_a_pronoun_in_an_opening_phrase_is_the_subject_after_its_comma(text: str, lang: str,
                                                                      expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)



@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Kamboja dan Thailand pun sepakat memulai pembicaraan setelah mendapat tekanan.", "id", ("Cambodia", "Thailand")),
    ("Indonesia melanjutkan perundingan dengan Uni Eropa.", "id", ("Indonesia", "European Union")),
    ("Russia and Ukraine resumed talks in Istanbul.", "en", ("Russia", "Ukraine")),
    ("Indonesia resumed negotiations with the EU.", "en", ("Indonesia", "European Union")),
])
def test_starting_or_resuming_talks_is_meeting(text: str, lang: str, pair: tuple[str, str]) -> None:
    assert (pair[0], "meetsWith", pair[1]) in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Indonesia memulai pembangunan ibu kota di Kalimantan.", "id"),
    ("Polisi membuka jalan menuju Jakarta.", "id"),
])
def test_starting_or_opening_something_else_meets_no_one(text: str, lang: str) -> None:
    assert not any(p == "meetsWith" for _, p, _ in triples(text, lang))


def test_a_visit_held_in_a_relative_clause_is_the_heads_visit() -> None:
    """ "Lula, who is on a state visit to China,": the relative clause says where its head is visiting."""
    assert ("Luiz Inácio Lula da Silva", "visits", "China") in triples(
        "Lula, who is on a state visit to China, met Xi Jinping.", "en")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Visiting Moscow, Modi said ties were strong.", "en", ("Narendra Modi", "visits", "Moscow")),
    ("Meeting Putin in Moscow, Modi urged peace.", "en", ("Narendra Modi", "meetsWith", "Vladimir Putin")),
    ("Upon arrival in Moscow, Modi met Putin.", "en", ("Narendra Modi", "visits", "Moscow")),
    ("Modi menyambangi Moskow pada Selasa.", "id", ("Narendra Modi", "visits", "Moscow")),
])
def test_a_participle_or_an_arrival_opening_the_sentence_is_the_subjects(text: str, lang: str,
                                                                        expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize("text", [
    "Speaking in Moscow, Modi said ties were strong.",
    "Following talks in Moscow, Modi flew home.",
])
def test_speaking_somewhere_or_a_later_phrase_visits_nothing(text: str) -> None:
    assert not any(p in ("visits", "meetsWith") for _, p, _ in triples(text, "en"))
