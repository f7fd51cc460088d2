"""What relation rules produce: arguments as token spans, raw relations, and the sentence they sit in.

kg.nlp.relations and kg.nlp.leaders make them; kg.resolve turns them into entities.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span

from kg.nlp.arrays import Tokens

__all__ = ["Arg", "RawRelation", "Sentence", "first_at"]


class Arg(NamedTuple):
    """A relation argument: a token span and what kind of reference it is.

    kind: "name" (a named entity or group, typed by `type`), "pronoun" (a person
    pronoun or -nya clitic), "description" (a noun like "aliansi" standing for a name),
    "speaker" (a plural pronoun standing for who is quoted), "office" ("presiden
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

    __slots__ = ("start", "end", "opening", "quoted_by", "_span")

    def __init__(self, tok: Tokens, start: int, end: int, quoted_by: Arg | None = None):
        self.start, self.end = start, end
        self.quoted_by = quoted_by  # who says it, when it is a quotation whose speaker another sentence names
        words = tok.lower
        # the first word: spaCy leaves paragraph breaks at the start of a sentence
        self.opening = start if not words[start].isspace() else next(
            (i for i in range(start, end) if not words[i].isspace()), start)
        self._span: Span | None = None

    def span(self, tok: Tokens) -> Span:
        if self._span is None:
            self._span = Span(tok.doc, self.start, self.end)
        return self._span


def first_at(args: list[Arg], start: int, stop: int) -> Arg | None:
    """The first argument whose phrase begins in [start, stop)."""
    return next((a for a in args if start <= a.begin < stop), None)
