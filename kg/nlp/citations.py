"""`cites`: the outlets and agencies an article names as its source (guideline rule 10, ruling 13).

"mengutip TASS", "according to Reuters", "dilansir detikcom dari AFP", "Reuters reported",
"kantor berita Xinhua", "the state news agency WAM". Only outlets are cited: an
organisation the gazetteer marks as media, or one whose name or agency noun says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.gazetteer import load_gazetteer
from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.records import Arg, RawRelation, Sentence

__all__ = ["CiteRelations"]


def _parenthesised(tok: Tokens, ent: Arg) -> bool:
    """The name alone in parentheses, or first in them before a slash: "(AFP)", "(PTI/AFP)"."""
    if ent.start == 0 or tok.lower[ent.start - 1] not in ("(", "/") or ent.end >= len(tok):
        return False
    return tok.lower[ent.end] in (")", "/")


class CiteRelations:
    """The article's `cites` relations in one sentence (the subject is the article itself)."""

    def __init__(self, lexicon: Lexicon):
        self._words = lexicon.words
        self._agencies = Phrases(self._words.get("cite_agency_nouns", ()))  # "kantor berita", "news agency"
        self._agency_qualifiers = self._words.get("cite_agency_qualifiers", frozenset())
        self._media_keys = load_gazetteer().keys_of_kind("media")
        self._media_words = self._words.get("media_name_words", frozenset())
        self._adverbs = self._words.get("cite_cue_adverbs", frozenset())  # "Reuters | first reported"

    def __call__(self, tok: Tokens, sent: Sentence, ents: list[Arg]) -> Iterator[RawRelation]:
        """ "mengutip TASS", "according to Reuters", "dilansir detikcom dari AFP", "Reuters reported":
        the article cites the organisation; in "menurut Jokowi, ASEAN ..." the cue is Jokowi's."""
        cues = self._words["cite_cues"]
        after_cues = self._words.get("cite_cues_after", frozenset())
        floor = agency_floor = sent.start
        for ent in ents:
            if ent.type != "Organization":
                floor = ent.end  # a cue before another name is that name's
                if ent.type != "Country":
                    agency_floor = ent.end  # "kantor berita Arab Saudi, SPA": a country only qualifies the agency
                continue
            cited = Arg(ent.start, ent.end, "name", "Organization")
            before = tok.lower[max(floor, ent.start - 4):ent.start]
            joined = " ".join(before)
            cued = (any(w in cues for w in before) or any(c in joined for c in cues if " " in c)
                    or (ent.end < sent.end and tok.lower[tok.past(ent.end, self._adverbs, sent.end)] in after_cues)
                    or _parenthesised(tok, ent))  # "WASHINGTON (AP) —", "(AFP)" (ruling 13)
            if ((cued and self._outlet(tok, ent)) or self._named_agency(tok, max(agency_floor, ent.start - 6), ent.start)
                    or self._agencies.ends_after(tok.lower, ent.end)):  # "Russia's RIA news agency said"
                yield RawRelation(cited, "cites", cited, sent.span(tok), "cites")
            agency_floor = ent.end

    def _outlet(self, tok: Tokens, ent: Arg) -> bool:
        """A news outlet or agency (guideline ruling 13): one the gazetteer marks as media, or a name
        that says so ("Balochistan Monitoring", "Myawaddy TV", "Tribunnews.com"); "according to
        the ombudsman" names a source, but not a cited outlet."""
        if tok.doc[ent.start].ent_id_ in self._media_keys:
            return True
        last = tok.lower[ent.end - 1]
        return last in self._media_words or ("." in last and last.rsplit(".", 1)[-1].isalpha())

    def _named_agency(self, tok: Tokens, floor: int, start: int) -> bool:
        """ "kantor berita Xinhua", "Saudi state news agency SPA", "kantor berita Arab Saudi, SPA": an
        agency noun before the name, with only a country and commas between."""
        for k in range(start - 1, floor - 1, -1):
            if self._agencies.starts_before(tok.lower, k + 1):
                return True
            if not (tok.ent[k] or tok.lower[k] == "," or tok.lower[k] in self._agency_qualifiers):
                return False
        return False
