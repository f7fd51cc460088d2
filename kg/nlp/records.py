"""What relation rules produce: arguments as token spans, raw relations, and the sentence they sit in.

kg.nlp.relations and kg.nlp.leaders make them; kg.resolve turns them into entities.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span

from kg.nlp.arrays import Tokens

__all__ = ["Arg", "RawRelation", "Sentence", "first_at"]

_DATELINE_WORDS = 8  # a dateline's place, country and outlet come before its dash
_DASHES = frozenset({"-", "--", "—", "–"})


class Arg(NamedTuple):
    """A relation argument: a token span and what kind of reference it is.

    kind: "name" (a named entity or group, typed by `type`), "pronoun" (a person
    pronoun or -nya clitic), "description" (a noun like "aliansi" standing for a name),
    "speaker" (a pronoun standing for a name elsewhere, `ref`: who is quoted, or the state "it" goes
    on about), "office" ("presiden
    Suriah": a person named only by office, left unresolved).
    """

    start: int
    end: int
    kind: str
    type: str | None
    lead: int | None = None  # where a title before a person's name begins ("Presiden Rusia Vladimir Putin")
    ref: tuple[int, int] | None = None  # the speaker a "mereka"/"they" in reported speech stands for
    context: str | None = None  # kind "context": the object of this predicate that the article states elsewhere
    role: str | None = None  # kind "office": the title's role, "leader" (held by the state's leader) or "office"

    @property
    def begin(self) -> int:
        """The first token of the argument's phrase, title included."""
        return self.start if self.lead is None else self.lead


class RawRelation(NamedTuple):
    subject: Arg
    predicate: str
    object: Arg
    sentence: Span
    rule: str
    modality: str = "asserted"


class Sentence:
    """A sentence by token offsets; its Span, the evidence of relations, is made when one is found."""

    __slots__ = ("start", "end", "opening", "dateline", "quoted_by", "_span")

    def __init__(self, tok: Tokens, start: int, end: int, quoted_by: Arg | None = None):
        self.start, self.end = start, end
        self.quoted_by = quoted_by  # who says it, when it is a quotation whose speaker another sentence names
        words = tok.lower
        # the first word: spaCy leaves paragraph breaks at the start of a sentence
        first = start if not words[start].isspace() else next(
            (i for i in range(start, end) if not words[i].isspace()), start)
        # "PORT SUDAN, Sudan — The RSF shelled ...": the sentence proper opens after its dateline
        self.dateline = _dateline_end(tok, first, end)
        self.opening = self.dateline or first
        self._span: Span | None = None

    def span(self, tok: Tokens) -> Span:
        if self._span is None:
            self._span = Span(tok.doc, self.start, self.end)
        return self._span


def _dateline_end(tok: Tokens, first: int, end: int) -> int:
    """Where a dateline that opens a sentence ends ("NAIROBI, Kenya —", "JAKARTA, KOMPAS.com -",
    "BIPOL.CO, JAKARTA —", "WASHINGTON (AP) --", "Jakarta, CNN Indonesia --"), or 0: an all-capitals
    first word, or a capitalised one and a comma with no lowercase word after, and a dash within a
    few words."""
    word = tok.doc[first]
    shouted = word.is_upper and len(word.text) > 1 and any(c.isalpha() for c in word.text)
    # "Jakarta, CNN Indonesia --": a place in Title Case, a comma, and only capitalised words to the dash
    titled = word.is_title and first + 1 < end and tok.lower[first + 1] == ","
    if not (shouted or titled):
        return 0
    for j in range(first + 1, min(end - 1, first + _DATELINE_WORDS)):
        if tok.lower[j] in _DASHES:
            return j + 1
        if titled and tok.doc[j].is_lower and tok.is_alpha[j]:
            return 0
    return 0


def first_at(args: list[Arg], start: int, stop: int) -> Arg | None:
    """The first argument whose phrase begins in [start, stop)."""
    return next((a for a in args if start <= a.begin < stop), None)
