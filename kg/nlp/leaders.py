"""`leads` from titles: "Presiden Rusia Vladimir Putin", "Azerbaijan's President Ilham Aliyev",
"Brunei sebagai Ketua ASEAN", "Aung San Suu Kyi dan pemimpin NLD lainnya", "panglima militer
Min Aung Hlaing", "Joe Biden, the US president,", "his Tanzanian counterpart Samia Suluhu Hassan"
(when "his" is a leader), and a title pointed back at someone named before ("Ketua Umum Partai
Gerindra itu", "the French president"; kg.resolve finds whom). A title that only names an office
("Menteri") relates no one, and a commander leads forces, not a state.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.lexicon import Lexicon
from kg.nlp.arrays import Tokens
from kg.nlp.records import Arg, RawRelation, Sentence
from kg.nlp.titles import Titles

__all__ = ["LED", "LeaderRelations"]

LED = frozenset({"Country", "Organization", "Place"})  # what a leader title can head ("Hong Kong Chief Executive")
_RELATIVE_REACH = 16  # words of a relative clause before its "menjabat sebagai"
_KIND_REACH = 3  # words saying what kind of body a name is: "the armed militant group"
_LEADERS = frozenset({"Person", "Country", "Organization"})  # who can hold a chair "as" a title says


class LeaderRelations:
    """The `leads` relations that titles state between the names of one sentence."""

    def __init__(self, lexicon: Lexicon, titles: Titles):
        self._titles = titles
        self._words = lexicon.words
        self._descriptors = lexicon.descriptors
        self._possessives = self._words.get("possessive_markers", frozenset())
        self._qualifiers = self._words.get("title_qualifiers", frozenset())  # "acting", "sementara"
        self._led_by = self._words.get("led_by_markers", frozenset())
        self._former = self._words.get("former_markers", frozenset())  # a former leader leads nothing (rule 6)
        self._origins = self._words.get("origin_prepositions", frozenset())  # "Prime Minister X of India"
        self._determiners = self._words.get("determiners", frozenset())
        self._body_words = frozenset(w.lower() for w in self._words.get("organization_heads", frozenset())
                                     | self._words.get("organization_tails", frozenset())) | {"affairs"}
        self._force_titles = self._words.get("force_titles", frozenset())  # "commander": leads forces only
        self._counterparts = self._words.get("counterpart_nouns", frozenset())  # "his Rwandan counterpart X"
        self._owners = self._words.get("own_country_owners", frozenset())  # "his", "her"
        #: words after a title that point back at someone already named ("Ketua Umum Partai Gerindra itu")
        self.pointing = self._words.get("demonstratives", frozenset()) if lexicon.lang == "id" else frozenset()
        self.pointing_before = self._words.get("pointing_determiners", frozenset())  # "the French president"
        self._relativizers = self._words["relativizers"]
        self._serving = self._words.get("serving_verbs", frozenset())  # "menjabat", "serves"
        self._past = self._words.get("past_office_markers", frozenset())  # "pernah", "once"
        #: the words that say what kind of body a name is ("the militant group Hamas", "kelompok bersenjata Hamas")
        self._kinds = frozenset(lexicon.descriptors) | self._words.get("title_domains", frozenset())
        self._country_nouns = frozenset(n for n in self._words.get("pointed_descriptors", ())
                                        if lexicon.descriptors.get(n) == "Country")  # "the country", "negara itu"
        self._kind_words = self._kinds | self._words.get("body_modifiers", frozenset())
        self._commanded = self._words.get("commanded_body_words", frozenset())  # "... National Army", "... Forces"
        self._owned_modifiers = self._words.get("owned_body_modifiers", frozenset())  # "his self-styled"
        self._person_possessives = self._words.get("person_possessives", frozenset())  # "his", "her"

    def __call__(self, tok: Tokens, sent: Sentence, ents: list[Arg]) -> Iterator[RawRelation]:
        """`leads` from a leader title that ties a person to a country or organisation."""
        for left, right in zip(ents, ents[1:]):
            if (left.type in LED and right.type == "Person" and self._titled_leader(tok, sent, left, right)
                    and not self._formerly(tok, sent, left)):
                yield RawRelation(right, "leads", left, sent.span(tok), "title-leads")
            elif left.type in _LEADERS and right.type in LED and self._as_leader(tok, left, right):
                yield RawRelation(left, "leads", right, sent.span(tok), "title-leads")
            elif left.type == "Person" and right.type in LED and self._among_leaders(tok, left, right):
                yield RawRelation(left, "leads", right, sent.span(tok), "title-leads")
            elif left.type == "Person" and right.type == "Country" and self._titled_of(tok, sent, left, right):
                yield RawRelation(left, "leads", right, sent.span(tok), "title-leads")
            elif (left.type in ("Organization", "Group") and right.type in _LEADERS and left.end < right.start
                  and tok.lower[left.end] in self._led_by and self._past_titles(tok, left.end + 1, right.start) == right.start):
                yield RawRelation(right, "leads", left, sent.span(tok), "title-leads")  # "KKB pimpinan Egianus Kogoya"
        for ent in ents:
            led = self._described_leader(tok, sent, ent) or self._pointed_country_leader(tok, sent, ent)
            if led is not None:
                yield RawRelation(ent, "leads", led, sent.span(tok), "title-leads")
        for i, ent in enumerate(ents):
            if ent.type != "Person":
                continue
            led = self._apposed_title(tok, sent, ent, self._next_name(tok, ents, i))
            led = led or self._apposed_owned_title(tok, sent, ent, ents[i + 1] if i + 1 < len(ents) else None)
            led = led or self._title_before(tok, sent, ent, self._qualified(ents, i - 1), ents[i - 1] if i else None)
            if led is not None:
                yield RawRelation(ent, "leads", led, sent.span(tok), "apposition-leads")
            country = self._counterpart_of(tok, sent, ent, ents[i - 1] if i else None)
            if country is not None:  # kg.resolve keeps it only when "his" is a leader the article titles so
                yield RawRelation(ent, "leads", country, sent.span(tok), "counterpart-leads")
        for ent in ents:
            commander = self._commander_of(tok, sent, ents, ent) if ent.type == "Organization" else None
            if commander is not None:
                yield RawRelation(commander, "leads", ent, sent.span(tok), "owned-forces-leads")

    def _commander_of(self, tok: Tokens, sent: Sentence, ents: list[Arg], forces: Arg) -> Arg | None:
        """Whose forces a named armed body is said to be: "Dagalo's Rapid Support Forces", "Haftar said his
        self-styled Libyan National Army would ..." (a person's army is the army he commands; a party is not
        said to be led by whoever calls it "his")."""
        if tok.lower[forces.end - 1] not in self._commanded:
            return None
        j = forces.start
        while j > sent.start:  # "his own", "his self-styled" (tokens "self", "-", "styled")
            if tok.lower[j - 1] in self._owned_modifiers:
                j -= 1
            elif j - 3 > sent.start and tok.lower[j - 2] == "-" and "-".join(tok.lower[j - 3:j:2]) in self._owned_modifiers:
                j -= 3
            else:
                break
        if j - 1 <= sent.start:
            return None
        if tok.lower[j - 1] in self._person_possessives:
            return Arg(j - 1, j, "pronoun", "Person")
        if tok.lower[j - 1] in self._possessives:
            return next((e for e in ents if e.end == j - 1 and e.type == "Person"), None)
        return None

    def epithets(self, tok: Tokens, sent: Sentence, args: list[Arg], ents: list[Arg]) -> Iterator[RawRelation]:
        """ "Ketua Umum Partai Gerindra itu": a leader title pointed back at names, by what it heads, the
        person the article spoke of before (kg.resolve finds them); that person leads what it heads."""
        for arg in args:
            if arg.kind == "office" and arg.role == "leader" and self._pointed(tok, sent, arg):
                led = next((e for e in ents if (e.start, e.end) == (arg.start, arg.end)), None)
                if led is not None and not self._formerly(tok, sent, led):
                    yield RawRelation(arg, "leads", led, sent.span(tok), "epithet-leads")

    def _pointed(self, tok: Tokens, sent: Sentence, arg: Arg) -> bool:
        """ "Ketua Umum Partai Gerindra itu" (a demonstrative after), "the French president" (a determiner
        before the name, the title after it): someone already spoken of."""
        if arg.end < sent.end and tok.lower[arg.end] in self.pointing:
            return True
        return (arg.ref is not None and arg.ref[0] >= arg.end and arg.start > sent.start
                and tok.lower[arg.start - 1] in self.pointing_before)

    def _formerly(self, tok: Tokens, sent: Sentence, led: Arg) -> bool:
        """ "Former US President X", "mantan Presiden AS X", "bekas Perdana Menteri Malaysia X": the
        title's phrase opens with a word saying its holder no longer holds it."""
        start = led.start
        title = self._title_ending(tok, start, sent.start)
        if title is not None:
            start = title[1]
        return start > sent.start and tok.lower[start - 1] in self._former

    @staticmethod
    def _qualified(ents: list[Arg], i: int) -> Arg | None:
        """The name at `i`, or the organisation a country after it qualifies ("Pasukan Quds Iran")."""
        if i < 0:
            return None
        if ents[i].type == "Country" and i and ents[i - 1].type == "Organization" and ents[i - 1].end == ents[i].start:
            return ents[i - 1]
        return ents[i]

    def _past_titles(self, tok: Tokens, i: int, stop: int) -> int:
        """Past the titles and qualifiers between a leader title and the name: "army chief Gen. X",
        "Komandan Pasukan Quds Iran, Mayor Jenderal X"."""
        while i < stop:
            if tok.lower[i] in self._qualifiers:
                i += 1
                continue
            found = self._titles.starting_at(tok.lower, i)
            if found is None or found[1] > stop:
                return i
            i = found[1]
        return i

    def _title_ending(self, tok: Tokens, end: int, floor: int) -> tuple[str, int] | None:
        """The title that ends at `end`, past qualifiers: "Perdana Menteri sementara Thailand"."""
        while end > floor and tok.lower[end - 1] in self._qualifiers:
            end -= 1
        if end - 3 >= floor and tok.lower[end - 1] == ")" and tok.lower[end - 3] == "(":
            end -= 3  # "Perdana Menteri (PM) Malaysia": the title's short form in brackets
        return self._titles.ending_at(tok.lower, end, floor)

    def _title_words(self, tok: Tokens, i: int, stop: int) -> int | None:
        """The end of "the president of (the)" / "Presiden" starting at `i`: a leader title with
        the determiners and "of"/"dari" around it, or None."""
        words, fillers = tok.lower, self._words.get("determiners", frozenset()) | self._words.get("title_bridges", frozenset())
        while i < stop and words[i] in fillers:
            i += 1
        found = self._titles.starting_at(words, i)
        if found is None or found[0] != "leader":
            return None
        i = found[1]
        while i < stop and words[i] in fillers:
            i += 1
        return i

    def _apposed_title(self, tok: Tokens, sent: Sentence, person: Arg, nxt: Arg | None) -> Arg | None:
        """ "Chris Tang, the commissioner of the Police Force", "X, kepala Garda Republik", "X,
        president of Y": a leader title set off after the name, and what it heads."""
        if nxt is None or nxt.type not in LED or person.end >= sent.end or tok.lower[person.end] != ",":
            return None
        end = self._title_words(tok, person.end + 1, nxt.start + 1)
        if end is not None:
            end = self._past_kind(tok, end, nxt)
        return nxt if end == nxt.start and not self._inside_longer_body(tok, sent, nxt) else None

    def _apposed_owned_title(self, tok: Tokens, sent: Sentence, person: Arg, nxt: Arg | None) -> Arg | None:
        """ "William Ruto, Kenya's president, said", "X, Kenya's new president.", "Joe Biden, the US
        president,", "X, NATO secretary-general,": the owner of a leader title set off after the name,
        the title closing the apposition."""
        if nxt is None or nxt.type not in LED or person.end >= sent.end or tok.lower[person.end] != ",":
            return None
        start = person.end + 1
        if start < nxt.start and tok.lower[start] in self._determiners:
            start += 1
        if nxt.start != start:
            return None
        j = tok.past(nxt.end, self._possessives, sent.end)
        while j < sent.end and tok.lower[j] in self._qualifiers:
            j += 1
        found = self._titles.starting_at(tok.lower, j)
        if found is None or found[0] != "leader":
            return None
        return nxt if found[1] >= sent.end or not tok.is_alpha[found[1]] else None

    def _inside_longer_body(self, tok: Tokens, sent: Sentence, name: Arg) -> bool:
        """ "director of the Hong Kong and Macao affairs office": the name only begins the body's name."""
        for j in range(name.end, min(sent.end, name.end + 4)):
            if tok.lower[j] == ",":
                return False
            if tok.lower[j] in self._body_words:
                return True
        return False

    def _title_before(self, tok: Tokens, sent: Sentence, person: Arg, prev: Arg | None,
                      last: Arg | None) -> Arg | None:
        """ "The President of the European Commission, Ursula von der Leyen", "President of Y X":
        a leader title with "of" before what it heads, and the name after it."""
        if prev is None or last is None or prev.type not in LED:
            return None
        j = last.end + 1 if last.end < person.start and tok.lower[last.end] == "," else last.end
        if self._past_titles(tok, j, person.start) != person.start:
            return None
        k = self._before_kind(tok, prev, sent.start)
        bridges = self._words.get("title_bridges", frozenset())
        while k > sent.start and tok.lower[k - 1] in self._words.get("determiners", frozenset()):
            k -= 1
        if k > sent.start and tok.lower[k - 1] in bridges:
            k -= 1
        elif j == last.end == person.start:
            return None  # "Presiden Rusia Vladimir Putin": _titled_leader reads it
        title = self._title_ending(tok, k, sent.start)
        return prev if title is not None and title[0] == "leader" else None

    def _described_leader(self, tok: Tokens, sent: Sentence, person: Arg) -> Arg | None:
        """ "panglima militer Min Aung Hlaing": a leader title over a description the
        article resolves ("militer" = Militer Myanmar)."""
        j = person.start - 1
        if person.type != "Person" or j <= sent.start or tok.ent[j]:
            return None
        kind = self._descriptors.get(tok.lower[j])
        title = self._titles.ending_at(tok.lower, j, sent.start)
        if kind in LED and title is not None and title[0] == "leader":
            return Arg(j, j + 1, "description", kind)
        return None

    def _pointed_country_leader(self, tok: Tokens, sent: Sentence, person: Arg) -> Arg | None:
        """ "the country's president, Ali Bongo", "X, the country's prime minister,", "presiden negara
        itu, X", "X, presiden negara tersebut,": a leader title owned by the country the article spoke
        of (kg.resolve finds which); a former or deputy office holder leads nothing."""
        if person.type != "Person" or not self._country_nouns:
            return None
        words = tok.lower
        end = person.start - 1 if person.start - 1 > sent.start and words[person.start - 1] == "," else person.start
        if self.pointing_before:  # "the country's president, X"
            title = self._titles.ending_at(words, end, sent.start)
            if title is not None and title[0] == "leader" and self._owned_by_country(tok, sent, title[1]):
                return Arg(title[1] - 2, title[1] - 1, "description", "Country")  # "country" of "the country's"
        elif end - 2 > sent.start and self.country_pointed(tok, end - 2):  # "presiden negara itu, X"
            title = self._titles.ending_at(words, end - 2, sent.start)
            if title is not None and title[0] == "leader" and not (title[1] > sent.start and words[title[1] - 1] in self._former):
                return Arg(end - 2, end - 1, "description", "Country")
        j = person.end + 1
        if j >= sent.end or words[j - 1] != ",":
            return None
        if self.pointing_before:  # "X, the country's president,"
            found = self._titles.starting_at(words, j + 3) if j + 3 < sent.end else None
            if found is None or found[0] != "leader" or not self._owned_by_country(tok, sent, j + 3):
                return None
            noun = j + 1
        else:  # "X, presiden negara itu,"
            found = self._titles.starting_at(words, j)
            if found is None or found[0] != "leader" or found[1] + 1 >= sent.end or not self.country_pointed(tok, found[1]):
                return None
            noun, found = found[1], (found[0], found[1] + 2)
        closed = found[1] >= sent.end or not tok.is_alpha[found[1]]
        return Arg(noun, noun + 1, "description", "Country") if closed else None

    def _owned_by_country(self, tok: Tokens, sent: Sentence, title_start: int) -> bool:
        """ "the country's" right before the title starting at `title_start`."""
        k = title_start
        return (k - 3 >= sent.start and tok.lower[k - 1] in self._possessives and tok.lower[k - 2] in self._country_nouns
                and tok.lower[k - 3] in self.pointing_before and not tok.ent[k - 2])

    def country_pointed(self, tok: Tokens, i: int) -> bool:
        """ "negara itu", "negara tersebut" at `i`."""
        return tok.lower[i] in self._country_nouns and tok.lower[i + 1] in self.pointing and not tok.ent[i]

    def _among_leaders(self, tok: Tokens, person: Arg, led: Arg) -> bool:
        """ "Aung San Suu Kyi dan pemimpin NLD lainnya": one of the group's leaders."""
        j = person.end
        while j < led.start and tok.lower[j] in self._words["coordinators"]:
            j += 1
        found = self._titles.starting_at(tok.lower, j) if j > person.end else None
        others = self._words.get("others_after", frozenset())
        after = led.end
        if after + 2 < len(tok) and tok.lower[after] == "(" and tok.lower[after + 2] == ")":
            after += 3  # "pemimpin Liga Nasional untuk Demokrasi (NLD) lainnya"
        return found is not None and found == ("leader", led.start) and after < len(tok) and tok.lower[after] in others

    def _titled_leader(self, tok: Tokens, sent: Sentence, led: Arg, person: Arg) -> bool:
        """ "Presiden Rusia Vladimir Putin", "Russian President Vladimir Putin",
        "Azerbaijan's President Ilham Aliyev"; an office title ("Menteri") gives nothing."""
        if self._past_titles(tok, led.end, person.start) == person.start:
            title = self._title_ending(tok, self._before_kind(tok, led, sent.start), sent.start)
            if title is not None and title[0] == "leader":
                return not self._commands_forces(tok.lower[title[1]:led.start], led)
        after = tok.past(led.end, self._possessives)
        while after < person.start and tok.lower[after] in self._qualifiers:
            after += 1  # "Thailand's acting Prime Minister"
        found = self._titles.starting_at(tok.lower, after)
        if found is None or found[0] != "leader" or self._commands_forces(tok.lower[after:found[1]], led):
            return False
        end = self._past_titles(tok, found[1], person.start)
        return end == person.start or (end + 1 == person.start and tok.lower[end] == ",")  # "Kenya's president, X"

    def _counterpart_of(self, tok: Tokens, sent: Sentence, person: Arg, prev: Arg | None) -> Arg | None:
        """ "his Rwandan counterpart, Paul Kagame": the country whose office holder the person is, the
        same office as the one "his" points at."""
        j = person.begin - 1
        if j > sent.start and tok.lower[j] == ",":
            j -= 1
        if not (j > sent.start and tok.lower[j] in self._counterparts) or prev is None or prev.type != "Country":
            return None
        if prev.end != j or prev.start - 1 < sent.start or tok.lower[prev.start - 1] not in self._owners:
            return None
        return prev

    def _next_name(self, tok: Tokens, ents: list[Arg], i: int) -> Arg | None:
        """The name after `ents[i]`, past a group that only says what kind of body it is ("militant
        group" in "leader of the militant group Hamas")."""
        if i + 1 >= len(ents):
            return None
        nxt = ents[i + 1]
        if (nxt.type == "Group" and i + 2 < len(ents) and ents[i + 2].start == nxt.end
                and all(tok.lower[k] in self._kind_words for k in range(nxt.start, nxt.end))):
            return ents[i + 2]
        return nxt

    def _past_kind(self, tok: Tokens, i: int, body: Arg) -> int:
        """Past the words saying what kind of body follows: "leader of the militant group | Hamas";
        `i` itself when they do not end right at the body or name no kind of body. Before a country
        they make it a qualifier ("komandan milisi Irak" commands a militia, not Iraq)."""
        stop = body.start
        if body.type != "Organization":
            return i
        j = i
        while j < stop and j - i < _KIND_REACH and tok.lower[j] in self._kind_words:
            j += 1
        return j if j == stop and any(tok.lower[k] in self._kinds for k in range(i, j)) else i

    def _before_kind(self, tok: Tokens, body: Arg, floor: int) -> int:
        """Back past the words saying what kind of body `body` is, before it: "Pemimpin | kelompok Hamas",
        "Komandan | milisi bersenjata X" (an organisation only, as in `_past_kind`)."""
        end = j = body.start
        if body.type != "Organization":
            return end
        while j > floor and end - j < _KIND_REACH and tok.lower[j - 1] in self._kind_words:
            j -= 1
        return j if any(tok.lower[k] in self._kinds for k in range(j, end)) else end

    def _commands_forces(self, title: list[str], led: Arg) -> bool:
        """ "Iranian commander X", "Komandan Iran X": a commander leads a force, not a state."""
        return led.type == "Country" and bool(title) and title[-1] in self._force_titles

    def _titled_of(self, tok: Tokens, sent: Sentence, person: Arg, country: Arg) -> bool:
        """ "Prime Minister Narendra Modi of India", "Presiden Joko Widodo dari Indonesia": a leader
        title before the name, the country after it."""
        title = self._title_ending(tok, person.start, sent.start)
        if title is None or title[0] != "leader" or self._formerly(tok, sent, person):
            return False
        if tok.doc[country.start].ent_type_ != "Country":
            return False  # "Presiden Jokowi dari Jakarta": a capital here is only where he comes from
        j = person.end
        if j >= country.start or tok.lower[j] not in self._origins:
            return False
        j += 1
        while j < country.start and tok.lower[j] in self._determiners:
            j += 1
        return j == country.start

    def _as_leader(self, tok: Tokens, actor: Arg, led: Arg) -> bool:
        """ "Brunei Darussalam sebagai Ketua ASEAN", "Indonesia, as chair of ASEAN"."""
        j = actor.end + 1 if actor.end < len(tok) and tok.lower[actor.end] == "," else actor.end
        office_verbs = self._words.get("office_verbs", frozenset())
        reach = actor.end + 4
        if j > actor.end and j < led.start and tok.lower[j] in self._relativizers:
            j = self._office_in_relative(tok, j, led.start)  # "X, yang mundur pada 2019 meski masih menjabat sebagai"
            reach = j + 4
        while j < led.start and j < reach and tok.lower[j] in office_verbs:
            j += 1  # "X masih menjabat sebagai PM Irak", "X, who serves as chair of Y"
        if j >= len(tok) or tok.lower[j] not in self._words.get("as_markers", ()):
            return False
        j += 1
        while j < led.start and (tok.lower[j] in self._qualifiers or tok.lower[j] in self._determiners):
            j += 1  # "as (the) caretaker prime minister of Iraq"
        found = self._titles.starting_at(tok.lower, j)
        if found is None or found[0] != "leader":
            return False
        k = found[1]
        while k < led.start and (tok.lower[k] in self._words["stopwords"] or tok.lower[k] in self._qualifiers):
            k += 1  # "as chair of the ..."
        return k == led.start

    def _office_in_relative(self, tok: Tokens, j: int, stop: int) -> int:
        """Where "menjabat sebagai" / "serves as" stands in the relative clause opened at `j`, if it does and
        no word says the office is past ("yang pernah menjabat", "who once served"); else `j`."""
        for k in range(j + 1, min(stop, j + _RELATIVE_REACH)):
            if tok.lower[k] == ",":
                return j
            if tok.lower[k] in self._serving and tok.lower[k + 1] in self._words.get("as_markers", ()):
                return j if tok.lower[k - 1] in self._past else k
        return j

