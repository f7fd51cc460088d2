"""A subject pronoun carries on the subject before it: "He met Xi. He also praised ..." is still the
one the first "he" was, not Xi, the last named; and "It also accused ..." goes on about the state or
body the sentence before it opens with.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected", "wrong"), [
    ("Indonesian President Prabowo Subianto arrived in Beijing on Saturday. He met Chinese President Xi Jinping "
     "in the Great Hall. He also praised Malaysia's role in the region.", "en",
     ("Prabowo Subianto", "praises", "Malaysia"), ("Xi Jinping", "praises", "Malaysia")),
    ("Presiden Prabowo Subianto tiba di Beijing pada Sabtu. Dia bertemu dengan Presiden China Xi Jinping. "
     "Dia juga memuji peran Malaysia di kawasan.", "id",
     ("Prabowo Subianto", "praises", "Malaysia"), ("Xi Jinping", "praises", "Malaysia")),
])
def test_a_pronoun_after_a_pronoun_subject_is_that_subject(text: str, lang: str, expected: tuple[str, str, str],
                                                           wrong: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found
    assert wrong not in found


def test_a_sentence_opening_with_it_goes_on_about_the_state_opening_the_one_before() -> None:
    found = triples("Russia said on Monday it would not attend. It also accused Norway of provoking tensions.", "en")
    assert ("Russia", "blames", "Norway") in found


@pytest.mark.parametrize("text", [
    "On Monday, Russia said it would not attend. It also accused Norway of provoking tensions.",
    "Officials said Russia would not attend. It also accused Norway of provoking tensions.",
])
def test_it_stands_for_nothing_when_the_sentence_before_opens_otherwise(text: str) -> None:
    assert not any(o == "Norway" for _, _, o in triples(text, "en"))
