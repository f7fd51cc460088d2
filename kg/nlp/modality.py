"""Whether a trigger states a deed, and how: negated ("did not attack": no relation), wished for,
offered or demanded ("Ukraine's bid to join", "invited Putin to visit", "the rebels must
withdraw": no relation, guideline rule 17 and ruling 14), planned ("will visit": a planned
relation, rule 7), threatened ("vowed to strike South Korea", "mengancam akan menyerang": a threat
against the target, not an attack), or refused ("refused to meet Putin", "menolak bertemu Putin":
no meeting, but a stand against him).

Each is read off the few words before the trigger, within its clause.
"""

from __future__ import annotations

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.clauses import ArgumentSearch
from kg.nlp.records import Sentence

__all__ = ["Modality"]

_MARKER_REACH = 4  # "would not have", "tidak akan pernah"
_ASPIRATION_REACH = 6  # "invited Prime Minister Anwar to visit": the invitee stands between
_THREAT_REACH = 3  # "threatened to attack", "mengancam akan menyerang", "bersumpah untuk menghancurkan"
_CLAIM_REACH = 8  # from a deed back to the "that" of the claim it is in: "that Tehran had secretly supplied"


class Modality:
    """Reads the markers of a sentence before a trigger."""

    def __init__(self, lexicon: Lexicon, search: ArgumentSearch):
        self._words = lexicon.words
        self._search = search
        self._aspirations = self._words.get("aspiration_markers", frozenset())
        self._joins = self._words.get("aspiration_complementizers", frozenset())
        self._auxiliaries = self._words.get("be_forms", frozenset()) - self._joins  # "(the bid) was rejected"
        self._threats = self._words.get("threat_verbs", frozenset())
        self._refusals = self._words.get("refusal_verbs", frozenset())
        self._claims = self._words.get("claim_nouns", frozenset())  # "denied claims that", "membantah tuduhan bahwa"
        self._rejections = self._words.get("claim_rejections", frozenset())  # "rejected the accusation that"
        self._claim_joins = self._words.get("claim_complementizers", frozenset())
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._negators = self._words.get("negators", frozenset())
        self._hypothetical = self._words.get("hypothetical_markers", frozenset())  # "any", "possible", "kemungkinan"
        self._bridges = self._words.get("hypothetical_bridges", frozenset())  # "any deployment of NATO troops"
        self._deed_words = frozenset(w for key, words in self._words.items() if key.endswith("_deeds") for w in words)

    def negated(self, tok: Tokens, sent: Sentence, index: int) -> bool:
        return self._marked(tok, sent, index, "negators") or self._denied_claim(tok, sent, index)

    def _denied_claim(self, tok: Tokens, sent: Sentence, index: int) -> bool:
        """A deed in a claim the clause before denies or rejects: "Iran denied claims that Tehran supplied
        weapons", "Iran membantah tuduhan bahwa Teheran memasok senjata", "India menolak tuduhan Pakistan
        bahwa ..."."""
        words = tok.lower
        that = next((j for j in range(index - 1, max(sent.start, index - _CLAIM_REACH) - 1, -1)
                     if words[j] in self._claim_joins), None)
        if that is None:
            return False
        j = that - 1
        while j >= sent.start and (words[j] in self._claims or tok.ent[j] or words[j] in self._possessives):
            j -= 1  # "Ukraine's claims", "tuduhan AS"
        # "India rejected Pakistan's accusation that ...": rejecting a claim denies it as much as "denied" does
        return j >= sent.start and (words[j] in self._negators or words[j] in self._rejections)

    def future(self, tok: Tokens, sent: Sentence, index: int) -> bool:
        return self._marked(tok, sent, index, "future_markers")

    def aspired(self, tok: Tokens, sent: Sentence, index: int) -> bool:
        """A wish, bid, offer or invitation, not a deed (rule 17): "Ukraine's bid to join",
        "invited Putin to visit", "ingin bergabung", "mengundang Xi untuk berkunjung"."""
        for j in range(index - 1, max(sent.start, index - _ASPIRATION_REACH) - 1, -1):
            if self._search.breaks(tok, j):
                return False
            if tok.lower[j] in self._aspirations:
                # "Ukraine's bid to join", "invited Putin to visit (and meet)", "upaya Ukraina bergabung" (the bid's
                # owner between); not "Sweden's bid to join NATO was rejected": the main clause's verb is no wish
                between = tok.lower[j + 1:index]
                if any(w in self._auxiliaries for w in between):
                    return False
                return not between or any(w in self._joins for w in between) or all(tok.ent[j + 1:index])
        return False

    def hypothetical(self, tok: Tokens, sent: Sentence, index: int) -> bool:
        """A deed named as one that may come, not one done: "any attack by Haftar", "possible Israeli
        strikes", "kemungkinan serangan Israel"; names may stand between the marker and the deed."""
        j = index - 1
        while j >= sent.start and j > index - _MARKER_REACH and (tok.ent[j] or tok.lower[j] in self._bridges
                                                                   or tok.lower[j] in self._deed_words):
            j -= 1  # "any deployment of NATO troops": past the deed and whose it is
        return j >= sent.start and tok.lower[j] in self._hypothetical

    def threat_before(self, tok: Tokens, sent: Sentence, index: int) -> int | None:
        """Where the verb stands that makes the deed at `index` a threat ("vowed to strike",
        "mengancam akan menyerang"), or None: a threat verb, then only complementizers."""
        for j in range(index - 1, max(sent.start, index - _THREAT_REACH) - 1, -1):
            word = tok.lower[j]
            if word in self._threats:
                return j if all(w in self._joins for w in tok.lower[j + 1:index]) else None
            if word not in self._joins:
                return None
        return None

    def refused(self, tok: Tokens, sent: Sentence, index: int) -> int | None:
        """Where the verb stands that refuses the deed at `index` ("refused to meet", "menolak untuk
        bertemu"), or None: a refusal verb, then only complementizers."""
        for j in range(index - 1, max(sent.start, index - _THREAT_REACH) - 1, -1):
            word = tok.lower[j]
            if word in self._refusals:
                return j if all(w in self._joins for w in tok.lower[j + 1:index]) else None
            if word not in self._joins:
                return None
        return None

    def _marked(self, tok: Tokens, sent: Sentence, index: int, list_name: str) -> bool:
        markers = self._words.get(list_name, frozenset())
        for j in range(index - 1, max(sent.start, index - _MARKER_REACH) - 1, -1):
            if tok.ent[j] or self._search.breaks(tok, j):
                return False
            if tok.lower[j] in markers or f"{tok.lower[j]} {tok.lower[j + 1]}" in markers:
                return True
        return False
