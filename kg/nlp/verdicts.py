"""What a speaker says of an actor: "the war was Putin's decision" and "Putin is the aggressor"
blame Putin; "Putin's aggression" condemns him ("perang ini adalah keputusan Putin", "Presiden
Putin adalah agresor", "agresi Rusia"); so do "Russia's actions are unacceptable" ("tindakan Rusia
tidak dapat diterima") and "Israel is committing genocide" ("Israel melakukan genosida"): an
actor's deed with a damning word said of it. Calling an actor a legitimate target ("Israeli ships
are legitimate targets", "kapal Israel adalah sasaran yang sah") or promising it a price ("Russia
will pay a heavy price", "Israel akan membayar mahal") threatens it; so does promising an answer to a deed it might do
("any attack by Haftar will be met with force", "setiap serangan Israel akan dibalas").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.lang.lex_attrs import is_quote

from kg.lexicon import Lexicon
from kg.nlp.arrays import Phrases, Tokens
from kg.nlp.records import Arg, RawRelation, Sentence, first_at

__all__ = ["SpeakerVerdicts"]

_LAUD_REACH = 3  # determiners and intensifiers before praise: "a very reliable partner", "yang sangat"
_ANSWER_REACH = 20  # from the promised answer back to "any": "any attack by (a commander) X on its personnel in (a place) would be met"
_TITLED_AGENT_REACH = 8  # from "by" to a person past the words that describe them
_KNOWING_REACH = 5  # past the rest of the warned: "Haftar and his supporters must know"
_TARGETED = frozenset({"Country", "Organization", "Person", "Group"})

Speaker = Callable[..., Arg | None]


class SpeakerVerdicts:
    """Blame and condemnation said in a copular or pejorative phrase, related to who says them."""

    def __init__(self, lexicon: Lexicon):
        self._words = lexicon.words
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._copulas = self._words.get("copulas", frozenset())
        self._blamed_events = self._words.get("blamed_events", frozenset())
        self._behind_words = self._words.get("behind_words", frozenset())  # "behind", "balik"
        self._behind_before = self._words.get("behind_before", frozenset())  # "berada di", the be-forms
        self._responsibility = Phrases(self._words.get("responsibility_nouns", ()))
        self._culprits = Phrases(self._words.get("culprit_nouns", ()))
        self._pejoratives = Phrases(self._words.get("pejorative_deeds", ()))
        self._deeds = Phrases(w for key, words in self._words.items() if key.endswith("_deeds")
                              and key not in ("detains_deeds", "pejorative_deeds") for w in words)
        self._organs = self._words.get("state_organs", frozenset())
        self._owner_markers = self._words.get("act_owner_markers", frozenset())  # "the actions of X"
        self._articles = self._words.get("indefinite_articles", frozenset())  # "was a betrayal"
        self._acts = Phrases(self._words.get("act_deeds", ()))
        self._determiners = self._words.get("determiners", frozenset())
        self._damning = Phrases(self._words.get("negative_evaluations", ()))
        self._lauding = Phrases(self._words.get("positive_evaluations", ()))  # "a reliable partner"
        self._intensifiers = self._words.get("intensifiers", frozenset())  # "very", "sangat"
        self._relativizers = self._words["relativizers"]
        self._negators = self._words.get("negators", frozenset())
        self._commits = self._words.get("commit_verbs", frozenset())  # "committing genocide", "melakukan genosida"
        self._targets = Phrases(self._words.get("target_phrases", ()))  # "legitimate targets", "sasaran yang sah"
        self._casting = self._words.get("casting_words", frozenset())
        self._target_nouns = self._words.get("target_nouns", frozenset())  # "will be seen as", "dianggap sebagai"
        self._quantifiers = self._words.get("quantifiers", frozenset()) | self._words.get("totality_words", frozenset())
        self._pronouns = self._words.get("plural_pronouns", frozenset()) | self._words.get("person_pronouns", frozenset())
        self._knowing = Phrases(self._words.get("knowing_phrases", ()))  # "must know that", "harus tahu"
        self._epithets = Phrases(self._words.get("damning_epithets", ()))  # ""murderer Haftar"", ""diktator Assad""
        self._answers = Phrases(self._words.get("answer_phrases", ()))  # "will be met with", "akan dibalas"
        #: a deed that may come: "any attack", "every aggression", "setiap serangan"
        self._any = self._words.get("hypothetical_markers", frozenset()) | self._words.get("totality_words", frozenset())
        self._by = self._words.get("passive_agent_markers", frozenset())  # "by", "oleh"
        self._agent_markers = Phrases(self._words.get("deed_agent_markers", ()))  # "any attack by X"
        #: the words a verdict may turn on, looked up once per doc
        self.marks = (self._copulas | self._pejoratives.firsts | self._deeds.firsts | self._commits
                      | self._targets.firsts | self._behind_words | self._answers.firsts | self._epithets.firsts)

    def __call__(self, tok: Tokens, sent: Sentence, args: Callable[[], list[Arg]], ents: list[Arg],
                 marks: list[int], speaker: Speaker) -> Iterator[RawRelation]:
        """What a speaker says of an actor: a war "was Putin's decision" or "Putin is the aggressor"
        blames Putin; "Putin's aggression" condemns him ("perang ini adalah keputusan Putin",
        "Presiden Putin adalah agresor", "agresi Rusia"). `marks` are the sentence's copulas and
        words that may open a pejorative phrase, found per doc; `args` reads the sentence's
        arguments when a verdict needs its speaker, `speaker` finds who says it."""
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
                lauded = self._lauded(tok, sent, ents, j)
                if lauded is not None:  # ""Egypt is a reliable partner," Biden said"
                    verdicts.append(("praises", lauded))
            culprit = self._behind(tok, sent, ents, j)
            if culprit is not None:  # "Russia was behind the attack", "Rusia berada di balik serangan itu"
                verdicts.append(("blames", culprit))
            target = self._marked_target(tok, sent, ents, j) or self._answered_deed(tok, sent, ents, j)
            if target is not None:
                verdicts.append(("threatens", target))
            owner = (self._deed_owner(tok, sent, ents, j) or self._damned_deed(tok, sent, ents, j)
                     or self._epithet(tok, sent, ents, j))
            if owner is not None:
                verdicts.append(("condemns", owner))
            if at < 0 and len(verdicts) > found:
                at = j
        if not verdicts:
            return
        said_by = speaker(tok, sent, args(), at, unnamed=True)
        if said_by is None:
            return
        for predicate, target in dict.fromkeys(verdicts):
            yield RawRelation(said_by, predicate, target, sent.span(tok), f"speaker-{predicate}")

    def _behind(self, tok: Tokens, sent: Sentence, ents: list[Arg], j: int) -> Arg | None:
        """Who a speaker puts behind a blamed event, the phrase ending at `j`: "Russia was behind the attack",
        "Rusia berada di balik serangan itu"."""
        words = tok.lower
        if words[j] not in self._behind_words:
            return None
        k = j
        while k > sent.start and (words[k - 1] in self._copulas or words[k - 1] in self._behind_before):
            k -= 1
        culprit = next((e for e in ents if e.end == k and e.type in _TARGETED), None) if k < j else None
        after = j + 1
        while after < sent.end and words[after] in self._determiners:
            after += 1
        return culprit if culprit is not None and after < sent.end and words[after] in self._blamed_events else None

    def _lauded(self, tok: Tokens, sent: Sentence, ents: list[Arg], j: int) -> Arg | None:
        """The actor the copula at `j` calls a friend or a reliable partner ("Egypt is a reliable partner",
        "Indonesia adalah mitra yang sangat penting" reads "mitra penting" past "yang sangat")."""
        subject = next((e for e in ents if e.end == j and e.type in _TARGETED), None)
        if subject is None:
            return None
        k = j + 1
        while k < sent.end and k - j <= _LAUD_REACH and (tok.lower[k] in self._determiners or tok.lower[k] in self._articles
                                                         or tok.lower[k] in self._intensifiers):
            k += 1
        if self._lauding.ends_after(tok.lower, k):
            return subject
        # "mitra yang sangat penting": the noun, then its praise after "yang" and intensifiers
        m = k + 1
        while m < sent.end and m - k <= _LAUD_REACH and (tok.lower[m] in self._relativizers or tok.lower[m] in self._intensifiers):
            m += 1
        if m == k + 1 or k >= sent.end:
            return None
        joined = [tok.lower[k], *tok.lower[m:min(sent.end, m + _LAUD_REACH)]]  # the noun, then the words past the skip
        return subject if self._lauding.ends_after(joined, 0) else None

    def _deed_owner(self, tok: Tokens, sent: Sentence, ents: list[Arg], j: int) -> Arg | None:
        """Whose pejorative deed starts at `j`: "Putin's aggression", "agresi Rusia"."""
        ends = self._pejoratives.ends_after(tok.lower, j)
        if not ends or self._may_come(tok, sent, j):
            return None  # "any aggression" is no deed yet
        before = j - 1 if j > 0 and tok.lower[j - 1] in self._possessives else j
        owners = (first_at(ents, end, end + 1) for end in ends)  # "agresi Rusia"
        return next((e for e in ents if e.end == before), None) or next((o for o in owners if o is not None), None)

    def _marked_target(self, tok: Tokens, sent: Sentence, ents: list[Arg], j: int) -> Arg | None:
        """Who is called a target or promised a price at `j`: "Israeli ships are legitimate targets", "they
        will be seen as a legitimate target", "kapal Israel adalah sasaran yang sah", "Russia will pay a heavy
        price", "Israel akan membayar mahal": the name before the copula or auxiliary."""
        if not self._targets.ends_after(tok.lower, j):
            return None
        k = j
        while k > sent.start and (tok.lower[k - 1] in self._casting or tok.lower[k - 1] in self._copulas
                                  or tok.lower[k - 1] in self._determiners):
            k -= 1
        while k > sent.start and (tok.lower[k - 1] in self._organs or tok.lower[k - 1] in self._target_nouns):
            k -= 1  # "US bases", "Israeli ships", "kapal Israel"
        named = next((e for e in ents if e.end == k and e.type in _TARGETED), None)
        if named is None and k > sent.start and tok.lower[k - 1] in self._pronouns:
            return self._warned(tok, sent, ents, k - 1)
        if named is None and k > sent.start and tok.lower[k - 1] not in self._copulas:
            return self._owner_in_subject(tok, sent, ents, k)
        return named

    def _warned(self, tok: Tokens, sent: Sentence, ents: list[Arg], pronoun: int) -> Arg | None:
        """Who "they" are in "Haftar and his supporters must know that they will be a legitimate target",
        "Israel harus tahu bahwa mereka akan membayar mahal": the name told to know, before the pronoun."""
        for e in ents:
            if e.end >= pronoun:
                return None
            if e.type in _TARGETED and any(self._knowing.ends_after(tok.lower, k)
                                           for k in range(e.end, min(e.end + _KNOWING_REACH, pronoun))):
                return e
        return None

    def _epithet(self, tok: Tokens, sent: Sentence, ents: list[Arg], j: int) -> Arg | None:
        """Whom a speaker names with a damning epithet in a quote: ""A war criminal, murderer Haftar ..."",
        ""diktator Assad harus pergi"". Outside quotes the epithet is the writer's, and no one's verdict."""
        ends = self._epithets.ends_after(tok.lower, j)
        if not ends or sum(1 for k in range(sent.start, j) if is_quote(tok.lower[k])) % 2 == 0:
            return None
        return next((e for e in ents if e.begin == max(ends) and e.type in ("Person", "Organization", "Group")), None)

    def _may_come(self, tok: Tokens, sent: Sentence, j: int) -> bool:
        """Whether the deed at `j` is one that may come: "any (Israeli) aggression", "setiap agresi"."""
        k = j - 1
        while k > sent.start and tok.ent[k]:
            k -= 1
        return k >= sent.start and tok.lower[k] in self._any

    def _answered_deed(self, tok: Tokens, sent: Sentence, ents: list[Arg], j: int) -> Arg | None:
        """Whose deed, should it happen, a speaker promises an answer at `j`: "any attack by Haftar will be
        met with force", "any Israeli aggression would be answered", "setiap serangan Israel akan dibalas".
        The deed must be one that may come ("any", "every", "setiap"); "the attack was met with
        condemnation" is no threat."""
        words = tok.lower
        if not self._answers.ends_after(words, j):
            return None
        q = next((k for k in range(j - 1, max(sent.start, j - _ANSWER_REACH) - 1, -1) if words[k] in self._any), None)
        if q is None:
            return None
        start = q + 1
        while start < j and tok.ent[start]:
            start += 1  # "any Israeli attack"
        if not self._may_come(tok, sent, start):
            return None
        end = max(self._deeds.ends_after(words, start) + self._pejoratives.ends_after(words, start), default=None)
        if end is None or end > j:
            return None
        named = next((e for e in ents if q < e.start and e.end <= start and e.type in _TARGETED), None)
        if named is None:  # "any attack by Haftar", "setiap serangan Israel", "any deployment of NATO troops"
            after = max(self._agent_markers.ends_after(words, end), default=end)
            while after < j and (words[after] in self._owner_markers or words[after] in self._organs):
                after += 1  # "of", "pasukan" (NATO's): whose the deed is, not on whom
            named = first_at(ents, after, after + 1)
        if named is None:  # "any attack on Turkish troops by Haftar": the agent after the victim
            by = next((k for k in range(end, j) if words[k] in self._by), None)
            named = first_at(ents, by + 1, by + 2) if by is not None else None
            if by is not None and (named is None or named.type == "Country"):
                # "by eastern Libyan renegade military commander Khalifa Haftar": the person the titles describe
                named = next((e for e in ents if by < e.start < min(j, by + _TITLED_AGENT_REACH)
                              and e.type == "Person"), named)
        return named if named is not None and named.end <= j and named.type in _TARGETED else None

    def _owner_in_subject(self, tok: Tokens, sent: Sentence, ents: list[Arg], end: int) -> Arg | None:
        """ "Semua kapal milik musuh, yaitu Israel, atau berurusan dengannya adalah sasaran yang sah", "All
        vessels bound for Israel are legitimate targets": a subject opening with the kind of thing targeted
        ("all ships") that names one actor, wherever in it."""
        start = sent.start
        while start < end and (is_quote(tok.lower[start]) or tok.lower[start] in self._quantifiers
                               or tok.lower[start] in self._determiners):
            start += 1
        if start >= end or tok.lower[start] not in self._target_nouns:
            return None
        named = [e for e in ents if start < e.start and e.end <= end and e.type in _TARGETED]
        return named[0] if len({e.start for e in named}) == 1 else None

    def _damned_deed(self, tok: Tokens, sent: Sentence, ents: list[Arg], j: int) -> Arg | None:
        """Whose deed at `j` a damning word is said of: "Russia's actions are unacceptable", "tindakan Rusia
        tidak dapat diterima"; or who commits a damned deed: "Israel is committing genocide"."""
        words = tok.lower
        if words[j] in self._commits:
            owner = next((e for e in ents if j - 3 <= e.end <= j and all(w in self._copulas for w in words[e.end:j])), None)
            return owner if owner is not None and self._damning.ends_after(words, j + 1) else None
        for end in self._deeds.ends_after(words, j):
            before = j - 1 if j > sent.start and words[j - 1] in self._possessives else j
            after = end
            if self._acts.ends_after(words, j) and after < sent.end and words[after] in self._owner_markers:
                after += 1  # "the actions of the Russian authorities"; not "the killing of civilians"
                while after < sent.end and words[after] in self._determiners:
                    after += 1
            owner = next((e for e in ents if e.end == before and before < j), None) or first_at(ents, after, after + 1)
            if owner is None:
                continue
            k = max(end, owner.end)
            while k < sent.end and words[k] in self._organs:  # "the Russian authorities are ..."
                k += 1
            while k < sent.end and words[k] in self._copulas:
                k += 1
            if self._damning.ends_after(words, k) or (k + 1 < sent.end and words[k] in self._articles
                                                      and self._damning.ends_after(words, k + 1)):
                return owner
        return None

    def _owner_of(self, tok: Tokens, ents: list[Arg], k: int, phrases: Phrases) -> Arg | None:
        """The name that owns a phrase at `k`: "Putin's decision", "keputusan Putin"."""
        words = tok.lower
        owner = first_at(ents, k, k + 1)
        if owner is not None:
            after = tok.past(owner.end, self._possessives)
            return owner if phrases.ends_after(words, after) else None
        owners = (first_at(ents, end, end + 1) for end in phrases.ends_after(words, k))
        return next((o for o in owners if o is not None), None)
