"""Group phrases: spelt out from the lexicon's token patterns, never over a name, linear on long text."""

from __future__ import annotations

import pytest

from kg.errors import DataFileError
from kg.nlp.phrases import spell_out
from kg.nlp.pipeline import get_pipeline


def test_a_pattern_spells_out_every_sequence_it_matches() -> None:
    pattern = [{"LOWER": {"IN": ["mass", "street"]}, "OP": "*"}, {"LOWER": "protests"}]
    phrases = spell_out(pattern)
    assert {"protests", "mass protests", "street protests", "mass street protests", "mass mass protests"} <= set(phrases)
    assert "mass street mass protests" not in phrases  # "*" is spelt out up to twice
    assert spell_out([{"LOWER": "polisi"}, {"LOWER": "militer", "OP": "?"}]) == ["polisi", "polisi militer"]


def test_a_pattern_kg_cannot_spell_out_is_a_data_error() -> None:
    with pytest.raises(DataFileError, match="only LOWER"):
        spell_out([{"ORTH": "Police"}])


@pytest.mark.parametrize(("text", "lang", "group"), [
    ("Mass protests spread across Armenia on Sunday.", "en", "Mass protests"),
    ("Polisi menangkap puluhan demonstran di Jakarta.", "id", "demonstran"),
])
def test_group_phrases_become_group_entities(text: str, lang: str, group: str) -> None:
    doc = get_pipeline(lang)(text)
    assert (group, "Group") in {(e.text, e.label_) for e in doc.ents}


def test_a_group_phrase_never_overrides_a_name() -> None:
    doc = get_pipeline("en")("The West condemned Russia.")  # "the west" is a group phrase; Russia stays a country
    assert ("Russia", "Country") in {(e.text, e.label_) for e in doc.ents}


def test_every_group_in_a_long_article_with_many_names_is_found() -> None:
    nlp = get_pipeline("id")
    doc = nlp("Demonstran dan polisi bentrok di Jakarta dan Rusia. " * 4000)
    assert sum(e.label_ == "Group" for e in doc.ents) == 8000
