"""The conventions a user expects of a command line: --version, words in --help, `-` for
standard input, folders read recursively, --quiet, and progress on a terminal only."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg as kg_package
from kg.cli import app
from tests.conftest import ROOT, SEED
from tests.test_cli import COMMANDS, kg

runner = CliRunner()
PUTIN = "Presiden Vladimir Putin menyalahkan kekuatan eksternal atas kerusuhan di Kazakhstan.\n"
#: What Typer prints for a placeholder when nobody names it: <str>, <int>, <list[Path]>, TEXT, INTEGER.
PYTHON_TYPE = re.compile(r"<(?:str|int|float|bool|path|Path|datetime|list\[.*?\])>|\b(?:TEXT|INTEGER|FLOAT|BOOLEAN)\b")


def test_version_from_the_command_and_from_python_m() -> None:
    assert runner.invoke(app, ["--version"]).stdout == f"kg {kg_package.__version__}\n"
    shown = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, timeout=60)
    assert shown.stdout == f"kg {kg_package.__version__}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_placeholders_with_words(command: str) -> None:
    shown = runner.invoke(app, [command, "--help"]).output
    assert not PYTHON_TYPE.search(shown), shown


def test_help_names_the_store_and_parameters_as_users_write_them() -> None:
    assert "--store PATH|URL" in runner.invoke(app, ["build", "--help"]).output
    assert "--param NAME=VALUE" in runner.invoke(app, ["query", "--help"]).output
    assert "--quiet" in runner.invoke(app, ["--help"]).output


def _relations(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_extract_reads_standard_input_and_names_the_article_by_its_content() -> None:
    first = runner.invoke(app, ["extract", "-"], input=PUTIN)
    again = runner.invoke(app, ["extract", "-"], input=PUTIN)
    assert first.exit_code == 0, first.output
    relations = _relations(first.stdout)
    assert ("Vladimir Putin", "blames") in {(r["subject"], r["predicate"]) for r in relations}
    assert str(relations[0]["doc_id"]).startswith("stdin-")
    assert relations == _relations(again.stdout)


def test_build_reads_a_corpus_from_standard_input(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "kg"
    built = subprocess.run([str(exe), "build", "-", "--store", str(tmp_path / "store")], input=SEED.read_text(),
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert "Read 1 article(s)" in built.stdout
    listed = kg("query", "SELECT ?id WHERE { ?a <https://kg.example.org/ontology#articleId> ?id }", "--store",
                str(tmp_path / "store"), "--format", "csv")
    assert "seed-csto-kazakhstan" in listed.stdout


def test_folders_are_read_recursively_without_hidden_ones(tmp_path: Path) -> None:
    (tmp_path / "2022" / "01").mkdir(parents=True)
    (tmp_path / "2022" / "01" / "putin.txt").write_text(PUTIN, encoding="utf-8")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "putin-checkpoint.txt").write_text(PUTIN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert {r["doc_id"] for r in _relations(result.stdout)} == {"putin"}


def test_quiet_leaves_results_and_errors_only(tmp_path: Path) -> None:
    (tmp_path / "putin.txt").write_text(PUTIN, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    loud = runner.invoke(app, ["build", str(tmp_path), "--store", ":memory:"])
    quiet = runner.invoke(app, ["--quiet", "build", str(tmp_path), "--store", ":memory:"])
    assert "Read 1 article(s)" in loud.stdout
    assert quiet.exit_code == 0 and quiet.stdout == ""
    assert "bad.jsonl:1" in quiet.stderr  # a skipped line is a problem, not chatter
    asked = runner.invoke(app, ["-q", "build", str(tmp_path), "--store", str(tmp_path / "store"),
                                "--question", "top-actors"])
    assert "Vladimir Putin" in asked.stdout  # a result asked for is printed
    exported = runner.invoke(app, ["-q", "export", "--store", str(tmp_path / "store"), "-o", str(tmp_path / "g.ttl")])
    assert exported.exit_code == 0 and exported.stdout == "" and (tmp_path / "g.ttl").stat().st_size > 0


#: Rich takes these as the user's word over isatty(); the tests ask the terminal itself.
_TERMINAL_OVERRIDES = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in _TERMINAL_OVERRIDES} | {"TERM": "xterm", "COLUMNS": "100"}


def _piped(args: list[str]) -> str:
    """Run `kg ARGS` with its output into pipes; everything it wrote."""
    exe = Path(sys.executable).parent / "kg"
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300, env=_environment())
    assert done.returncode in (0, 1), done.stderr
    return done.stdout + done.stderr


def _on_a_terminal(args: list[str], cwd: Path) -> str:
    """Run `kg ARGS` with its output on a pseudo-terminal; everything it showed there."""
    exe = Path(sys.executable).parent / "kg"
    leader, follower = pty.openpty()
    env = _environment()
    process = subprocess.Popen([str(exe), *args], stdout=follower, stderr=follower, stdin=subprocess.DEVNULL,
                               cwd=cwd, env=env)
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=60)
    os.close(leader)
    return shown.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough articles for a progress bar (it waits for 20)."""
    path = tmp_path_factory.mktemp("many") / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": PUTIN}) + "\n" for i in range(25)), encoding="utf-8")
    return path


def test_extract_shows_progress_on_a_terminal_only(many_articles: Path, tmp_path: Path) -> None:
    shown = _on_a_terminal(["extract", str(many_articles), "--format", "table"], tmp_path)
    assert "extracting" in shown
    assert "extracting" not in _piped(["extract", str(many_articles)])
    assert "extracting" not in _on_a_terminal(["--quiet", "extract", str(many_articles)], tmp_path)


def test_validate_shows_it_is_working_on_a_terminal_only(seed_store: Path, tmp_path: Path) -> None:
    shown = _on_a_terminal(["validate", "--store", str(seed_store)], tmp_path)
    assert "validating" in shown and "conforms" in shown
    assert "validating" not in _piped(["validate", "--store", str(seed_store)])


def test_validate_sums_up_in_one_line_when_piped_and_not_under_quiet(many_articles: Path, tmp_path: Path) -> None:
    import kg

    kg.build([many_articles], store=tmp_path / "store")
    piped = _piped(["validate", "--store", str(tmp_path / "store")]).splitlines()
    assert [line for line in piped if line.startswith("kg: validated 25/25 article(s) in ")]
    assert "validated" not in _piped(["--quiet", "validate", "--store", str(tmp_path / "store")])
