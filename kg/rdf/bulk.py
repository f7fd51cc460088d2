"""Loading a dump (N-Quads or TriG, as `kg export` writes) fast, for restoring or moving a store.

pyoxigraph's bulk loader writes index files directly instead of going through
transactions, but one call works through a million quads on one core. N-Quads is
one quad per line, so the file is cut into line-aligned slices and each slice
goes to its own bulk loader in a thread (pyoxigraph releases the GIL while it
loads); on two cores this doubles the rate. TriG cannot be cut like that and is
loaded by one loader.
"""

from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

__all__ = ["DUMP_FORMATS", "dump_format", "bulk_load", "graph_names_in", "line_slices"]

DUMP_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
_READ_BUFFER = 1 << 20


def dump_format(path: Path) -> ox.RdfFormat | None:
    """The dump's format from its extension, or None when kg cannot load it with its graphs."""
    return DUMP_FORMATS.get(path.suffix.lower())


def bulk_load(store: ox.Store, path: Path, fmt: ox.RdfFormat, *, workers: int | None = None) -> None:
    """Add every quad of `path` to `store`; raises SyntaxError or OSError as pyoxigraph does."""
    workers = workers or os.cpu_count() or 1
    if fmt != ox.RdfFormat.N_QUADS or workers == 1:
        store.bulk_load(path=str(path), format=fmt)
        return

    def load(piece: tuple[int, int]) -> None:
        with io.BufferedReader(_Slice(path, *piece), _READ_BUFFER) as source:
            store.bulk_load(source, format=fmt)

    with ThreadPoolExecutor(workers) as pool:
        for _ in pool.map(load, line_slices(path, workers)):
            pass  # re-raises the first error


def graph_names_in(path: Path, fmt: ox.RdfFormat) -> set[str]:
    """The named graphs a dump writes to, so that loading it can replace them first."""
    return {quad.graph_name.value for quad in ox.parse(path=str(path), format=fmt, lenient=True)
            if isinstance(quad.graph_name, ox.NamedNode)}


def line_slices(path: Path, parts: int) -> list[tuple[int, int]]:
    """Byte ranges that cover the file in about `parts` equal pieces, each ending at a line end."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as f:
        for part in range(1, parts):
            f.seek(max(cuts[-1], size * part // parts))
            f.readline()
            if f.tell() >= size:
                break
            if f.tell() > cuts[-1]:
                cuts.append(f.tell())
    cuts.append(size)
    return [(start, end) for start, end in zip(cuts, cuts[1:]) if end > start]


class _Slice(io.RawIOBase):
    """Bytes `start` to `end` of a file, as a file of their own."""

    def __init__(self, path: Path, start: int, end: int):
        super().__init__()
        self._file = path.open("rb")
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        wanted = min(len(buffer), self._left)
        if wanted <= 0:
            return 0
        got = self._file.readinto(memoryview(buffer)[:wanted]) or 0
        self._left -= got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()

