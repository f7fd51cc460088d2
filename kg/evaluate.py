"""Score kg's extractions against hand-made gold, by the rules of shared/eval/score.py.

`kg eval` runs extraction and scoring in one step, so that measuring a change needs
no prediction file and no second tool. The rules are the scorer's, so the figures
are the same (docs/evaluation.md): labels are normalised, predictions
deduplicated, symmetric predicates match either way, Q-ids match whatever the label,
and matching is one-to-one (a maximum bipartite matching, per document and key).
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.algorithms import bipartite

from kg.errors import InputError
from kg.interchange import entity_records, relation_record
from kg.model import SYMMETRIC_PREDICATES, Extraction

__all__ = ["Counts", "Gold", "Score", "normalize", "load_gold_triples", "load_gold_entities",
           "prediction_records", "describe", "score_triples", "score_entities"]

#: Predicted entities of these types are not scored: the gold lists named entities only.
UNSCORED_ENTITY_TYPES = frozenset({"Group", "Article"})

Record = Mapping[str, Any]


def normalize(text: object) -> str:
    """Fold a label so that spelling noise does not decide a match ("U.S." == "US").

    NFKD with accents stripped, casefolded; dashes and connectors become spaces,
    other punctuation is dropped, whitespace collapsed.
    """
    if text is None:
        return ""
    kept = []
    for ch in unicodedata.normalize("NFKD", str(text)):
        category = unicodedata.category(ch)
        if category in ("Pd", "Pc"):
            kept.append(" ")
        elif not category.startswith(("M", "P")):
            kept.append(ch)
    return " ".join("".join(kept).casefold().split())


def _labels(value: object) -> frozenset[str]:
    """The normalised alternatives of a gold label (a list, or one string)."""
    return frozenset(normalize(v) for v in (value if isinstance(value, list) else [value])) - {""}


def _qid(value: object) -> str | None:
    """A Q-id as the scorer compares it: stripped text, or None when absent or empty."""
    return str(value).strip() if value else None


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold line: `key` is the predicate (triples) or the type (entities), and
    `args` the acceptable (labels, Q-id) of each argument, so one matcher serves both."""

    doc_id: str
    key: str
    args: tuple[tuple[frozenset[str], str | None], ...]
    line: int
    row: dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Prediction:
    doc_id: str
    key: str
    args: tuple[tuple[str, str | None], ...]
    record: Record


@dataclass(frozen=True, slots=True)
class Counts:
    """Gold, predicted and matched counts, with the figures derived from them."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        """The scorer's last line, so that scripts reading either tool read both."""
        return (f"F1 {self.f1:.3f} P {self.precision:.3f} R {self.recall:.3f} "
                f"(matched {self.matched} of {self.gold} gold, {self.predicted} predicted)")

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Score:
    """Per-key (predicate or type) and overall counts, and what did not match."""

    rows: dict[str, Counts]
    overall: Counts
    missed_gold: list[Gold]
    spurious: list[Record]
    ignored_docs: int  # predictions for documents the gold does not cover
    duplicates: int = 0
    untyped: Counts | None = None  # entities only: matching that ignores the type

    def as_json(self) -> dict[str, Any]:
        return {"rows": {k: c.as_dict() for k, c in self.rows.items()}, "overall": self.overall.as_dict(),
                "untyped": self.untyped.as_dict() if self.untyped else None,
                "ignored_docs": self.ignored_docs, "duplicates": self.duplicates,
                "missed_gold": [{"line": g.line, **g.row} for g in self.missed_gold],
                "spurious": [dict(r) for r in self.spurious]}


def _read_gold(path: Path | str, fields: tuple[str, ...]) -> Iterable[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line; anything unusable is an InputError."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(f"cannot read the gold file ({e.strerror or e}); check the path", path=path) from e
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 (byte {e.start}); save the gold file as UTF-8", path=path) from e
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as e:
            raise InputError(f"malformed gold line ({e}); fix or remove it", path=path, line=number) from e
        if not isinstance(row, dict):
            raise InputError("gold line is not a JSON object; fix or remove it", path=path, line=number)
        missing = [f for f in fields if f not in row]
        if missing:
            raise InputError(f"gold line lacks {', '.join(map(repr, missing))}; add it", path=path, line=number)
        yield number, row


def _argument(row: dict[str, Any], labels: str, qid: str, path: Path | str,
              number: int) -> tuple[frozenset[str], str | None]:
    found = _labels(row[labels])
    if not found:
        raise InputError(f"gold {labels!r} has no usable label; give one", path=path, line=number)
    return found, _qid(row.get(qid))


def load_gold_triples(path: Path | str) -> list[Gold]:
    """Read gold relations (docs/evaluation.md); a bad line names its file:line."""
    return [Gold(str(row["doc_id"]), str(row["predicate"]),
                 (_argument(row, "subject", "subject_wikidata", path, n),
                  _argument(row, "object", "object_wikidata", path, n)), n, row)
            for n, row in _read_gold(path, ("doc_id", "subject", "predicate", "object"))]


def load_gold_entities(path: Path | str) -> list[Gold]:
    """Read gold entities (docs/evaluation.md); a bad line names its file:line."""
    return [Gold(str(row["doc_id"]), str(row["type"]), (_argument(row, "label", "wikidata", path, n),), n, row)
            for n, row in _read_gold(path, ("doc_id", "label", "type"))]


def prediction_records(extractions: Sequence[Extraction], *, entities: bool = False) -> list[dict[str, Any]]:
    """What `kg extract --format jsonl [--entities]` prints: the scorer's input."""
    if entities:
        return [record for x in extractions for record in entity_records(x)]
    return [relation_record(x, r) for x in extractions for r in x.relations]


def describe(item: Gold | Record) -> str:
    """One line for a miss: what was expected or read, and the sentence it rests on."""
    if isinstance(item, Gold):
        r, where = item.row, f"(gold line {item.line})"
        if "label" in r:
            return f"[{item.doc_id}] {_first(r['label'])} ({item.key}) {where}"
        return (f"[{item.doc_id}] {_first(r['subject'])} --{item.key}--> {_first(r['object'])}  "
                f"\"{r.get('evidence', '')}\" {where}")
    if "label" in item:
        return f"[{item.get('doc_id')}] {item.get('label')} ({item.get('type')})"
    return (f"[{item.get('doc_id')}] {item.get('subject')} --{item.get('predicate')}--> {item.get('object')}  "
            f"\"{item.get('sentence', '')}\"")


def _first(value: object) -> str:
    return str(value[0] if isinstance(value, list) and value else value)


def _triple(r: Record) -> tuple[Hashable, _Prediction]:
    doc, predicate = str(r.get("doc_id", "")), str(r.get("predicate", ""))
    subject, obj = normalize(r.get("subject")), normalize(r.get("object"))
    pair = tuple(sorted((subject, obj))) if predicate in SYMMETRIC_PREDICATES else (subject, obj)
    args = ((subject, _qid(r.get("subject_wikidata"))), (obj, _qid(r.get("object_wikidata"))))
    return (doc, predicate, pair), _Prediction(doc, predicate, args, r)


def _entity(typed: bool) -> Callable[[Record], tuple[Hashable, _Prediction] | None]:
    def convert(r: Record) -> tuple[Hashable, _Prediction] | None:
        doc, etype, label = str(r.get("doc_id", "")), str(r.get("type", "")), normalize(r.get("label"))
        if etype in UNSCORED_ENTITY_TYPES:
            return None
        return (doc, label, etype if typed else ""), _Prediction(doc, etype, ((label, _qid(r.get("wikidata"))),), r)
    return convert


def _prepare(records: Iterable[Record], docs: set[str],
             convert: Callable[[Record], tuple[Hashable, _Prediction] | None]) -> tuple[list[_Prediction], int, int]:
    """Drop predictions for documents without gold (counted first, as the scorer does),
    unscored ones, and duplicates. Returns (predictions, duplicates, ignored)."""
    seen: set[Hashable] = set()
    kept: list[_Prediction] = []
    duplicates = ignored = 0
    for record in records:
        if str(record.get("doc_id", "")) not in docs:
            ignored += 1
            continue
        converted = convert(record)
        if converted is None:
            continue
        if converted[0] in seen:
            duplicates += 1
            continue
        seen.add(converted[0])
        kept.append(converted[1])
    return kept, duplicates, ignored


def _matches(p: _Prediction, g: Gold) -> bool:
    """Every argument equals a gold label or Q-id; symmetric predicates also reversed."""
    def same(args: Sequence[tuple[str, str | None]]) -> bool:
        return all(label in labels or (qid is not None and gold_qid is not None and qid == gold_qid)
                   for (label, qid), (labels, gold_qid) in zip(args, g.args, strict=True))
    return same(p.args) or (g.key in SYMMETRIC_PREDICATES and same(p.args[::-1]))


def _match(gold: Sequence[Gold], preds: Sequence[_Prediction], typed: bool = True) -> tuple[set[int], set[int]]:
    """A maximum one-to-one matching; candidates share doc_id and (if typed) key.
    Returns the indices of matched gold lines and of matched predictions."""
    def bucket(doc_id: str, key: str) -> tuple[str, str]:
        return (doc_id, key if typed else "")
    candidates: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, p in enumerate(preds):
        candidates[bucket(p.doc_id, p.key)].append(j)
    graph = nx.Graph()
    for i, g in enumerate(gold):
        graph.add_edges_from((("gold", i), ("pred", j)) for j in candidates[bucket(g.doc_id, g.key)]
                             if _matches(preds[j], g))
    pairs = bipartite.maximum_matching(graph, top_nodes=[n for n in graph if n[0] == "gold"])
    return {i for side, i in pairs if side == "gold"}, {j for side, j in pairs if side == "pred"}


def _score(gold: Sequence[Gold], preds: Sequence[_Prediction], duplicates: int, ignored: int,
           typed: bool = True) -> Score:
    """Counts per key (predicate or type) and overall, and what is left unmatched."""
    matched_gold, matched_preds = _match(gold, preds, typed)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for i, g in enumerate(gold):
        table[g.key][0] += 1
        table[g.key][2] += i in matched_gold
    for p in preds:
        table[p.key][1] += 1
    return Score(rows={key: Counts(*table[key]) for key in sorted(table)},
                 overall=Counts(len(gold), len(preds), len(matched_gold)),
                 missed_gold=[g for i, g in enumerate(gold) if i not in matched_gold],
                 spurious=[p.record for j, p in enumerate(preds) if j not in matched_preds],
                 ignored_docs=ignored, duplicates=duplicates)


def score_triples(records: Iterable[Record], gold: Sequence[Gold]) -> Score:
    """Score relation records (interchange format) against gold triples, per predicate."""
    return _score(gold, *_prepare(records, {g.doc_id for g in gold}, _triple))


def score_entities(records: Iterable[Record], gold: Sequence[Gold]) -> Score:
    """Score entity records against gold entities, per type; `untyped` ignores the type.
    Group and Article predictions are not scored: the gold lists named entities only."""
    records, docs = list(records), {g.doc_id for g in gold}
    untyped = _score(gold, *_prepare(records, docs, _entity(typed=False)), typed=False)
    return replace(_score(gold, *_prepare(records, docs, _entity(typed=True))), untyped=untyped.overall)
