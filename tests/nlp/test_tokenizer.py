"""kg's tokenizer: spaCy's, with hyphenated names kept whole (Indonesian) and without the
special cases that restate spaCy's tokenization and stop its word cache (explosion/spaCy#13950)."""

from __future__ import annotations

import random
import sys

import pytest
import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from kg.ingest import read_articles
from kg.nlp.pipeline import _infixes, _keep_hyphenated_words, get_pipeline
from kg.resources import data_dir

_PIECES = ["Rusia", "menyerang", "Ukraina", "U.S.", "Russia’s", "don't", "(NATO)", "“quoted”", "end.", "Kassym-Jomart",
           "AS/NATO", "3.5%", "e-mail", "negara-negara", "Negara-negara", "(kelompok-kelompok)", "dll.", "Nov.", "Mr.",
           "s/d", "x<ab>", "<a", "href>", "<b/>", "Rp500", "USDA", "\n", "\n\n", "\r\n", "\t", "\xa0", "  ", " \n ", ",",
           ".", "...", "—", "-", "'", "’"]


def _spacy_tokenizer(lang: str) -> Language:
    """spaCy's own tokenizer for `lang`, with kg's one intended change (hyphenated words)."""
    nlp = spacy.blank(lang)
    if lang == "id":
        _keep_hyphenated_words(nlp)
    return nlp


def _real_articles() -> list[str]:
    return [a.text for a in read_articles([data_dir() / "articles"]).articles]


def _texts() -> list[str]:
    rng = random.Random(13950)
    texts = [*_real_articles(), "A headline\nThe first paragraph ends.\n\nThe second one, with U.S. officials.\tTabbed\xa0and spaced  out.",
             "\n", " ", "\xa0", "x\n", "\n\nx", "Line one\r\nLine two"]
    texts += ["".join(rng.choice([*_PIECES, " ", " "]) for _ in range(rng.randint(1, 60))) for _ in range(300)]
    return texts


@pytest.mark.parametrize("lang", ["en", "id"])
def test_special_cases_that_restate_the_tokenization_are_dropped(lang: str) -> None:
    rules = get_pipeline(lang).tokenizer.rules or {}  # type: ignore[union-attr]
    assert any(len(tokens) > 1 for tokens in rules.values()), "special cases that split a word stay"
    assert not [text for text in rules if not text.strip()]
    assert "negara-negara" not in rules


@pytest.mark.parametrize("lang", ["en", "id"])
def test_tokens_are_the_ones_spacy_makes(lang: str) -> None:
    ours, theirs = get_pipeline(lang).tokenizer, _spacy_tokenizer(lang).tokenizer
    for text in _texts():
        for _ in range(2):  # the second pass reads words from the cache
            assert [(t.text, t.whitespace_) for t in ours(text)] == [(t.text, t.whitespace_) for t in theirs(text)], text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_words_met_for_the_first_time_cost_only_the_attributes_kg_reads(lang: str) -> None:
    from spacy.attrs import LIKE_URL, SHAPE, SUFFIX
    nlp = get_pipeline(lang)
    assert SHAPE not in nlp.vocab.lex_attr_getters and LIKE_URL not in nlp.vocab.lex_attr_getters
    assert SUFFIX in nlp.vocab.lex_attr_getters  # the clitic splitter looks words up by their last letters
    doc = nlp("Jakarta 2024 saw")
    assert doc[0].is_alpha and doc[0].is_title and doc[1].like_num and doc[2].is_lower  # the flags kg reads


@pytest.mark.parametrize("lang", ["en", "id"])
def test_prefixes_tried_at_the_start_find_what_spacys_search_finds(lang: str) -> None:
    nlp = get_pipeline(lang)
    ours = nlp.tokenizer.prefix_search  # type: ignore[union-attr]
    theirs = compile_prefix_regex(nlp.Defaults.prefixes or ()).search
    words = {w for text in _real_articles() for w in text.split()} | {"x<ab>", "<ab>x", "<b/>x", "Rp5", "USDA", "y<a b"}
    spans = {w: (m.span() if (m := theirs(w)) else None) for w in words}
    assert spans["x<ab>"] == ((1, 5) if lang == "id" else None)  # spaCy's unanchored "<a...>" rule, kept as it is
    assert {w: (m.span() if (m := ours(w)) else None) for w in words} == spans


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_suffix_or_infix_rule_matches_a_word_of_letters_only(lang: str) -> None:
    """What lets the tokenizer skip those rules for such words (kg.nlp.pipeline._LettersPass)."""
    defaults = get_pipeline(lang).Defaults
    suffixes = compile_suffix_regex(defaults.suffixes or ())
    infixes = compile_infix_regex(_infixes(lang, defaults.infixes or ()))
    letters = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isalpha()]
    assert not [c for c in letters if suffixes.search(c) or suffixes.search("a" + c) or suffixes.search("A" + c)]
    chunks = ["".join(letters[k:k + 64]) for k in range(0, len(letters), 64)]
    assert not [w for w in chunks if infixes.search(w) or infixes.search(w[::-1]) or infixes.search(w.upper())]


def test_names_joined_by_a_hyphen_split_and_reduplications_in_capitals_stay_whole() -> None:
    """ "AS-Jepang", "Rusia-AS", "Israel-Hamas" are two names each; "BERSENDI-SENDI" is one word, and no
    special case is needed to keep it so (special cases cost start-up)."""
    nlp = get_pipeline("id")
    assert [t.text for t in nlp("Aliansi AS-Jepang dan Rusia-AS")] == [
        "Aliansi", "AS", "-", "Jepang", "dan", "Rusia", "-", "AS"]
    assert [t.text for t in nlp("BERSENDI-SENDI dan anti-AS")] == ["BERSENDI-SENDI", "dan", "anti-AS"]
    assert "BERSENDI-SENDI" not in (nlp.tokenizer.rules or {})  # type: ignore[union-attr]


def test_reduplications_stay_whole_without_special_cases_and_names_sharing_letters_split() -> None:
    """A hyphenated word whose halves share a root ("Berkali-Kali", "Sandar-Menyandar") is one word, kept
    so by the infix search, not by one of spaCy's special cases; "Iran-Irak" shares three letters only."""
    nlp = get_pipeline("id")
    rules = nlp.tokenizer.rules or {}  # type: ignore[union-attr]
    for word in ("Rumah-Rumah", "Berkali-Kali", "Sandar-Menyandar"):
        assert [t.text for t in nlp(f"{word} itu")] == [word, "itu"]
        assert word not in rules
    assert [t.text for t in nlp("perang Iran-Irak")] == ["perang", "Iran", "-", "Irak"]
    assert len(rules) < 2000  # of spaCy's ~16,000 Indonesian special cases, those that change a word's tokens
