"""Graph analytics on the bundled sample, and clear answers to questions it cannot answer."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.analyze import (AnalysisError, communities, ego_network, find_node, shortest_path, store_ego_network,
                        store_shortest_path, to_networkx, top_actors)
from kg.rdf.store import open_store


@pytest.fixture(scope="module")
def graph(seed_store: Path) -> nx.MultiDiGraph:
    with open_store(seed_store, read_only=True) as store:
        return to_networkx(store)


def test_the_projection_keeps_types_labels_predicates_and_evidence(graph: nx.MultiDiGraph) -> None:
    putin = find_node(graph, "Vladimir Putin")
    assert graph.nodes[putin]["type"] == "Person" and graph.nodes[putin]["wikidata"] == "Q7747"
    [(target, key, data)] = [(v, k, d) for _, v, k, d in graph.out_edges(putin, keys=True, data=True)
                             if k == "blames"]
    assert graph.nodes[target]["label"] == "kekuatan internal dan eksternal"
    assert data["evidence_count"] == 1 and "menyalahkan" in data["evidence"][0]


def test_top_actors_rank_by_pagerank_with_degree_and_betweenness(graph: nx.MultiDiGraph) -> None:
    rows = top_actors(graph, 5)
    assert len(rows) == 5 and {"actor", "type", "degree", "pagerank", "betweenness"} <= rows[0].keys()
    assert [r["pagerank"] for r in rows] == sorted((r["pagerank"] for r in rows), reverse=True)


def test_top_actors_betweenness_is_that_of_the_undirected_links(graph: nx.MultiDiGraph) -> None:
    expected = nx.betweenness_centrality(nx.Graph(graph.to_undirected()))
    labels = [graph.nodes[v]["label"] for v in graph]
    unique = {graph.nodes[v]["label"]: round(expected[v], 4) for v in graph if labels.count(graph.nodes[v]["label"]) == 1}
    rows = top_actors(graph, len(graph))
    assert len(rows) == len(graph) and any(r["betweenness"] > 0 for r in rows)
    assert {r["actor"]: r["betweenness"] for r in rows if r["actor"] in unique} == unique


def test_communities_partition_the_linked_actors(graph: nx.MultiDiGraph) -> None:
    found = communities(graph)
    members = [m for c in found for m in c["members"].split(", ")]
    assert len(members) == len(set(members)) and "Vladimir Putin" in members


def test_the_shortest_path_reads_as_relations_with_evidence(graph: nx.MultiDiGraph) -> None:
    hops = shortest_path(graph, "Putin", "Nazarbayev")
    assert [(h["subject"], h["predicate"], h["object"]) for h in hops] == [
        ("Vladimir Putin", "praises", "Kassym-Jomart Tokayev"),
        ("Kassym-Jomart Tokayev", "succeeded", "Nursultan Nazarbayev")]
    assert all(h["evidence"] and h["articles"] for h in hops)


def test_an_ego_network_lists_the_relations_around_an_actor(graph: nx.MultiDiGraph) -> None:
    rows = ego_network(graph, "Tokayev", depth=1)
    assert ("Kassym-Jomart Tokayev", "succeeded", "Nursultan Nazarbayev") in \
        {(r["subject"], r["predicate"], r["object"]) for r in rows}
    assert len(ego_network(graph, "Tokayev", depth=2)) > len(rows)


@pytest.mark.parametrize(("ask", "message"), [
    (lambda g: find_node(g, "Obama"), "no entity named 'Obama'"),
    (lambda g: find_node(g, "Tokayv"), "did you mean 'Kassym-Jomart Tokayev'"),
    (lambda g: shortest_path(g, "Putin", "Anwar Ibrahim"), "no chain of relations links"),
    (lambda g: ego_network(g, "Putin", 0), "depth must be between 1 and 10, got 0"),
    (lambda g: ego_network(g, "Putin", 100), "depth must be between 1 and 10, got 100"),
    (lambda g: find_node(nx.MultiDiGraph(), "Putin"), "the graph is empty"),
])
def test_questions_the_graph_cannot_answer_say_why(graph: nx.MultiDiGraph, ask, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AnalysisError, match=message):
        ask(graph)


def test_an_empty_graph_has_no_top_actors_or_communities() -> None:
    assert top_actors(nx.MultiDiGraph()) == [] and communities(nx.MultiDiGraph()) == []


def test_kg_analyze_prints_tables_and_one_line_errors(seed_store: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    path = runner.invoke(app, ["analyze", "path", "Putin", "Nazarbayev", "--store", str(seed_store)])
    assert path.exit_code == 0 and "succeeded" in path.stdout and "praises" in path.stdout
    top = runner.invoke(app, ["analyze", "top", "--top", "3", "--store", str(seed_store)])
    assert top.exit_code == 0 and "pagerank" in top.stdout
    for args, message in ((["ego", "Obama"], "no entity named 'Obama'"),
                          (["ego", "Putin", "--depth", "100"], "depth must be between 1 and 10"),
                          (["path", "Putin"], "path takes 2 entity name(s)")):
        failed = runner.invoke(app, ["analyze", *args, "--store", str(seed_store)])
        assert failed.exit_code == 1 and message in failed.output and "Traceback" not in failed.output


def test_the_shape_alone_is_the_same_graph_without_sentences(graph: nx.MultiDiGraph, seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        shape = to_networkx(store, evidence=False)
    assert dict(shape.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(shape.edges(keys=True)) == sorted(graph.edges(keys=True))
    assert all(set(data) == {"predicate", "evidence_count"} for *_, data in shape.edges(keys=True, data=True))
    assert {(u, v, k, d["evidence_count"]) for u, v, k, d in shape.edges(keys=True, data=True)} == \
        {(u, v, k, d["evidence_count"]) for u, v, k, d in graph.edges(keys=True, data=True)}
    assert top_actors(shape) == top_actors(graph) and communities(shape) == communities(graph)


def test_path_and_ego_on_a_store_read_sentences_only_for_what_they_show(
        graph: nx.MultiDiGraph, seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 10,000 articles an actor's neighbourhood held 36,000 sentences that ego never shows."""
    import kg.analyze

    asked: list[object] = []
    real = kg.analyze.page_data

    def spy(store: object, ids: object = None, **options: object) -> object:
        asked.append(set(ids) if ids is not None else None)  # type: ignore[call-overload]
        return real(store, ids, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.analyze, "page_data", spy)
    with open_store(seed_store, read_only=True) as store:
        assert store_shortest_path(store, "Putin", "Nazarbayev") == shortest_path(graph, "Putin", "Nazarbayev")
        hops = {find_node(graph, name) for name in ("Putin", "Tokayev", "Nazarbayev")}
        assert asked == [hops]
        for depth in (1, 2):
            assert store_ego_network(store, "Tokayev", depth) == ego_network(graph, "Tokayev", depth)
    assert asked == [hops]
