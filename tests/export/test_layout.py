"""Positions for big pages: every node placed, stable, spread out, components apart."""

from __future__ import annotations

import math

from kg.export.layout import EDGE_LENGTH, layout

from .browser import synthetic_graph


def _ids_and_links(n_nodes: int, n_edges: int) -> tuple[list[str], list[tuple[str, str]]]:
    nodes, edges = synthetic_graph(n_nodes, n_edges)
    return [n.id for n in nodes], [(e.source, e.target) for e in edges]


def test_every_node_gets_a_distinct_position_and_the_same_one_each_time() -> None:
    ids, links = _ids_and_links(600, 1200)
    first = layout(ids, links)
    assert set(first) == set(ids)
    assert len(set(first.values())) == len(ids)
    assert layout(ids, links) == first
    assert all(x == round(x, 1) and y == round(y, 1) for x, y in first.values())


def test_linked_nodes_sit_closer_than_nodes_at_random() -> None:
    ids, links = _ids_and_links(600, 1200)
    pos = layout(ids, links)

    def mean_distance(pairs: list[tuple[str, str]]) -> float:
        return sum(math.dist(pos[a], pos[b]) for a, b in pairs) / len(pairs)

    strangers = [(ids[i], ids[(i * 37 + 11) % len(ids)]) for i in range(len(ids))]
    assert mean_distance(links) < 0.5 * mean_distance(strangers)


def test_the_graph_is_spread_out_not_collapsed_into_a_dot() -> None:
    ids, links = _ids_and_links(1000, 2000)
    pos = layout(ids, links)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    area = (max(xs) - min(xs)) * (max(ys) - min(ys))
    assert area > 0.5 * len(ids) * EDGE_LENGTH**2


def test_components_do_not_overlap() -> None:
    # two triangles and an isolated node
    ids = ["a1", "a2", "a3", "b1", "b2", "b3", "c"]
    links = [("a1", "a2"), ("a2", "a3"), ("a3", "a1"), ("b1", "b2"), ("b2", "b3"), ("b3", "b1")]
    pos = layout(ids, links)

    def box(names: list[str]) -> tuple[float, float, float, float]:
        xs, ys = [pos[n][0] for n in names], [pos[n][1] for n in names]
        return min(xs), min(ys), max(xs), max(ys)

    a, b = box(["a1", "a2", "a3"]), box(["b1", "b2", "b3"])
    assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
    assert pos["c"] not in {pos[n] for n in ids if n != "c"}


def test_small_and_degenerate_inputs() -> None:
    assert layout([], []) == {}
    assert layout(["only"], []) == {"only": (0.0, 0.0)}
    pos = layout(["a", "b"], [("a", "b"), ("a", "b"), ("b", "a"), ("a", "a"), ("a", "ghost")])
    assert set(pos) == {"a", "b"} and pos["a"] != pos["b"]


def test_the_far_field_is_scipy_signals_convolution_to_the_last_bit() -> None:
    """The grid's 1/d field is fftconvolve(kernel, counts, "valid") done step for step without
    importing scipy.signal (longer to import than a layout takes), so positions did not move."""
    import numpy as np
    from scipy.signal import fftconvolve

    from kg.export import layout as positions

    rng = np.random.default_rng(3)
    pos = rng.random((500, 2)) * 40
    low = pos.min(axis=0)
    cell = float((pos.max(axis=0) - low).max()) / positions._GRID
    index = np.minimum(((pos - low) / cell).astype(np.int64), positions._GRID - 1)
    flat = index[:, 0] * positions._GRID + index[:, 1]
    counts = np.bincount(flat, minlength=positions._GRID ** 2).reshape(positions._GRID, -1).astype(np.float64)
    field_x, field_y = (fftconvolve(kernel, counts, mode="valid") / cell for kernel in positions._grid_kernels())
    expected = np.column_stack((field_x.ravel()[flat], field_y.ravel()[flat]))
    assert np.array_equal(positions._far_repulsion(pos), expected)
