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

from bisect import bisect_left, bisect_right
from collections.abc import Collection

from spacy.attrs import LOWER

from kg.nlp.arrays import Tokens, positions
from kg.nlp.records import Arg
from kg.nlp.sentences import line_breaks

__all__ = ["quote_speakers"]

_OPENING = frozenset({"“", "«", "„"})
_CLOSING = frozenset({"”", "»"})
_MARKS = frozenset({*_OPENING, *_CLOSING, '"'})  # '"' opens or closes; single quotes are mostly apostrophes
_SPEAKER_REACH = 2  # tokens between a speech verb and its speaker


def quote_speakers(tok: Tokens, names: list[Arg], speech_verbs: Collection[str],
                   pronouns: Collection[str]) -> dict[int, Arg]:
    """The speaker of each quoted sentence without a speech verb, by the sentence's first token."""
    words = tok.lower
    marks = positions(tok.doc, LOWER, _MARKS)
    if not marks:
        return {}  # no quotation in the article
    speech = positions(tok.doc, LOWER, speech_verbs)
    breaks = line_breaks(tok.doc)  # where paragraphs end
    ends = [a.end for a in names]
    found: dict[int, Arg] = {}
    inside = False  # within quotation marks at this point of the paragraph
    opener: Arg | None = None  # who opened the quotation still open ("Biden said: "...")
    waiting: list[int] = []  # quoted sentences of this paragraph still without a speaker
    last: Arg | None = None  # the speaker of the latest attributed quotation
    continues = False  # this paragraph opened with a quotation right after an attributed one
    paragraph_opens = True
    for start, end in tok.sentences:
        own_marks = marks[bisect_left(marks, start):bisect_left(marks, end)]
        quoted = inside or bool(own_marks and all(words[i].isspace() for i in range(start, own_marks[0]))
                                and words[own_marks[0]] not in _CLOSING)
        if paragraph_opens:
            continues = quoted and last is not None
            if not quoted:
                last = None  # narration between quotations: the next one names its own speaker
        inside = _after_marks([words[i] for i in own_marks], inside)
        own_speech = speech[bisect_left(speech, start):bisect_left(speech, end)]
        if own_speech:
            speaker = _speaker_at(tok, names, ends, own_speech, pronouns, own_marks)
            if speaker is not None and own_marks:
                found.update((s, speaker) for s in waiting)
                waiting, last, continues = [], speaker, False
                opener = speaker if inside else None
        elif quoted:
            if opener is not None:
                found[start] = opener
            else:
                waiting.append(start)
        paragraph_opens = bisect_left(breaks, start) < bisect_left(breaks, end)
        if paragraph_opens:
            if continues and last is not None:  # the paragraph named nobody: the quotation before goes on
                found.update((s, last) for s in waiting)
            inside, opener, waiting = False, None, []
    if continues and last is not None:
        found.update((s, last) for s in waiting)
    return found


def _after_marks(marks: list[str], inside: bool) -> bool:
    for mark in marks:
        if mark in _OPENING:
            inside = True
        elif mark in _CLOSING:
            inside = False
        else:  # straight quotes open and close alike
            inside = not inside
    return inside


def _speaker_at(tok: Tokens, names: list[Arg], ends: list[int], speech: list[int],
                pronouns: Collection[str], marks: list[int]) -> Arg | None:
    """The name or person pronoun right before or after a speech verb ("Biden said", "said he").
    A name before the verb with a quotation mark between them is the quotation's last word,
    not its speaker (""... Russia," said Biden"). `names` are in text order and do not
    overlap, so `ends`, theirs, are in order too."""
    for j in speech:
        before = bisect_right(ends, j) - 1  # the nearest name ending at or before the verb
        if (before >= 0 and ends[before] >= j - _SPEAKER_REACH
                and not any(ends[before] <= m < j for m in marks)):
            return names[before]
        after = bisect_right(ends, j)  # the first name ending after the verb starts after it
        if after < len(names) and j < names[after].start <= j + _SPEAKER_REACH:
            return names[after]
        for k in (j - 1, j + 1):
            if 0 <= k < len(tok) and tok.lower[k] in pronouns:
                return Arg(k, k + 1, "pronoun", "Person")
    return None
