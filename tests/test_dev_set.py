"""Extraction quality on the shared dev set, scored by shared/eval/score.py.

The floors lock today's figures so they cannot fall silently; raise them when
extraction improves. The dev set lives beside CI's clone (KG_EVAL_DIR).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.api import extract
from kg.interchange import entity_records, relation_record
from kg.model import Extraction
from tests.conftest import dev_set_dir

TRIPLE_F1_FLOOR = 0.75  # measured 0.757 (P 0.96, R 0.63) on the 31-article dev set, 2026-12-08
ENTITY_F1_FLOOR = 0.93  # measured 0.938 (P 0.95, R 0.93)


def score(kind: str, records: list[dict[str, object]], tmp_path: Path) -> float:
    eval_dir = dev_set_dir()
    pred = tmp_path / f"{kind}.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    gold_flag, gold = ("--gold", "gold.jsonl") if kind == "triples" else ("--gold-entities", "gold_entities.jsonl")
    result = subprocess.run([sys.executable, str(eval_dir / "score.py"), gold_flag, str(eval_dir / "dev" / gold),
                             "--pred", str(pred)], capture_output=True, text=True, timeout=60, check=True)
    last = result.stdout.strip().splitlines()[-1]
    match = re.match(r"F1 ([0-9.]+)", last)
    assert match, last
    return float(match.group(1))


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    found, problems = extract([dev_set_dir() / "dev" / "articles.jsonl"])
    assert problems == ()
    return found


def test_triples_stay_above_the_floor(extractions: list[Extraction], tmp_path: Path) -> None:
    records = [relation_record(x, r) for x in extractions for r in x.relations]
    assert score("triples", records, tmp_path) >= TRIPLE_F1_FLOOR


def test_entities_stay_above_the_floor(extractions: list[Extraction], tmp_path: Path) -> None:
    records = [record for x in extractions for record in entity_records(x)]
    assert score("entities", records, tmp_path) >= ENTITY_F1_FLOOR
