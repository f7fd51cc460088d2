"""Loading the language knowledge in data/lexicon/<lang>/ into frozen records.

One loader per file kind; each reports a bad record with its file and line, so a
linguist who mistypes an entry is told where, not handed a KeyError.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import DataFileError
from kg.model import ENTITY_TYPES, PREDICATES
from kg.resources import data_dir

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Frame",
    "Affix",
    "Morphology",
    "Lexicon",
    "load_lexicon",
    "read_jsonl",
    "read_tsv",
    "rule_confidences",
]

SUPPORTED_LANGUAGES = ("id", "en")
_ARG_TYPES = frozenset(ENTITY_TYPES)
_WORD_LISTS = (
    "negators", "future_markers", "person_pronouns", "clitic_pronouns", "relativizers",
    "passive_agent_markers", "coordinators", "locative_prepositions", "clause_breaks",
    "speech_verbs", "cite_cues", "generic_heads", "stopwords",
)


@dataclass(frozen=True, slots=True)
class Frame:
    """How one verb (or nominal) expresses a predicate and where its arguments sit.

    `object_after` lists prepositions introducing the object ("menyalahkan X pada Y":
    Y is blamed); with `require_prep` the object must come after one of them. `noun`
    lists nouns that must follow the verb for the frame to apply ("mengirim pasukan").
    """

    predicate: str
    word: str  # Indonesian root or English lemma
    prefixes: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset({""})
    object_after: tuple[str, ...] = ()
    require_prep: bool = False
    noun: frozenset[str] = frozenset()
    then: tuple[str, ...] = ()
    subject_types: frozenset[str] = _ARG_TYPES
    object_types: frozenset[str] = _ARG_TYPES
    nominal: bool = False
    agentive: bool = False  # a nominal that names who acts: "protes ... terhadap X", "protests against X"
    object_from: str | None = None  # with no object stated, the object of this predicate elsewhere in the article
    speaker_judges: bool = False  # "X said Russia abused its power": the speaker relates to the verb's subject
    possessed: frozenset[str] = frozenset()  # the object owns one of these nouns: "called Russia's attack ..."
    passive_only: bool = False
    inverse: bool = False  # the subject receives what the object gives: "X mendapat dukungan dari Y"
    mutual: bool = False  # each side acts on the other: "clashed with X", "perang antara X dan Y" (ruling 16)
    evaluative: bool = False  # "described Haftar as a war criminal": only with a damning word after the object
    # the object is the name right after the verb, and one of these words follows it: "added Huawei to its
    # blacklist", "memasukkan Wagner ke daftar sanksi"
    listed_by: frozenset[str] = frozenset()
    # the object is the name right after the verb, past determiners only ("Iran backs the Houthis", not "came
    # back to Gaza"); `forms` keeps only these English forms ("s", "past", "ing"): a bare "back" is a particle
    direct: bool = False
    forms: frozenset[str] = frozenset()
    # a nominal whose name right after it suffered the deed, its agent after "oleh": "penangkapan Navalny
    # oleh otoritas Rusia"
    patient_after: bool = False
    # the subject must be one of these (a word of its phrase, or the noun just before or after a name):
    # "the Barkhane force is involved in Chad", "pasukan AS berada di Irak"; a person "in Chad" is not deployed
    subject_heads: frozenset[str] = frozenset()
    # the object is who did the deed after the preposition, which the subject answers: "vowed retaliation for
    # the strike by Israel", "a response to the sanctions" (their agent told of before)
    answers: bool = False
    # the verb relates only as the deed a threat verb announces: "bersumpah akan membalas Korea Selatan"
    # (a bare "membalas X" may only be a reply)
    threatened_only: bool = False
    # the object is named right after the preposition or owns the deed named there: "outraged at the US",
    # "angered by the US decision" (not "angered by the visit to Taiwan")
    owner_only: bool = False
    # the subjects bring others together ("A and B mediated talks between ..."): they meet the parties,
    # not each other
    go_between: bool = False


@dataclass(frozen=True, slots=True)
class Affix:
    form: str
    cls: str
    voice: str
    restore: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Morphology:
    clitics: tuple[str, ...]
    suffixes: tuple[str, ...]
    prefixes: tuple[Affix, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything kg knows about one language."""

    lang: str
    frames: tuple[Frame, ...]
    words: dict[str, frozenset[str]]
    titles: dict[str, str]  # title -> role ("leader" | "office")
    descriptors: dict[str, str]  # noun -> entity type
    group_patterns: tuple[dict[str, Any], ...]
    morphology: Morphology | None = None
    irregular: dict[str, tuple[str, ...]] | None = None  # lemma -> inflected forms
    # the common words groups are named with ("protesters", "para", "mass"), as opposed to the
    # names inside some of them ("Hamas fighters")
    group_words: frozenset[str] = frozenset()
    descriptor_words: frozenset[str] = frozenset()  # the descriptors' nouns, to look up in a doc

    def has(self, list_name: str, word: str) -> bool:
        return word in self.words.get(list_name, frozenset())



def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for every non-blank line, failing with file:line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(f"cannot read: {e}", path=path) from e
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataFileError(f"not valid JSON: {e.msg} (column {e.colno})", path=path, line=number) from e
        if not isinstance(record, dict):
            raise DataFileError("expected a JSON object", path=path, line=number)
        yield number, record


def read_tsv(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) of a tab-separated file; '#' starts a comment line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(f"cannot read: {e}", path=path) from e
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != columns or not all(cells):
            raise DataFileError(f"expected {columns} tab-separated columns, got {line!r}", path=path, line=number)
        yield number, cells


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang`, loaded once per process."""
    if lang not in SUPPORTED_LANGUAGES:
        raise DataFileError(f"no lexicon for language {lang!r}; available: {', '.join(SUPPORTED_LANGUAGES)}",
                            path=data_dir() / "lexicon")
    folder = data_dir() / "lexicon" / lang
    morphology_path = folder / "morphology.json"
    irregular_path = folder / "irregular_verbs.tsv"
    words = _load_words(folder / "words.json")
    group_patterns = tuple(record for _, record in read_jsonl(folder / "groups.jsonl"))
    descriptors = {noun: _entity_type(t, folder / "descriptors.tsv", n)
                   for n, (noun, t) in read_tsv(folder / "descriptors.tsv", 2)}
    return Lexicon(
        lang=lang,
        frames=tuple(_load_frames(folder / "relations.jsonl")),
        words=words,
        titles={title: role for _, (title, role) in read_tsv(folder / "titles.tsv", 2)},
        descriptors=descriptors,
        group_patterns=group_patterns,
        morphology=_load_morphology(morphology_path) if morphology_path.exists() else None,
        irregular={cells[0]: tuple(cells[1:]) for _, cells in read_tsv(irregular_path, 3)}
        if irregular_path.exists() else None,
        group_words=_group_words(words, group_patterns),
        descriptor_words=frozenset(descriptors),
    )


def _group_words(words: dict[str, frozenset[str]], patterns: tuple[dict[str, Any], ...]) -> frozenset[str]:
    found = {w for key in ("members_before_organization", "members_after_organization", "ethnic_group_nouns",
                                "people_before_state", "people_after_state", "followers_before_person",
                                "followers_after_person")
             for phrase in words.get(key, ()) for w in phrase.split()}
    for record in patterns:
        for spec in record.get("pattern", ()):
            value = spec.get("LOWER")
            found.update([value] if isinstance(value, str) else value.get("IN", ()) if isinstance(value, dict) else ())
    return frozenset(found)


@cache
def rule_confidences() -> dict[str, float]:
    """Measured precision of each extraction rule, used as the triples' confidence."""
    path = data_dir() / "lexicon" / "rules.tsv"
    out: dict[str, float] = {}
    for number, (rule, value) in read_tsv(path, 2):
        try:
            out[rule] = float(value)
        except ValueError as e:
            raise DataFileError(f"confidence {value!r} is not a number", path=path, line=number) from e
    return out


_FRAME_KEYS = frozenset({
    "root", "lemma", "predicate", "prefixes", "suffixes", "object_after", "require_prep", "noun", "then",
    "subject_types", "object_types", "nominal", "agentive", "object_from", "speaker_judges", "possessed",
    "passive_only", "mutual", "inverse", "evaluative", "listed_by", "direct", "forms", "patient_after",
    "subject_heads", "answers", "threatened_only", "owner_only", "go_between"})


def _load_frames(path: Path) -> Iterator[Frame]:
    for number, record in read_jsonl(path):
        predicate = record.get("predicate")
        if predicate not in PREDICATES:
            raise DataFileError(f"unknown predicate {predicate!r}; use one of {', '.join(PREDICATES)}",
                                path=path, line=number)
        word = record.get("root") or record.get("lemma")
        if not isinstance(word, str) or not word:
            raise DataFileError("each entry needs a 'root' (id) or 'lemma' (en)", path=path, line=number)
        unknown = sorted(set(record) - _FRAME_KEYS)
        if unknown:  # a misspelt key would silently change nothing
            raise DataFileError(f"unknown key(s) {', '.join(map(repr, unknown))}; a frame's keys are "
                                f"{', '.join(sorted(_FRAME_KEYS))}", path=path, line=number)
        yield Frame(
            predicate=predicate,
            word=word.lower(),
            prefixes=frozenset(record.get("prefixes", ())),
            suffixes=frozenset(record.get("suffixes", [""])),
            object_after=tuple(record.get("object_after", ())),
            require_prep=bool(record.get("require_prep", False)),
            noun=frozenset(record.get("noun", ())),
            then=tuple(record.get("then", ())),
            subject_types=_types(record, "subject_types", path, number),
            object_types=_types(record, "object_types", path, number),
            nominal=bool(record.get("nominal", False) or record.get("agentive", False)),
            agentive=bool(record.get("agentive", False)),
            object_from=_predicate_or_none(record.get("object_from"), path, number),
            speaker_judges=bool(record.get("speaker_judges", False)),
            possessed=frozenset(record.get("possessed", ())),
            passive_only=bool(record.get("passive_only", False)),
            mutual=bool(record.get("mutual", False)),
            inverse=bool(record.get("inverse", False)),
            evaluative=bool(record.get("evaluative", False)),
            listed_by=frozenset(record.get("listed_by", ())),
            direct=bool(record.get("direct", False)),
            forms=frozenset(record.get("forms", ())),
            patient_after=bool(record.get("patient_after", False)),
            subject_heads=frozenset(w.lower() for w in record.get("subject_heads", ())),
            answers=bool(record.get("answers", False)),
            threatened_only=bool(record.get("threatened_only", False)),
            owner_only=bool(record.get("owner_only", False)),
            go_between=bool(record.get("go_between", False)),
        )


def _predicate_or_none(value: object, path: Path, line: int) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value in PREDICATES:
        return value
    raise DataFileError(f"object_from: unknown predicate {value!r}; use one of {', '.join(PREDICATES)}",
                        path=path, line=line)


def _types(record: dict[str, Any], key: str, path: Path, line: int) -> frozenset[str]:
    values = record.get(key)
    if values is None:
        return _ARG_TYPES
    return frozenset(_entity_type(v, path, line) for v in values)


def _entity_type(value: str, path: Path, line: int) -> str:
    if value not in _ARG_TYPES:
        raise DataFileError(f"unknown entity type {value!r}; use one of {', '.join(ENTITY_TYPES)}",
                            path=path, line=line)
    return value


def _load_words(path: Path) -> dict[str, frozenset[str]]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DataFileError(f"cannot read word lists: {e}", path=path) from e
    missing = [name for name in _WORD_LISTS if name not in record]
    if missing:
        raise DataFileError(f"missing word lists: {', '.join(missing)}", path=path)
    return {name: frozenset(w.lower() for w in words) for name, words in record.items() if not name.startswith("_")}


def _load_morphology(path: Path) -> Morphology:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return Morphology(
            clitics=tuple(record["clitics"]),
            suffixes=tuple(record["suffixes"]),
            prefixes=tuple(Affix(p["form"], p["class"], p["voice"], tuple(p["restore"])) for p in record["prefixes"]),
        )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as e:
        raise DataFileError(f"cannot read morphology: {e!r}", path=path) from e
