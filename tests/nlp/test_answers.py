"""A vowed response to a deed threatens whoever did it (guideline rule 20, ruling 19): the agent named
after the deed, or the one the article told of before; a response to what no one did threatens no one."""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Iran vowed retaliation for the strike by Israel.", "en", ("Iran", "threatens", "Israel")),
    ("The EU imposed sanctions on Iran. Iran vowed an immediate response to the sanctions.", "en",
     ("Iran", "threatens", "European Union")),
    ("The US killed Soleimani in Baghdad. Iran vowed retaliation for the killing.", "en",
     ("Iran", "threatens", "United States")),
    ("Uni Eropa menjatuhkan sanksi kepada Iran. Iran berjanji memberikan balasan atas sanksi tersebut.", "id",
     ("Iran", "threatens", "European Union")),
])
def test_a_vowed_response_threatens_the_deeds_agent(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Iran vowed retaliation for the killing of Soleimani.", "en"),  # no one said to have killed him
    ("Iran promised a response to the UN report.", "en"),  # a report is no deed
    ("Iran berjanji memberikan tanggapan atas laporan PBB.", "id"),
])
def test_a_response_to_no_ones_deed_threatens_no_one(text: str, lang: str) -> None:
    assert not any(p == "threatens" for _, p, _ in triples(text, lang))
