"""Forces present in a place, in more of the words news uses for them (ruling 12, both languages).

A state's soldiers or peacekeepers in a place are its forces deployed there, even when the
soldiers are a group kg knows by the noun alone; fighters, mercenaries and fleets sent
somewhere are forces too. Diplomats are not (ruling 12), and soldiers acting where they
are is no deployment of a state the sentence does not name.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Thousands of Ethiopian soldiers remain in Somalia.", "en", ("Ethiopia", "deploysTo", "Somalia")),
    ("Indian peacekeepers in South Sudan came under fire.", "en", ("India", "deploysTo", "South Sudan")),
    ("The Wagner Group moved its fighters to Belarus.", "en", ("Wagner Group", "deploysTo", "Belarus")),
    ("Iran dispatched a naval flotilla to the Red Sea.", "en", ("Iran", "deploysTo", "Red Sea")),
    ("Wagner mengirim pejuang ke Mali.", "id", ("Wagner Group", "deploysTo", "Mali")),
])
def test_forces_sent_to_or_present_in_a_place_are_deployed_there(text: str, lang: str,
                                                                 expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Indian diplomats in South Sudan met the president.", "en"),
    ("Soldiers detained politicians in Niger.", "en"),
])
def test_diplomats_and_unowned_soldiers_deploy_nothing(text: str, lang: str) -> None:
    assert not any(p == "deploysTo" for _, p, _ in triples(text, lang))
