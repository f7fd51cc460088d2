"""Quotations over several sentences and paragraphs are said by the speaker they name once."""

from __future__ import annotations

import pytest

from kg.extraction import extract_article
from kg.lexicon import load_lexicon
from kg.model import Article
from kg.nlp.arrays import Tokens
from kg.nlp.pipeline import get_pipeline
from kg.nlp.quotes import quote_speakers
from kg.nlp.records import Arg


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    extraction = extract_article(Article(id="t", text=text, lang=lang))
    return {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}


def speakers(text: str, lang: str = "en") -> dict[str, str]:
    """Each quoted sentence's first words -> the text of its speaker."""
    doc = get_pipeline(lang)(text)
    tok = Tokens(doc)
    names = [Arg(start, end, "name", label) for start, end, label in tok.entities]
    words = load_lexicon(lang).words
    found = quote_speakers(tok, names, words["speech_verbs"], words["person_pronouns"])
    return {doc[start].sent.text.strip("“\" ")[:12]: doc[a.start:a.end].text for start, a in found.items()}


def test_the_speaker_named_after_the_quotation_says_all_of_it() -> None:
    text = ("Joe Biden spoke on Thursday.\n"
            "“Putin’s aggression will cost Russia dearly. We will make sure of that. "
            "Any nation that helps will be stained,” he said.")
    assert speakers(text) == {"Putin’s aggr": "he", "We will make": "he"}
    assert ("Joe Biden", "condemns", "Vladimir Putin") in triples(text, "en")


def test_a_paragraph_that_goes_on_with_a_quotation_keeps_its_speaker() -> None:
    text = ('Duta besar AS untuk PBB Linda Thomas-Greenfield mengatakan, "Rusia telah menyalahgunakan kekuasaannya."\n'
            '"Presiden Putin adalah agresor di sini, tidak ada jalan tengah."')
    assert ("Linda Thomas-Greenfield", "blames", "Vladimir Putin") in triples(text, "id")


def test_narration_between_quotations_ends_the_speaker() -> None:
    text = ('Zelensky said, "Russia has abused its power."\n'
            "The Security Council met on Friday.\n"
            '"Putin is the aggressor here."')
    assert speakers(text) == {}
    assert not [t for t in triples(text, "en") if t[1] == "blames"]


def test_a_quotation_nobody_is_named_for_has_no_speaker() -> None:
    assert speakers('"Putin is the aggressor here," the statement read.') == {}
    assert not [t for t in triples('"Putin is the aggressor here."', "en") if t[1] in ("blames", "condemns")]


def test_an_unquoted_verdict_with_a_speaker_in_the_sentence() -> None:
    assert ("Volodymyr Zelensky", "blames", "Vladimir Putin") in triples("Zelensky said Putin is the aggressor.", "en")
    assert ("Joko Widodo", "condemns", "Russia") in triples("Jokowi mengatakan agresi Rusia harus dihentikan.", "id")


def test_a_name_ending_the_quotation_is_not_its_speaker() -> None:
    found = triples('"Putin is the aggressor here. We will not talk to Russia," said Joe Biden.', "en")
    assert ("Joe Biden", "blames", "Vladimir Putin") in found
    assert ("Russia", "blames", "Vladimir Putin") not in found


def test_a_paragraph_that_names_its_own_speaker_is_theirs() -> None:
    found = triples('"We are ready," Joe Biden said.\n\n"Putin is the aggressor here. We agree," Emmanuel Macron said.',
                    "en")
    assert ("Emmanuel Macron", "blames", "Vladimir Putin") in found
    assert ("Joe Biden", "blames", "Vladimir Putin") not in found


def test_a_hard_wrapped_line_does_not_end_the_quotation() -> None:
    text = '"We will act. There is no doubt\nabout it. Putin is the aggressor here. We are ready," Joe Biden said.'
    assert ("Joe Biden", "blames", "Vladimir Putin") in triples(text, "en")


def test_a_quotation_opened_by_its_speaker_is_theirs_to_the_end() -> None:
    text = 'Joe Biden said: "Russia is ready. Russia violated the charter."'
    assert speakers(text) == {"Russia viola": "Joe Biden"}
    assert ("Joe Biden", "condemns", "Russia") in triples(text, "en")


def test_a_quoted_accusation_with_one_name_in_it_still_has_its_speaker() -> None:
    text = '"We are ready. Russia violated the charter. We will act," Joe Biden said.'
    assert ("Joe Biden", "condemns", "Russia") in triples(text, "en")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("\"We condemn the attack by Hamas,\" Olaf Scholz said.", "en", ("Olaf Scholz", "condemns", "Hamas")),
    ("\"We thank Qatar for its mediation,\" Olaf Scholz told reporters.", "en", ("Olaf Scholz", "praises", "Qatar")),
    ("Olaf Scholz said: \"I condemn Hamas.\"", "en", ("Olaf Scholz", "condemns", "Hamas")),
    ("\"Kami mengecam serangan Hamas,\" kata Olaf Scholz.", "id", ("Olaf Scholz", "condemns", "Hamas")),
    ("\"Saya berterima kasih kepada Qatar,\" ujar Olaf Scholz.", "id", ("Olaf Scholz", "praises", "Qatar")),
])
def test_we_and_i_in_a_quote_are_its_speaker(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("We condemn the attack by Hamas.", "en"),
    ("\"We have detained Yingluck Shinawatra,\" a senior officer told Reuters.", "en"),
    ("Kami mengecam serangan Hamas.", "id"),
])
def test_we_quoted_from_no_one_named_or_told_to_someone_is_no_one(text: str, lang: str) -> None:
    """A "we" no named speaker says is no one kg can name; "told Reuters" names the hearer."""
    assert not any(p in ("condemns", "detains") for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("\"Egypt is a reliable partner,\" Olaf Scholz said.", "en", ("Olaf Scholz", "praises", "Egypt")),
    ("Olaf Scholz said Egypt was a very reliable partner.", "en", ("Olaf Scholz", "praises", "Egypt")),
    ("\"Mesir adalah sahabat sejati,\" kata Olaf Scholz.", "id", ("Olaf Scholz", "praises", "Egypt")),
    ("Olaf Scholz mengatakan Mesir merupakan mitra yang sangat penting.", "id", ("Olaf Scholz", "praises", "Egypt")),
])
def test_calling_an_actor_a_friend_or_a_reliable_partner_praises_it(text: str, lang: str,
                                                                      expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("\"Egypt is a partner in the talks,\" Olaf Scholz said.", "en"),
    ("Egypt is a reliable partner.", "en"),
    ("\"Mesir adalah mitra dalam perundingan,\" kata Olaf Scholz.", "id"),
])
def test_a_plain_partner_or_praise_no_one_says_praises_no_one(text: str, lang: str) -> None:
    assert not any(p == "praises" for _, p, _ in triples(text, lang))


@pytest.mark.parametrize(("text", "lang", "source"), [
    ("Israel menyerang Gaza, lapor AFP.", "id", "AFP"),
    ("Hal itu disampaikan Olaf Scholz dalam wawancara dengan BBC.", "id", "BBC"),
    ("An official told Reuters that Israel struck Gaza.", "en", "Reuters"),
])
def test_an_outlet_reporting_or_interviewing_is_cited(text: str, lang: str, source: str) -> None:
    assert any(p == "cites" and o == source for _, p, o in triples(text, lang))


def test_a_name_right_after_that_is_its_clauses_subject() -> None:
    """ "told Reuters that Israel struck Gaza": Israel struck, not Reuters."""
    found = triples("An official told Reuters that Israel struck Gaza.", "en")
    assert ("Israel", "attacks", "Gaza Strip") in found and not any(s == "Reuters" and p == "attacks" for s, p, _ in found)
