"""Members of a set the article acted on before share the deed and its doer: "The US sanctioned 11
officials. The officials include Carrie Lam ..."; a set named with other words is another set.
"""

from __future__ import annotations

import pytest

from tests.nlp.test_constructions import triples


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The United States imposed sanctions on 11 officials. The officials include Carrie Lam, the chief executive, "
     "and Chris Tang, the police commissioner.", "en",
     {("United States", "sanctions", "Carrie Lam"), ("United States", "sanctions", "Chris Tang")}),
    ("AS menjatuhkan sanksi kepada 11 pejabat. Para pejabat itu termasuk Carrie Lam dan Chris Tang.", "id",
     {("United States", "sanctions", "Carrie Lam"), ("United States", "sanctions", "Chris Tang")}),
    ("Police arrested dozens of activists. The activists include Joshua Wong.", "en",
     {("police", "detains", "Joshua Wong")}),
])
def test_the_members_of_a_set_acted_on_share_the_deed(text: str, lang: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(text, lang)


@pytest.mark.parametrize("text", [
    "Police arrested dozens of activists. Opposition activists include Joshua Wong.",  # another set
    "Joshua Wong spoke. The activists include Agnes Chow.",  # no set acted on before
])
def test_a_set_not_acted_on_before_gives_no_deed(text: str) -> None:
    assert not any(o in ("Joshua Wong", "Agnes Chow") and p == "detains" for _, p, o in triples(text, "en"))
