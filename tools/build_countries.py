"""Regenerate data/gazetteer/countries.jsonl from CLDR names plus hand-kept extras.

Why a generator: every country needs its English and Indonesian name, and CLDR
(through Babel) has them all, spelled the way each language's press spells them.
What CLDR lacks -- Wikidata ids, demonyms, press abbreviations ("AS", "Korut"),
which territories are not states -- lives in countries_extra.jsonl, which a
linguist edits by hand. The output is committed, so kg itself never needs Babel.

    pip install babel && python tools/build_countries.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
EXTRA = GAZETTEER / "countries_extra.jsonl"
OUTPUT = GAZETTEER / "countries.jsonl"
LANGUAGES = ("en", "id")


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def cldr_name(code: str, lang: str) -> str | None:
    name = Locale(lang).territories.get(code)
    if name is None:
        return None
    # CLDR writes "Bosnia & Herzegovina" and "St. Lucia"; the press writes them out.
    name = name.replace(" & ", " and " if lang == "en" else " dan ")
    return re.sub(r"^St\. ", "Saint ", name)


def read_extras() -> dict[str, dict]:
    extras: dict[str, dict] = {}
    for number, line in enumerate(EXTRA.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            record = json.loads(line)
            if record["iso"] in extras:
                sys.exit(f"{EXTRA}:{number}: {record['iso']} listed twice")
            extras[record["iso"]] = record
    return extras


def entry(code: str, extra: dict) -> dict | None:
    if extra.get("skip"):
        return None
    label = {lang: name for lang in LANGUAGES if (name := cldr_name(code, lang))}
    label.update(extra.get("label", {}))
    record: dict = {"key": extra.get("key") or slug(label["en"]), "type": extra.get("type", "Country")}
    if "wikidata" in extra:
        record["wikidata"] = extra["wikidata"]
    record["label"] = label
    for field in ("aliases", "demonyms"):
        if field in extra:
            record[field] = extra[field]
    return record


def main() -> None:
    extras = read_extras()
    codes = {code for code in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", code)}
    records = [r for code in sorted(codes | set(extras)) if (r := entry(code, extras.get(code, {})))]
    records.sort(key=lambda r: r["key"])
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} entries to {OUTPUT}")


if __name__ == "__main__":
    main()
