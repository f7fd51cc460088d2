"""The exploration notebook runs top to bottom in a real kernel, as a user would run it."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_the_notebook_runs_and_shows_the_graph() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    printed = "".join(out.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                      for out in cell.get("outputs", []))
    assert "Vladimir Putin -praises-> Kassym-Jomart Tokayev" in printed
    assert "Kassym-Jomart Tokayev -succeeded-> Nursultan Nazarbayev" in printed
    shown = "".join(str(out.get("data", {}).get("text/html", "")) for cell in notebook.cells
                    if cell.cell_type == "code" for out in cell.get("outputs", []))
    assert "<iframe" in shown and "graph.html" in shown  # the page, inline
    assert "Demonstrasi dimulai" in shown and "verb-clitic-agent" in shown  # the evidence, in a DataFrame


def test_the_committed_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
