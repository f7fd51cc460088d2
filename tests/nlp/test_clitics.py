"""The -nya clitic is split from its host, and only where it is one."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import get_pipeline


def tokens(text: str) -> list[str]:
    return [t.text for t in get_pipeline("id")(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("digantikannya", ["digantikan", "nya"]),
    ("negaranya", ["negara", "nya"]),
    ("keberaniannya", ["keberanian", "nya"]),
])
def test_the_clitic_becomes_a_token(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize("word", ["hanya", "bertanya", "punya", "Kenya", "Nyanyian"])
def test_words_that_only_end_in_nya_stay_whole(word: str) -> None:
    assert tokens(word) == [word]


def test_offsets_still_point_into_the_text() -> None:
    text = "orang yang digantikannya sebagai presiden"
    doc = get_pipeline("id")(text)
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
