"""`leads` in more of the forms news uses, on sentences written for them (both languages).

A leader title set off after the name with no possessive ("Joe Biden, the US president,",
"X, NATO secretary-general,"), ruling a country, and leading a delegation (a group of its
own, not the state it comes from). Beside each, what must not be read: former and deputy
office holders lead nothing (guideline rule 6), and "ruled out" rules nothing.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Joe Biden, the US president, said on Monday.", "en", ("Joe Biden", "leads", "United States")),
    ("Jens Stoltenberg, NATO secretary-general, spoke in Brussels.", "en", ("Jens Stoltenberg", "leads", "NATO")),
    ("Olaf Scholz, the German chancellor, met Macron.", "en", ("Olaf Scholz", "leads", "Germany")),
    ("Joko Widodo, Presiden Indonesia, tiba di Canberra.", "id", ("Joko Widodo", "leads", "Indonesia")),
])
def test_a_leader_title_set_off_after_the_name_leads(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Donald Trump, the former US president, said on Monday.", "en"),
    ("Kamala Harris, the US vice president, said on Monday.", "en"),
    ("Antony Blinken, the US secretary of state, said on Monday.", "en"),
])
def test_a_former_deputy_or_minister_set_off_after_the_name_leads_nothing(text: str, lang: str) -> None:
    assert not any(p == "leads" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Hun Sen ruled Cambodia for decades.", "en", ("Hun Sen", "leads", "Cambodia")),
    ("Lukashenko, who has ruled Belarus since 1994, met Putin.", "en", ("Alexander Lukashenko", "leads", "Belarus")),
    ("Lukashenko, yang telah memerintah Belarusia selama 29 tahun, bertemu Putin.", "id",
     ("Alexander Lukashenko", "leads", "Belarus")),
])
def test_ruling_a_country_is_leading_it(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_ruling_out_is_not_ruling() -> None:
    assert not any(p == "leads" for _, p, _ in triples("Biden ruled out talks with Russia.", "en"))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Wang Yi led the Chinese delegation at the talks.", "en", ("Wang Yi", "leads", "Chinese delegation")),
    ("Wang Yi memimpin delegasi China dalam perundingan.", "id", ("Wang Yi", "leads", "delegasi China")),
    ("Delegasi Kamboja dipimpin Perdana Menteri Hun Manet.", "id", ("Hun Manet", "leads", "delegasi Kamboja")),
])
def test_leading_a_delegation_leads_the_delegation_not_its_state(text: str, lang: str,
                                                                 expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found
    assert not any(p == "leads" and o in ("China", "Cambodia") for _, p, o in found)


def test_a_leader_title_pointed_back_at_is_the_person_spoken_of_and_leads_what_it_heads() -> None:
    text = "Prabowo Subianto tiba di Tokyo. Ketua Umum Partai Gerindra itu kemudian bertemu Shigeru Ishiba."
    found = triples(text, "id")
    assert {("Prabowo Subianto", "leads", "Gerindra Party"),
            ("Prabowo Subianto", "meetsWith", "Shigeru Ishiba")} <= found


@pytest.mark.parametrize("text", [
    "Menurut kementerian itu, Presiden Amerika Serikat itu menyerang Iran.",  # no one named before it
    "Presiden Rusia Vladimir Putin bertemu Presiden Joe Biden. Presiden Amerika Serikat itu menolak.",
])
def test_a_pointed_title_names_no_leader_it_cannot_find(text: str) -> None:
    found = triples(text, "id")
    assert not any(p == "leads" and o == "United States" for _, p, o in found)
    assert ("Vladimir Putin", "leads", "United States") not in found


def test_a_leaders_counterpart_from_another_country_leads_it() -> None:
    found = triples("Kenyan President William Ruto met his Tanzanian counterpart Samia Suluhu Hassan in Arusha.", "en")
    assert ("Samia Suluhu Hassan", "leads", "Tanzania") in found


def test_a_ministers_counterpart_leads_nothing() -> None:
    found = triples("Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov in Moscow.", "en")
    assert ("Wang Yi", "meetsWith", "Sergei Lavrov") in found
    assert not any(p == "leads" for _, p, _ in found)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Biden spoke with his French counterpart, Emmanuel Macron.", "en", ("Joe Biden", "meetsWith", "Emmanuel Macron")),
    ("Jokowi bertemu Presiden Rusia, Vladimir Putin, di Moskow.", "id",
     ("Joko Widodo", "meetsWith", "Vladimir Putin")),
])
def test_an_office_with_a_name_in_apposition_is_that_person(text: str, lang: str,
                                                            expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found
    assert not any(o in ("French counterpart", "Presiden Rusia") for _, _, o in found)


def test_the_commissioner_of_a_body_leads_it_a_commissioner_for_a_portfolio_does_not() -> None:
    assert ("Chris Tang", "leads", "Hong Kong Police Force") in triples(
        "The officials include Chris Tang, the commissioner of the Hong Kong Police Force.", "en")
    assert not any(p == "leads" for _, p, _ in triples("EU Commissioner for Trade Valdis Dombrovskis said.", "en"))


def test_the_demonym_and_title_of_the_one_person_titled_so_is_that_person() -> None:
    found = triples("President Emmanuel Macron spoke on Monday. The French president said a coalition would "
                    "remain in the Sahel.", "en")
    assert ("Emmanuel Macron", "leads", "France") in found


@pytest.mark.parametrize(("text", "lang"), [
    ("President Joe Biden met Xi Jinping. The Chinese president said China wanted peace.", "en"),
    ("Presiden Joe Biden bertemu Zelensky. Presiden Ukraina itu berterima kasih.", "id"),
])
def test_a_pointed_title_that_another_named_person_could_hold_names_no_one(text: str, lang: str) -> None:
    assert not any(s == "Joe Biden" and p == "leads" for s, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Abdul Mahdi, yang mengundurkan diri pada November meski masih menjabat sebagai PM sementara Irak, "
     "mengatakan bahwa serangan AS itu melanggar kedaulatan Irak.", "id", ("Abdul Mahdi", "leads", "Iraq")),
    ("Ali Rahman, who resigned in May but still serves as caretaker prime minister of Iraq, said the strike "
     "was illegal.", "en", ("Ali Rahman", "leads", "Iraq")),
])
def test_an_office_held_inside_a_relative_clause_is_led(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    """ "X, who ... still serves as prime minister of Y": the relative clause's head leads Y, and is the
    one the main verb's clause quotes (not Y)."""
    found = triples(text, lang)
    assert expected in found
    assert not any(s == "Iraq" for s, _, _ in found)


@pytest.mark.parametrize(("text", "lang"), [
    ("Abdul Mahdi, yang pernah menjabat sebagai PM Irak, berbicara di Baghdad.", "id"),
    ("Ali Rahman, who once served as prime minister of Iraq, spoke in Baghdad.", "en"),
])
def test_an_office_once_held_is_led_no_more(text: str, lang: str) -> None:
    assert not any(p == "leads" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The US-led military coalition bombed Islamic State targets.", "en",
     [("United States", "leads", "military coalition"), ("military coalition", "attacks", "Islamic State")]),
    ("Koalisi pimpinan AS menyerang ISIS di Suriah.", "id",
     [("United States", "leads", "koalisi"), ("koalisi", "attacks", "Islamic State")]),
    ("Koalisi militer pimpinan Saudi memerangi pemberontak Houthi di Yaman.", "id",
     [("Saudi Arabia", "leads", "koalisi militer"), ("koalisi militer", "attacks", "Houthis")]),
])
def test_a_body_known_by_who_leads_it_is_led_by_them_and_acts_itself(text: str, lang: str,
                                                                      expected: list[tuple[str, str, str]]) -> None:
    """ "the US-led coalition bombed": the coalition bombs, the US leads it (not: the US bombed)."""
    found = triples(text, lang)
    assert set(expected) <= found
    assert not any(s == "United States" and p == "attacks" for s, p, _ in found)


def test_a_coalition_no_one_is_said_to_lead_is_no_name() -> None:
    assert triples("Koalisi partai politik itu menolak rencana pemerintah.", "id") == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("Wagner owner Yevgeny Prigozhin died in a crash.", "en"),
    ("Pemilik Grup Wagner Yevgeny Prigozhin tewas.", "id"),
])
def test_the_owner_of_an_armed_group_leads_it(text: str, lang: str) -> None:
    assert ("Yevgeny Prigozhin", "leads", "Wagner Group") in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Hassan Nasrallah, leader of the militant group Hezbollah, spoke on Friday.", "en",
     ("Hassan Nasrallah", "leads", "Hezbollah")),
    ("The leader of the armed group Hezbollah, Hassan Nasrallah, spoke on Friday.", "en",
     ("Hassan Nasrallah", "leads", "Hezbollah")),
    ("Pemimpin kelompok Hizbullah Hassan Nasrallah berpidato pada Jumat.", "id",
     ("Hassan Nasrallah", "leads", "Hezbollah")),
    ("Hassan Nasrallah, pemimpin kelompok militan Hizbullah, berpidato pada Jumat.", "id",
     ("Hassan Nasrallah", "leads", "Hezbollah")),
])
def test_a_leader_title_over_the_kind_of_body_leads_the_body(text: str, lang: str,
                                                           expected: tuple[str, str, str]) -> None:
    """Words saying what kind of body a name is ("the militant group", "kelompok bersenjata") may
    stand between a leader title and the name it heads."""
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Hassan Nasrallah, a critic of the militant group Hezbollah, spoke on Friday.", "en"),
    ("Hassan Nasrallah, pengkritik kelompok militan Hizbullah, berpidato pada Jumat.", "id"),
    ("Komandan milisi Irak Abu Mahdi al-Muhandis tewas dalam serangan itu.", "id"),
    ("Iraqi militia commander Abu Mahdi al-Muhandis died in the strike.", "en"),
])
def test_a_word_that_is_no_title_before_the_kind_of_body_leads_nothing(text: str, lang: str) -> None:
    assert not any(p == "leads" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Protests spread across Kenya. The country's president, William Ruto, urged calm.", "en",
     ("William Ruto", "leads", "Kenya")),
    ("Protests spread across Kenya. William Ruto, the country's president, urged calm.", "en",
     ("William Ruto", "leads", "Kenya")),
    ("Protes meluas di Kenya. Presiden negara itu, William Ruto, menyerukan ketenangan.", "id",
     ("William Ruto", "leads", "Kenya")),
    ("Protes meluas di Kenya. William Ruto, presiden negara tersebut, menyerukan ketenangan.", "id",
     ("William Ruto", "leads", "Kenya")),
])
def test_the_countrys_leader_leads_the_country_the_article_spoke_of(text: str, lang: str,
                                                                   expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Protests spread across Kenya. The country's former president Uhuru Kenyatta urged calm.", "en"),
    ("Protests spread across Kenya. The country's vice president Rigathi Gachagua urged calm.", "en"),
    ("Protests spread across Kenya and Uganda. The country's president William Ruto urged calm.", "en"),
    ("Protes meluas di Kenya. Mantan presiden negara itu, Uhuru Kenyatta, menyerukan ketenangan.", "id"),
    ("Protes meluas di Kenya. Wakil presiden negara itu Rigathi Gachagua menyerukan ketenangan.", "id"),
])
def test_a_former_or_deputy_holder_or_an_unclear_country_gives_no_leader(text: str, lang: str) -> None:
    assert not any(p == "leads" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Kenya, led by President William Ruto, protested.", "en", ("William Ruto", "leads", "Kenya")),
    ("Rafael Grossi, who heads the IAEA, visited Iran.", "en",
     ("Rafael Grossi", "leads", "International Atomic Energy Agency")),
])
def test_leading_said_by_a_participle_with_a_titled_agent_or_by_heading(text: str, lang: str,
                                                                        expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_heading_somewhere_leads_nothing() -> None:
    assert not any(p == "leads" for _, p, _ in triples("Rafael Grossi heads to Tehran on Monday.", "en"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Joe Biden spoke on Monday. The US president condemned Hamas.", ("Joe Biden", "condemns", "Hamas")),
    ("Vladimir Putin spoke on Monday. The Russian leader condemned Hamas.", ("Vladimir Putin", "condemns", "Hamas")),
])
def test_the_countrys_leader_pointed_back_at_is_the_one_person_spoken_of(text: str,
                                                                          expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, "en")


def test_the_countrys_leader_is_no_one_when_two_people_could_be() -> None:
    found = triples("Emmanuel Macron met Olaf Scholz. The French president condemned Hamas.", "en")
    assert not any(p == "condemns" and s in ("Emmanuel Macron", "Olaf Scholz") for s, p, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Perdana Menteri (PM) Malaysia Anwar Ibrahim berbicara.", ("Anwar Ibrahim", "leads", "Malaysia")),
    ("Perdana Menteri (PM) Israel Benjamin Netanyahu menolak usulan itu.", ("Benjamin Netanyahu", "leads", "Israel")),
])
def test_a_leader_title_with_its_short_form_in_brackets_still_leads(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, "id")


def test_a_minister_with_its_short_form_in_brackets_still_leads_nothing() -> None:
    found = triples("Menteri Luar Negeri (Menlu) Rusia Sergei Lavrov berbicara.", "id")
    assert not any(p == "leads" for _, p, _ in found)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Kudeta terjadi di Niger pada Juli. Tentara Niger menahan presiden negara itu, Mohamed Bazoum.", "id",
     ("Tentara Niger", "detains", "Mohamed Bazoum")),
    ("Militer Gabon menangkap presidennya, Ali Bongo.", "id", ("Militer Gabon", "detains", "Ali Bongo Ondimba")),
    ("Gabon's military detained its president, Ali Bongo.", "en", ("Gabon's military", "detains", "Ali Bongo Ondimba")),
])
def test_a_title_owned_by_a_state_before_a_name_leaves_the_name_the_argument(
        text: str, lang: str, expected: tuple[str, str, str]) -> None:
    """ "presiden negara itu, X", "presidennya X", "its president, X": the title is X's, so X is what the
    verb acts on, not the country pointed at nor an office of its own."""
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Kantor Perdana Menteri Israel Benjamin Netanyahu menyalahkan Houthi atas serangan itu.", "id"),
    ("The office of Israeli Prime Minister Benjamin Netanyahu blamed the Houthis for the attack.", "en"),
])
def test_the_office_of_a_titled_leader_keeps_the_title_for_the_leader(text: str, lang: str) -> None:
    assert ("Benjamin Netanyahu", "leads", "Israel") in triples(text, lang)


def test_an_office_with_no_one_named_after_it_is_a_body() -> None:
    found = triples("Kantor Presiden Ukraina mengecam serangan Rusia.", "id")
    assert ("Kantor Presiden Ukraina", "condemns", "Russia") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Khalifa Haftar said his self-styled Libyan National Army would fight on.",
     ("Khalifa Haftar", "leads", "Libyan National Army")),
    ("Mohamed Hamdan Dagalo's Rapid Support Forces seized the city.",
     ("Mohamed Hamdan Dagalo", "leads", "Rapid Support Forces")),
])
def test_a_persons_named_armed_body_is_the_one_he_commands(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, "en")


def test_a_persons_party_is_not_said_to_be_led_by_him() -> None:
    found = triples("Recep Tayyip Erdogan said his Justice and Development Party would win.", "en")
    assert not any(p == "leads" for _, p, _ in found)
