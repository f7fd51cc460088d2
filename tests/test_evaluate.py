"""`kg eval` and kg.evaluate: the same figures as shared/eval/score.py, in one step."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kg.api import extract
from kg.cli import app
from kg.errors import InputError
from kg.evaluate import (Score, load_gold_entities, load_gold_triples, normalize, prediction_records,
                         score_entities, score_triples)
from tests.conftest import SEED, dev_set_dir

runner = CliRunner()
F1_LINE = re.compile(r"^F1 \d\.\d{3} P \d\.\d{3} R \d\.\d{3} \(matched \d+ of \d+ gold, \d+ predicted\)$", re.M)


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def triple(subject: str | list[str], predicate: str, obj: str | list[str], doc: str = "d",
           **extra: Any) -> dict[str, Any]:
    """A gold line (lists) or a prediction (strings), with only what matching reads."""
    return {"doc_id": doc, "subject": subject, "predicate": predicate, "object": obj, **extra}


def score(tmp_path: Path, gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> Score:
    return score_triples(preds, load_gold_triples(write_jsonl(tmp_path / "gold.jsonl", gold)))


Rows = dict[str, tuple[int, ...]]  # key -> (gold, predicted, matched)


def reference(flag: str, gold: Path, preds: list[dict[str, Any]], tmp_path: Path) -> tuple[Rows, list[str]]:
    """What score.py prints for the same predictions: its table rows and its summary lines."""
    pred = write_jsonl(tmp_path / "pred.jsonl", preds)
    result = subprocess.run([sys.executable, str(dev_set_dir() / "score.py"), flag, str(gold), "--pred", str(pred)],
                            capture_output=True, text=True, timeout=60, check=True)
    lines = result.stdout.splitlines()
    rows = {m[1]: tuple(map(int, m.groups()[1:])) for m in
            (re.match(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}$", ln) for ln in lines) if m}
    return rows, [ln for ln in lines if "F1 " in ln or ln.startswith("note:")]


def ours(result: Score) -> Rows:
    return {k: (c.gold, c.predicted, c.matched) for k, c in result.rows.items()}


# --------------------------------------------------------------------------- same figures as score.py

@pytest.mark.parametrize("entities", [False, True], ids=["triples", "entities"])
def test_dev_set_figures_equal_score_py(entities: bool, tmp_path: Path) -> None:
    dev = dev_set_dir() / "dev"
    extractions, _ = extract([dev / "articles.jsonl"])
    records = prediction_records(extractions, entities=entities)
    gold_path = dev / ("gold_entities.jsonl" if entities else "gold.jsonl")
    result = (score_entities(records, load_gold_entities(gold_path)) if entities
              else score_triples(records, load_gold_triples(gold_path)))
    rows, summaries = reference("--gold-entities" if entities else "--gold", gold_path, records, tmp_path)
    assert ours(result) == rows
    assert summaries[-1] == result.overall.summary()
    if entities:
        assert result.untyped is not None and summaries[-2] == "untyped  " + result.untyped.summary()


def test_tricky_predictions_score_as_score_py_scores_them(tmp_path: Path) -> None:
    gold = [triple(["Vladimir Putin", "Putin"], "meetsWith", ["Ilham Aliyev"]),
            triple(["Joe Biden"], "sanctions", ["Rusia"], object_wikidata="Q159"),
            triple(["A"], "leads", ["B"]), triple(["A", "C"], "leads", ["B"]), triple(["X"], "blames", ["Y"], doc="e")]
    preds = [triple("Ilham Aliyev", "meetsWith", "putin"), triple("Putin", "meetsWith", "Ilham-Aliyev"),
             triple("Joe Biden", "sanctions", "Russian Federation", object_wikidata="Q159"),
             triple("A", "leads", "B"), triple("a", "leads", "b"), triple("C", "leads", "B"),
             triple("Y", "blames", "X", doc="e"), triple("X", "blames", "Y", doc="elsewhere")]
    gold_path = write_jsonl(tmp_path / "gold.jsonl", gold)
    result = score_triples(preds, load_gold_triples(gold_path))
    rows, summaries = reference("--gold", gold_path, preds, tmp_path)
    assert ours(result) == rows
    assert summaries[-1] == result.overall.summary() == \
        "F1 0.800 P 0.800 R 0.800 (matched 4 of 5 gold, 5 predicted)"
    assert summaries[0] == "note: 2 duplicate prediction(s) removed; " \
                           "1 prediction(s) for documents not in the gold set ignored"
    assert (result.duplicates, result.ignored_docs) == (2, 1)


# --------------------------------------------------------------------------- the matching rules

@pytest.mark.parametrize(("a", "b"), [("U.S.", "US"), ("Kassym-Jomart", "Kassym Jomart"), ("Président", "president"),
                                      ("  Recep   Tayyip\tErdoğan ", "recep tayyip erdogan"),
                                      ("Nagorno–Karabakh", "nagorno karabakh"), ("Russia’s", "Russias")])
def test_labels_are_normalised_before_matching(a: str, b: str, tmp_path: Path) -> None:
    assert normalize(a) == normalize(b)
    assert score(tmp_path, [triple([a], "leads", ["Turki"])], [triple(b, "leads", "TURKI")]).overall.matched == 1


def test_symmetric_predicates_match_either_direction(tmp_path: Path) -> None:
    gold = [triple(["Putin"], "meetsWith", ["Aliyev"]), triple(["Rusia"], "allyOf", ["Belarus"]),
            triple(["Rusia"], "attacks", ["Ukraina"])]
    preds = [triple("Aliyev", "meetsWith", "Putin"), triple("Belarus", "allyOf", "Rusia"),
             triple("Ukraina", "attacks", "Rusia")]
    result = score(tmp_path, gold, preds)
    assert {k: c.matched for k, c in result.rows.items()} == {"allyOf": 1, "attacks": 0, "meetsWith": 1}


def test_a_qid_matches_whatever_the_label(tmp_path: Path) -> None:
    gold = [triple(["Vladimir Putin"], "blames", ["Barat"], subject_wikidata="Q7747")]
    assert score(tmp_path, gold, [triple("Pres. V. V. Putin", "blames", "barat", subject_wikidata="Q7747")]
                 ).overall.matched == 1
    assert score(tmp_path, gold, [triple("Pres. V. V. Putin", "blames", "barat", subject_wikidata="Q1")]
                 ).overall.matched == 0


def test_matching_is_one_to_one(tmp_path: Path) -> None:
    gold = [triple(["Vladimir Putin", "Putin"], "blames", ["Barat"])]
    result = score(tmp_path, gold, [triple("Putin", "blames", "Barat"), triple("Vladimir Putin", "blames", "Barat")])
    assert (result.overall.matched, result.overall.predicted, len(result.spurious)) == (1, 2, 1)


def test_identical_predictions_are_one_prediction(tmp_path: Path) -> None:
    result = score(tmp_path, [triple(["Putin"], "blames", ["Barat"])],
                   [triple("Putin", "blames", "Barat"), triple("putin", "blames", "barat.")])
    assert (result.overall.matched, result.overall.predicted, result.duplicates, result.spurious) == (1, 1, 1, [])


def test_the_matching_is_maximum_not_greedy(tmp_path: Path) -> None:
    # "A" could take either gold line; only a maximum matching gives both their partner
    gold = [triple(["A", "B"], "leads", ["Z"]), triple(["A"], "leads", ["Z"])]
    result = score(tmp_path, gold, [triple("A", "leads", "Z"), triple("B", "leads", "Z")])
    assert result.overall.matched == 2 and result.missed_gold == []


def test_predictions_for_documents_without_gold_are_ignored_and_counted(tmp_path: Path) -> None:
    result = score(tmp_path, [triple(["A"], "leads", ["B"])],
                   [triple("A", "leads", "B"), triple("C", "leads", "D", doc="other"),
                    triple("E", "leads", "F", doc="x")])
    assert (result.ignored_docs, result.overall.predicted, result.overall.f1) == (2, 1, 1.0)


def test_entities_match_on_label_or_qid_and_type_and_groups_are_not_scored(tmp_path: Path) -> None:
    gold = load_gold_entities(write_jsonl(tmp_path / "ents.jsonl", [
        {"doc_id": "d", "label": ["Kremlin"], "type": "Place"},
        {"doc_id": "d", "label": ["Rusia", "Russia"], "type": "Country", "wikidata": "Q159"}]))
    preds = [{"doc_id": "d", "label": "Kremlin", "type": "Organization"},
             {"doc_id": "d", "label": "Federasi Rusia", "type": "Country", "wikidata": "Q159"},
             {"doc_id": "d", "label": "demonstran", "type": "Group"}]
    result = score_entities(preds, gold)
    assert result.overall.summary() == "F1 0.500 P 0.500 R 0.500 (matched 1 of 2 gold, 2 predicted)"
    assert result.untyped is not None and result.untyped.matched == 2
    assert set(result.rows) == {"Country", "Organization", "Place"}


@pytest.mark.parametrize(("bad", "message"), [
    ("{not json", "malformed gold line"),
    ('["a list"]', "not a JSON object"),
    ('{"doc_id": "d", "subject": ["A"], "object": ["B"]}', "lacks 'predicate'"),
    ('{"doc_id": "d", "subject": ["", " "], "predicate": "leads", "object": ["B"]}', "no usable label"),
])
def test_a_malformed_gold_line_is_an_input_error_naming_file_and_line(bad: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(triple(["A"], "leads", ["B"])) + "\n\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_gold_triples(path)
    assert str(caught.value).startswith(f"{path}:3: ")


# --------------------------------------------------------------------------- the command

@pytest.fixture
def seed_gold(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "gold.jsonl", [
        triple(["Vladimir Putin", "Putin"], "blames", ["kekuatan internal dan eksternal"], doc="seed-csto-kazakhstan",
               subject_type="Person", subject_wikidata="Q7747", object_type="Group",
               evidence="Presiden Vladimir Putin pada Hari Senin menyalahkan kerusuhan"),
        triple(["CSTO"], "deploysTo", ["Kazakhstan"], doc="seed-csto-kazakhstan", subject_type="Organization",
               object_type="Country", evidence="pasukan CSTO dikirim ke Kazakhstan"),
        triple(["CSTO"], "supports", ["Kassym-Jomart Tokayev"], doc="seed-csto-kazakhstan",
               subject_type="Organization", object_type="Person", evidence="kontingen CSTO akan ditarik"),
    ])


def test_kg_eval_prints_rows_per_predicate_and_the_f1_line(seed_gold: Path) -> None:
    result = runner.invoke(app, ["eval", str(SEED), "--gold", str(seed_gold)])
    assert result.exit_code == 0, result.output
    cells = r"│ (\w+)\s+│\s+(\d+) │\s+(\d+) │\s+(\d+) │"  # predicate, gold, predicted, matched
    rows = {m[1]: m.groups()[1:] for m in re.finditer(cells, result.stdout)}
    assert rows["blames"][::2] == ("1", "1") and rows["deploysTo"][::2] == ("1", "1")
    assert rows["supports"][::2] == ("1", "0")  # gold 1, matched 0
    last = result.stdout.strip().splitlines()[-1]
    assert F1_LINE.match(last) and "(matched 2 of 3 gold," in last


def test_kg_eval_show_misses_lists_gold_with_evidence_and_predictions_with_sentence(seed_gold: Path) -> None:
    result = runner.invoke(app, ["eval", str(SEED), "--gold", str(seed_gold), "--show-misses"])
    assert result.exit_code == 0, result.output
    gold_part, pred_part = result.stdout.split("unmatched gold:")[1].split("unmatched predictions:")
    assert ('[seed-csto-kazakhstan] CSTO --supports--> Kassym-Jomart Tokayev  "kontingen CSTO akan ditarik" '
            '(gold line 3)') in gold_part
    extracted = [json.loads(ln) for ln in runner.invoke(app, ["extract", str(SEED)]).stdout.splitlines()]
    spurious = [r for r in extracted if r["predicate"] not in ("blames", "deploysTo")]
    assert all(f'--{r["predicate"]}--> {r["object"]}  "{r["sentence"]}"' in pred_part for r in spurious)


def test_kg_eval_json_has_rows_overall_and_misses(seed_gold: Path) -> None:
    result = runner.invoke(app, ["eval", str(SEED), "--gold", str(seed_gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rows"]["deploysTo"] == {"gold": 1, "predicted": 1, "matched": 1, "precision": 1.0, "recall": 1.0,
                                         "f1": 1.0}
    assert (data["overall"]["gold"], data["overall"]["matched"]) == (3, 2)
    assert [(g["predicate"], g["line"]) for g in data["missed_gold"]] == [("supports", 3)]
    assert all("sentence" in r for r in data["spurious"])


def test_kg_eval_entities(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "ents.jsonl", [
        {"doc_id": "seed-csto-kazakhstan", "label": ["Vladimir Putin"], "type": "Person", "wikidata": "Q7747"},
        {"doc_id": "seed-csto-kazakhstan", "label": ["Kazakhstan"], "type": "Country", "wikidata": "Q232"}])
    result = runner.invoke(app, ["eval", str(SEED), "--gold", str(gold), "--entities"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert "Person" in result.stdout and "Country" in result.stdout
    assert lines[-2].startswith("untyped  F1 ") and F1_LINE.match(lines[-1]) and "matched 2 of 2 gold" in lines[-1]


def test_kg_eval_reports_a_malformed_gold_line_in_one_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc_id": "d"}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(SEED), "--gold", str(gold)])
    assert result.exit_code == 1
    assert result.output.strip() == f"kg: error: {gold}:1: gold line lacks 'subject', 'predicate', 'object'; add it"
