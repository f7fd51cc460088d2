"""What a description stands for in one article: "aliansi" after "aliansi militer CSTO" is CSTO, "the bloc"
the organisation named last, "negara itu" / "the country" the one country of the last sentence naming one.
kg.resolve reads these when a relation's argument is a description rather than a name.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from kg.lexicon import Lexicon
from kg.nlp.arrays import positions

__all__ = ["described_names"]

_DESCRIPTION_REACH = 3  # tokens between a description and the name it describes


def described_names(doc: Doc, ents: list[Span], lexicon: Lexicon) -> dict[int, tuple[int, int]]:
    """Map each bare description token to the name it stands for.

    A description refers to the name it last described ("aliansi militer CSTO ...
    aliansi"), or, when the article uses it before naming, to the first name it
    describes later ("fraksi militer ... Militer Myanmar").
    """
    latest: dict[str, tuple[int, int]] = {}
    first: dict[str, tuple[int, int]] = {}
    pending: list[tuple[int, str]] = []
    out: dict[int, tuple[int, int]] = {}
    ent_starts = {e.start: e for e in ents}
    ent_lasts = {e.end - 1: e for e in ents}
    for i in positions(doc, LOWER, lexicon.descriptor_words):  # a few tokens, found in one array pass
        token = doc[i]
        noun = token.lower_
        if token.ent_type_:
            # the noun heads a name: "Militer Myanmar", "Thailand's military"
            ent = ent_starts.get(token.i) or ent_lasts.get(token.i)
            if ent is not None and ent.label_ == lexicon.descriptors[noun]:
                latest[noun] = (ent.start, ent.end)
                first.setdefault(noun, latest[noun])
            continue
        described = next((ent_starts[j] for j in range(token.i + 1, min(token.i + _DESCRIPTION_REACH, len(doc)))
                          if j in ent_starts), None)
        if described is not None and described.label_ == lexicon.descriptors[noun]:
            latest[noun] = (described.start, described.end)
            first.setdefault(noun, latest[noun])
        elif noun in latest:
            out[token.i] = latest[noun]
        else:
            pending.append((token.i, noun))
    out.update({i: first[noun] for i, noun in pending if noun in first})
    # "The EU imposed sanctions ... The bloc also blacklisted": a bloc or alliance the article never
    # introduced with the noun is the organisation named last before it
    blocs = lexicon.words.get("bloc_descriptors", frozenset())
    organisations = [(e.start, e.end) for e in ents if e.label_ == "Organization"]
    for i, noun in pending:
        if noun in blocs and noun not in first:
            before = [span for span in organisations if span[1] <= i]
            if before:
                out[i] = before[-1]
    # "Protests erupted in Kenya. The country's president ...", "negara itu": the one country of the last
    # sentence before it that names any; when that sentence names two, the country is left unresolved
    pointed = lexicon.words.get("pointed_descriptors", frozenset())
    countries = [e for e in ents if e.label_ == "Country"]
    for i, noun in pending:
        if noun in pointed and noun not in first and i not in out:
            span = _sole_country_before(doc, countries, i)
            if span is not None:
                out[i] = span
    return out


def _sole_country_before(doc: Doc, countries: list[Span], i: int) -> tuple[int, int] | None:
    """The country named in the last sentence before token `i` that names one, if it names only that one
    (its own sentence counts up to `i`)."""
    before = [e for e in countries if e.end <= i]
    if not before:
        return None
    sentence = doc[before[-1].start].sent
    named = [e for e in before if e.start >= sentence.start]
    if len({e.ent_id_ or e.text.lower() for e in named}) != 1:
        return None
    return named[-1].start, named[-1].end
