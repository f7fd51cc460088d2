"""Where kg's data files live: `data/`, `ontology/` and `queries/` beside the package.

kg is installed editable from its checkout (the Makefile does this), so the files a
linguist or analyst edits are the ones kg reads; `KG_RESOURCES` points elsewhere for
a copy kept outside the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["resource_root", "data_dir", "ontology_dir", "queries_dir"]


def resource_root() -> Path:
    """The folder holding data/, ontology/ and queries/."""
    override = os.environ.get("KG_RESOURCES")
    return Path(override) if override else Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return resource_root() / "data"


def ontology_dir() -> Path:
    return resource_root() / "ontology"


def queries_dir() -> Path:
    return resource_root() / "queries"
