"""Measure each extraction rule's precision on an annotated corpus and write data/lexicon/rules.tsv.

kg writes a rule's measured precision on every triple it produces as its
confidence, so a confidence of 0.9 means "nine in ten triples from this rule were
right on annotated news". Re-run this after changing rules or adding gold:

    python tools/measure_rules.py ARTICLES.jsonl --gold GOLD.jsonl [--write]

Precision is smoothed as (right + 1) / (predicted + 2), so a rule seen twice and
right twice reads 0.75, not a certainty it has not earned. Rules the corpus never
fires keep their previous value.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from kg.api import extract
from kg.evaluate import load_gold_triples, prediction_records, score_triples
from kg.lexicon import rule_confidences
from kg.resources import data_dir

RULES = data_dir() / "lexicon" / "rules.tsv"
HEADER = ("# rule\tconfidence\t(smoothed precision (right + 1) / (predicted + 2) of the rule's triples, "
          "measured by tools/measure_rules.py; kg writes it on each triple)")


def measure(articles: Path, gold_path: Path) -> dict[str, tuple[int, int]]:
    """(right, predicted) per rule, each rule's triples scored on their own against the gold."""
    extractions, _ = extract([articles])
    gold = load_gold_triples(gold_path)
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for record in prediction_records(extractions):
        by_rule[str(record.get("rule"))].append(record)
    counts = {}
    for rule, records in sorted(by_rule.items()):
        overall = score_triples(records, gold).overall
        counts[rule] = (overall.matched, overall.predicted)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--write", action="store_true", help="rewrite data/lexicon/rules.tsv")
    args = parser.parse_args()
    confidences = dict(rule_confidences())
    for rule, (right, predicted) in measure(args.articles, args.gold).items():
        smoothed = round((right + 1) / (predicted + 2), 2)
        print(f"{rule:22} {right:3d} of {predicted:3d} right   confidence {confidences.get(rule)} -> {smoothed}")
        confidences[rule] = smoothed
    if args.write:
        lines = [HEADER, *(f"{rule}\t{value:.2f}" for rule, value in sorted(confidences.items()))]
        RULES.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {RULES}")


if __name__ == "__main__":
    main()
