"""People named without a title before them.

- a capitalised run of two to four words that opens with a given name is a person
  ("Roman Protasevich", "Mahsa Amini", "Abu Mahdi al-Muhandis"), unless the run is longer
  (a headline, a list), continues a capitalised run ("Balai Agung Rakyat"), or holds a word
  the article also writes in lowercase ("Paris Agreement" beside "the agreement");
- a capitalised run with a role after it is a person: "Charles Michel, the president of
  the European Council", "Mohammed Abdul-Salam, juru bicara Houthi", "X selaku Menteri";
- once a person is named in full, the last word of the name alone is that person
  ("Protasevich" after "Roman Protasevich").
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from kg.lexicon import Lexicon
from kg.nlp.arrays import positions
from kg.nlp.given_names import given_names
from kg.nlp.name_runs import HYPHENS, NameRuns, NameView, occurrences
from kg.nlp.titles import Titles

__all__ = ["PeopleFinder"]

_ROLE_REACH = 3  # words between the comma (or "selaku") and the role: "the EU's foreign policy chief"
_NAMED_TYPES = ("Country", "Organization", "Place")
_MIN_SURNAME_CHARS = 3
_FULLER_REACH = 3  # given and middle names before a known surname: "Vladimir V.", "Tayyip"
_MIN_GIVEN_CHARS = 4  # a shorter first word ("Xi", "Kim") is too often a word or another name


class PeopleFinder:
    """Finds people by a given name, by a role in apposition, by the kin word before them, and by a
    surname used again."""

    def __init__(self, lexicon: Lexicon, titles: Titles, runs: NameRuns):
        self._names = given_names(lexicon.lang)
        positions(Doc(Vocab()), ORTH, self._names)  # index the 50,000 names now, with the pipeline, not in an article
        self._titles = titles
        self._runs = runs
        self._connectors = frozenset({","} | lexicon.words["as_markers"])
        self._openers = lexicon.words.get("apposition_openers", frozenset())
        self._possessives = lexicon.words.get("possessive_markers", frozenset())
        self._function_words = lexicon.words["stopwords"] | lexicon.words["relativizers"]
        self._kin = lexicon.words.get("kin_nouns", frozenset())  # "his son, X", "putranya, X"
        self._kin_owners = lexicon.words.get("kin_owners", frozenset())  # "his", "their"
        self._clitics = lexicon.words.get("clitic_pronouns", frozenset())  # "putra|nya"

    def by_given_name(self, view: NameView) -> list[Span]:
        """Runs of two to four name words that open with a given name."""
        doc, runs = view.doc, self._runs
        found: list[Span] = []
        for i in self._given_name_starts(view):
            if i in view.taken or i in view.quiet:
                continue
            if i > 0 and (runs.is_word(view, i - 1) or view.words[i - 1] in HYPHENS and not doc[i - 1].whitespace_):
                continue  # inside a longer name: "Universitas Gadjah Mada", "Balai Agung Rakyat", "Wei-Hung"
            run = runs.run(view, i)
            if run is None or run[1] < 2 or run[0] < len(doc) and _capitalised(view.texts[run[0]]):
                continue  # one word, or more capitalised words after: a headline, a list, a longer name
            end = run[0]
            if any(view.texts[k][:1].isupper() and view.written_in_lowercase(doc[k]) for k in range(i + 1, end)):
                continue  # "Paris Agreement" where the article writes "the agreement"
            found.append(view.add(Span(doc, i, end, label="Person")))
        return found

    def _given_name_starts(self, view: NameView) -> list[int]:
        """Tokens that are a given name, or open with one before a hyphen ("Jean-Yves" as one token)."""
        starts = positions(view.doc, ORTH, self._names)
        hyphenated = [i for i, w in enumerate(view.words) if "-" in w and len(w) > 2]
        if hyphenated:
            starts += [i for i in hyphenated if view.texts[i].partition("-")[0] in self._names]
            starts.sort()
        return starts

    def by_role(self, view: NameView) -> list[Span]:
        """ "Charles Michel, the president of ...", "Mohammed Abdul-Salam, juru bicara ...": a name of
        two to four words before a comma (or "as"/"selaku") and a role."""
        doc, runs = view.doc, self._runs
        found: list[Span] = []
        for c in positions(doc, LOWER, self._connectors):
            if c == 0 or c in view.quiet or not runs.is_word(view, c - 1) and view.words[c - 1] not in self._runs.suffixes:
                continue
            if not self._role_after(view, c + 1):
                continue
            start = self._name_before(view, c)
            if start is not None:
                found.append(view.add(Span(doc, start, c, label="Person")))
        return found

    def by_kin(self, view: NameView) -> list[Span]:
        """ "his son, Noureddin Bongo Valentin", "putranya, Noureddin Bongo Valentin", "his son Viktor": a
        name of up to four words set after a kin word that belongs to someone ("his", "-nya")."""
        doc, words, found = view.doc, view.words, []
        for k in positions(doc, LOWER, self._kin):
            clitic = k + 1 < len(doc) and words[k + 1] in self._clitics  # "putra|nya"
            if not (clitic or (k > 0 and words[k - 1] in self._kin_owners)):
                continue
            j = k + 2 if clitic else k + 1
            j += j < len(doc) and words[j] == ","
            if j >= len(doc) or j in view.quiet or j in view.taken:
                continue
            run = self._runs.run(view, j)
            if run is not None and not any(i in view.taken for i in range(j, run[0])):  # "his son Viktor" too
                found.append(view.add(Span(doc, j, run[0], label="Person")))
        return found

    def _role_after(self, view: NameView, j: int) -> bool:
        """A title from the lexicon within a few words after `j`: "the president", "a spokesman for",
        "the EU's foreign policy chief", "juru bicara", "seorang aktivis"."""
        doc, words = view.doc, view.words
        opened = j < len(doc) and words[j] in self._openers
        j += opened
        for k in range(j, min(len(doc), j + _ROLE_REACH + 1)):
            if self._titles.starting_at(words, k) is not None:
                return True
            token = doc[k]
            if token.ent_type_ in _NAMED_TYPES or words[k] in self._possessives:
                continue  # "the EU's", "Presiden AS"
            if opened and token.is_lower and token.is_alpha and words[k] not in self._function_words:
                continue  # "the former", "a senior"
            return False
        return False

    def _name_before(self, view: NameView, end: int) -> int | None:
        """Where the name that ends at `end` begins, when it is two to four words and no longer."""
        run = self._runs.run_to(view, end)
        if run is None:
            return None
        start, count = run
        if count >= 3 and view.starts_sentence(start) and view.doc[start].text not in self._names:
            start += 1  # "Kemarin Joko Widodo, ...": the sentence's first word is its own
            while start < end and not self._runs.is_word(view, start):
                start += 1
            again = self._runs.run(view, start) if start < end else None
            count = again[1] if again is not None and again[0] == end else 0
        return start if count >= 2 and start not in view.quiet else None

    def surnames(self, view: NameView, people: list[Span]) -> list[Span]:
        """The last word of each person's full name, wherever it stands alone: "Prigozhin", "Chan-ocha"."""
        forms: dict[tuple[int, ...], str] = {}
        for person in people:
            if person.label_ != "Person" or len(person) < 2:
                continue
            last = self._last_word(view, person)
            if last is not None and len(view.doc[last[0]:last[1]].text) >= _MIN_SURNAME_CHARS:
                forms.setdefault(tuple(t.orth for t in view.doc[last[0]:last[1]]), "Person")
        return occurrences(view, forms) + self._first_words(view, people, forms)

    def _first_words(self, view: NameView, people: list[Span], surnames: dict[tuple[int, ...], str]) -> list[Span]:
        """The first word of a full name where it stands alone: "Anwar" of "Anwar Ibrahim", "Prabowo" of
        "Prabowo Subianto", "Yingluck": news calls many people (Malay, Indonesian, Thai, Arab) by it. Only a word no
        other person's name begins or ends with, long enough not to be an initial, and never the start of a
        longer capitalised run ("Abu" in "Abu Dhabi")."""
        firsts: dict[int, set[str]] = {}  # a first word -> the full names it begins
        for person in people:
            if person.label_ == "Person" and len(person) >= 2 and person[0].is_alpha and person[0].is_title:
                firsts.setdefault(person[0].orth, set()).add(person.text)
        doc = view.doc
        unique = {orth for orth, names in firsts.items() if len(names) == 1 and (orth,) not in surnames
                  and len(doc.vocab.strings[orth]) >= _MIN_GIVEN_CHARS}
        found: list[Span] = []
        for i in positions(doc, ORTH, {doc.vocab.strings[o] for o in unique}):
            after = doc[i + 1] if i + 1 < len(doc) else None
            before = doc[i - 1] if i > 0 else None
            if after is not None and after.is_title and after.is_alpha:
                continue  # "Anwar Ibrahim" itself, or another name it begins
            if (before is not None and before.is_title and before.is_alpha
                    and not (view.starts_sentence(i - 1) and before.text not in self._names)):
                continue  # "Abu Mahdi" inside "Ahmad Abu Mahdi"; but "Later Somchai met ..."
            if view.free(i, i + 1):
                found.append(view.add(Span(doc, i, i + 1, label="Person")))
        return found

    def fuller_names(self, view: NameView, ents: list[Span]) -> list[Span]:
        """A known person's name with the given or middle names news writes before the form kg knows:
        "Tayyip Erdogan", "Vladimir V. Putin". The longer name keeps the known person's id."""
        doc, found = view.doc, []
        people_ending = {e.end: e for e in ents if e.label_ == "Person"}
        for ent in ents:
            if ent.label_ != "Person" or not ent.id:
                continue
            start = ent.start
            for _ in range(_FULLER_REACH):
                before = people_ending.get(start)
                if start < ent.start and before is not None:
                    start = before.start  # "Vladimir" of "Vladimir V. Putin": the same person
                    break
                k = start - 1
                if k < 0 or k in view.quiet:
                    break
                if not (self._runs.initial(doc[k]) and k not in view.taken
                        or self._runs.is_word(view, k) and (not view.starts_sentence(k) or view.texts[k] in self._names)):
                    break
                start = k
            if start < ent.start and not (start > 0 and self._runs.is_word(view, start - 1)):
                found.append(Span(doc, start, ent.end, label="Person", span_id=ent.id))
        return found

    def _last_word(self, view: NameView, person: Span) -> tuple[int, int] | None:
        """Start and end of the last word of a full name: "Chan - ocha" of "Prayuth Chan - ocha",
        "Biden" of "Joseph R. Biden Jr."; None for a one-word name."""
        words = view.words
        end = person.end
        while end > person.start + 1 and words[end - 1] in self._runs.suffixes:
            end -= 1
        last = end - 1
        while last - 2 >= person.start and words[last - 1] in HYPHENS and not view.doc[last - 2].whitespace_:
            last -= 2
        return (last, end) if last > person.start else None


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(ch.isalpha() for ch in text)
