"""A mediator meets each party it mediates between (ruling 11), both languages.

The mediator is named beside its noun ("with Qatar as mediator", "dengan Anwar Ibrahim sebagai
mediator", "menyusul mediasi Lukashenko", "following mediation by Turkey"); the parties are
the sentence's subject and its coordinates. The go-between is no party to the agreement, and
a dateline written in Title Case ("Jakarta, CNN Indonesia --") names no party.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "mediator", "parties"), [
    ("Israel and Hamas agreed to a truce, with Qatar as a mediator.", "en", "Qatar", {"Israel", "Hamas"}),
    ("Thailand dan Kamboja sepakat gencatan senjata dengan bantuan Perdana Menteri Malaysia Anwar Ibrahim "
     "sebagai mediator.", "id", "Anwar Ibrahim", {"Thailand", "Cambodia"}),
    ("Menyusul mediasi Lukashenko, Prigozhin setuju untuk menghentikan eskalasi dan memerintahkan pasukan "
     "Wagner untuk kembali.", "id", "Alexander Lukashenko", {"Yevgeny Prigozhin"}),
])
def test_a_mediator_meets_each_party_and_no_one_else(text: str, lang: str, mediator: str, parties: set[str]) -> None:
    found = triples(text, lang)
    met = {o for s, p, o in found if p == "meetsWith" and s == mediator}
    assert met == parties
    assert not any(p == "cooperatesWith" and mediator in (s, o) for s, p, o in found)  # no party to the deal


def test_a_mediation_that_helped_free_hostages_pairs_no_groups() -> None:
    found = triples("Qatar's mediation led to the release of hostages held by Hamas in Gaza.", "en")
    assert not any(p == "meetsWith" for _, p, _ in found)


def test_a_title_case_dateline_names_no_party() -> None:
    found = triples("Jakarta, CNN Indonesia -- Thailand dan Kamboja sepakat gencatan senjata dengan Anwar Ibrahim "
                    "sebagai mediator.", "id")
    assert not any("Indonesia" in (s, o) for s, _, o in found)


@pytest.mark.parametrize(("text", "lang"), [
    ("The United States and Saudi Arabia have mediated talks between the warring parties in Jeddah.", "en"),
    ("Amerika Serikat dan Arab Saudi memediasi perundingan antara pihak-pihak yang bertikai di Jeddah.", "id"),
])
def test_co_mediators_do_not_meet_each_other(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert ("United States", "meetsWith", "Saudi Arabia") not in found
    assert ("Saudi Arabia", "meetsWith", "United States") not in found
