"""Relations on hostile input: long sentences, long lists, quotes that never close, nested
quotes, two languages in one article. No crash, linear time, and no relation that joins
two sentences the text keeps apart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.extraction import extract_article
from kg.lexicon import _load_frames
from kg.model import Article

COUNTRIES = ["Russia", "China", "France", "Germany", "Japan", "India", "Brazil", "Kenya", "Peru", "Chile"]


def relations(text: str, lang: str) -> list[tuple[str, str, str, str]]:
    extraction = extract_article(Article(id="t", text=text, lang=lang))
    return [(r.subject.label, r.predicate, r.object.label, r.sentence) for r in extraction.relations]


def timed(text: str, lang: str) -> float:
    started = time.perf_counter()
    relations(text, lang)
    return time.perf_counter() - started


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_300_token_sentence_and_a_50_name_list_stay_linear(lang: str) -> None:
    verb = "condemned" if lang == "en" else "mengecam"
    names = ", ".join(COUNTRIES * 5)
    one = f"Ukraine {verb} {names} and Poland. "
    many = one * 40
    assert len(one.split()) > 50
    relations(one, lang)  # warm-up
    small, large = timed(one * 4, lang), timed(many, lang)
    assert large < max(small, 0.05) * 10 * 4  # ten times the text, well under a hundred times the time
    long_sentence = f"Ukraine {verb} Russia " + " ".join(["today"] * 300) + "."
    assert relations(long_sentence, lang) is not None


@pytest.mark.parametrize(("text", "lang"), [
    ('Putin said: "Russia will never attack Ukraine. NATO is the aggressor', "en"),
    ('Putin said: "the West says \'Russia attacked\' but it was "NATO" that started it', "en"),
    ('Putin berkata: "Rusia tidak akan menyerang Ukraina. NATO adalah agresor', "id"),
    ("“" * 500 + "Russia attacked Ukraine.", "en"),
])
def test_quotes_that_never_close_or_nest_do_not_crash(text: str, lang: str) -> None:
    assert isinstance(relations(text, lang), list)


@pytest.mark.parametrize(("text", "lang"), [
    ("Russia attacked. Ukraine was hit on Monday.", "en"),
    ("China met on Monday. Japan said nothing.", "en"),
    ("Rusia menyerang. Ukraina diserang pada Senin.", "id"),
    ("Rusia mengecam. Ukraina menolak tuduhan itu.", "id"),
])
def test_no_relation_joins_two_sentences(text: str, lang: str) -> None:
    assert relations(text, lang) == []


def test_an_article_mixing_indonesian_and_english_reads_both_sentences_in_one_language() -> None:
    text = ("Rusia menyerang Ukraina pada hari Kamis. Russia attacked Ukraine on Thursday. "
            "Presiden Joko Widodo mengecam serangan itu.")
    found = extract_article(Article(id="t", text=text))
    assert ("Russia", "attacks", "Ukraine") in {(r.subject.label, r.predicate, r.object.label) for r in found.relations}


def test_a_misspelt_key_in_a_frame_is_a_clear_error(tmp_path: Path) -> None:
    """A key the loader does not know would change nothing, silently: the file and line say which."""
    path = tmp_path / "relations.jsonl"
    path.write_text('{"lemma": "meet", "predicate": "meetsWith"}\n'
                    '{"lemma": "hold", "predicate": "detains", "nouns": ["hostages"]}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"relations.jsonl:2: unknown key\(s\) 'nouns'"):
        list(_load_frames(path))


def test_a_long_chain_of_he_sentences_resolves_each_once() -> None:
    """Each "He ..." sentence stands for what the one before did: thousands of them neither recurse
    without end nor take quadratic time."""
    text = "Prime Minister Anwar Ibrahim arrived in Jakarta. " + "He met Joko Widodo. " * 3000
    started = time.perf_counter()
    found = extract_article(Article(id="chain", text=text, lang="en"))
    assert time.perf_counter() - started < 20
    assert {(r.subject.label, r.object.label) for r in found.relations if r.predicate == "meetsWith"} == {
        ("Anwar Ibrahim", "Joko Widodo")}
