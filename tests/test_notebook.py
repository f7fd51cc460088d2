"""The exploration notebook runs top to bottom in a real kernel, as a user would run it,
with nothing but kg and its `notebook` extra (a venv `make test` builds for it), and its
graph page draws inside the page Jupyter serves over http."""

from __future__ import annotations

import ast
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

import nbformat
import pytest

from tests.conftest import ROOT
from tests.export.browser import chromium, missing_browser

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


# nbclient in the notebook's own venv: the kernel is that venv's Python, with only kg and the notebook extra
_EXECUTE = ("import sys, nbformat; from nbclient import NotebookClient; "
            "notebook = nbformat.read(sys.argv[1], as_version=4); "
            "NotebookClient(notebook, timeout=120, kernel_name='python3', "
            "resources={'metadata': {'path': sys.argv[2]}}).execute(); nbformat.write(notebook, sys.argv[3])")


def notebook_python() -> Path:
    """The Python of the venv `make test` builds with kg and exactly its `notebook` extra."""
    return Path(os.environ.get("KG_NOTEBOOK_PYTHON") or ROOT / ".venv-notebook" / "bin" / "python")


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    python = notebook_python()
    if not python.exists():
        pytest.fail(f"no notebook venv at {python}: `make test` builds it (kg and its notebook extra only)")
    out = tmp_path_factory.mktemp("notebook") / "explore.ipynb"
    subprocess.run([str(python), "-c", _EXECUTE, str(NOTEBOOK), str(ROOT / "notebooks"), str(out)],
                   check=True, timeout=600)
    return nbformat.read(out, as_version=4)


def test_the_notebook_venv_holds_kg_and_the_notebook_extra_only() -> None:
    """Nothing of the test extra is in the venv the notebook runs in, so a missing dependency shows."""
    python = notebook_python()
    if not python.exists():
        pytest.fail(f"no notebook venv at {python}: `make test` builds it")
    found = subprocess.run([str(python), "-c", "import importlib.util as u; "
                            "print([m for m in ('kg', 'pandas', 'ipykernel', 'pytest', 'playwright', 'dask') "
                            "if u.find_spec(m)])"], check=True, capture_output=True, text=True).stdout
    assert found.strip() == "['kg', 'pandas', 'ipykernel']"


def _outputs(notebook: nbformat.NotebookNode) -> Iterator[dict]:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def test_the_notebook_runs_and_shows_the_graph(executed: nbformat.NotebookNode) -> None:
    printed = "".join(out.get("text", "") for out in _outputs(executed))
    assert "Vladimir Putin -praises-> Kassym-Jomart Tokayev" in printed
    assert "Kassym-Jomart Tokayev -succeeded-> Nursultan Nazarbayev" in printed
    shown = "".join(str(out.get("data", {}).get("text/html", "")) for out in _outputs(executed))
    assert "<iframe srcdoc=" in shown and "file://" not in shown  # the page itself, inline
    assert "Demonstrasi dimulai" in shown and "verb-clitic-agent" in shown  # the evidence, in a DataFrame


def test_the_inline_page_draws_when_jupyter_serves_over_http(executed: nbformat.NotebookNode,
                                                              tmp_path: Path) -> None:
    missing = missing_browser()
    if missing:
        pytest.fail(missing)
    frame_html = next(str(out["data"]["text/html"]) for out in _outputs(executed)
                      if "<iframe" in str(out.get("data", {}).get("text/html", "")))
    (tmp_path / "lab.html").write_text(f"<!doctype html><html><body>{frame_html}</body></html>", encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with chromium() as browser:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/lab.html")
            frame = page.frames[1]
            frame.wait_for_function("window.kg && window.kg.ready", timeout=60_000)
            drawn = frame.evaluate("kg.network.body.nodeIndices.length")
    finally:
        server.shutdown()
        server.server_close()
    assert drawn > 0


def test_the_notebook_imports_only_kg_and_its_notebook_extra() -> None:
    """Whatever a cell imports is installed by kg or named in the `notebook` extra, so
    `make notebook` (which installs just that) is enough to run it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["notebook"]}
    providers = packages_distributions()
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            for module in (n.split(".")[0] for n in names):
                if module == "kg" or module in sys.stdlib_module_names:
                    continue
                assert {_name(d) for d in providers.get(module, [])} & declared, \
                    f"the notebook imports {module}, which neither kg nor its notebook extra installs"


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!\[;~]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_committed_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
