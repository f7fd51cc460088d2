"""Golden file: what kg extracts from the bundled seed article, triple by triple.

A change in extraction shows up here as a readable diff. After an intended change,
regenerate with `KG_UPDATE_GOLDEN=1 make test` and review the diff in git.
"""

from __future__ import annotations

import json
import os

from kg.api import extract
from kg.interchange import relation_record
from tests.conftest import ROOT, SEED

GOLDEN = ROOT / "tests" / "golden" / "seed-csto-kazakhstan.jsonl"
KEYS = ("subject", "subject_type", "predicate", "object", "object_type", "rule", "modality")


def current() -> list[dict[str, object]]:
    [extraction], _ = extract([SEED])
    rows = [{k: relation_record(extraction, r)[k] for k in KEYS} for r in extraction.relations]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


def test_seed_extraction_matches_the_golden_file() -> None:
    rows = current()
    if os.environ.get("KG_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    golden = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert rows == golden


def test_the_design_card_triples_are_extracted() -> None:
    found = {(r["subject"], r["predicate"], r["object"]) for r in current()}
    assert ("Vladimir Putin", "blames", "kekuatan internal dan eksternal") in found
    assert ("CSTO", "deploysTo", "Kazakhstan") in found
    assert ("Kassym-Jomart Tokayev", "succeeded", "Nursultan Nazarbayev") in found
