"""Keep the README's example outputs true: run every command it shows and compare, or rewrite.

    python tools/readme_outputs.py            # --check: print a diff and exit 1 when the README is stale
    python tools/readme_outputs.py --write    # rewrite the README's output blocks from real runs

Counts, question lists and scores in a README drift as soon as the extractor learns
something; a README that is regenerated from real runs, and a test that fails when it
is not (tests/test_readme.py), cannot drift.

What is run. An output block is a plain ``` fence whose first line is a `$ ` command.
Every `$ ` line in it runs through bash (so pipes work) in one scratch folder, in README
order, and the lines after it, up to the next `$ ` line, are its output (stderr
included). The folder is laid out as a user's clone after `make run`: `data/articles`,
and `kg-out/store` built by the Makefile's own `run` recipe, whose output is that of
`$ make run`. Fixtures the bundled data lacks are there too: `corpus.jsonl` (from
tests/readme/: one good line, one malformed), `broken-store` (the built store with one
entity's type and one evidence node's sentence deleted), and `shared/eval`, linked to
$KG_EVAL_DIR; without that variable the blocks that read it are left as written and
reported as skipped. A block right after `<!-- not run: REASON -->` is an example that
cannot run here (a server, a cluster) and is never touched. Commands run with a
100-column terminal, no colour, in UTC.

How outputs are shortened, one rule for both modes, so the README equals what this
script prints: a datetime reads `YYYY-MM-DDThh:mm:ssZ` (when a store was written is not
stable); CSV (a command with `--format csv`) keeps cells of up to 58 characters (longer
ones keep 57 and `…`) and at most 6 rows, then `... (N rows)`; a JSON object line gets
the same cell rule and is wrapped at 100 columns; a drawn table with more than 16 body
lines keeps 10 and a `...` line. The bold question headings of "Bundled questions"
(`**`name`** — Title. Description.`) are rewritten from `queries/*.rq` as well.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FIXTURES = ROOT / "tests" / "readme"

WIDTH = 100          # the terminal's columns, and where JSON lines wrap
CELL = 58            # a CSV or JSON value longer than this keeps CELL - 1 characters and "…"
CSV_ROWS = 6         # CSV rows shown before "... (N rows)"
TABLE_LINES = 16     # a drawn table with more body lines than this ...
TABLE_KEEP = 10      # ... keeps this many and a "..." line
TIMEOUT = 600        # seconds for one command

EVAL_PATH = "shared/eval/"   # commands naming it need $KG_EVAL_DIR
NOT_RUN = re.compile(r"^<!-- not run: (.+) -->$")
DATETIME = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
CSV_FLAG = re.compile(r"(?:--format[= ]|-f ?)csv\b")
QUESTION_HEADING = re.compile(r"^\*\*`([a-z0-9-]+)`\*\* — ")
MAKE_VARIABLE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*[?:]?=\s*(.*)$")


@dataclass(frozen=True, slots=True)
class Command:
    """One `$ ` line of a block, and whether a blank line sets it apart from the one before."""

    text: str
    spaced: bool


@dataclass(frozen=True, slots=True)
class Block:
    """A fenced block of the README that shows commands; `start`/`end` are its fence lines."""

    start: int
    end: int
    commands: tuple[Command, ...]
    not_run: str | None = None

    @property
    def needs_eval(self) -> bool:
        return any(EVAL_PATH in c.text for c in self.commands)

    @property
    def title(self) -> str:
        return f"README.md:{self.start + 1} ($ {self.commands[0].text})"


def output_blocks(lines: list[str]) -> list[Block]:
    """Every plain fenced block that starts with a `$ ` command, with its not-run marker if any."""
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("```"):
            i += 1
            continue
        info = lines[i][3:].strip()
        end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("```")), len(lines))
        body = lines[i + 1:end]
        if info in ("", "console") and body and body[0].startswith("$ "):
            commands = tuple(Command(line[2:], k > 0 and not body[k - 1].strip())
                             for k, line in enumerate(body) if line.startswith("$ "))
            before = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
            marker = NOT_RUN.match(before)
            blocks.append(Block(i, end, commands, marker.group(1) if marker else None))
        i = end + 1
    return blocks


# -- shortening: one deterministic rule, so the README equals this script's output --

def shorten(value: str) -> str:
    """A cell or value of at most CELL characters."""
    return value if len(value) <= CELL else value[:CELL - 1].rstrip() + "…"


def abbreviate(command: str, text: str) -> list[str]:
    """The lines the README shows for a command's whole output."""
    text = DATETIME.sub("YYYY-MM-DDThh:mm:ssZ", text.replace("\r\n", "\n"))
    lines = text.rstrip("\n").split("\n") if text.strip() else []
    if CSV_FLAG.search(command):
        return _csv(lines)
    shown: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("┏"):
            end = next((j for j in range(i, len(lines)) if lines[j].startswith("└")), len(lines) - 1)
            shown += _table(lines[i:end + 1])
            i = end + 1
            continue
        shown += _json_line(lines[i])
        i += 1
    return shown


def _csv(lines: list[str]) -> list[str]:
    rows = list(csv.reader(io.StringIO("\n".join(lines) + "\n")))
    if not rows:
        return []
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows[:CSV_ROWS + 1]:
        writer.writerow([shorten(cell) for cell in row])
    shown = buffer.getvalue().rstrip("\n").split("\n")
    if len(rows) - 1 > CSV_ROWS:
        shown.append(f"... ({len(rows) - 1} rows)")
    return shown


def _json_line(line: str) -> list[str]:
    """A JSON object line as `{"key": value, ...}` wrapped at WIDTH, its long strings shortened."""
    if not line.startswith("{"):
        return [line]
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return [line]
    if not isinstance(record, dict) or not record:
        return [line]
    items = [f"{json.dumps(k, ensure_ascii=False)}: "
             f"{json.dumps(shorten(v) if isinstance(v, str) else v, ensure_ascii=False)}"
             for k, v in record.items()]
    pieces = [item + ("," if n < len(items) - 1 else "}") for n, item in enumerate(items)]
    shown, current = [], "{" + pieces[0]
    for piece in pieces[1:]:
        if len(current) + 1 + len(piece) > WIDTH:
            shown.append(current)
            current = " " + piece
        else:
            current += " " + piece
    return shown + [current]


def _table(lines: list[str]) -> list[str]:
    """A rich table: a body of more than TABLE_LINES lines keeps TABLE_KEEP and a `...` line."""
    head = next((k for k, line in enumerate(lines) if line.startswith("┡")), None)
    if head is None or len(lines) - head - 2 <= TABLE_LINES:
        return lines
    body = lines[head + 1:-1]
    cells = body[0].split("│")[1:-1]
    dots = "│" + "│".join((" ..." if n == 0 else "").ljust(len(cell)) for n, cell in enumerate(cells)) + "│"
    return lines[:head + 1] + body[:TABLE_KEEP] + [dots, lines[-1]]


# -- running the commands --

def make_recipe(target: str, makefile: Path = ROOT / "Makefile") -> list[str]:
    """The commands `make TARGET` echoes, its variables expanded (`$(BIN)/kg build ...`)."""
    variables: dict[str, str] = {}
    recipe: list[str] = []
    lines = makefile.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        if (found := MAKE_VARIABLE.match(line)) and not line.startswith("\t"):
            variables.setdefault(found.group(1), found.group(2).split("#")[0].strip())
        if line.startswith(f"{target}:"):
            recipe = [cmd.strip().lstrip("@") for cmd in takewhile(lambda x: x.startswith("\t"), lines[n + 1:])]

    def expand(text: str) -> str:
        for _ in range(10):
            text = re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), m.group(0)), text)
        return text

    if not recipe:
        raise SystemExit(f"readme_outputs: the Makefile has no recipe for {target!r}")
    return [expand(cmd) for cmd in recipe]


class Session:
    """A scratch folder laid out as a clone after `make run`, and the output of each command run there.

    Outputs are kept by command text, so a README copy with the same commands (a test's
    perturbed copy) is compared without running anything again."""

    def __init__(self, eval_dir: Path | None) -> None:
        self.eval_dir = eval_dir
        self.outputs: dict[str, list[str]] = {}
        self.work = Path(tempfile.mkdtemp(prefix="kg-readme-"))
        self.env = self._environment()
        self._prepared = False

    def __enter__(self) -> Session:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        shutil.rmtree(self.work, ignore_errors=True)

    def _environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("KG_STORE", "KG_RESOURCES", "FORCE_COLOR", "CLICOLOR_FORCE")}
        env.update(PATH=f"{self.work / 'bin'}{os.pathsep}{env.get('PATH', '')}",
                   PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p),
                   COLUMNS=str(WIDTH), LINES="50", NO_COLOR="1", TZ="UTC", PYTHONUNBUFFERED="1",
                   PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8")
        return env

    def prepare(self) -> None:
        """Lay out the folder: the bundled articles, `kg` on PATH, `make run`'s store, the fixtures."""
        if self._prepared:
            return
        self._prepared = True
        shutil.copytree(ROOT / "data" / "articles", self.work / "data" / "articles")
        for fixture in FIXTURES.iterdir():
            shutil.copy(fixture, self.work / fixture.name)
        (self.work / "bin").mkdir()
        shim = self.work / "bin" / "kg"
        shim.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m kg \"$@\"\n", encoding="utf-8")
        shim.chmod(0o755)
        if self.eval_dir is not None:
            (self.work / "shared").mkdir()
            (self.work / "shared" / "eval").symlink_to(self.eval_dir.resolve())
        recipe = make_recipe("run")
        printed = "".join(f"{cmd}\n" + self._run(re.sub(r"^\S*/(?=kg )", "", cmd)) for cmd in recipe)
        self.outputs["make run"] = abbreviate("make run", printed)
        self._break_a_store(self.work / "kg-out" / "store", self.work / "broken-store")

    @staticmethod
    def _break_a_store(store: Path, broken: Path) -> None:
        """A copy of the store with an untyped entity and an evidence node without its sentence."""
        import pyoxigraph

        shutil.copytree(store, broken)
        inner = pyoxigraph.Store(str(broken))
        inner.update("DELETE WHERE { GRAPH ?g { <https://kg.example.org/entity/group/protes> a ?type } }")
        inner.update("PREFIX kg: <https://kg.example.org/ontology#> DELETE { GRAPH ?g { ?e kg:sentence ?s } } "
                     "WHERE { GRAPH ?g { ?e <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> kg:blames ; "
                     "kg:sentence ?s } }")
        inner.flush()
        del inner

    def _run(self, command: str) -> str:
        done = subprocess.run(["bash", "-c", command], cwd=self.work, env=self.env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT)
        text = done.stdout.decode("utf-8", errors="replace")
        text = text.replace(f"{self.work}/", "").replace(str(self.work), ".")
        if self.eval_dir is not None:
            text = text.replace(f"{self.eval_dir.resolve()}/", EVAL_PATH)
        return text

    def output(self, command: str) -> list[str]:
        """What the README shows under `$ COMMAND`."""
        self.prepare()
        if command not in self.outputs:
            if re.match(r"make\b", command):
                raise SystemExit(f"readme_outputs: only `make run` can be shown with its output, not {command!r}; "
                                 "mark the block <!-- not run: REASON -->")
            self.outputs[command] = abbreviate(command, self._run(command))
        return self.outputs[command]


# -- the README as this script prints it --

@dataclass(frozen=True, slots=True)
class Rendering:
    """The README with fresh outputs, and what was left as written."""

    text: str
    skipped: tuple[Block, ...]
    excluded: tuple[Block, ...]
    problems: tuple[str, ...]


def render(text: str, session: Session) -> Rendering:
    """`text` with every runnable block's outputs and every question heading regenerated."""
    lines = text.split("\n")
    blocks = output_blocks(lines)
    skipped = tuple(b for b in blocks if b.not_run is None and b.needs_eval and session.eval_dir is None)
    excluded = tuple(b for b in blocks if b.not_run is not None)
    for block in reversed(blocks):
        if block.not_run is not None or block in skipped:
            continue
        body: list[str] = []
        for command in block.commands:
            if command.spaced:
                body.append("")
            body += [f"$ {command.text}", *session.output(command.text)]
        lines[block.start + 1:block.end] = body
    lines, problems = _question_headings(lines)
    return Rendering("\n".join(lines), skipped, excluded, problems)


def _question_headings(lines: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Each `**`name`** — ...` line as the question's title and description say, and which questions have none."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from kg.query import bundled_questions

    questions = bundled_questions()
    seen: set[str] = set()
    for n, line in enumerate(lines):
        found = QUESTION_HEADING.match(line)
        if found and found.group(1) in questions:
            question = questions[found.group(1)]
            seen.add(question.name)
            lines[n] = f"**`{question.name}`** — {question.title}. {question.description}".rstrip()
    missing = sorted(set(questions) - seen)
    return lines, tuple(f"README.md has no `**`{name}`** — ...` paragraph for the bundled question {name}"
                        for name in missing)


def diff(old: str, new: str) -> str:
    """A unified diff from the README as written to the README as the commands print it."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        "README.md", "README.md (as the commands print it)"))


def default_eval_dir() -> Path | None:
    value = os.environ.get("KG_EVAL_DIR")
    return Path(value) if value else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="print a diff and exit 1 if the README is stale (default)")
    mode.add_argument("--write", action="store_true", help="rewrite the README's outputs")
    parser.add_argument("--readme", type=Path, default=README, help="the README to check or rewrite")
    args = parser.parse_args(argv)
    old = args.readme.read_text(encoding="utf-8")
    with Session(default_eval_dir()) as session:
        rendering = render(old, session)
    for block in rendering.excluded:
        print(f"not run: {block.title}: {block.not_run}", file=sys.stderr)
    for block in rendering.skipped:
        print(f"skipped: {block.title}: KG_EVAL_DIR is not set", file=sys.stderr)
    for problem in rendering.problems:
        print(problem, file=sys.stderr)
    if args.write:
        if rendering.text != old:
            args.readme.write_text(rendering.text, encoding="utf-8")
            print(f"rewrote {args.readme}")
        return 1 if rendering.problems else 0
    changes = diff(old, rendering.text)
    if changes:
        print(changes, end="")
        print(f"{args.readme} is stale: run python tools/readme_outputs.py --write", file=sys.stderr)
    return 1 if changes or rendering.problems else 0


if __name__ == "__main__":
    sys.exit(main())
