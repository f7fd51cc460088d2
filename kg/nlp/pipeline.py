"""The spaCy pipeline per language: tokenizer fixes, sentences, entities, relations.

    tokenizer -> kg_sentence_bounds -> kg_gazetteer (names as written) -> kg_groups (group phrases)
              -> kg_names (title-cued people, acronyms, surnames)
              -> kg_relations (verb frames, titles, citations) -> doc._.kg_relations

Every step is a registered spaCy component, so `nlp.analyze_pipes()` checks the
order and a notebook can inspect each one. Pipelines are built once per process.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from re import Pattern
from functools import cache

import spacy
from spacy.attrs import LIKE_EMAIL, LIKE_URL, PREFIX, SHAPE
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from kg.lexicon import SUPPORTED_LANGUAGES, load_lexicon
from kg.nlp.clitics import CliticSplitter
from kg.nlp.phrases import PhraseEntities, gazetteer_phrases, group_phrases
from kg.nlp.names import NameFinder
from kg.nlp.sentences import SentenceBounds
from kg.nlp.relations import RelationMatcher

__all__ = ["get_pipeline"]

_RELATIONS_ATTR = "kg_relations"
_UNREAD_LEXICAL_ATTRIBUTES = (SHAPE, LIKE_URL, LIKE_EMAIL, PREFIX)  # token.shape_, .like_url, .like_email, .prefix_
MAX_ARTICLE_CHARS = 50_000_000


@Language.factory("kg_sentence_bounds", assigns=["token.is_sent_start"])
def _make_sentence_bounds(nlp: Language, name: str) -> SentenceBounds:
    return SentenceBounds()


@Language.factory("kg_clitics")
def _make_clitic_splitter(nlp: Language, name: str, lang: str) -> CliticSplitter:
    return CliticSplitter(load_lexicon(lang))


@Language.factory("kg_gazetteer", assigns=["doc.ents"])
def _make_gazetteer(nlp: Language, name: str, lang: str) -> PhraseEntities:
    return PhraseEntities(nlp, gazetteer_phrases(), attr="ORTH", shouted_too=True,
                          words=load_lexicon(lang).words["stopwords"])


@Language.factory("kg_groups", requires=["doc.ents"], assigns=["doc.ents"])
def _make_group_finder(nlp: Language, name: str, lang: str) -> PhraseEntities:
    return PhraseEntities(nlp, group_phrases(lang), attr="LOWER")


@Language.factory("kg_names", requires=["doc.ents"], assigns=["doc.ents"])
def _make_name_finder(nlp: Language, name: str, lang: str) -> NameFinder:
    return NameFinder(load_lexicon(lang))


@Language.factory("kg_relations", requires=["doc.ents", "doc.sents"], assigns=[f"doc._.{_RELATIONS_ATTR}"])
def _make_relation_component(nlp: Language, name: str, lang: str) -> _RelationComponent:
    return _RelationComponent(RelationMatcher(load_lexicon(lang)))


class _RelationComponent:
    def __init__(self, matcher: RelationMatcher):
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(_RELATIONS_ATTR, self.matcher(doc))
        return doc


@cache
def get_pipeline(lang: str) -> Language:
    """The kg pipeline for `lang` ("id" or "en"), built on the first call."""
    if lang not in SUPPORTED_LANGUAGES:
        lang = "en"
    if not Doc.has_extension(_RELATIONS_ATTR):
        Doc.set_extension(_RELATIONS_ATTR, default=None)
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "kg.Tokenizer.v1"}}})
    nlp.max_length = MAX_ARTICLE_CHARS  # spaCy's 1M default guards parsers' memory; kg has none
    # lexical attributes no kg rule reads, which spaCy computes for every word it meets for the first
    # time: on news kg has not read before they were a tenth of the whole extraction's time
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # a Cython attribute spaCy's stubs omit
    for attr in _UNREAD_LEXICAL_ATTRIBUTES:
        getters.pop(attr, None)
    if lang == "id":
        nlp.add_pipe("kg_clitics", config={"lang": lang})
    nlp.add_pipe("kg_sentence_bounds")
    nlp.add_pipe("kg_gazetteer", config={"lang": lang})
    nlp.add_pipe("kg_groups", config={"lang": lang})
    nlp.add_pipe("kg_names", config={"lang": lang})
    nlp.add_pipe("kg_relations", config={"lang": lang})
    return nlp


@spacy.registry.tokenizers("kg.Tokenizer.v1")
def _create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's tokenizer for the language, made once with kg's infixes and only the special cases that matter.

    spaCy's own factory gives Indonesian ~16,000 special cases (reduplications such
    as "negara-negara"), and re-adds them all each time an affix rule is set; kg then
    dropped most of them again (see `_needed`): seconds of start-up in every process
    that reads text. Building the tokenizer once, with the final rules, costs a
    fraction of that and gives the same tokens (tests/nlp/test_tokenizer.py).
    """

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefix_search = _Prefixes(defaults.prefixes).search if defaults.prefixes else None
        suffix_search = _LettersPass(compile_suffix_regex(defaults.suffixes)).search if defaults.suffixes else None
        infixes = compile_infix_regex(_infixes(nlp.lang or "", defaults.infixes or ()))
        infix_finditer = (_Reduplications(infixes) if nlp.lang == "id" else _LettersPass(infixes)).finditer
        rules = {text: tokens for text, tokens in (defaults.tokenizer_exceptions or {}).items()
                 if _needed(text, tokens, (prefix_search, suffix_search, infix_finditer))}
        return Tokenizer(nlp.vocab, rules=rules, prefix_search=prefix_search, suffix_search=suffix_search,
                         infix_finditer=infix_finditer, token_match=defaults.token_match, url_match=defaults.url_match)

    return make


class _Prefixes:
    """spaCy's prefix rules, tried at the start of a word only: the same match in a third of the time.

    spaCy joins the rules as "^a|^b|...". Indonesian's HTML rule has a "|" of its own
    ("<(b|...)\\s?/>|<a([^>]+)>"), which leaves "<a...>" unanchored, so `re.search` tried every rule
    at every character of every word (10 µs a word, against 3 for `match`). A match at the start is
    what `match` finds; a later one can only come from a rule with a "|" of its own, which is searched
    from the second character (where no "^" matches), so the match is the one spaCy's search finds.
    """

    def __init__(self, prefixes: Iterable[str | Pattern[str]]):
        rules = list(prefixes)
        regex = compile_prefix_regex(rules)
        self.pattern = regex.pattern  # Tokenizer.to_bytes saves `prefix_search.__self__.pattern`
        self._at_start = regex.match
        loose = [rule for rule in rules if "|" in (rule if isinstance(rule, str) else rule.pattern)]
        self._later = compile_prefix_regex(loose).search if loose else None

    def search(self, text: str) -> re.Match[str] | None:
        found = self._at_start(text)
        if found is None and self._later is not None:
            return self._later(text, 1)
        return found


class _LettersPass:
    """Suffix or infix rules that skip a word of letters only, which none of them can split.

    Each of spaCy's suffix and infix rules (and kg's) needs a punctuation mark, a symbol, a digit
    or a hyphen, and `re` tries the whole rule set at every character of a word (5-10 µs): most words
    that reach these rules are plain words ("menyerang", "Jakarta" once its comma is off).
    tests/nlp/test_tokenizer.py checks every letter in Unicode against the rules.
    """

    def __init__(self, regex: Pattern[str]):
        self.pattern = regex.pattern  # Tokenizer.to_bytes saves `suffix_search.__self__.pattern`
        self._regex = regex

    def search(self, text: str) -> re.Match[str] | None:
        return None if text.isalpha() else self._regex.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return iter(()) if text.isalpha() else self._regex.finditer(text)


class _Reduplications(_LettersPass):
    """Indonesian infixes that leave a reduplication whole ("Rumah-Rumah", "Berkali-Kali", "KIRI-KIRI"):
    its two halves share a root. spaCy lists ~3,800 such words in Title Case or capitals as special
    cases, each one more to build at start-up; names joined by a hyphen share none ("Israel-Hamas",
    "AS-Jepang") and still split."""

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if "-" in text:  # a word's first sight: most have no hyphen, and letters alone go straight through
            left, _, right = text.partition("-")
            if left.isalpha() and right.isalpha() and _share_root(left.lower(), right.lower()):
                return iter(())
        return super().finditer(text)


def _share_root(left: str, right: str) -> bool:
    """Whether two halves of a hyphenated word repeat one root: the same word, or a common run of
    _ROOT letters ("berkali"/"kali", "sandar"/"menyandar")."""
    if left == right:
        return True
    shorter, longer = sorted((left, right), key=len)
    size = min(_ROOT, len(shorter))
    return size > 0 and any(shorter[i:i + size] in longer for i in range(len(shorter) - size + 1))


_ROOT = 4  # letters two halves of a reduplication share at least ("Iran-Irak" share three, and split)


def _needed(text: str, tokens: list[dict[int, str]], affixes: tuple[Callable[[str], object] | None, ...]) -> bool:
    """Keep only the tokenizer's special cases that change how a word is tokenized.

    Most of them restate it: whitespace ("\\n", "\\t", " "), and Indonesian's ~16,000
    reduplications ("negara-negara"), whole anyway once hyphens stay inside words. But
    once spaCy's tokenizer meets any special case in a text it stops caching words for
    the rest of that text (explosion/spaCy#13950), and every article has a line break:
    each later word went through the affix regexes again, every time it was seen.
    A one-token case is kept whenever any prefix, suffix or infix rule matches the
    word, so that no case that keeps a word whole is lost. Same tokens
    (tests/nlp/test_tokenizer.py); a no-break space keeps its own form as NORM
    instead of two spaces, which kg does not read.
    """
    if not text.strip():
        return False
    if tokens != [{ORTH: text}] or any(c.isspace() for c in text):
        return True
    prefix_search, suffix_search, infix_finditer = affixes
    return bool((prefix_search and prefix_search(text)) or (suffix_search and suffix_search(text))
                or (infix_finditer and next(iter(infix_finditer(text)), None)))  # type: ignore[call-overload]


def _infixes(lang: str, infixes: Iterable[str | Pattern[str]]) -> list[str | Pattern[str]]:
    """Keep "kelompok-kelompok" and "anti-pemerintah" one token, as Indonesian writes them,
    but split two names joined by a hyphen ("perang Israel-Hamas", "perbatasan Iran-Pakistan",
    "Kassym-Jomart"), as English tokenizing does, so that each name is found.

    spaCy's Indonesian rules split a hyphen between any letters; kg drops exactly the
    infix rules that do that, and keeps a slash split ("AS/NATO").
    """
    if lang != "id":
        return list(infixes)
    kept: list[str | Pattern[str]] = [p for p in infixes if not re.search(p, "kelompok-kelompok")]
    kept.append(r"(?<=[A-Za-z])/(?=[A-Za-z])")
    # a prefix written with a hyphen stays on its word: "Antar-Amerika", "Pro-Rusia", "Pasca-Perang"
    prefixes = sorted(load_lexicon("id").words.get("hyphen_prefixes", ()))
    unless = "".join(f"(?<!{p[0].upper()}{p[1:]})(?<!{p})" for p in prefixes)
    kept.append(rf"{unless}(?<=[a-z])-(?=[A-Z][a-z])")  # "perang Israel-Hamas"
    # an acronym on either side: "Rusia-AS", "AS-Jepang"; not "BERSENDI-SENDI", a reduplication in capitals
    # (each such word spaCy lists would be a special case to keep whole, and special cases cost start-up)
    kept.append(rf"{unless}(?<=[a-z])-(?=[A-Z]{{2,4}}\b)")
    kept.append(r"(?:(?<=\b[A-Z]{2})|(?<=\b[A-Z]{3})|(?<=\b[A-Z]{4}))-(?=[A-Z])")
    return kept


def _keep_hyphenated_words(nlp: Language) -> None:
    """Give a built pipeline kg's Indonesian infixes (`_infixes`): spaCy's tokenizer with kg's one
    intended change, which the tests compare kg's tokenizer against."""
    nlp.tokenizer.infix_finditer = compile_infix_regex(  # type: ignore[union-attr]
        _infixes("id", nlp.Defaults.infixes or ())).finditer
