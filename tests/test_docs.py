"""docs/interchange.md says what kg reads and prints: its key tables and examples are checked against kg."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import _OPTIONAL_KEYS, read_articles
from tests.conftest import ARTICLES, ROOT

DOC = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
runner = CliRunner()


def section(title: str) -> str:
    """The text of `## TITLE` up to the next `## ` heading."""
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", DOC, re.MULTILINE | re.DOTALL)
    assert found, f"docs/interchange.md has no '## {title}' section"
    return found.group(1)


def keys(title: str) -> dict[str, str]:
    """The keys a section's table lists, in order, with their second column (required / present)."""
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^\| `(\w+)` \| ([^|]+) \|", section(title), re.MULTILINE)}


def examples(title: str) -> list[str]:
    return re.findall(r"^```json\n(.*?)^```", section(title), re.MULTILINE | re.DOTALL)


def emitted(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["extract", str(ARTICLES), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(("title", "args"), [("Relations out", ()), ("Entities out", ("--entities",))])
def test_the_documented_keys_are_the_keys_kg_extract_prints(title: str, args: tuple[str, ...]) -> None:
    documented = keys(title)
    records = emitted(*args)
    assert records
    assert set(documented) == {key for record in records for key in record}
    always = [key for key, present in documented.items() if present == "always"]
    assert all([key for key in record if key in always] == always for record in records), "order or presence differs"


def test_the_documented_input_keys_are_those_kg_reads() -> None:
    documented = keys("Articles in")
    assert list(documented) == ["id", "text", *_OPTIONAL_KEYS]
    assert [key for key, required in documented.items() if required == "yes"] == ["id", "text"]


def test_the_corpus_example_reads_without_a_problem(tmp_path: Path) -> None:
    [example] = examples("Articles in")
    corpus = tmp_path / "example.jsonl"
    corpus.write_text(example, encoding="utf-8")
    read = read_articles([corpus])
    assert not read.problems
    assert [a.id for a in read.articles] == ["csto-2022-01-10", "asean-summit"]


@pytest.mark.parametrize("title", ["Relations out", "Entities out"])
def test_the_output_examples_hold_the_documented_keys(title: str) -> None:
    [example] = examples(title)
    record = json.loads(" ".join(example.splitlines()))
    assert set(record) <= set(keys(title))


def test_the_readme_points_at_the_doc_not_at_a_folder_beside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/interchange.md" in readme
    assert "spec/interchange.md" not in readme


EVALUATION = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")


def test_the_evaluation_docs_example_is_a_gold_line_kg_reads(tmp_path: Path) -> None:
    from kg.evaluate import load_gold_triples
    example = re.search(r"```json\n(.*?)```", EVALUATION, re.DOTALL)
    assert example, "docs/evaluation.md has no gold example"
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(json.loads(example.group(1))) + "\n", encoding="utf-8")
    assert [g.key for g in load_gold_triples(path)] == ["blames"]


def test_the_evaluation_docs_name_the_symmetric_predicates_kg_scores_so() -> None:
    from kg.model import SYMMETRIC_PREDICATES
    listed = re.search(r"\*\*Symmetric predicates\*\* \(([^)]*)\)", EVALUATION)
    assert listed, "docs/evaluation.md does not list the symmetric predicates"
    assert set(re.findall(r"`(\w+)`", listed.group(1))) == set(SYMMETRIC_PREDICATES)
