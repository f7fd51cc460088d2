"""Triggers: the words of a sentence that the lexicon lists for a predicate, each read with its voice.

A word is read as a verb (active or passive: Indonesian di-/ter-, English be + participle, a
participle before "by"), as a nominal ("serangan", "the invasion"), or as the Indonesian
object-focus passive ("yang dia puji"). Where a word has several frames, the one whose
preposition follows it is read ("war between" and "war on" are two frames of "war").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import NamedTuple

from spacy.lang.lex_attrs import is_quote

from kg.lexicon import Frame, Lexicon
from kg.model import SYMMETRIC_PREDICATES
from kg.nlp.arrays import Tokens
from kg.nlp.morphology import IndonesianAnalyzer, english_forms
from kg.nlp.records import Sentence

_SUPPORT_NOUN_REACH = 8  # a support verb's noun after it: "launched a massive wave of missile and drone strikes"
_COMPLEMENT_GAP = 4  # words between a verb and a nominal of its own predicate: "sat down for (the) talks"

__all__ = ["NOMINAL_PREP_REACH", "NamePairs", "Trigger", "TriggerFinder", "described_name_end", "without_support_nouns"]

WINDOW = 12  # tokens searched on each side of a verb for its arguments
NOMINAL_PREP_REACH = 4  # a nominal's preposition follows it closely: "war between", "serangan Israel ke"
_HEADLINE_WORDS = 15  # a line this short, every word capitalised, is a headline


_DESCRIPTION_WORDS = 8  # "Amini, a 22 - year - old (woman) taken into custody by": tokens, hyphens apart
_HEAD_REACH = 3  # from a verb back to the forces that are its subject: "troops have arrived", "pasukan telah tiba"


def _specific_first(frame: Frame) -> tuple[bool, bool]:
    """Frames that need more of the sentence are tried before a word's plain frame."""
    return not (frame.noun or frame.then), not frame.subject_heads


class Trigger(NamedTuple):
    at: int  # the trigger word
    frame: Frame
    voice: str  # "active" | "passive" | "nominal" | "pronoun-passive"
    clitic: bool
    end: int  # first token after the trigger and its fixed words ("bekerja sama")


class TriggerFinder:
    """Finds the lexicon's verbs and nominals in a sentence, with the voice each is read in."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._words = lexicon.words
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._manner = self._words.get("manner_adverbs", frozenset())
        self._articles = self._words.get("indefinite_articles", frozenset())
        self._subordinators = self._words.get("subject_sharing_subordinators", frozenset())
        self._releases = self._words.get("release_verbs", frozenset())  # "free jailed activists": a participle as adjective
        self._adverb_makers = self._words.get("adverb_makers", frozenset())  # "secara" + adjective: an adverb
        # nouns that name an actor: "the president condemned", "the bloc imposed" read a verb after them
        self._actor_nouns = frozenset(lexicon.descriptors) | frozenset(t.split()[-1].lower() for t in lexicon.titles)
        self._pairs = NamePairs(lexicon)  # "perang Israel-Hamas", "the meeting of Biden and Xi"
        self._frames_by_word: dict[str, list[Frame]] = {}
        # a frame that needs a noun or fixed words is read before a word's plain frame: "received support
        # from" is support, "received the envoy" a meeting; one that needs forces as its subject before the
        # plain one: "troops arrived in Mali" are deployed, "Putin arrived in Beijing" visits
        for frame in sorted(lexicon.frames, key=_specific_first):
            self._frames_by_word.setdefault(frame.word, []).append(frame)
        self._analyzer = (IndonesianAnalyzer(lexicon.morphology, self._frames_by_word)
                          if lexicon.morphology else None)
        self._english: dict[str, list[tuple[Frame, str]]] = {}
        if lexicon.morphology is None:
            irregular = lexicon.irregular or {}
            for frame in sorted(lexicon.frames, key=_specific_first):
                for form, kind in english_forms(frame.word, irregular.get(frame.word, ())).items():
                    self._english.setdefault(form, []).append((frame, kind))
        #: English forms to look up once per doc; None for Indonesian, whose words are analysed
        self.english_forms = frozenset(self._english) if self._analyzer is None else None

    def find(self, tok: Tokens, sent: Sentence, candidates: Sequence[int] | None) -> Iterator[Trigger]:
        """Verbs and nominals of the lexicon in the sentence; `candidates` (English) are
        the token positions whose form the lexicon lists, found once per doc."""
        for i in range(sent.start, sent.end) if candidates is None else candidates:
            if not tok.is_alpha[i]:
                continue
            fallback = None
            readings: list[tuple[Frame, str, bool]] | None = None  # all of the word's readings, when a noun needs them
            for frame, voice, clitic in self._ordered_readings(tok, i):
                if tok.ent[i] and not frame.agentive and not (frame.nominal and _bare_group(tok, i)):
                    continue  # a word inside a name; only a noun naming its actors ("protes") acts from there
                end = i + 2 if self._clitic_after(tok, i) else i + 1
                if frame.then:
                    then_end = _then_end(tok, end, sent.end, frame.then)
                    if then_end is None:
                        continue
                    end = then_end
                if frame.noun:
                    at = self._noun_position(tok, end, sent.end, frame, voice)
                    if at is not None and at > end and readings is None:
                        readings = list(self.readings(tok, i))
                    if at is None or at > end and _other_head_before(tok, end, at, frame, readings or []):
                        continue  # "menggelar latihan militer": drills, whose noun another frame reads, not troops
                if frame.subject_heads and not any(w in frame.subject_heads
                                                   for w in tok.lower[max(sent.start, i - _HEAD_REACH):i]):
                    # "Putin arrived in": no forces right before the verb, so the word's plain frame, if it has
                    # one; else this one, whose subject is checked where it is found ("a coalition of allies will remain");
                    # a noun's heads are its own ("military presence"): without them it is no such noun
                    if voice != "nominal":
                        fallback = fallback or Trigger(i, frame, voice, clitic, end)
                    continue
                if (frame.require_prep and not frame.object_from and not frame.agentive
                        and not self._prep_ahead(tok, i, end, sent.end, frame)):
                    # "war between ...": a frame whose preposition follows reads it before one whose does not
                    if voice != "nominal" and (frame.predicate in SYMMETRIC_PREDICATES or frame.mutual):
                        # "A and B signed a pact", "A and B clashed": each with the other
                        fallback = fallback or Trigger(i, frame, voice, clitic, end)
                    continue
                yield Trigger(i, frame, voice, clitic, end)
                break
            else:
                if fallback is not None:
                    yield fallback

    def _ordered_readings(self, tok: Tokens, i: int) -> Iterable[tuple[Frame, str, bool]]:
        """The word's readings, a mutual noun's first when two names beside it are its sides: "the
        India-Pakistan war in 1971" is the war between them, not a war in a place. Read one by one
        otherwise: most words stop at their first reading."""
        if self._pairs.beside(tok, i, i + 1) is None:
            return self.readings(tok, i)
        return sorted(self.readings(tok, i), key=lambda r: not (r[0].mutual and r[0].nominal))

    def _prep_ahead(self, tok: Tokens, i: int, end: int, stop: int, frame: Frame) -> bool:
        """A frame that needs a preposition before its object has one within reach, or, for a
        mutual nominal, two names joined by a hyphen beside it ("perang Israel-Hamas",
        "the Israel-Hamas war")."""
        if frame.mutual and frame.nominal and self._pairs.beside(tok, i, end) is not None:
            return True
        if not frame.nominal:
            return any(w in frame.object_after for w in tok.lower[end:min(end + WINDOW, stop)])
        words, counted = tok.lower, 0  # adverbs do not count: "pasukan AS secara eksklusif berada di Irak"
        for j in range(end, min(end + WINDOW, stop)):
            if words[j] in frame.object_after:
                return True
            if words[j] not in self._manner and not (j > end and words[j - 1] in self._adverb_makers):
                counted += 1
                if counted == NOMINAL_PREP_REACH:
                    return False
        return False

    def readings(self, tok: Tokens, i: int) -> Iterator[tuple[Frame, str, bool]]:
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
        nxt = tok.lower[i + 1] if i + 1 < len(tok) else ""
        # "a stern warning", "the attack": a noun, not the verb; but "the sanctions imposed by" is a participle
        noun_use = self._after_determiner(tok, i)
        by_agent = nxt in self._words["passive_agent_markers"]
        for frame, kind in readings:
            if frame.forms and kind not in frame.forms:
                continue
            if (frame.nominal or (noun_use and not (kind == "past" and by_agent))
                    or (kind != "past" and self._noun_before(nxt, frame, readings))):
                continue
            elif kind == "past" and (self._after_be(tok, i) or self._reduced_relative(tok, i, _past_then(tok, i, frame))
                                     or self._noun_then_agent(tok, i, frame)):
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

    def _after_determiner(self, tok: Tokens, i: int) -> bool:
        determiners = self._words.get("determiners", frozenset())
        before = tok.lower[max(0, i - 2):i]
        after_preposition = (bool(before) and before[-1] in self._words["locative_prepositions"] and before[-1] != "to"
                             and not (tok.lower[i].endswith("ing") and before[-1] in self._subordinators))  # "after meeting Xi"
        return bool(before) and (before[-1] in determiners or before[-1] in self._possessives or after_preposition
                                 or before[-1] in self._releases  # "release detained protesters"
                                 or (len(before) == 2 and before[0] in determiners and tok.doc[i - 1].is_lower
                                     and before[-1] not in self._actor_nouns))

    def _reduced_relative(self, tok: Tokens, i: int, last: int) -> bool:
        """ "forces backed by Armenia": a participle between a name and its "by" agent is passive. `last` is
        the participle's last word ("taken into custody by")."""
        if not (0 < i and last < len(tok) - 1 and tok.lower[last + 1] in self._words["passive_agent_markers"]):
            return False
        if last + 2 < len(tok) and tok.lower[last + 2] in self._words.get("not_agents", frozenset()):
            return False  # "spoke by phone", "seized by force": no agent follows
        if tok.ent[i - 1] or described_name_end(tok, i, self._articles) is not None:
            return True
        # "The RSF, headed by Mohamed Hamdan Dagalo, denied it", "Navalny, arrested by Russian police in
        # January, died": after a name and a comma, a past form with "by" after it opens an aside; an active
        # verb has its subject, not a comma, before it
        return i > 1 and tok.lower[i - 1] == "," and bool(tok.ent[i - 2])

    def _noun_then_agent(self, tok: Tokens, i: int, frame: Frame) -> bool:
        """ "the sanctions imposed by the EU", "troops sent by Russia": the frame's own noun, then the
        participle and its "by" agent."""
        return (0 < i < len(tok) - 1 and tok.lower[i - 1] in frame.noun
                and tok.lower[i + 1] in self._words["passive_agent_markers"])

    def _after_be(self, tok: Tokens, i: int) -> bool:
        be = self._words.get("be_forms", frozenset())
        for j in range(i - 1, max(i - 4, -1), -1):
            if tok.lower[j] in be:
                return True
            if not tok.is_alpha[j] or tok.ent[j]:
                return False
        return False

    def _noun_position(self, tok: Tokens, start: int, stop: int, frame: Frame, voice: str) -> int | None:
        """Where the frame's own noun stands after its verb (`start` for a passive's noun before it), or None."""
        reach = 1 if voice == "nominal" else _SUPPORT_NOUN_REACH
        words = tok.lower[start:min(start + reach, stop)]
        # the verb's own noun comes before its object's preposition: "memberikan apresiasi kepada Jepang atas
        # bantuannya" gives thanks, not aid
        ahead = next((k for k, w in enumerate(words) if w in frame.object_after), len(words))
        found = next((start + k for k in range(ahead) if _noun_at(tok.lower, start + k, frame.noun)), None)
        if found is not None:
            return found
        # "kontingen CSTO akan ditarik": a passive's noun comes before it
        passive = voice == "passive" and any(tok.lower[k] in frame.noun for k in range(max(0, start - 6), start))
        return start if passive else None


def described_name_end(tok: Tokens, i: int, articles: Collection[str]) -> int | None:
    """Where the name ends that a description set off by a comma describes, right before the participle at
    `i`: "Amini, a 22-year-old | taken into custody by"; None when no such description stands there."""
    k = i - 1
    while k > 1 and i - k <= _DESCRIPTION_WORDS and tok.lower[k] != "," and not tok.ent[k]:
        k -= 1
    if tok.lower[k] == "," and k + 1 < i and tok.lower[k + 1] in articles and tok.ent[k - 1]:
        return k
    return None


def _then_end(tok: Tokens, start: int, stop: int, then: Sequence[str]) -> int | None:
    """Past a frame's fixed words from `start`, quotes around them allowed ("mengatakan 'tidak' kepada",
    "said \"no\" to"); None when they do not follow."""
    k = start
    for word in then:
        while k < stop and is_quote(tok.lower[k]):
            k += 1
        if k >= stop or tok.lower[k] != word:
            return None
        k += 1
    return k + 1 if k < stop and is_quote(tok.lower[k]) else k  # past the closing quote


def _past_then(tok: Tokens, i: int, frame: Frame) -> int:
    """The last word of a participle with the fixed words its frame needs: "taken into custody"."""
    n = len(frame.then)
    return i + n if n and tok.lower[i + 1:i + 1 + n] == list(frame.then) else i


def _other_head_before(tok: Tokens, start: int, at: int, frame: Frame,
                       readings: Sequence[tuple[Frame, str, bool]]) -> bool:
    """Whether a noun another frame of the same verb reads stands between the verb and this frame's noun at
    `at`: the head of the phrase, which the later noun only modifies ("held military drills", "menggelar
    latihan militer")."""
    return any(other.noun and other.predicate != frame.predicate and _noun_at(tok.lower, k, other.noun)
               for other, _, _ in readings for k in range(start, at))


def _noun_at(words: Sequence[str], k: int, nouns: Collection[str]) -> bool:
    """Whether one of a frame's nouns, of one to three words, starts at `k`: "panggilan telepon", "aircraft carrier"."""
    return (words[k] in nouns or " ".join(words[k:k + 2]) in nouns
            or " ".join(words[k:k + 3]) in nouns)


def _hyphen_pair(tok: Tokens, start: int) -> bool:
    """Two names joined by a hyphen from `start`: "Israel - Hamas"."""
    return (0 <= start and start + 2 < len(tok) and tok.lower[start + 1] == "-" and bool(tok.ent[start])
            and bool(tok.ent[start + 2]) and not tok.doc[start].whitespace_ and not tok.doc[start + 1].whitespace_)


_NAME_REACH = 4  # tokens of one name walked over to the hyphen: "Korea Utara-Rusia", "the Russia-North Korea"


def _hyphen_beside(tok: Tokens, at: int, end: int) -> int | None:
    """The hyphen joining two names beside a noun, just after it ("perang Korea Utara-Rusia") or
    ending just before it ("the Russia-North Korea alliance"), names of several words included."""
    h = end
    while h < min(len(tok), end + _NAME_REACH) and tok.ent[h]:
        h += 1
    if h > end and _hyphen_pair(tok, h - 1):
        return h
    j = at - 1
    while j > max(0, at - _NAME_REACH) and tok.ent[j] and tok.ent[j - 1]:
        j -= 1
    return j - 1 if j < at and _hyphen_pair(tok, j - 2) else None


class NamePairs:
    """Two names beside a mutual noun, its two sides: joined by a hyphen ("perang Israel-Hamas", "the
    Russia-North Korea alliance") or by "and" after it, two names and only two ("perang Rusia dan Ukraina",
    "the meeting of Biden and Xi"), not when they qualify people after them ("a meeting of NATO and EU
    ministers")."""

    def __init__(self, lexicon: Lexicon):
        words = lexicon.words
        self._openers = words.get("pair_openers", frozenset())  # "the meeting of | Biden and Xi"
        self._joins = words.get("pair_joins", frozenset())  # "Biden and Xi", "Rusia dan Ukraina"
        #: nouns that make a pair of names before them their qualifiers: "NATO and EU ministers"
        self._qualified = (frozenset(t.split()[-1].lower() for t in lexicon.titles)
                           | words.get("state_organs", frozenset()) | words.get("people_nouns", frozenset())
                           | words.get("people_after_state", frozenset()))

    def beside(self, tok: Tokens, at: int, end: int) -> int | None:
        """The hyphen or "and" between the two sides of the noun from `at` to `end`; None when none."""
        h = _hyphen_beside(tok, at, end)
        return h if h is not None else self._joined_after(tok, end)

    def _joined_after(self, tok: Tokens, end: int) -> int | None:
        j = tok.past(end, self._openers)
        c = j
        while c < min(len(tok), j + _NAME_REACH) and tok.ent[c]:
            c += 1
        if not (j < c < len(tok) - 1 and tok.lower[c] in self._joins and tok.ent[c + 1]):
            return None
        after = c + 1
        while after < min(len(tok), c + 1 + _NAME_REACH) and tok.ent[after]:
            after += 1
        if after < len(tok) and (tok.lower[after] in self._joins or tok.lower[after] in self._qualified):
            return None  # "X dan Y dan Z": a list; "NATO and EU ministers"
        return c


def without_support_nouns(triggers: list[Trigger], tok: Tokens) -> list[Trigger]:
    """ "memberikan sanksi terhadap X", "issued a warning to X": the noun belongs to the
    verb's frame, so it is not read again as a nominal of its own."""
    nouns = {j for t in triggers if t.voice != "nominal" and t.frame.noun
             for j in range(t.end, min(t.end + _SUPPORT_NOUN_REACH + 1, len(tok))) if tok.lower[j] in t.frame.noun}
    # "berunjuk rasa menentang X": a verb a frame takes as its preposition is part of that frame
    preps = {j for t in triggers for j in range(t.end, min(t.end + WINDOW, len(tok))) if tok.lower[j] in t.frame.object_after}
    # "sat down for talks with X": a nominal of the verb's own predicate just after it is its complement
    nouns |= {u.at for t in triggers if t.voice != "nominal" for u in triggers
              if u.voice == "nominal" and u.frame.predicate == t.frame.predicate and 0 < u.at - t.end < _COMPLEMENT_GAP}
    kept = [t for t in triggers if t.at not in nouns and t.at not in preps]
    # "the talks follow cooperation between A and B": a nominal nearer the preposition takes it; "Russian
    # troops invaded Ukraine in 2022": so does a transitive verb between them ("Pasukan Rusia tiba di
    # Belarus": a verb of motion leaves the place to the troops)
    nominals = sorted(t.at for t in kept if t.voice == "nominal")
    verbs = sorted(t.at for t in kept if t.voice != "nominal" and not t.frame.object_after)
    return [t for t in kept if not (t.voice == "nominal" and t.frame.require_prep
                                    and (_nominal_between(t, nominals, tok) or _nominal_between(t, verbs, tok)))]


def _nominal_between(trigger: Trigger, nominals: list[int], tok: Tokens) -> bool:
    """Another trigger of `nominals` stands between this nominal and the first of its prepositions."""
    for j in range(trigger.end, min(trigger.end + NOMINAL_PREP_REACH, len(tok))):
        if tok.lower[j] in trigger.frame.object_after:
            return any(trigger.end <= n < j for n in nominals)
    return False


def _bare_group(tok: Tokens, i: int) -> bool:
    """The token is a group by itself ("Ethiopian soldiers are in Somalia"): a noun that may still head a
    nominal frame, unlike a word inside a longer name."""
    token = tok.doc[i]
    return (token.ent_type_ == "Group" and token.ent_iob_ == "B"
            and (i + 1 == len(tok) or tok.doc[i + 1].ent_iob_ != "I"))
