from __future__ import annotations

import pytest

from kg.lexicon import load_lexicon
from kg.nlp.morphology import IndonesianAnalyzer, english_forms


@pytest.fixture(scope="module")
def analyzer() -> IndonesianAnalyzer:
    lexicon = load_lexicon("id")
    assert lexicon.morphology is not None
    return IndonesianAnalyzer(lexicon.morphology, {f.word for f in lexicon.frames})


@pytest.mark.parametrize(("word", "prefix", "root", "suffix", "clitic"), [
    ("menyalahkan", "meN", "salah", "kan", ""),
    ("digantikannya", "di", "ganti", "kan", "nya"),
    ("dipimpin", "di", "pimpin", "", ""),
    ("pengerahan", "peN", "kerah", "an", ""),
    ("menarik", "meN", "tarik", "", ""),
    ("memperingatkan", "meN", "peringat", "kan", ""),
    ("mengebom", "meN", "bom", "", ""),
    ("mendukung", "meN", "dukung", "", ""),
    ("mengunjungi", "meN", "kunjung", "i", ""),
])
def test_indonesian_words_align_to_their_root(analyzer: IndonesianAnalyzer, word: str, prefix: str,
                                              root: str, suffix: str, clitic: str) -> None:
    parses = {(p.prefix, p.root, p.suffix, p.clitic) for p in analyzer.parses(word)}
    assert (prefix, root, suffix, clitic) in parses


@pytest.mark.parametrize("word", ["hanya", "punya", "Jakarta", "2022", "di"])
def test_words_without_a_known_root_have_no_parse(analyzer: IndonesianAnalyzer, word: str) -> None:
    assert analyzer.parses(word) == ()


def test_voice_comes_from_the_prefix(analyzer: IndonesianAnalyzer) -> None:
    assert {p.voice for p in analyzer.parses("dipimpin")} == {"passive"}
    assert {p.voice for p in analyzer.parses("memimpin")} == {"active"}


@pytest.mark.parametrize(("lemma", "irregular", "expected"), [
    ("deploy", (), {"deploy": "base", "deploys": "s", "deploying": "ing", "deployed": "past"}),
    ("blame", (), {"blame": "base", "blames": "s", "blaming": "ing", "blamed": "past"}),
    ("accuse", (), {"accuse": "base", "accuses": "s", "accusing": "ing", "accused": "past"}),
    ("meet", ("met", "met"), {"meet": "base", "meets": "s", "meeting": "ing", "met": "past"}),
    # a consonant after one vowel may double: both spellings, since stress decides ("visited", "banned")
    ("ban", (), {"ban": "base", "bans": "s", "baning": "ing", "baned": "past", "banned": "past", "banning": "ing"}),
    ("travel", (), {"travel": "base", "travels": "s", "traveling": "ing", "traveled": "past",
                    "travelled": "past", "travelling": "ing"}),
])
def test_english_forms(lemma: str, irregular: tuple[str, ...], expected: dict[str, str]) -> None:
    assert english_forms(lemma, irregular) == expected
