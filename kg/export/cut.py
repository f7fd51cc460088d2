"""Cutting a big graph down for the page: an actor's neighbourhood, or the busiest actors.

A page of 5,000 entities draws quickly, but an analyst reads a few dozen. These work
on the page's own node and edge lists, so what is cut is exactly what is drawn, and
they name entities the way `kg analyze` does (label, alias or Wikidata id, with the
same one-line errors).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from kg.analyze import MAX_DEPTH, AnalysisError, find_node
from kg.export.html import PageEdge, PageNode

__all__ = ["Cut", "cut_graph", "ego_cut", "top_cut"]


@dataclass(frozen=True, slots=True)
class Cut:
    """What is left to draw, and the node the page should open on (the ego's centre)."""

    nodes: list[PageNode]
    edges: list[PageEdge]
    centre: PageNode | None = None
    depth: int | None = None


def cut_graph(nodes: Sequence[PageNode], edges: Sequence[PageEdge], *, focus: str | None = None,
              depth: int | None = None, top: int | None = None) -> Cut:
    """The neighbourhood of `focus` (`depth` relations, default 1) first, then its `top` actors;
    neither: everything. The centre stays the page's focus only if it survives the top cut."""
    if depth is not None and focus is None:
        raise AnalysisError("--depth needs --focus ENTITY: it counts relations away from that entity")
    cut = Cut(list(nodes), list(edges))
    if focus is not None:
        cut = ego_cut(cut.nodes, cut.edges, focus, 1 if depth is None else depth)
    if top is not None:
        kept = top_cut(cut.nodes, cut.edges, top)
        cut = Cut(kept.nodes, kept.edges, cut.centre if cut.centre in kept.nodes else None, cut.depth)
    return cut


def ego_cut(nodes: Sequence[PageNode], edges: Sequence[PageEdge], name: str, depth: int = 1) -> Cut:
    """Everything within `depth` relations of the entity called `name`, in either direction."""
    if not 1 <= depth <= MAX_DEPTH:
        raise AnalysisError(f"depth must be between 1 and {MAX_DEPTH}, got {depth}")
    graph = _graph(nodes, edges)
    centre = find_node(graph, name)
    near = set(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth))
    kept_nodes, kept_edges = _keep(nodes, edges, near)
    return Cut(kept_nodes, kept_edges, centre=graph.nodes[centre]["node"], depth=depth)


def top_cut(nodes: Sequence[PageNode], edges: Sequence[PageEdge], n: int) -> Cut:
    """The `n` actors with the most relations (ties by label), and the relations among them."""
    if n < 1:
        raise AnalysisError(f"top must be at least 1, got {n}")
    degree = Counter([e.source for e in edges] + [e.target for e in edges])
    ranked = sorted(nodes, key=lambda node: (-degree[node.id], node.label.casefold(), node.id))
    kept_nodes, kept_edges = _keep(nodes, edges, {node.id for node in ranked[:n]})
    return Cut(kept_nodes, kept_edges)


def _graph(nodes: Sequence[PageNode], edges: Sequence[PageEdge]) -> nx.MultiDiGraph:
    """The attributes kg.analyze.find_node reads (label, wikidata, aliases), plus the node itself."""
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, label=node.label, wikidata=node.wikidata or "", aliases=list(node.aliases),
                       node=node)
    graph.add_edges_from((e.source, e.target) for e in edges if e.source in graph and e.target in graph)
    return graph


def _keep(nodes: Sequence[PageNode], edges: Sequence[PageEdge],
          ids: set[str]) -> tuple[list[PageNode], list[PageEdge]]:
    return ([node for node in nodes if node.id in ids],
            [edge for edge in edges if edge.source in ids and edge.target in ids])
