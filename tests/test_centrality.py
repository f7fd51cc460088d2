"""kg's betweenness (sparse matrix products) gives networkx's numbers, exact and sampled, in its units."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.centrality import betweenness


def graphs() -> list[nx.Graph]:
    found = [nx.karate_club_graph(), nx.gnm_random_graph(300, 900, seed=1), nx.barabasi_albert_graph(400, 3, seed=2),
             nx.path_graph(5), nx.star_graph(6), nx.Graph([(1, 2), (3, 4)])]
    disconnected = nx.disjoint_union(nx.cycle_graph(7), nx.complete_graph(5))
    disconnected.add_node("alone")
    return [*found, disconnected]


@pytest.mark.parametrize("graph", graphs(), ids=lambda g: f"{len(g)}-nodes")
def test_exact_betweenness_is_networkx_s(graph: nx.Graph) -> None:
    expected = nx.betweenness_centrality(graph)
    found = betweenness(list(graph), graph.edges())
    assert found.keys() == expected.keys()
    assert all(found[v] == pytest.approx(expected[v], abs=1e-12) for v in graph)


@pytest.mark.parametrize("graph", graphs()[:3], ids=lambda g: f"{len(g)}-nodes")
def test_sampled_betweenness_is_networkx_s_with_the_same_seed(graph: nx.Graph) -> None:
    expected = nx.betweenness_centrality(graph, k=20, seed=7)
    found = betweenness(list(graph), graph.edges(), k=20, seed=7)
    assert all(found[v] == pytest.approx(expected[v], abs=1e-12) for v in graph)


def test_direction_repeats_and_self_loops_do_not_count() -> None:
    plain = betweenness(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "d")])
    assert betweenness(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("c", "b"), ("c", "d"), ("c", "c"),
                                               ("a", "b")]) == plain
    assert plain == pytest.approx({"a": 0.0, "b": 2 / 3, "c": 2 / 3, "d": 0.0})


def test_fewer_than_three_nodes_have_none() -> None:
    assert betweenness(["a", "b"], [("a", "b")]) == {"a": 0.0, "b": 0.0}
    assert betweenness([], []) == {}
