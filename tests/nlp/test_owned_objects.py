"""An object named as someone's ("Iran's morality police") is the named body, not its owner; an object
the text does not name ("Baghdadi's deputy") is no one. Police and forces known by what they do are
groups in both languages, scare quotes and all."""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The EU sanctioned Iran's morality police.", "en", ("European Union", "sanctions", "morality police")),
    ('The EU on Monday sanctioned Iran\'s "morality" police for the beating.', "en",
     ("European Union", "sanctions", "morality police")),
    ("Mahsa Amini was taken into custody by morality police.", "en", ("morality police", "detains", "Mahsa Amini")),
    ("Imran Khan was arrested by paramilitary forces.", "en", ("paramilitary forces", "detains", "Imran Khan")),
    ("Imran Khan ditangkap oleh pasukan paramiliter.", "id", ("pasukan paramiliter", "detains", "Imran Khan")),
    ("Mahsa Amini ditahan oleh polisi moral Iran.", "id", ("polisi moral", "detains", "Mahsa Amini")),
])
def test_a_named_body_owned_by_a_state_is_the_object(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    found = triples(text, lang)
    assert expected in found
    assert not any(o == "Iran" for _, _, o in found)


def test_an_owned_object_the_text_does_not_name_is_no_one() -> None:
    assert triples("US forces killed Baghdadi's deputy.", "en") == set()
