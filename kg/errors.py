"""The one exception family of kg.

    KGError                    every error kg raises on purpose
     ├── InputError            an article file or line cannot be read
     ├── DataFileError         a lexicon, gazetteer, ontology or query file is malformed
     ├── StoreError            the RDF store cannot be opened, read or written
     ├── QueryError            a SPARQL question is malformed or unknown
     └── ExportError           an export format or target is not usable

Every message says what went wrong *and* what to do about it, because the CLI
prints it as is, on one line, to somebody who cannot read the traceback.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "KGError",
    "InputError",
    "DataFileError",
    "StoreError",
    "QueryError",
    "ExportError",
]


class KGError(Exception):
    """Base of every error kg raises on purpose; the message is meant for the user."""


class InputError(KGError):
    """An article source cannot be read; carries the file and, for JSONL, the line."""

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        self.path = Path(path) if path is not None else None
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(where + message)


class DataFileError(KGError):
    """A data file shipped with kg (or edited by a user) has a bad record."""

    def __init__(self, message: str, *, path: Path | str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(where + message)


class StoreError(KGError):
    """The store cannot be opened or used."""


class QueryError(KGError):
    """A SPARQL question cannot be found, parsed or run."""


class ExportError(KGError):
    """An export cannot be written."""
