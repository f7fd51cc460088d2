"""Who says the sentences of a quotation that names its speaker in another sentence.

News quotes run over several sentences and paragraphs and name the speaker once:

    "Putin's aggression ... dearly. We will make sure of that. ... association," he said.
    Thomas-Greenfield mengatakan, "Rusia telah menyalahgunakan kekuasaannya ..."
    "Presiden Putin adalah agresor di sini, tidak ada jalan tengah."

A sentence inside quotation marks with no speech verb of its own is said by the
speaker the same paragraph names after the quotation closes ("..., he said."), or,
when a paragraph opens with a quotation, by the speaker of the quotation just before.
"""

from __future__ import annotations

from collections.abc import Collection

from kg.nlp.arrays import Tokens
from kg.nlp.records import Arg

__all__ = ["quote_speakers"]

_OPENING = frozenset({"“", "«", "„"})
_CLOSING = frozenset({"”", "»"})
_STRAIGHT = '"'  # opens or closes; single quotes are left alone, they are mostly apostrophes
_SPEAKER_REACH = 2  # tokens between a speech verb and its speaker


def quote_speakers(tok: Tokens, names: list[Arg], speech_verbs: Collection[str],
                   pronouns: Collection[str]) -> dict[int, Arg]:
    """The speaker of each quoted sentence without a speech verb, by the sentence's first token."""
    words = tok.lower
    found: dict[int, Arg] = {}
    inside = False  # within quotation marks at this point of the paragraph
    waiting: list[int] = []  # quoted sentences of this paragraph still without a speaker
    last: Arg | None = None  # the speaker of the latest attributed quotation
    paragraph_opens = True
    for start, end in tok.sentences:
        opening = next((i for i in range(start, end) if not words[i].isspace()), start)
        quoted = inside or words[opening] in _OPENING or words[opening] == _STRAIGHT
        if paragraph_opens and not quoted:
            last = None  # narration between quotations: the next one names its own speaker
        speech = [j for j in range(start, end) if words[j] in speech_verbs]
        inside = _after_marks(words[start:end], inside)
        if speech:
            speaker = _speaker_at(tok, names, speech, pronouns)
            if speaker is not None and _has_marks(words[start:end]):
                found.update((s, speaker) for s in waiting)
                waiting, last = [], speaker
        elif quoted:
            if paragraph_opens and last is not None:
                found[start] = last  # a paragraph that goes on with the quotation before
            else:
                waiting.append(start)
        paragraph_opens = any("\n" in w for w in words[start:end])
        if paragraph_opens:
            inside, waiting = False, []
    return found


def _after_marks(words: list[str], inside: bool) -> bool:
    for word in words:
        if word in _OPENING:
            inside = True
        elif word in _CLOSING:
            inside = False
        elif word == _STRAIGHT:
            inside = not inside
    return inside


def _has_marks(words: list[str]) -> bool:
    return any(w in _OPENING or w in _CLOSING or w == _STRAIGHT for w in words)


def _speaker_at(tok: Tokens, names: list[Arg], speech: list[int], pronouns: Collection[str]) -> Arg | None:
    """The name or person pronoun right before or after a speech verb ("Biden said", "said he")."""
    for j in speech:
        name = (next((a for a in reversed(names) if j - _SPEAKER_REACH <= a.end <= j), None)  # the nearest before
                or next((a for a in names if j < a.start <= j + _SPEAKER_REACH), None))
        if name is not None:
            return name
        for k in (j - 1, j + 1):
            if 0 <= k < len(tok) and tok.lower[k] in pronouns:
                return Arg(k, k + 1, "pronoun", "Person")
    return None
