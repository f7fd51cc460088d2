"""The README shows what kg prints: tools/readme_outputs.py runs every command it shows.

The commands run once for the module (about 45 s with the dev set); the perturbation
tests compare altered copies of the README against those same outputs.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import ROOT

FIX = "python tools/readme_outputs.py --write"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readme_outputs", ROOT / "tools" / "readme_outputs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def session() -> Iterator[Any]:
    with tool.Session(tool.default_eval_dir()) as running:
        yield running


@pytest.fixture(scope="module")
def rendering(session: Any) -> Any:
    return tool.render(README, session)


def stale(text: str, session: Any) -> str:
    """The diff the checker reports for `text`, as `--check` prints it."""
    return tool.diff(text, tool.render(text, session).text)


def test_the_readme_shows_what_the_commands_print(rendering: Any) -> None:
    assert not rendering.problems, rendering.problems
    changes = tool.diff(README, rendering.text)
    assert not changes, f"README.md is stale: run `{FIX}` and read the result\n{changes}"


def test_the_eval_example_was_run(rendering: Any) -> None:
    if rendering.skipped:
        pytest.skip("KG_EVAL_DIR is not set: the `kg eval` example, which reads shared/eval, was not checked")
    assert any(c.text.startswith("kg eval ") for b in tool.output_blocks(README.split("\n")) for c in b.commands)


def test_only_examples_that_cannot_run_here_are_left_unchecked(rendering: Any) -> None:
    assert [b.not_run for b in rendering.excluded] == ["needs a running server"]


def test_a_wrong_count_is_reported(session: Any) -> None:
    [line] = [line for line in README.split("\n") if line.startswith("Store kg-out/store: ")]
    wrong = re.sub(r"\d+ entities", lambda m: f"{int(m.group(0).split()[0]) + 1} entities", line)
    changes = stale(README.replace(line, wrong, 1), session)
    assert f"-{wrong}\n+{line}\n" in changes


def test_a_missing_row_is_reported(session: Any) -> None:
    """What happened before: `kg query --list` showed 5 of 12 questions."""
    row = next(line for line in README.split("\n") if line.startswith("│ who-criticises-whom"))
    changes = stale(README.replace(row + "\n", "", 1), session)
    assert f"+{row}\n" in changes


def test_a_question_heading_follows_the_query_file(session: Any) -> None:
    heading = next(line for line in README.split("\n") if line.startswith("**`succession`** — "))
    assert f"+{heading}\n" in stale(README.replace(heading, "**`succession`** — Old title.", 1), session)


def test_a_marked_block_is_left_as_written(session: Any) -> None:
    text = "<!-- not run: needs a running server -->\n```\n$ kg serve\nanything at all\n```\n"
    assert tool.render(text, session).text.startswith(text)


def test_csv_cells_and_rows_are_cut_by_one_rule() -> None:
    rows = ["a,b"] + [f"{n},{'x' * 70}" for n in range(8)]
    shown = tool.abbreviate("kg query q --format csv", "\r\n".join(rows) + "\r\n")
    assert shown[0] == "a,b" and shown[1] == "0," + "x" * 57 + "…"
    assert len(shown) == 1 + tool.CSV_ROWS + 1 and shown[-1] == "... (8 rows)"


def test_a_long_drawn_table_keeps_its_head_and_says_it_goes_on() -> None:
    table = ["┏━━━━━┓", "┃ n   ┃", "┡━━━━━┩", *(f"│ {n:<3} │" for n in range(20)), "└─────┘"]
    shown = tool.abbreviate("kg stats", "\n".join(table))
    assert shown == [*table[:3 + tool.TABLE_KEEP], "│ ... │", "└─────┘"]


def test_a_json_line_is_wrapped_and_times_are_masked() -> None:
    line = '{"sentence": "' + "y" * 80 + '", "when": "2026-11-29T11:49:39Z", "n": 1}'
    shown = tool.abbreviate("kg extract x", line)
    assert shown == ['{"sentence": "' + "y" * 57 + '…",', ' "when": "YYYY-MM-DDThh:mm:ssZ", "n": 1}']
    assert all(len(shown_line) <= tool.WIDTH for shown_line in shown)


def test_make_run_is_the_makefiles_recipe() -> None:
    assert tool.make_recipe("run") == [
        ".venv/bin/kg build data/articles --store kg-out/store --html kg-out/graph.html --question top-actors"]
