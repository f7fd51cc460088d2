"""The gazetteer: known entities with their names per language, from data/gazetteer/.

Each entry gives one canonical entity (Wikidata Q-id where known) and every surface
form that should resolve to it, so "Rusia", "Russia" and "Russian" land on one node.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import DataFileError
from kg.lexicon import read_jsonl
from kg.resources import data_dir

__all__ = ["GazetteerEntry", "Gazetteer", "load_gazetteer"]

_TYPES = frozenset({"Person", "Organization", "Country", "Place", "Event", "Group"})
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_KINDS = frozenset({"media"})


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    key: str
    type: str
    label: tuple[tuple[str, str], ...]  # (lang, preferred label)
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    wikidata: str | None = None
    kind: str | None = None  # "media": a news agency or outlet, which an article can cite
    capital_of: str | None = None  # a national capital: the key of its country ("Washington accuses ...")
    # a city that, when it acts, stands for a body rather than its country ("Brussels accused ...": the EU)
    acts_for: str | None = None

    def label_in(self, lang: str) -> str:
        """The preferred label in `lang`, else English, else any."""
        for wanted in (lang, "en"):
            for label_lang, text in self.label:
                if label_lang == wanted and text:
                    return text
        return next(text for _, text in self.label)

    def surface_forms(self) -> Iterator[str]:
        seen: set[str] = set()
        for form in (*(text for _, text in self.label), *self.aliases, *self.demonyms):
            if form not in seen:
                seen.add(form)
                yield form


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry]

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> GazetteerEntry | None:
        return self.entries.get(key)

    def keys_of_kind(self, kind: str) -> frozenset[str]:
        return frozenset(key for key, entry in self.entries.items() if entry.kind == kind)

    def capitals(self) -> frozenset[str]:
        """The keys of national capitals, which can act for their state, and of the cities that act for a
        body ("Brussels" for the EU)."""
        return frozenset(key for key, entry in self.entries.items() if entry.capital_of or entry.acts_for)


@cache
def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Every `*.jsonl` file of the gazetteer folder, keys unique across files."""
    folder = folder or data_dir() / "gazetteer"
    entries: dict[str, GazetteerEntry] = {}
    origin: dict[str, str] = {}
    for path in sorted(folder.glob("*.jsonl")):
        if path.name.endswith("_extra.jsonl"):
            continue  # inputs of tools/build_countries.py, merged into countries.jsonl
        for number, record in read_jsonl(path):
            entry = _entry(record, path, number)
            if entry.key in entries:
                raise DataFileError(f"key {entry.key!r} already defined at {origin[entry.key]}",
                                    path=path, line=number)
            entries[entry.key] = entry
            origin[entry.key] = f"{path.name}:{number}"
    for key, entry in entries.items():  # whom a city acts for must be an entry of the right type
        for field, target, types, what in (("capital_of", entry.capital_of, ("Country",), "a country's"),
                                           ("acts_for", entry.acts_for, ("Country", "Organization"),
                                            "a country's or an organisation's")):
            named = entries.get(target) if target else None
            if target and (named is None or named.type not in types):
                file, line = origin[key].split(":")
                raise DataFileError(f"{key}: {field!r} must be {what} key, got {target!r}",
                                    path=folder / file, line=int(line))
    return Gazetteer(entries)


def _entry(record: dict[str, Any], path: Path, line: int) -> GazetteerEntry:
    key, kind, qid = record.get("key"), record.get("type"), record.get("wikidata")
    if not isinstance(key, str) or not _KEY.match(key):
        raise DataFileError(f"'key' must be a lowercase slug, got {key!r}", path=path, line=line)
    if kind not in _TYPES:
        raise DataFileError(f"'type' must be one of {', '.join(sorted(_TYPES))}, got {kind!r}",
                            path=path, line=line)
    if qid is not None and not (isinstance(qid, str) and _QID.match(qid)):
        raise DataFileError(f"'wikidata' must look like Q123, got {qid!r}", path=path, line=line)
    if record.get("kind") is not None and record.get("kind") not in _KINDS:
        raise DataFileError(f"'kind' must be one of {', '.join(sorted(_KINDS))}, got {record.get('kind')!r}",
                            path=path, line=line)
    labels = record.get("label")
    if not isinstance(labels, dict) or not labels or not all(isinstance(v, str) and v for v in labels.values()):
        raise DataFileError("'label' must map languages to non-empty names", path=path, line=line)
    return GazetteerEntry(
        key=key,
        type=kind,
        label=tuple(sorted(labels.items())),
        aliases=_forms(record.get("aliases"), "aliases", path, line),
        demonyms=_forms(record.get("demonyms"), "demonyms", path, line),
        wikidata=qid,
        kind=record.get("kind"),
        capital_of=record.get("capital_of"),
        acts_for=record.get("acts_for"),
    )


def _forms(value: Any, name: str, path: Path, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise DataFileError(f"'{name}' must map languages to lists of names", path=path, line=line)
    forms: list[str] = []
    for names in value.values():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataFileError(f"'{name}' lists must hold non-empty names", path=path, line=line)
        forms.extend(n for n in names if n not in forms)
    return tuple(forms)
