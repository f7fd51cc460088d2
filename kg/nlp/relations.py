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
- titles: "Presiden Kazakh Kassym-Jomart Tokayev", "Russian President Vladimir Putin"
  (kg.nlp.leaders);
- citations: "mengutip Reuters", "according to TASS";
- speakers: "X said Russia had violated ...", "he said the war was Putin's decision".

Each rule yields `RawRelation`s (kg.nlp.records) whose arguments are token spans
(names, groups, pronouns, descriptions); kg.resolve turns them into entities.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from spacy.attrs import LOWER
from spacy.lang.lex_attrs import is_quote
from spacy.tokens import Doc

from kg.gazetteer import load_gazetteer
from kg.lexicon import Frame, Lexicon
from kg.model import SYMMETRIC_PREDICATES
from kg.nlp.alliances import AllyRelations
from kg.nlp.arrays import Phrases, Tokens, positions
from kg.nlp.leaders import LED, LeaderRelations
from kg.nlp.morphology import IndonesianAnalyzer, english_forms
from kg.nlp.quotes import quote_speakers
from kg.nlp.records import Arg, RawRelation, Sentence, first_at
from kg.nlp.titles import Titles

__all__ = ["RelationMatcher"]

_WINDOW = 12  # tokens searched on each side of a verb for its arguments
_PREP_GAP = 4  # tokens allowed between a preposition and its argument
_OBJECT_GAP = 7  # tokens allowed between a transitive verb and its object ("menangkap mantan Presiden X")
_NOMINAL_PREP_REACH = 4  # a nominal's preposition follows it closely: "war between", "serangan Israel ke"
# judging an actor's act judges the actor (guideline rule 8): "condemned Russia's attack" condemns Russia
_JUDGEMENTS = frozenset({"condemns", "opposes", "blames", "supports", "praises"})
_HEADLINE_WORDS = 15  # a line this short, every word capitalised, is a headline
_SPEAKERS = frozenset({"Person", "Organization", "Country"})  # who can be quoted
_RELATIVE_REACH = 5  # tokens between a relativizer and a name inside its clause ("yang dipimpin oleh AS")


class _Trigger(NamedTuple):
    at: int  # the trigger word
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
        self._english_forms = frozenset(self._english)
        self._titles = Titles(lexicon.titles)
        self._leaders = LeaderRelations(lexicon, self._titles)
        self._allies = AllyRelations(lexicon)
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._fellow_before = Phrases(self._words.get("fellow_members_before", ()))
        self._fellow_after = Phrases(self._words.get("fellow_members_after", ()))
        self._copulas = self._words.get("copulas", frozenset())
        self._blamed_events = self._words.get("blamed_events", frozenset())
        self._responsibility = Phrases(self._words.get("responsibility_nouns", ()))
        self._culprits = Phrases(self._words.get("culprit_nouns", ()))
        self._pejoratives = Phrases(self._words.get("pejorative_deeds", ()))
        self._verdict_marks = self._copulas | self._pejoratives.firsts
        self._demands = self._words.get("demand_words", frozenset())
        self._demand_joins = self._words.get("demand_complementizers", frozenset())
        self._removals = Phrases(self._words.get("removal_words", ()))
        self._agencies = Phrases(self._words.get("cite_agency_nouns", ()))  # "kantor berita", "news agency"
        self._agency_qualifiers = self._words.get("cite_agency_qualifiers", frozenset())
        self._media_keys = load_gazetteer().keys_of_kind("media")
        # "accused them of undermining Hong Kong's autonomy": past these words comes what a verb is about
        self._content_markers = self._words.get("content_markers", frozenset())
        self._object_pronouns = self._words.get("object_pronouns", frozenset())
        self._owner_pronouns = {w: "Person" for w in self._words.get("person_possessives", ())} | {
            w: "collective" for w in self._words.get("collective_possessives", ())}
        self._media_words = self._words.get("media_name_words", frozenset())
        self._coordinators = self._words["coordinators"] | self._words.get("coordination_fillers", frozenset())
        self._cue_words = (self._words["person_pronouns"] | self._words.get("plural_pronouns", frozenset())
                           | frozenset(lexicon.descriptors))

    # ------------------------------------------------------------------ entry point

    def __call__(self, doc: Doc) -> list[RawRelation]:
        relations: list[RawRelation] = []
        tok = Tokens(doc)
        ents = [Arg(start, end, "name", label) for start, end, label in tok.entities]
        ent_starts = [e.start for e in ents]
        cues = positions(doc, LOWER, self._cue_words)
        verbs = positions(doc, LOWER, self._english_forms) if self._analyzer is None else None
        marks = positions(doc, LOWER, self._verdict_marks)
        allies = positions(doc, LOWER, self._allies.nouns)
        quoted = quote_speakers(tok, [e for e in ents if e.type in _SPEAKERS], self._words["speech_verbs"],
                                self._words["person_pronouns"])
        for start, end in tok.sentences:
            sent_ents = ents[bisect_left(ent_starts, start):bisect_left(ent_starts, end)]
            sent_cues = cues[bisect_left(cues, start):bisect_left(cues, end)]
            if not sent_ents and not sent_cues:
                continue  # nobody to relate
            sent = Sentence(tok, start, end, quoted.get(start))
            sent_verbs = None if verbs is None else verbs[bisect_left(verbs, sent.start):bisect_left(verbs, sent.end)]
            triggers = _without_support_nouns(list(self._triggers(tok, sent, sent_verbs)), tok)
            trigger_at = {t.at for t in triggers if not t.frame.agentive}  # "protesters" is also an argument
            if len(sent_ents) + len(sent_cues) < 2:  # one argument: only a verb that brings its own other one
                triggers = [t for t in triggers if t.clitic or t.frame.object_from
                            or (t.frame.speaker_judges and sent.quoted_by is not None)]
            args = self._arguments(tok, sent, sent_ents, sent_cues) if triggers else None
            if args is not None:
                for trigger in triggers:
                    relations.extend(self._verb_relations(tok, sent, args, trigger, trigger_at))
            relations.extend(self._leaders(tok, sent, sent_ents))
            relations.extend(self._fellow_member_relations(tok, sent, args, sent_ents, sent_cues))
            relations.extend(self._cite_relations(tok, sent, sent_ents))
            sent_allies = allies[bisect_left(allies, start):bisect_left(allies, end)]
            if sent_allies and len(sent_ents) > 1:
                args = args if args is not None else self._arguments(tok, sent, sent_ents, sent_cues)
                relations.extend(self._allies.find(sent_allies, tok, sent, args, self._coordinated))
            sent_marks = marks[bisect_left(marks, start):bisect_left(marks, end)]
            if sent_marks:
                relations.extend(self._speaker_verdicts(tok, sent, args, sent_ents, sent_cues, sent_marks))
        return relations

    # ------------------------------------------------------------------ arguments

    def _arguments(self, tok: Tokens, sent: Sentence, ents: list[Arg], cues: list[int]) -> list[Arg]:
        """Names, groups, pronouns and descriptions of a sentence, left to right.

        `cues` are the sentence's pronouns and description nouns, found per doc.
        """
        args = list(ents)
        taken = {i for a in args for i in range(a.start, a.end)}
        for i in cues:
            if i in taken:
                continue
            lower = tok.lower[i]
            if lower in self._words["person_pronouns"]:
                args.append(Arg(i, i + 1, "pronoun", "Person"))
            elif lower in self.lexicon.descriptors and not self._describes_next_name(tok, i, taken):
                args.append(Arg(i, i + 1, "description", self.lexicon.descriptors[lower]))
        args.extend(self._speakers(tok, sent, args, taken, cues))
        args.sort(key=lambda a: a.start)
        # "militan Jaish al-Adl", "the rebel group M23": the common noun only describes the named group
        named_orgs = {a.start for a in args if a.kind == "name" and a.type == "Organization"}
        args = [a for a in args if not (a.type == "Group" and a.end in named_orgs)]
        kept = [a for a, nxt in zip(args, [*args[1:], None]) if not self._titles_person(tok, sent, a, nxt)]
        ends = {e.end: e for e in ents if e.type != "Person"}
        return self._offices(tok, sent, [self._with_title(tok, sent, a, ends) for a in kept])

    def _offices(self, tok: Tokens, sent: Sentence, args: list[Arg]) -> list[Arg]:
        """ "sanksi pada presiden Suriah dan Belarusia": a title before a country names the
        office holder, not the state, and distributes over the countries listed after it."""
        out: list[Arg] = []
        for arg in args:
            title = self._titles.ending_at(tok.lower, arg.start, sent.start) if arg.kind == "name" else None
            previous = out[-1] if out else None
            after = self._title_after(tok, sent, arg) if arg.kind == "name" and arg.type in LED else None
            if arg.type in LED and title is not None:
                arg = Arg(arg.start, arg.end, "office", "Person", ref=(title[1], arg.start), role=title[0])
            elif after is not None:  # "the U.S. president called ...": a title after the country, no name
                arg = Arg(arg.start, arg.end, "office", "Person", ref=after[1:], role=after[0])
            elif (arg.type in LED and arg.kind == "name" and previous is not None and previous.kind == "office"
                  and all(w in self._words["coordinators"] for w in tok.lower[previous.end:arg.start])):
                arg = Arg(arg.start, arg.end, "office", "Person", ref=previous.ref, role=previous.role)
            out.append(arg)
        return out

    def _title_after(self, tok: Tokens, sent: Sentence, arg: Arg) -> tuple[str, int, int] | None:
        """The role and span of a title right after a country with no name after it ("the U.S. president said")."""
        start = tok.past(arg.end, self._possessives, sent.end)
        found = self._titles.starting_at(tok.lower, start) if start < sent.end else None
        if found is None or (found[1] < sent.end and tok.ent[found[1]]):
            return None
        return found[0], start, found[1]

    def _with_title(self, tok: Tokens, sent: Sentence, arg: Arg, ends: dict[int, Arg]) -> Arg:
        """Mark where a person's title phrase begins, so "dengan Presiden Rusia Vladimir Putin"
        still has Putin right after its preposition and coordination can skip titles."""
        if arg.type != "Person" or arg.kind != "name":
            return arg
        lead, titled = arg.start, False
        for _ in range(3):  # a title and the country it names, in either order
            title = self._titles.ending_at(tok.lower, lead, sent.start)
            if title is not None:
                lead, titled = title[1], True
                continue
            j = lead - 1 if lead - 1 >= sent.start and tok.lower[lead - 1] in self._possessives else lead
            if j in ends:
                lead = ends[j].start
                continue
            break
        return Arg(arg.start, arg.end, arg.kind, arg.type, lead=lead) if titled else arg

    def _speakers(self, tok: Tokens, sent: Sentence, args: list[Arg], taken: set[int], cues: list[int]) -> list[Arg]:
        """ "X mengatakan bahwa mereka ...", "X said they ...": the plural pronoun is X."""
        found: list[Arg] = []
        for i in cues:
            if tok.lower[i] not in self._words.get("plural_pronouns", ()) or i in taken:
                continue
            speech = next((j for j in range(i - 1, max(sent.start, i - 6) - 1, -1)
                           if tok.lower[j] in self._words["speech_verbs"]), None)
            if speech is None:
                continue
            speaker = next((a for a in reversed(args) if a.kind == "name" and speech - 3 <= a.end <= speech), None)
            if speaker is not None:
                found.append(Arg(i, i + 1, "speaker", speaker.type, ref=(speaker.start, speaker.end)))
        return found

    def _titles_person(self, tok: Tokens, sent: Sentence, arg: Arg, nxt: Arg | None) -> bool:
        """A country inside a person's title ("Malaysian Prime Minister Anwar Ibrahim",
        "Menteri Luar Negeri Rusia Sergei Lavrov") qualifies the person; the person is the
        argument, so "X met with Malaysian Prime Minister Y" does not read as X met Malaysia."""
        if nxt is None or nxt.type != "Person" or nxt.kind != "name" or arg.type == "Person":
            return False
        if arg.end == nxt.start:
            return self._titles.ending_at(tok.lower, arg.start, sent.start) is not None
        after = tok.past(arg.end, self._possessives)
        title = self._titles.starting_at(tok.lower, after)
        return title is not None and title[1] == nxt.start

    def _describes_next_name(self, tok: Tokens, i: int, taken: set[int]) -> bool:
        """A description written right before a name ("aliansi militer CSTO") is no argument
        itself; "aliansi ke Kazakhstan" is, since a function word stands between."""
        for j in range(i + 1, min(i + 3, len(tok))):
            if j in taken:
                return True
            if tok.lower[j] in self._words["stopwords"] or not tok.is_alpha[j] or any(self._readings(tok, j)):
                return False  # a function word or a verb stands between: "militer menahan Aung San Suu Kyi"
        return False

    # ------------------------------------------------------------------ triggers

    def _triggers(self, tok: Tokens, sent: Sentence, candidates: Sequence[int] | None) -> Iterator[_Trigger]:
        """Verbs and nominals of the lexicon in the sentence; `candidates` (English) are
        the token positions whose form the lexicon lists, found once per doc."""
        for i in range(sent.start, sent.end) if candidates is None else candidates:
            if not tok.is_alpha[i]:
                continue
            fallback = None
            for frame, voice, clitic in self._readings(tok, i):
                if tok.ent[i] and not frame.agentive:
                    continue  # a word inside a name; only a noun naming its actors ("protes") acts from there
                end = i + 2 if self._clitic_after(tok, i) else i + 1
                if frame.then:
                    words = tok.lower[end:end + len(frame.then)]
                    if words != list(frame.then):
                        continue
                    end += len(frame.then)
                if frame.noun and not self._has_noun(tok, end, sent.end, frame, voice):
                    continue
                if (frame.require_prep and not frame.object_from and not frame.agentive
                        and not self._prep_ahead(tok, end, sent.end, frame)):
                    # "war between ...": a frame whose preposition follows reads it before one whose does not
                    if voice != "nominal":
                        fallback = fallback or _Trigger(i, frame, voice, clitic, end)
                    continue
                yield _Trigger(i, frame, voice, clitic, end)
                break
            else:
                if fallback is not None:
                    yield fallback

    def _prep_ahead(self, tok: Tokens, end: int, stop: int, frame: Frame) -> bool:
        """A frame that needs a preposition before its object has one within reach."""
        reach = _NOMINAL_PREP_REACH if frame.nominal else _WINDOW
        return any(w in frame.object_after for w in tok.lower[end:min(end + reach, stop)])

    def _readings(self, tok: Tokens, i: int) -> Iterator[tuple[Frame, str, bool]]:
        word = tok.lower[i]
        if self._analyzer is not None:
            for parse in self._analyzer.parses(word):
                for frame in self._frames_by_word.get(parse.root, ()):
                    if parse.prefix in frame.prefixes and parse.suffix in frame.suffixes:
                        voice = "nominal" if frame.nominal else parse.voice
                        yield frame, voice, parse.clitic == "nya" or self._clitic_after(tok, i)
                    elif parse.prefix == "none" and "di" in frame.prefixes and self._pronoun_before(tok, i):
                        yield frame, "pronoun-passive", False
                    elif (parse.prefix == "none" and "meN" in frame.prefixes and parse.suffix in frame.suffixes
                          and not frame.nominal and self._in_headline(tok, i)):
                        yield frame, "active", False  # "Rusia Serang Ukraina": headlines drop the meN- prefix
            return
        readings = self._english.get(word, ())
        if not readings:
            return
        noun_use = self._after_determiner(tok, i)  # "a stern warning", "the attack": a noun, not the verb
        nxt = tok.lower[i + 1] if i + 1 < len(tok) else ""
        for frame, kind in readings:
            if frame.nominal or noun_use or (kind != "past" and self._noun_before(nxt, frame, readings)):
                continue
            elif kind == "past" and (self._after_be(tok, i) or self._reduced_relative(tok, i)):
                yield frame, "passive", False
            elif not frame.passive_only:
                yield frame, "active", False
        for frame, _kind in readings:
            if frame.nominal:
                yield frame, "nominal", False

    @staticmethod
    def _noun_before(nxt: str, verb: Frame, readings: Sequence[tuple[Frame, str]]) -> bool:
        """ "strikes on Gaza", "fighting between the two": the word is the noun of a nominal frame
        whose preposition follows it, and the verb does not take that preposition."""
        return bool(nxt) and nxt not in verb.object_after and any(
            f.nominal and nxt in f.object_after for f, _ in readings)

    def _in_headline(self, tok: Tokens, i: int) -> bool:
        """A capitalised word in a short line whose words, but for function words, are capitalised."""
        if not tok.doc[i].is_title:
            return False
        words = [t for t in tok.doc[i].sent if t.is_alpha]
        stop = self._words["stopwords"]
        return len(words) <= _HEADLINE_WORDS and all(t.is_title or t.is_upper or t.lower_ in stop for t in words)

    def _clitic_after(self, tok: Tokens, i: int) -> bool:
        """ "digantikan|nya": the clitic pronoun split off the verb (kg.nlp.clitics)."""
        return (i + 1 < len(tok) and tok.lower[i + 1] in self._words["clitic_pronouns"]
                and not tok.doc[i].whitespace_)

    def _pronoun_before(self, tok: Tokens, i: int) -> bool:
        """ "yang keberaniannya dia puji": a pronoun and a bare transitive root form the
        Indonesian object-focus passive, the pronoun being the agent."""
        return i > 0 and (tok.lower[i - 1] in self._words["person_pronouns"]
                          or tok.lower[i - 1] in self._words.get("plural_pronouns", ()))

    def _pronoun_agents(self, tok: Tokens, sent: Sentence, args: list[Arg], at: int) -> list[Arg]:
        """The agent of "yang dia puji" is a person; of "Qatar, yang mereka tuduh ...", the subject
        the sentence opens with ("Arab Saudi, Mesir dan Bahrain memutuskan hubungan dengan Qatar")."""
        if tok.lower[at] not in self._words.get("plural_pronouns", ()):
            return [Arg(at, at + 1, "pronoun", "Person")]
        first = next((a for a in args if a.kind == "name" and a.begin <= sent.opening + 1), None)
        return self._coordinated(tok, args, first) if first is not None and first.end < at else []

    def _after_determiner(self, tok: Tokens, i: int) -> bool:
        determiners = self._words.get("determiners", frozenset())
        before = tok.lower[max(0, i - 2):i]
        after_preposition = bool(before) and before[-1] in self._words["locative_prepositions"] and before[-1] != "to"
        return bool(before) and (before[-1] in determiners or before[-1] in self._possessives or after_preposition
                                 or (len(before) == 2 and before[0] in determiners and tok.doc[i - 1].is_lower))

    def _reduced_relative(self, tok: Tokens, i: int) -> bool:
        """ "forces backed by Armenia": a participle between a name and its "by" agent is passive."""
        return (0 < i < len(tok) - 1 and bool(tok.ent[i - 1])
                and tok.lower[i + 1] in self._words["passive_agent_markers"])

    def _after_be(self, tok: Tokens, i: int) -> bool:
        be = self._words.get("be_forms", frozenset())
        for j in range(i - 1, max(i - 4, -1), -1):
            if tok.lower[j] in be:
                return True
            if not tok.is_alpha[j] or tok.ent[j]:
                return False
        return False

    def _has_noun(self, tok: Tokens, start: int, stop: int, frame: Frame, voice: str) -> bool:
        reach = 1 if voice == "nominal" else 6
        if any(w in frame.noun for w in tok.lower[start:min(start + reach, stop)]):
            return True
        # "kontingen CSTO akan ditarik": a passive's noun comes before it
        return voice == "passive" and any(tok.lower[k] in frame.noun for k in range(max(0, start - 6), start))

    # ------------------------------------------------------------------ verb frames

    def _verb_relations(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger,
                        trigger_at: set[int]) -> Iterator[RawRelation]:
        if self._negated(tok, sent, trigger.at):
            return
        modality = "planned" if self._future(tok, sent, trigger.at) else "asserted"
        frame = trigger.frame
        if frame.agentive:
            subjects, objects, rule = self._agent_noun_roles(tok, sent, args, trigger, trigger_at)
        elif trigger.voice == "nominal":
            subjects, objects, rule = self._nominal_roles(tok, sent, args, trigger)
        elif trigger.voice == "passive":
            subjects, objects, rule = self._passive_roles(tok, sent, args, trigger, trigger_at)
        elif trigger.voice == "pronoun-passive":
            subjects = self._pronoun_agents(tok, sent, args, trigger.at - 1)
            objects, rule = self._fronted_object(tok, sent, args, trigger.at - 1), "verb-relative"
        else:
            # "orang yang membantunya, Budi": after "yang" the subject is the clause's head, not the name before it
            relative = self._relative_antecedent(tok, sent, args, trigger)
            subjects = relative if relative is not None else (
                self._participle_subject(tok, sent, args, trigger)
                or self._shared_subject(tok, sent, args, trigger, trigger_at)
                or self._left(tok, sent, args, trigger.at, trigger_at, small_clause=bool(frame.then)))
            objects = self._right(tok, sent, args, trigger, trigger_at)
            rule = "verb-active"
        if frame.possessed:  # "called Russia's attack a "brutal assault"": judging what Russia did
            objects = [o for o in args if trigger.end <= o.begin < min(sent.end, trigger.end + 3) and o.kind == "name"
                       and self._judged_deed(tok, sent, o, frame)][:1]
        if frame.speaker_judges:  # "X mengatakan, "Rusia telah menyalahgunakan ..."": X condemns Russia
            speaker = self._speaker(tok, sent, args, trigger.at) if trigger.voice == "active" else None
            subjects, objects, rule = ([speaker], subjects, "speaker-judges") if speaker else ([], [], rule)
        if not objects and frame.predicate in SYMMETRIC_PREDICATES and len(subjects) > 1:
            # "Jepang dan Filipina menandatangani pakta": each with each, the relation is mutual
            pairs = [(a, b) for i, a in enumerate(subjects) for b in subjects[i + 1:]]
        else:
            pairs = [(a, b) for a in subjects for b in objects]
        if frame.mutual:  # "clashed with X": each side attacks the other
            pairs += [(b, a) for a, b in pairs if (b, a) not in pairs]
        for subject, obj in pairs:
            if _typed(subject, frame.subject_types) and _typed(obj, frame.object_types) and subject != obj:
                yield RawRelation(subject, frame.predicate, obj, sent.span(tok), rule, modality)

    def _judged_deed(self, tok: Tokens, sent: Sentence, owner: Arg, frame: Frame) -> bool:
        """The owner's deed follows it ("Russia's attack"; "serangan Rusia" has it before) and a
        negative word of the lexicon follows within a few words ("a "brutal assault"")."""
        j = tok.past(owner.end, self._possessives, sent.end)
        if j < sent.end and tok.lower[j] in frame.possessed:
            deed_end = j + 1
        elif owner.begin - 1 >= sent.start and tok.lower[owner.begin - 1] in frame.possessed:
            deed_end = owner.end
        else:
            return False
        negative = self._words.get("negative_evaluations", frozenset())
        return any(w in negative for w in tok.lower[deed_end:min(sent.end, deed_end + 8)])

    def _speaker(self, tok: Tokens, sent: Sentence, args: list[Arg], index: int,
                 unnamed: bool = False) -> Arg | None:
        """Who the sentence quotes: the name (or, with `unnamed`, the "he"/"dia" or office:
        "Menlu AS") before "mengatakan"/"said", or after a closing "kata"/"said"."""
        names = [a for a in args if (a.kind == "name" and a.type in _SPEAKERS)
                 or (unnamed and a.kind in ("pronoun", "office"))]
        for j in range(sent.start, sent.end):
            if tok.lower[j] not in self._words["speech_verbs"] or j == index:
                continue
            before = next((a for a in reversed(names) if j - 2 <= a.end <= j), None)
            after = next((a for a in names if j < a.begin <= j + 2), None) if j > index else None
            if before is not None and (j < index or after is None):
                return before
            if after is not None:
                return after
        quoted = sent.quoted_by
        return quoted if quoted is not None and (unnamed or quoted.kind == "name") else None

    def _shared_subject(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger,
                        trigger_at: set[int]) -> list[Arg]:
        """ "Jokowi mengunjungi Kyiv dan bertemu dengan Zelensky": a verb joined to an earlier
        one by "dan"/"and" shares its subject, not the earlier verb's object."""
        i = trigger.at
        joined = i - 1 > sent.start and tok.lower[i - 1] in self._words["coordinators"] and tok.is_alpha[i - 1]
        earlier = [j for j in trigger_at if sent.start <= j < i - 1]
        if not joined or not earlier:
            return []
        return self._left(tok, sent, args, max(earlier), trigger_at)

    def _participle_subject(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger) -> list[Arg]:
        """ "Biden spoke after a G7 meeting, announcing sanctions": a participle after a
        comma shares the sentence's subject, not the nearest name to its left."""
        i = trigger.at
        if self.lexicon.lang != "en" or not tok.lower[i].endswith("ing") or i - 1 < sent.start or tok.lower[i - 1] != ",":
            return []
        first = next((a for a in args if a.begin < i), None)
        if first is None or self._after_preposition(tok, sent, first) or first.begin > sent.opening + 3:
            return []
        return self._coordinated(tok, args, first)

    def _passive_roles(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger,
                       trigger_at: set[int]) -> tuple[list[Arg], list[Arg], str]:
        after = trigger.end
        agents: list[Arg] = []
        rule = "verb-passive-agent"
        if after < sent.end and tok.lower[after] in self._words["passive_agent_markers"]:
            agents = self._coordinated(tok, args, first_at(args, after + 1, after + 1 + _PREP_GAP))
        elif trigger.clitic:
            agents, rule = [Arg(trigger.end - 1, trigger.end, "pronoun", "Person")], "verb-clitic-agent"
        elif self.lexicon.lang == "id":
            agents = self._coordinated(tok, args, first_at(args, after, after + 1))
        if not agents and trigger.frame.noun:
            return self._owner_moves(tok, sent, args, trigger)
        if not agents:
            return [], [], rule
        patients = self._relative_antecedent(tok, sent, args, trigger)
        if patients is None:
            patients = self._left(tok, sent, args, trigger.at, trigger_at)
        else:
            rule = "verb-relative" if rule == "verb-passive-agent" else rule
        return agents, patients, rule

    def _owner_moves(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger) -> tuple[list[Arg], list[Arg], str]:
        """ "kontingen CSTO akan ditarik (dari Kazakhstan)", "US troops were withdrawn from Kabul": the
        troops' owner acts; with no place given, it is the place the article has it deployed to."""
        frame = trigger.frame
        owner = None
        for n in range(trigger.at - 1, max(sent.start, trigger.at - 5) - 1, -1):
            if tok.lower[n] in frame.noun:
                owner = first_at(args, n + 1, n + 2) or next((a for a in args if a.end == n), None)
                break
        if owner is None:
            return [], [], "verb-passive-owner"
        places = self._after_prep(tok, sent, args, trigger.end, frame.object_after,
                                  min(sent.end, trigger.end + _WINDOW))
        if not places and frame.object_from:
            places = [Arg(trigger.at, trigger.end, "context", None, context=frame.object_from)]
        return [owner], places, "verb-passive-owner"

    def _fronted_object(self, tok: Tokens, sent: Sentence, args: list[Arg], agent: int) -> list[Arg]:
        """The head of "X, yang (keberaniannya) dia puji": the relative clause's antecedent."""
        for k in range(agent - 1, max(sent.start, agent - 3) - 1, -1):
            if tok.lower[k] in self._words["relativizers"]:
                head = next((a for a in args if a.end == k or (a.end == k - 1 and tok.lower[k - 1] == ",")), None)
                return self._coordinated(tok, args, head) if head is not None else []
            if not tok.is_alpha[k]:
                return []
        return []

    def _relative_antecedent(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger) -> list[Arg] | None:
        """The head a relative clause modifies: "X yang dipimpin Y" gives X.

        When the head is a generic noun ("orang yang digantikannya sebagai presiden,
        Nursultan Nazarbayev"), the name it stands for follows as an apposition.
        """
        j = trigger.at - 1
        if j < sent.start or tok.lower[j] not in self._words["relativizers"]:
            return None
        before = [a for a in args if a.end == j or (a.end == j - 1 and tok.lower[j - 1] == ",")]
        if before:
            return self._coordinated(tok, args, before[-1])
        if j - 1 >= sent.start and tok.lower[j - 1] in self._words["generic_heads"]:
            for k in range(trigger.end, min(trigger.end + _WINDOW, sent.end)):
                if tok.lower[k] == ",":
                    follower = first_at(args, k + 1, k + 2)
                    if follower is not None and follower.kind == "name":
                        return [follower]
        return []

    def _nominal_roles(self, tok: Tokens, sent: Sentence, args: list[Arg],
                       trigger: _Trigger) -> tuple[list[Arg], list[Arg], str]:
        """ "pengerahan pasukan X ke Y", "serangan X terhadap Y", "X's invasion of Y"."""
        frame = trigger.frame
        owner = None
        if frame.noun or self.lexicon.lang != "en":
            owner = self._owner_after(tok, sent, args, trigger)
        owner = owner or self._owner_before(tok, sent, args, trigger)
        if owner is None and frame.mutual:  # "the war between Armenia and Azerbaijan": the sides, each on the other
            sides = self._after_prep(tok, sent, args, trigger.end, frame.object_after, min(sent.end, trigger.end + _NOMINAL_PREP_REACH))
            return (sides, sides, "nominal-mutual") if len(sides) > 1 else ([], [], "nominal-mutual")
        if owner is None:
            return [], [], "nominal"
        start = max(owner.end, trigger.end)
        objects = self._after_prep(tok, sent, args, start, frame.object_after, sent.end)
        return [owner], objects, "nominal"

    def _agent_noun_roles(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger,
                          trigger_at: set[int]) -> tuple[list[Arg], list[Arg], str]:
        """ "protes yang lebih luas terhadap pemerintah Tokayev": the noun is the group that acts,
        its target follows a preposition before the next trigger."""
        actor = next((a for a in args if a.start <= trigger.at < a.end and a.kind == "name"), None)
        if actor is None:
            return [], [], "nominal"
        limit = min((j for j in trigger_at if j > trigger.at), default=sent.end)
        objects = self._after_prep(tok, sent, args, actor.end, trigger.frame.object_after, limit)
        return [actor], objects or self._removal_demanded(tok, args, actor.end, limit), "nominal"

    def _removal_demanded(self, tok: Tokens, args: list[Arg], start: int, limit: int) -> list[Arg]:
        """ "mass protests ..., demanding Pashinyan's resignation", "menuntut pengunduran diri Perdana
        Menteri X", "demanding the ouster of X", "menuntut agar X mundur": whom the protest wants gone."""
        words = tok.lower
        for j in range(start, limit):
            if words[j] not in self._demands:
                continue
            k = j + 1
            while k < limit and (words[k] in self._words.get("determiners", ()) or words[k] in self._demand_joins):
                k += 1
            owner = first_at(args, k, k + 1)  # "Pashinyan's resignation", "X mundur"
            if owner is not None and owner.kind == "name":
                after = tok.past(owner.end, self._possessives, limit)
                if self._removals.ends_after(words, after):
                    return self._coordinated(tok, args, owner)
            for end in self._removals.ends_after(words, k):  # "the resignation of X", "pengunduran diri X"
                end = end + 1 if end < limit and words[end] == "of" else end
                owner = first_at(args, end, end + 1)
                if owner is not None and owner.kind == "name":
                    return self._coordinated(tok, args, owner)
        return []

    def _owner_after(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger) -> Arg | None:
        frame, start = trigger.frame, trigger.end
        if start < sent.end and tok.lower[start] in frame.noun:
            start += 1
        if start < sent.end and tok.lower[start] == "of":
            start += 1
        if start < sent.end and tok.lower[start] in frame.object_after:
            return None  # "sanksi terhadap X": X is what the noun is aimed at, not who acts
        return first_at(args, start, start + 2)

    def _owner_before(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger) -> Arg | None:
        """ "Rusia, pengerahan ...", "the Russian invasion", "Russia's (naked) aggression"."""
        i = trigger.at
        for j in range(i - 1, max(sent.start, i - 3) - 1, -1):
            if tok.lower[j] in self._possessives:
                return next((a for a in args if a.end == j), None)
            if tok.lower[j] in self._owner_pronouns:  # "his historic visit to Cuba": the nearest name before it
                return self._antecedent(args, j, self._owner_pronouns[tok.lower[j]])
        if trigger.clitic and trigger.end - 1 > i:  # "kunjungannya ke China"
            return self._antecedent(args, i, "any")
        return next((a for a in args if a.end == i), None)

    @staticmethod
    def _antecedent(args: list[Arg], j: int, kind: str) -> Arg | None:
        """The nearest name before `j` that a possessive pronoun of `kind` can stand for."""
        wanted = {"Person": ("Person",), "collective": ("Country", "Organization", "Group"),
                  "any": ("Person", "Country", "Organization")}[kind]
        return next((a for a in reversed(args) if a.end <= j and a.kind == "name" and a.type in wanted), None)

    # ------------------------------------------------------------------ argument search

    def _left(self, tok: Tokens, sent: Sentence, args: list[Arg], index: int, trigger_at: set[int],
              small_clause: bool = False) -> list[Arg]:
        """The nearest argument before `index` in the same clause, with its coordinates.

        With `small_clause` (copular frames: "dengan Turki merupakan anggota NATO") the
        name right before the verb is its subject even inside a prepositional phrase.
        """
        stop = max(sent.start, index - _WINDOW)
        for j in range(index - 1, stop - 1, -1):
            if self._breaks(tok, j) or j in trigger_at:
                return []
            arg = next((a for a in args if a.end - 1 == j), None)
            if arg is None:
                continue
            if not self._after_preposition(tok, sent, arg):
                return self._coordinated(tok, args, self._relative_head(tok, sent, args, arg) or arg)
            if j == index - 1:
                # "As he sat down ...": a sentence-opening subordinator, the name is the subject;
                # "dengan Turki merupakan ...": a phrase inside the clause, no visible subject
                opens = arg.begin - 1 == sent.opening
                return self._coordinated(tok, args, arg) if opens or small_clause else []
        return []

    def _relative_head(self, tok: Tokens, sent: Sentence, args: list[Arg], arg: Arg) -> Arg | None:
        """ "NATO yang dipimpin AS mengecam ...", "Russia, which attacked Ukraine, was ...": a name
        inside a relative clause is not the main verb's argument; the clause's head is."""
        for k in range(arg.begin - 1, max(sent.start, arg.begin - _RELATIVE_REACH) - 1, -1):
            if tok.lower[k] in self._words["relativizers"]:
                return next((a for a in args if a.end == k or (a.end == k - 1 and tok.lower[k - 1] == ",")), None)
            if self._breaks(tok, k) or tok.ent[k]:
                return None
        return None

    def _right(self, tok: Tokens, sent: Sentence, args: list[Arg], trigger: _Trigger, trigger_at: set[int]) -> list[Arg]:
        frame = trigger.frame
        limit = self._clause_end(tok, sent, trigger.end, trigger_at)
        if frame.object_after:
            found = self._after_prep(tok, sent, args, trigger.end, frame.object_after, limit)
            if found or frame.require_prep:
                return found
        if trigger.end < limit and tok.lower[trigger.end] in self._object_pronouns:
            return []  # "accuses them of undermining Hong Kong's autonomy": the object is the pronoun's
        quantities = self._words.get("quantifiers", frozenset())  # "dozens of protesters" is the object itself
        content = next((j for j in range(trigger.end, limit) if tok.lower[j] in self._content_markers
                        and tok.lower[j - 1] not in quantities), limit)
        for arg in args:
            if trigger.end <= arg.begin < min(limit, content, trigger.end + _OBJECT_GAP):
                if arg.end < limit and tok.lower[arg.end] in self._possessives and frame.predicate not in _JUDGEMENTS:
                    return []  # "killed Baghdadi's deputy": the object is the deputy, whom the text does not name here
                group = self._coordinated(tok, args, arg)
                if not any(self._after_preposition(tok, sent, a) for a in group):
                    return group
        return []

    def _after_prep(self, tok: Tokens, sent: Sentence, args: list[Arg], start: int,
                    preps: Sequence[str], limit: int) -> list[Arg]:
        for j in range(start, limit):
            if tok.lower[j] in preps and not tok.ent[j]:
                arg = first_at(args, j + 1, j + 1 + _PREP_GAP)
                if arg is not None:
                    return self._coordinated(tok, args, arg)
        return []

    def _clause_end(self, tok: Tokens, sent: Sentence, start: int, trigger_at: set[int]) -> int:
        for j in range(start, min(start + _WINDOW, sent.end)):
            if self._breaks(tok, j) or j in trigger_at:
                return j
        return min(start + _WINDOW, sent.end)

    def _breaks(self, tok: Tokens, j: int) -> bool:
        """A clause boundary, except the quotes around a single word ("menyerbu" Kyiv)."""
        if tok.lower[j] not in self._words["clause_breaks"]:
            return False
        if is_quote(tok.lower[j]):
            scare = (j + 2 < len(tok) and is_quote(tok.lower[j + 2])) or (j >= 2 and is_quote(tok.lower[j - 2]))
            return not scare
        return True

    def _after_preposition(self, tok: Tokens, sent: Sentence, arg: Arg) -> bool:
        j = arg.begin - 1
        while j > sent.start and tok.lower[j] in self._words.get("determiners", ()):
            j -= 1  # "on her Twitter account", "in the United States"
        if j - 1 >= sent.start and tok.lower[j] == "of" and tok.lower[j - 1] in self._words.get("quantifiers", ()):
            return False  # "dozens of protesters": a quantity, not a prepositional phrase
        return j >= sent.start and tok.lower[j] in self._words["locative_prepositions"]

    def _coordinated(self, tok: Tokens, args: list[Arg], first: Arg | None) -> list[Arg]:
        """`first` and the arguments joined to it by "dan"/"and"/commas, either side.

        A comma joins only inside a list that an "and" closes ("A, B dan C"), so in
        "... Pashinyan, Putin said" the comma does not make Putin part of the list.
        """
        if first is None:
            return []
        coordinators, words = self._coordinators, tok.lower
        if ((first.end >= len(words) or words[first.end] not in coordinators)
                and (first.begin == 0 or words[first.begin - 1] not in coordinators)):
            return [first]  # the usual case: nothing joined on either side
        by_begin = {a.begin: a for a in args}
        by_end = {a.end: a for a in args}
        chain: list[tuple[Arg, bool]] = [(first, False)]  # (argument, joined to the previous one by a comma only)
        current = first
        while True:
            j = current.end
            while j < len(tok) and tok.lower[j] in coordinators and j not in by_begin:  # "dan para pemimpin NLD"
                j += 1
            nxt = by_begin.get(j) or self._named_after_relative(tok, args, j)
            if j == current.end or nxt is None or nxt.kind != first.kind:
                break
            chain.append((nxt, _comma_only(tok, current.end, j)))
            current = nxt
        current = first
        while True:
            j = current.begin
            while j > 0 and tok.lower[j - 1] in coordinators and j not in by_end:
                j -= 1
            prev = by_end.get(j)
            if j == current.begin or prev is None or prev.kind != first.kind:
                break
            head_arg, _ = chain[0]
            chain[0] = (head_arg, _comma_only(tok, j, current.begin))
            chain.insert(0, (prev, False))
            current = prev
        return _closed_list(chain, first)

    def _named_after_relative(self, tok: Tokens, args: list[Arg], j: int) -> Arg | None:
        """ "Tokayev dan orang yang digantikannya sebagai presiden, Nursultan Nazarbayev": a generic
        head with a relative clause stands for the name the comma after it brings."""
        if not (j + 1 < len(tok) and tok.lower[j] in self._words["generic_heads"]
                and tok.lower[j + 1] in self._words["relativizers"]):
            return None
        for k in range(j + 2, min(j + 2 + _WINDOW, len(tok))):
            if tok.lower[k] == ",":
                follower = first_at(args, k + 1, k + 2)
                return follower if follower is not None and follower.kind == "name" else None
            if self._breaks(tok, k):
                return None
        return None

    # ------------------------------------------------------------------ modality

    def _negated(self, tok: Tokens, sent: Sentence, index: int) -> bool:
        return self._marked(tok, sent, index, "negators")

    def _future(self, tok: Tokens, sent: Sentence, index: int) -> bool:
        return self._marked(tok, sent, index, "future_markers")

    def _marked(self, tok: Tokens, sent: Sentence, index: int, list_name: str) -> bool:
        markers = self._words[list_name]
        for j in range(index - 1, max(sent.start, index - 4) - 1, -1):
            if tok.ent[j] or self._breaks(tok, j):
                return False
            if tok.lower[j] in markers or f"{tok.lower[j]} {tok.lower[j + 1]}" in markers:
                return True
        return False

    def _speaker_verdicts(self, tok: Tokens, sent: Sentence, args: list[Arg] | None, ents: list[Arg],
                          cues: list[int], marks: list[int]) -> Iterator[RawRelation]:
        """What a speaker says of an actor: a war "was Putin's decision" or "Putin is the aggressor"
        blames Putin; "Putin's aggression" condemns him ("perang ini adalah keputusan Putin",
        "Presiden Putin adalah agresor", "agresi Rusia"). `marks` are the sentence's copulas and
        words that may open a pejorative phrase, found per doc."""
        words = tok.lower
        verdicts: list[tuple[str, Arg]] = []
        at = -1  # where the first verdict is said, to tell a speaker before it from one after
        for j in marks:
            found = len(verdicts)
            if words[j] in self._copulas:
                owner = self._owner_of(tok, ents, j + 1, self._responsibility)
                if owner is not None and any(w in self._blamed_events for w in words[max(sent.start, j - 8):j]):
                    verdicts.append(("blames", owner))
                culprit = next((e for e in ents if e.end == j), None)
                k = j + 1
                while k < sent.end and words[k] in self._words.get("determiners", ()):
                    k += 1
                if culprit is not None and self._culprits.ends_after(words, k):
                    verdicts.append(("blames", culprit))
            owner = self._deed_owner(tok, ents, j)
            if owner is not None:
                verdicts.append(("condemns", owner))
            if at < 0 and len(verdicts) > found:
                at = j
        if not verdicts:
            return
        speaker = self._speaker(tok, sent, args if args is not None else self._arguments(tok, sent, ents, cues),
                                at, unnamed=True)
        if speaker is None:
            return
        for predicate, target in dict.fromkeys(verdicts):
            yield RawRelation(speaker, predicate, target, sent.span(tok), f"speaker-{predicate}")

    def _deed_owner(self, tok: Tokens, ents: list[Arg], j: int) -> Arg | None:
        """Whose pejorative deed starts at `j`: "Putin's aggression", "agresi Rusia"."""
        ends = self._pejoratives.ends_after(tok.lower, j)
        if not ends:
            return None
        before = j - 1 if j > 0 and tok.lower[j - 1] in self._possessives else j
        owners = (first_at(ents, end, end + 1) for end in ends)  # "agresi Rusia"
        return next((e for e in ents if e.end == before), None) or next((o for o in owners if o is not None), None)

    def _owner_of(self, tok: Tokens, ents: list[Arg], k: int, phrases: Phrases) -> Arg | None:
        """The name that owns a phrase at `k`: "Putin's decision", "keputusan Putin"."""
        words = tok.lower
        owner = first_at(ents, k, k + 1)
        if owner is not None:
            after = tok.past(owner.end, self._possessives)
            return owner if phrases.ends_after(words, after) else None
        owners = (first_at(ents, end, end + 1) for end in phrases.ends_after(words, k))
        return next((o for o in owners if o is not None), None)

    # ------------------------------------------------------------------ fellow members

    def _fellow_member_relations(self, tok: Tokens, sent: Sentence, args: list[Arg] | None, ents: list[Arg],
                                 cues: list[int]) -> Iterator[RawRelation]:
        """ "Brunei ... berkonsultasi dengan negara-negara anggota ASEAN lainnya", "Poland urged
        other NATO members": speaking of the *other* members makes the subject one of them.
        `args` is None when the sentence has no trigger; they are read only if needed."""
        fellows = [e for e in ents if e.type == "Organization" and self._fellow_members(tok, e)]
        if not fellows:
            return
        if args is None:
            args = self._arguments(tok, sent, ents, cues)
        subject = next((a for a in args if a.kind == "name" and a.begin <= sent.opening + 1), None)
        if subject is None or subject.type not in ("Country", "Organization", "Person"):
            return
        for ent in fellows:
            if ent.start > subject.end:
                yield RawRelation(subject, "memberOf", ent, sent.span(tok), "fellow-members")
                return

    def _fellow_members(self, tok: Tokens, org: Arg) -> bool:
        if not self._fellow_before.starts_before(tok.lower, org.start):
            return False
        if org.end < len(tok) and tok.lower[org.end] in self._words.get("others_after", frozenset()):
            return True  # "anggota ASEAN lainnya"
        return bool(self._fellow_after.ends_after(tok.lower, org.end))  # "other NATO members"

    # ------------------------------------------------------------------ citations

    def _cite_relations(self, tok: Tokens, sent: Sentence, ents: list[Arg]) -> Iterator[RawRelation]:
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
                    or (ent.end < sent.end and tok.lower[ent.end] in after_cues))
            if (cued and self._outlet(tok, ent)) or self._named_agency(tok, max(agency_floor, ent.start - 6), ent.start):
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


def _without_support_nouns(triggers: list[_Trigger], tok: Tokens) -> list[_Trigger]:
    """ "memberikan sanksi terhadap X", "issued a warning to X": the noun belongs to the
    verb's frame, so it is not read again as a nominal of its own."""
    nouns = {j for t in triggers if t.voice != "nominal" and t.frame.noun
             for j in range(t.end, min(t.end + 7, len(tok))) if tok.lower[j] in t.frame.noun}
    return [t for t in triggers if t.at not in nouns]


def _comma_only(tok: Tokens, start: int, stop: int) -> bool:
    return all(t == "," for t in tok.lower[start:stop])


def _closed_list(chain: list[tuple[Arg, bool]], first: Arg) -> list[Arg]:
    """The list up to its last "and": commas after it end the list ("A dan B, C kata ...")."""
    last_and = max((i for i, (_, comma) in enumerate(chain) if i > 0 and not comma), default=0)
    members = [arg for arg, _ in chain[:last_and + 1]]
    return members if first in members else [first]


def _typed(arg: Arg, allowed: frozenset[str]) -> bool:
    return arg.type is None or arg.type in allowed
