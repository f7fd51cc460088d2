"""Relation rules: verb frames from the lexicon, voice, relative clauses, titles, cites.

spaCy's blank pipelines have no parser, so argument roles come from word order,
which in news prose is regular enough to read with a handful of general rules:

- active voice: subject left of the verb, object right of it (or after the frame's
  preposition: "menyalahkan X pada Y", "blamed X on Y");
- passive voice (Indonesian di-/ter-, English be + participle): the roles swap; the
  agent follows "oleh"/"by", or directly follows an Indonesian passive ("dipimpin
  Rusia"), or is the -nya clitic ("digantikannya"); no agent, no triple;
- relative clauses: "X yang dipimpin Y" takes X as the verb's left argument;
- nominalisations: "pengerahan pasukan X ke Y", "the deployment of X troops to Y";
- titles: "Presiden Kazakh Kassym-Jomart Tokayev", "Russian President Vladimir Putin";
- citations: "mengutip Reuters", "according to TASS".

Each rule yields `RawRelation`s whose arguments are token spans (names, groups,
pronouns, descriptions); kg.resolve turns them into entities.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.lexicon import Frame, Lexicon
from kg.nlp.morphology import IndonesianAnalyzer, english_forms

__all__ = ["Arg", "RawRelation", "RelationMatcher"]

_WINDOW = 12  # tokens searched on each side of a verb for its arguments
_PREP_GAP = 4  # tokens allowed between a preposition and its argument


@dataclass(frozen=True, slots=True)
class Arg:
    """A relation argument: a token span and what kind of reference it is.

    kind: "name" (a named entity or group, typed by `type`), "pronoun" (a person
    pronoun or -nya clitic), "description" (a noun like "aliansi" standing for a name).
    """

    start: int
    end: int
    kind: str
    type: str | None


@dataclass(frozen=True, slots=True)
class RawRelation:
    subject: Arg
    predicate: str
    object: Arg
    sentence: Span
    rule: str
    modality: str = "asserted"


@dataclass(frozen=True, slots=True)
class _Trigger:
    index: int
    frame: Frame
    voice: str  # "active" | "passive" | "nominal"
    clitic: bool
    end: int  # first token after the trigger and its fixed words ("bekerja sama")


class RelationMatcher:
    """Reads relations off a Doc whose entities (doc.ents) are already set."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._words = lexicon.words
        self._frames_by_word: dict[str, list[Frame]] = {}
        for frame in lexicon.frames:
            self._frames_by_word.setdefault(frame.word, []).append(frame)
        self._analyzer = (IndonesianAnalyzer(lexicon.morphology, self._frames_by_word)
                          if lexicon.morphology else None)
        self._english: dict[str, list[tuple[Frame, str]]] = {}
        if lexicon.morphology is None:
            irregular = lexicon.irregular or {}
            for frame in lexicon.frames:
                for form, kind in english_forms(frame.word, irregular.get(frame.word, ())).items():
                    self._english.setdefault(form, []).append((frame, kind))
        self._titles = {tuple(t.lower().split()): role for t, role in lexicon.titles.items()}
        self._max_title = max((len(t) for t in self._titles), default=1)

    # ------------------------------------------------------------------ entry point

    def __call__(self, doc: Doc) -> list[RawRelation]:
        relations: list[RawRelation] = []
        for sent in doc.sents:
            args = self._arguments(doc, sent)
            triggers = list(self._triggers(doc, sent))
            trigger_at = {t.index for t in triggers}
            for trigger in triggers:
                relations.extend(self._verb_relations(doc, sent, args, trigger, trigger_at))
            relations.extend(self._title_relations(doc, sent))
            relations.extend(self._cite_relations(doc, sent))
        return relations

    # ------------------------------------------------------------------ arguments

    def _arguments(self, doc: Doc, sent: Span) -> list[Arg]:
        """Names, groups, pronouns and descriptions of a sentence, left to right."""
        args = [Arg(e.start, e.end, "name", e.label_) for e in doc.ents if sent.start <= e.start < sent.end]
        taken = {i for a in args for i in range(a.start, a.end)}
        for token in sent:
            if token.i in taken:
                continue
            lower = token.lower_
            if lower in self._words["person_pronouns"]:
                args.append(Arg(token.i, token.i + 1, "pronoun", "Person"))
            elif lower in self.lexicon.descriptors and not self._describes_next_name(doc, token.i, taken):
                args.append(Arg(token.i, token.i + 1, "description", self.lexicon.descriptors[lower]))
        args.sort(key=lambda a: a.start)
        return [a for a, nxt in zip(args, [*args[1:], None]) if not self._titles_person(doc, sent, a, nxt)]

    def _titles_person(self, doc: Doc, sent: Span, arg: Arg, nxt: Arg | None) -> bool:
        """A country inside a person's title ("Malaysian Prime Minister Anwar Ibrahim",
        "Menteri Luar Negeri Rusia Sergei Lavrov") qualifies the person; the person is the
        argument, so "X met with Malaysian Prime Minister Y" does not read as X met Malaysia."""
        if nxt is None or nxt.type != "Person" or nxt.kind != "name" or arg.type == "Person":
            return False
        if arg.end == nxt.start:
            return self._title_ending_at(doc, arg.start, sent.start) is not None
        title = self._title_start(doc, arg.end)
        return title is not None and title[1] == nxt.start

    def _describes_next_name(self, doc: Doc, i: int, taken: set[int]) -> bool:
        """A description written right before a name ("aliansi militer CSTO") is no argument
        itself; "aliansi ke Kazakhstan" is, since a function word stands between."""
        for j in range(i + 1, min(i + 3, len(doc))):
            if j in taken:
                return True
            if doc[j].lower_ in self._words["stopwords"] or not doc[j].is_alpha:
                return False
        return False

    # ------------------------------------------------------------------ triggers

    def _triggers(self, doc: Doc, sent: Span) -> Iterator[_Trigger]:
        for token in sent:
            if token.ent_type_ or not token.is_alpha:
                continue
            for frame, voice, clitic in self._readings(doc, token.i):
                end = token.i + 1
                if frame.then:
                    words = [t.lower_ for t in doc[end:end + len(frame.then)]]
                    if words != list(frame.then):
                        continue
                    end += len(frame.then)
                if frame.noun and not self._has_noun(doc, end, sent.end, frame, voice):
                    continue
                yield _Trigger(token.i, frame, voice, clitic, end)
                break

    def _readings(self, doc: Doc, i: int) -> Iterator[tuple[Frame, str, bool]]:
        word = doc[i].lower_
        if self._analyzer is not None:
            for parse in self._analyzer.parses(word):
                for frame in self._frames_by_word.get(parse.root, ()):
                    if parse.prefix in frame.prefixes and parse.suffix in frame.suffixes:
                        yield frame, parse.voice, parse.clitic == "nya"
            return
        for frame, kind in self._english.get(word, ()):
            if frame.nominal:
                yield frame, "nominal", False
            elif kind == "past" and self._after_be(doc, i):
                yield frame, "passive", False
            elif not frame.passive_only:
                yield frame, "active", False

    def _after_be(self, doc: Doc, i: int) -> bool:
        be = self._words.get("be_forms", frozenset())
        for j in range(i - 1, max(i - 4, -1), -1):
            if doc[j].lower_ in be:
                return True
            if not doc[j].is_alpha or doc[j].ent_type_:
                return False
        return False

    def _has_noun(self, doc: Doc, start: int, stop: int, frame: Frame, voice: str) -> bool:
        reach = 1 if voice == "nominal" else 4
        return any(t.lower_ in frame.noun for t in doc[start:min(start + reach, stop)])

    # ------------------------------------------------------------------ verb frames

    def _verb_relations(self, doc: Doc, sent: Span, args: list[Arg], trigger: _Trigger,
                        trigger_at: set[int]) -> Iterator[RawRelation]:
        if self._negated(doc, sent, trigger.index):
            return
        modality = "planned" if self._future(doc, sent, trigger.index) else "asserted"
        frame = trigger.frame
        if trigger.voice == "nominal":
            subjects, objects, rule = self._nominal_roles(doc, sent, args, trigger)
        elif trigger.voice == "passive":
            subjects, objects, rule = self._passive_roles(doc, sent, args, trigger, trigger_at)
        else:
            subjects = self._left(doc, sent, args, trigger.index, trigger_at)
            objects = self._right(doc, sent, args, trigger, trigger_at)
            rule = "verb-active"
        for subject in subjects:
            for obj in objects:
                if _typed(subject, frame.subject_types) and _typed(obj, frame.object_types) and subject != obj:
                    yield RawRelation(subject, frame.predicate, obj, sent, rule, modality)

    def _passive_roles(self, doc: Doc, sent: Span, args: list[Arg], trigger: _Trigger,
                       trigger_at: set[int]) -> tuple[list[Arg], list[Arg], str]:
        after = trigger.end
        agents: list[Arg] = []
        rule = "verb-passive-agent"
        if after < sent.end and doc[after].lower_ in self._words["passive_agent_markers"]:
            agents = self._coordinated(doc, args, _first_at(args, after + 1, after + 1 + _PREP_GAP))
        elif trigger.clitic:
            agents, rule = [Arg(trigger.index, trigger.index + 1, "pronoun", "Person")], "verb-clitic-agent"
        elif self.lexicon.lang == "id":
            agents = self._coordinated(doc, args, _first_at(args, after, after + 1))
        if not agents:
            return [], [], rule
        patients = self._relative_antecedent(doc, sent, args, trigger)
        if patients is None:
            patients = self._left(doc, sent, args, trigger.index, trigger_at)
        else:
            rule = "verb-relative" if rule == "verb-passive-agent" else rule
        return agents, patients, rule

    def _relative_antecedent(self, doc: Doc, sent: Span, args: list[Arg], trigger: _Trigger) -> list[Arg] | None:
        """The head a relative clause modifies: "X yang dipimpin Y" gives X.

        When the head is a generic noun ("orang yang digantikannya sebagai presiden,
        Nursultan Nazarbayev"), the name it stands for follows as an apposition.
        """
        j = trigger.index - 1
        if j < sent.start or doc[j].lower_ not in self._words["relativizers"]:
            return None
        before = [a for a in args if a.end == j or (a.end == j - 1 and doc[j - 1].text == ",")]
        if before:
            return self._coordinated(doc, args, before[-1])
        if j - 1 >= sent.start and doc[j - 1].lower_ in self._words["generic_heads"]:
            for k in range(trigger.end, min(trigger.end + _WINDOW, sent.end)):
                if doc[k].text == ",":
                    follower = _first_at(args, k + 1, k + 2)
                    if follower is not None and follower.kind == "name":
                        return [follower]
        return []

    def _nominal_roles(self, doc: Doc, sent: Span, args: list[Arg],
                       trigger: _Trigger) -> tuple[list[Arg], list[Arg], str]:
        frame = trigger.frame
        start = trigger.end
        if start < sent.end and doc[start].lower_ in frame.noun:
            start += 1
        if start < sent.end and doc[start].lower_ == "of":
            start += 1
        owner = _first_at(args, start, start + 2)
        if owner is None and trigger.index - 1 >= sent.start:
            owner = next((a for a in args if a.end in (trigger.index, trigger.index - 1)), None)
        if owner is None:
            return [], [], "nominal"
        objects = self._after_prep(doc, sent, args, owner.end, frame.object_after, sent.end)
        return [owner], objects, "nominal"

    # ------------------------------------------------------------------ argument search

    def _left(self, doc: Doc, sent: Span, args: list[Arg], index: int, trigger_at: set[int]) -> list[Arg]:
        """The nearest argument before `index` in the same clause, with its coordinates."""
        stop = max(sent.start, index - _WINDOW)
        for j in range(index - 1, stop - 1, -1):
            token = doc[j]
            if token.lower_ in self._words["clause_breaks"] or j in trigger_at:
                return []
            arg = next((a for a in args if a.end - 1 == j), None)
            if arg is not None and not self._after_preposition(doc, sent, arg):
                return self._coordinated(doc, args, arg)
        return []

    def _right(self, doc: Doc, sent: Span, args: list[Arg], trigger: _Trigger, trigger_at: set[int]) -> list[Arg]:
        frame = trigger.frame
        limit = self._clause_end(doc, sent, trigger.end, trigger_at)
        if frame.object_after:
            found = self._after_prep(doc, sent, args, trigger.end, frame.object_after, limit)
            if found or frame.require_prep:
                return found
        for arg in args:
            if trigger.end <= arg.start < limit and not self._after_preposition(doc, sent, arg):
                return self._coordinated(doc, args, arg)
        return []

    def _after_prep(self, doc: Doc, sent: Span, args: list[Arg], start: int,
                    preps: Sequence[str], limit: int) -> list[Arg]:
        for j in range(start, limit):
            if doc[j].lower_ in preps and not doc[j].ent_type_:
                arg = _first_at(args, j + 1, j + 1 + _PREP_GAP)
                if arg is not None:
                    return self._coordinated(doc, args, arg)
        return []

    def _clause_end(self, doc: Doc, sent: Span, start: int, trigger_at: set[int]) -> int:
        for j in range(start, min(start + _WINDOW, sent.end)):
            if doc[j].lower_ in self._words["clause_breaks"] or j in trigger_at:
                return j
        return min(start + _WINDOW, sent.end)

    def _after_preposition(self, doc: Doc, sent: Span, arg: Arg) -> bool:
        j = arg.start - 1
        return j >= sent.start and doc[j].lower_ in self._words["locative_prepositions"]

    def _coordinated(self, doc: Doc, args: list[Arg], first: Arg | None) -> list[Arg]:
        """`first` and the arguments joined to it by "dan"/"and"/commas, either side."""
        if first is None:
            return []
        group = [first]
        coordinators = self._words["coordinators"]
        by_start = {a.start: a for a in args}
        by_end = {a.end: a for a in args}
        current = first
        while True:
            j = current.end
            while j < len(doc) and doc[j].lower_ in coordinators:
                j += 1
            nxt = by_start.get(j)
            if j == current.end or nxt is None or nxt.kind != first.kind:
                break
            group.append(nxt)
            current = nxt
        current = first
        while True:
            j = current.start
            while j > 0 and doc[j - 1].lower_ in coordinators:
                j -= 1
            prev = by_end.get(j)
            if j == current.start or prev is None or prev.kind != first.kind:
                break
            group.insert(0, prev)
            current = prev
        return group

    # ------------------------------------------------------------------ modality

    def _negated(self, doc: Doc, sent: Span, index: int) -> bool:
        return self._marked(doc, sent, index, "negators")

    def _future(self, doc: Doc, sent: Span, index: int) -> bool:
        return self._marked(doc, sent, index, "future_markers")

    def _marked(self, doc: Doc, sent: Span, index: int, list_name: str) -> bool:
        markers = self._words[list_name]
        for j in range(index - 1, max(sent.start, index - 4) - 1, -1):
            if doc[j].ent_type_ or doc[j].lower_ in self._words["clause_breaks"]:
                return False
            if doc[j].lower_ in markers or f"{doc[j].lower_} {doc[j + 1].lower_}" in markers:
                return True
        return False

    # ------------------------------------------------------------------ titles

    def _title_relations(self, doc: Doc, sent: Span) -> Iterator[RawRelation]:
        """`leads` from a leader title next to a country or organisation and a person."""
        ents = [e for e in doc.ents if sent.start <= e.start < sent.end]
        for left, right in zip(ents, ents[1:]):
            if right.label_ != "Person" or left.label_ not in ("Country", "Organization") or left.end != right.start:
                continue
            before = self._title_ending_at(doc, left.start, sent.start)
            between_ok = self.lexicon.lang == "id" and before == "leader"
            if self.lexicon.lang == "en":
                between_ok = self._title_ending_at(doc, right.start, sent.start) == "leader"
            if between_ok:
                yield RawRelation(Arg(right.start, right.end, "name", "Person"), "leads",
                                  Arg(left.start, left.end, "name", left.label_), sent, "title-leads")
        if self.lexicon.lang == "en":
            for left, right in zip(ents, ents[1:]):
                title_start = self._title_start(doc, left.end)
                if (left.label_ in ("Country", "Organization") and right.label_ == "Person"
                        and title_start is not None and title_start[1] == right.start
                        and title_start[0] == "leader"):
                    yield RawRelation(Arg(right.start, right.end, "name", "Person"), "leads",
                                      Arg(left.start, left.end, "name", left.label_), sent, "title-leads")

    def _title_ending_at(self, doc: Doc, end: int, floor: int) -> str | None:
        """The role of the longest title whose last token is just before `end`."""
        for size in range(self._max_title, 0, -1):
            start = end - size
            if start < floor:
                continue
            role = self._titles.get(tuple(t.lower_ for t in doc[start:end]))
            if role:
                return role
        return None

    def _title_start(self, doc: Doc, start: int) -> tuple[str, int] | None:
        for size in range(self._max_title, 0, -1):
            role = self._titles.get(tuple(t.lower_ for t in doc[start:start + size]))
            if role and start + size <= len(doc):
                return role, start + size
        return None

    # ------------------------------------------------------------------ citations

    def _cite_relations(self, doc: Doc, sent: Span) -> Iterator[RawRelation]:
        cues = self._words["cite_cues"]
        after_cues = self._words.get("cite_cues_after", frozenset())
        for ent in (e for e in doc.ents if sent.start <= e.start < sent.end and e.label_ == "Organization"):
            cited = Arg(ent.start, ent.end, "name", "Organization")
            before = [t.lower_ for t in doc[max(sent.start, ent.start - 3):ent.start]]
            joined = " ".join(before)
            if any(w in cues for w in before) or any(c in joined for c in cues if " " in c):
                yield RawRelation(cited, "cites", cited, sent, "cites")
            elif ent.end < sent.end and doc[ent.end].lower_ in after_cues:
                yield RawRelation(cited, "cites", cited, sent, "cites")


def _first_at(args: list[Arg], start: int, stop: int) -> Arg | None:
    return next((a for a in args if start <= a.start < stop), None)



def _typed(arg: Arg, allowed: frozenset[str]) -> bool:
    return arg.type is None or arg.type in allowed
