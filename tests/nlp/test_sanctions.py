"""Sanctions on the one a qualified noun introduces ("Chinese tech giant Huawei", "oligarki Rusia Roman
Abramovich"), not on the state that only qualifies it; more measures that are sanctions (travel bans,
frozen assets, joining others' sanctions).
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Washington slapped sanctions on Chinese tech giant Huawei.", "en", ("United States", "sanctions", "Huawei")),
    ("AS menjatuhkan sanksi terhadap raksasa teknologi China Huawei.", "id", ("United States", "sanctions", "Huawei")),
    ("The EU froze the assets of Russian oligarch Roman Abramovich.", "en",
     ("European Union", "sanctions", "Roman Abramovich")),
    ("Uni Eropa membekukan aset oligarki Rusia Roman Abramovich.", "id",
     ("European Union", "sanctions", "Roman Abramovich")),
    ("Britain imposed travel bans on Russian oligarch Roman Abramovich.", "en",
     ("United Kingdom", "sanctions", "Roman Abramovich")),
    ("Inggris menjatuhkan larangan bepergian kepada oligarki Rusia Roman Abramovich.", "id",
     ("United Kingdom", "sanctions", "Roman Abramovich")),
    ("Japan joined Western sanctions against Moscow.", "en", ("Japan", "sanctions", "Russia")),
])
def test_sanctions_on_the_one_a_qualified_noun_introduces(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("text", "lang", "state"), [
    ("AS menjatuhkan sanksi terhadap raksasa teknologi China Huawei.", "id", "China"),
    ("Kementerian Keuangan AS memasukkan tiga perusahaan Iran ke daftar hitam.", "id", "Iran"),
    ("The US added three Iranian firms to its blacklist.", "en", "Iran"),
])
def test_a_state_that_only_qualifies_the_sanctioned_is_not_sanctioned(text: str, lang: str, state: str) -> None:
    assert not any(p == "sanctions" and o == state for _, p, o in triples(text, lang))
