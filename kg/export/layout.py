"""Node positions for big graph pages, computed in Python so the browser only draws.

vis-network's own physics needs a minute for 1,000 nodes and does not settle for
5,000 in headless Chromium, and networkx's spring_layout (O(n²) per iteration)
needs 50 s for 5,000 nodes. This is Fruchterman-Reingold with the grid variant of
the original paper: repulsion only between nodes closer than two ideal edge
lengths (found with a k-d tree), so an iteration is O(n log n) and 5,000 nodes
take about a second. Each connected component is laid out on its own and the
components are then packed in rows, biggest first, so islands neither overlap
the main cluster nor drift off to the edge of the canvas.

Same nodes and edges, same seed: same positions, to the last digit written.
"""

from __future__ import annotations

import math
from functools import lru_cache
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_array
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

__all__ = ["EDGE_LENGTH", "layout"]

EDGE_LENGTH = 100.0  # pixels between two linked nodes at zoom 1
_REPULSION_RADIUS = 2.0  # in edge lengths: farther nodes do not push each other (FR's grid variant)
_NEIGHBOURS = 12  # nearest nodes that push each node away
_GRID = 48  # cells a side for the far-field repulsion
_GAP = 1.0  # in edge lengths, between packed components

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def layout(node_ids: Sequence[str], links: Iterable[tuple[str, str]], *,
           seed: int = 7) -> dict[str, tuple[float, float]]:
    """x, y in pixels for every node, rounded to 0.1 px so the page's bytes are stable."""
    if not node_ids:
        return {}
    index = {node: i for i, node in enumerate(node_ids)}
    edges = _edge_array(((index[s], index[t]) for s, t in links if s in index and t in index), len(node_ids))
    rng = np.random.default_rng(seed)
    pieces = [(members, _component_layout(members, edges, len(node_ids), rng))
              for members in _components(edges, len(node_ids))]
    pos = _pack(pieces, len(node_ids)) * EDGE_LENGTH
    return {node: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for node, i in index.items()}


def _edge_array(pairs: Iterable[tuple[int, int]], n: int) -> Ints:
    """Each undirected link once, without self-loops: direction and parallel edges do not move nodes."""
    unique = {(min(a, b), max(a, b)) for a, b in pairs if a != b}
    return np.array(sorted(unique), dtype=np.int64).reshape(-1, 2)


def _components(edges: Ints, n: int) -> list[Ints]:
    """Node indices of each connected component, biggest first (ties by lowest index)."""
    matrix = coo_array((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    count, labels = connected_components(matrix, directed=False)
    members = [np.flatnonzero(labels == c) for c in range(count)]
    return sorted(members, key=lambda m: (-len(m), int(m[0])))


def _component_layout(members: Ints, edges: Ints, n: int, rng: np.random.Generator) -> Floats:
    """Positions of one component in edge lengths, its corner at (0, 0)."""
    if len(members) == 1:
        return np.zeros((1, 2))
    local = np.full(n, -1, dtype=np.int64)
    local[members] = np.arange(len(members))
    inside = edges[local[edges[:, 0]] >= 0]
    pos = _fruchterman_reingold(len(members), local[inside], rng)
    return pos - pos.min(axis=0)


def _fruchterman_reingold(n: int, edges: Ints, rng: np.random.Generator) -> Floats:
    """Spring embedding with ideal edge length 1: linked nodes attract (d²), near ones repel (1/d)."""
    side = math.sqrt(n)
    pos = rng.random((n, 2)) * side
    iterations = 50 + min(n, 150) // 2
    temperature = side / 8
    for step in range(iterations):
        disp = _repulsion(pos) + _far_repulsion(pos) + _attraction(pos, edges)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        cap = temperature * (1 - step / iterations) + 0.01
        pos += disp * (np.minimum(length, cap) / length)[:, None]
    return pos


def _repulsion(pos: Floats) -> Floats:
    """1/d push from each node's nearest neighbours within the repulsion radius.

    Bounding the neighbours keeps an iteration O(n log n) even where a hub's hundreds
    of neighbours crowd together, which is exactly where the push is needed."""
    k = min(_NEIGHBOURS + 1, len(pos))
    dist, near = cKDTree(pos).query(pos, k=k, distance_upper_bound=_REPULSION_RADIUS)
    found = np.isfinite(dist[:, 1:])
    rows = np.repeat(np.arange(len(pos)), k - 1).reshape(-1, k - 1)[found]
    delta = pos[rows] - pos[near[:, 1:][found]]
    force = delta / np.maximum((delta**2).sum(axis=1), 1e-6)[:, None]
    out = np.zeros_like(pos)
    for axis in (0, 1):
        out[:, axis] = np.bincount(rows, force[:, axis], minlength=len(pos))
    return out


def _far_repulsion(pos: Floats) -> Floats:
    """1/d push from every other node, approximated on a grid (particle-mesh): nodes are
    counted per cell and the counts convolved (FFT) with the 1/d force, so the cost is
    O(n + cells log cells) instead of O(n²). Without it nothing keeps a big component
    from collapsing into a dense disc under the springs."""
    from scipy.fft import irfftn, rfftn

    low = pos.min(axis=0)
    cell = max(float((pos.max(axis=0) - low).max()) / _GRID, 1e-6)
    index = np.minimum(((pos - low) / cell).astype(np.int64), _GRID - 1)
    flat = index[:, 0] * _GRID + index[:, 1]
    counts = np.bincount(flat, minlength=_GRID * _GRID).reshape(_GRID, _GRID).astype(np.float64)
    shape, spectra = _kernel_spectra()
    spectrum = rfftn(counts, shape, axes=(0, 1))
    field_x, field_y = (_valid(irfftn(kernel * spectrum, shape, axes=(0, 1))) / cell for kernel in spectra)
    return np.column_stack((field_x.ravel()[flat], field_y.ravel()[flat]))


@lru_cache(maxsize=1)
def _kernel_spectra() -> tuple[tuple[int, int], tuple[npt.NDArray[np.complex128], npt.NDArray[np.complex128]]]:
    """The FFT size and the kernels' spectra, computed once: the convolution scipy.signal's
    fftconvolve(kernel, counts, mode="valid") does, step for step (the same numbers to the
    last bit), without importing scipy.signal, which took longer than a whole layout."""
    from scipy.fft import next_fast_len, rfftn

    size = next_fast_len(2 * _GRID - 1 + _GRID - 1, True)
    shape = (size, size)
    kernel_x, kernel_y = _grid_kernels()
    return shape, (rfftn(kernel_x, shape, axes=(0, 1)), rfftn(kernel_y, shape, axes=(0, 1)))


def _valid(full: Floats) -> Floats:
    """The part of a full convolution (padded to the FFT size) where the grid lies wholly
    inside the kernel: fftconvolve's mode="valid"."""
    start = (2 * _GRID - 1 + _GRID - 1 - _GRID) // 2
    return full[start:start + _GRID, start:start + _GRID]


@lru_cache(maxsize=1)
def _grid_kernels() -> tuple[Floats, Floats]:
    """The 1/d force from a cell at each offset, in cell units; nothing from a node's own cell,
    whose neighbours `_repulsion` handles exactly."""
    offsets = np.arange(-_GRID + 1, _GRID, dtype=np.float64)
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    square = dx**2 + dy**2
    square[_GRID - 1, _GRID - 1] = np.inf
    return dx / square, dy / square


def _attraction(pos: Floats, edges: Ints) -> Floats:
    """d² pull along every link."""
    delta = pos[edges[:, 0]] - pos[edges[:, 1]]
    force = -delta * np.hypot(delta[:, 0], delta[:, 1])[:, None]
    return _scatter(edges, force, len(pos))


def _scatter(pairs: Ints, force: Floats, n: int) -> Floats:
    """Add `force` to the first node of each pair and subtract it from the second."""
    out = np.zeros((n, 2))
    for axis in (0, 1):
        out[:, axis] = (np.bincount(pairs[:, 0], force[:, axis], minlength=n)
                        - np.bincount(pairs[:, 1], force[:, axis], minlength=n))
    return out


def _pack(pieces: list[tuple[Ints, Floats]], n: int) -> Floats:
    """Shelf packing: components left to right in rows as wide as the biggest one (or the
    square root of the total area, if wider), each row below the last; centred on (0, 0)."""
    sizes = [piece.max(axis=0) + _GAP for _, piece in pieces]
    width = max(max(s[0] for s in sizes), math.sqrt(sum(float(s[0] * s[1]) for s in sizes)))
    pos = np.zeros((n, 2))
    x = y = row_height = 0.0
    for (members, piece), size in zip(pieces, sizes):
        if x > 0 and x + size[0] > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        pos[members] = piece + (x, y)
        x += float(size[0])
        row_height = max(row_height, float(size[1]))
    return pos - (pos.min(axis=0) + pos.max(axis=0)) / 2
