"""Names the gazetteer does not know, found by the cues news writing gives.

- a title before a capitalised run is a person ("Presiden Kazakh Kassym-Jomart
  Tokayev", "Foreign Minister Ayşe Demir");
- a long name followed by an acronym in parentheses defines both as one
  organisation ("Organisasi Perjanjian Keamanan Kolektif (CSTO)");
- once a person is named, later uses of the surname alone are that person;
- a country's armed forces are an organisation of their own ("militer Myanmar",
  "the Azerbaijani army"), an actor distinct from the state's government;
- an organisation's people are a group of their own ("para pemimpin NLD", "Hamas
  fighters"): arresting a party's leaders is not arresting the party;
- once an article calls forces "ethnic Armenian forces", every "Armenian forces" in
  it is that group, not the state of Armenia.
"""

from __future__ import annotations

from spacy.attrs import ENT_ID, LOWER, ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, lowers, positions as _positions, shouted
from kg.nlp.titles import Titles

__all__ = ["ARMED_FORCES", "ETHNIC_GROUP", "NameFinder"]

ARMED_FORCES = "armed-forces-of:"  # id prefix of a country's armed forces, so "army" and "military" are one node
ETHNIC_GROUP = "ethnic-group-of:"  # id prefix of an ethnic group's forces, so every mention is one node

_MAX_NAME = 4
_MAX_ORGANIZATION = 10  # words of an organisation's name ("Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan")
_MIN_ACRONYM = 2


class NameFinder:
    """Adds title-cued people, parenthesised acronyms and repeated surnames to doc.ents."""

    def __init__(self, lexicon: Lexicon):
        self._titles = Titles(lexicon.titles)
        self._stop = lexicon.words["stopwords"] | lexicon.words["relativizers"]
        self._forces_before = Phrases(lexicon.words.get("forces_before_country", ()))
        self._forces_after = Phrases(lexicon.words.get("forces_after_country", ()))
        self._org_heads = lexicon.words.get("organization_heads", frozenset())
        self._org_tails = lexicon.words.get("organization_tails", frozenset())
        self._bridges = lexicon.words.get("title_bridges", frozenset())
        self._members_before = Phrases(lexicon.words.get("members_before_organization", ()))
        self._members_after = Phrases(lexicon.words.get("members_after_organization", ()))
        self._ethnic_markers = lexicon.words.get("ethnic_markers", frozenset())
        self._ethnic_nouns = lexicon.words.get("ethnic_group_nouns", frozenset())

    def __call__(self, doc: Doc) -> Doc:
        new: list[Span] = []
        ents = list(doc.ents)  # doc.ents rebuilds its spans on every access
        taken = {i for e in ents for i in range(e.start, e.end)} | shouted(doc)
        for start in _positions(doc, LOWER, self._titles.firsts):
            title = self._titles.starting_at(lowers(doc), start)
            if title is None:
                continue
            run = self._capitalised_run(doc, self._after_title_qualifiers(doc, title[1]), taken)
            if run is not None:
                new.append(Span(doc, run[0], run[1], label="Person"))
                taken.update(range(*run))
        new.extend(self._organisations(doc, taken))
        new.extend(self._acronyms(doc, taken))
        new.extend(self._armed_forces(doc, ents))
        new.extend(self._members(doc, [*ents, *new]))
        new.extend(self._ethnic_groups(doc, ents))
        new.extend(self._repeated_surnames(doc, [*ents, *new], taken | {i for s in new for i in range(s.start, s.end)}))
        if new:
            kept = filter_spans([*ents, *new])
            ids = doc.to_array(ENT_ID)
            for span in kept:
                if span.id == 0 and ids[span.start:span.end].any():  # set_ents keeps a token's old gazetteer id
                    for token in span:                                 # under a new, longer name
                        token.ent_id = 0
            doc.set_ents(kept, default="outside")  # what `doc.ents = kept` does, without copying each Span
        return doc

    def _after_title_qualifiers(self, doc: Doc, i: int) -> int:
        """Skip what may stand between a title and the name: "penasihat keamanan nasional
        Amerika Serikat (AS) Jake Sullivan", "duta besar AS untuk PBB Linda Thomas-Greenfield"."""
        while i < len(doc):
            if doc[i].ent_type_ in ("Country", "Organization"):
                i += 1
            elif doc[i].text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
                i += 3
            elif doc[i].lower_ in self._bridges and i + 1 < len(doc) and doc[i + 1].ent_type_ in ("Country", "Organization"):
                i += 1
            else:
                return i
        return i

    def _organisations(self, doc: Doc, taken: set[int]) -> list[Span]:
        """ "Kementerian Luar Negeri (Kemlu) Brunei Darussalam", "Myawaddy TV": a capitalised
        run that an organisation word opens or closes."""
        found: list[Span] = []
        for i in self._org_candidates(doc, taken):
            if i in taken or not _is_name_token(doc[i]):
                continue
            end = self._org_run_end(doc, i, taken)
            words = [t.lower_ for t in doc[i:end] if _is_name_token(t)]
            if len(words) >= 2 and (words[0] in self._org_heads or words[-1] in self._org_tails):
                end = self._after_title_qualifiers(doc, end) if words[0] in self._org_heads else end
                while end > i and not _is_name_token(doc[end - 1]) and doc[end - 1].text != ")":
                    end -= 1
                found.append(Span(doc, i, end, label="Organization"))
                taken.update(range(i, end))
        return found

    def _org_candidates(self, doc: Doc, taken: set[int]) -> list[int]:
        """Where an organisation can start: at a head word, or where the capitalised run
        before a tail word begins ("Myawaddy TV")."""
        starts = set(_positions(doc, LOWER, self._org_heads))
        for k in _positions(doc, LOWER, self._org_tails):
            i = k
            while (i > max(0, k - _MAX_ORGANIZATION) and i - 1 not in taken
                   and (_is_name_token(doc[i - 1]) or doc[i - 1].lower_ in self._bridges)):
                i -= 1
            starts.update(range(i, k))  # "Pernyataan Kementerian ...": it may start inside the run
        return sorted(starts)

    def _org_run_end(self, doc: Doc, start: int, taken: set[int]) -> int:
        """Capitalised words, with "of"/"untuk" between them ("Ministry of Foreign Affairs")."""
        end = start
        while end < min(len(doc), start + _MAX_ORGANIZATION) and end not in taken:
            if _is_name_token(doc[end]):
                end += 1
            elif (doc[end].lower_ in self._bridges and end + 1 < len(doc) and end + 1 not in taken
                  and _is_name_token(doc[end + 1])):
                end += 1
            else:
                break
        return end

    def _capitalised_run(self, doc: Doc, start: int, taken: set[int]) -> tuple[int, int] | None:
        end = start
        while (end < len(doc) and end - start < _MAX_NAME and end not in taken and _is_name_token(doc[end])
               and doc[end].lower_ not in self._stop and doc[end].lower_ not in self._titles.words):
            end += 1
        if end == start or (end < len(doc) and end in taken):
            return None
        return start, end

    def _acronyms(self, doc: Doc, taken: set[int]) -> list[Span]:
        """"Long Name (ACR)": the acronym and the long name are one organisation."""
        found: list[Span] = []
        acronyms: set[str] = set()
        for i in _positions(doc, LOWER, ("(",)):
            if not (i + 2 < len(doc) and doc[i + 2].text == ")"):
                continue
            acronym = doc[i + 1]
            if not (acronym.is_upper and len(acronym.text) >= _MIN_ACRONYM and acronym.is_alpha):
                continue
            if acronym.i not in taken:
                found.append(Span(doc, acronym.i, acronym.i + 1, label="Organization"))
                acronyms.add(acronym.text)
        defined = {s.start for s in found}
        found += [Span(doc, i, i + 1, label="Organization") for i in _positions(doc, ORTH, acronyms)
                  if i not in taken and i not in defined]
        return found

    def _armed_forces(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A country with a word for its armed forces beside it: "militer Myanmar", "Azerbaijani army"."""
        return [span for ent in ents if ent.label_ == "Country"
                for span in _beside(doc, ent, self._forces_before, self._forces_after, "Organization", ARMED_FORCES)]

    def _members(self, doc: Doc, names: list[Span]) -> list[Span]:
        """An organisation with a plural word for its people beside it: "para pemimpin NLD", "NLD leaders"."""
        return [span for ent in names if ent.label_ == "Organization"
                for span in _beside(doc, ent, self._members_before, self._members_after, "Group")]

    def _ethnic_groups(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "ethnic Armenian forces", "pasukan etnis Armenia": the forces of a people, not of its state.
        Once the article marks them so, its other "Armenian forces" are the same group."""
        marked: set[tuple[str, str]] = set()
        mentions: list[tuple[int, int, str, str]] = []  # start, end, country id, noun
        words = lowers(doc)
        for ent in ents:
            if ent.label_ != "Country":
                continue
            before = words[ent.start - 1] if ent.start > 0 else ""
            after = words[ent.end] if ent.end < len(doc) else ""
            if after in self._ethnic_nouns:  # "(ethnic) Armenian forces"
                mentions.append((ent.start, ent.end + 1, ent.ent_id_, after))
                if before in self._ethnic_markers:
                    marked.add((ent.ent_id_, after))
            elif before in self._ethnic_markers and ent.start > 1 and words[ent.start - 2] in self._ethnic_nouns:
                noun = words[ent.start - 2]  # "pasukan etnis Armenia"
                mentions.append((ent.start - 2, ent.end, ent.ent_id_, noun))
                marked.add((ent.ent_id_, noun))
            elif before in self._ethnic_nouns:  # "pasukan Armenia"
                mentions.append((ent.start - 1, ent.end, ent.ent_id_, before))
        return [Span(doc, start, end, label="Group", span_id=f"{ETHNIC_GROUP}{country}:{noun}")
                for start, end, country, noun in mentions if (country, noun) in marked]

    def _repeated_surnames(self, doc: Doc, people: list[Span], taken: set[int]) -> list[Span]:
        surnames = {p[-1].text for p in people if p.label_ == "Person" and len(p) > 1 and len(p[-1].text) > 2}
        return [Span(doc, i, i + 1, label="Person") for i in _positions(doc, ORTH, surnames) if i not in taken]


def _beside(doc: Doc, ent: Span, before: Phrases, after: Phrases, label: str, id_prefix: str = "") -> list[Span]:
    """The name with a phrase before or after it, as one span of `label` (its id `id_prefix` + the name's id)."""
    words = lowers(doc)
    starts, ends = before.starts_before(words, ent.start), after.ends_after(words, ent.end)
    if not starts and not ends:
        return []
    span_id = id_prefix + ent.ent_id_ if id_prefix else ""
    return ([Span(doc, start, ent.end, label=label, span_id=span_id) for start in starts]
            + [Span(doc, ent.start, end, label=label, span_id=span_id) for end in ends])


def _is_name_token(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text) and not token.is_punct
