"""Where kg's data files live: `data/`, `ontology/` and `queries/`.

They have one home, the top of the repository, where a linguist or analyst edits
them. An editable install (the Makefile's) reads them there, beside the package; a
wheel carries a copy that setup.py's build step puts in `kg/_resources/`.
`KG_RESOURCES` points elsewhere, e.g. at a copy kept outside the checkout.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import metadata
from pathlib import Path

from kg.errors import DataFileError

__all__ = ["resource_root", "data_dir", "ontology_dir", "queries_dir", "extractor_fingerprint"]

_PACKAGE = Path(__file__).resolve().parent


def resource_root() -> Path:
    """The folder holding data/, ontology/ and queries/: $KG_RESOURCES, the wheel's copy, or the checkout."""
    override = os.environ.get("KG_RESOURCES")
    if override:
        return Path(override)
    installed = _PACKAGE / "_resources"
    return installed if installed.is_dir() else _PACKAGE.parent


def data_dir() -> Path:
    return _folder("data")


def ontology_dir() -> Path:
    return _folder("ontology")


def queries_dir() -> Path:
    return _folder("queries")


def _folder(name: str) -> Path:
    """One of the three folders; an error, not an empty answer, when it is missing.

    An install without its data would otherwise list no questions and find no names.
    """
    path = resource_root() / name
    if not path.is_dir():
        where = "$KG_RESOURCES" if os.environ.get("KG_RESOURCES") else "this install of kg"
        raise DataFileError(f"kg's {name}/ folder is missing from {where}; point KG_RESOURCES at a folder "
                            "holding data/, ontology/ and queries/, or reinstall kg", path=path)
    return path


# The modules whose code decides what an article's graph holds (kg/ingest.py's cleaning
# is not among them: the content hash covers the cleaned text itself).
_EXTRACTOR_CODE = ("nlp/*.py", "extraction.py", "resolve.py", "gazetteer.py", "lexicon.py", "model.py",
                   "rdf/model.py", "rdf/namespace.py", "__init__.py")


@cache
def extractor_fingerprint() -> str:
    """A digest of what extraction depends on: kg's extraction code, its lexicons and gazetteer, and spaCy.

    Part of each article's content hash, so that `kg build` can skip an unchanged
    article before extracting it and still re-extract everything after a new rule
    (a change to the CLI or the read paths re-extracts nothing).
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    files = [(package, path) for pattern in _EXTRACTOR_CODE for path in sorted(package.glob(pattern))]
    for root in (data_dir() / "lexicon", data_dir() / "gazetteer"):
        files += [(root, path) for path in sorted(root.rglob("*")) if path.is_file()]
    for root, path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for name in ("spacy", "gender-guesser"):  # given names come from gender-guesser's data
        try:
            digest.update(f"{name} {metadata.version(name)}".encode("utf-8"))
        except metadata.PackageNotFoundError:
            digest.update(name.encode("utf-8"))
    return digest.hexdigest()
