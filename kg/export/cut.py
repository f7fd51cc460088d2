"""Cutting a big graph down for the page: an actor's neighbourhood, or the busiest actors.

A page of 5,000 entities draws quickly, but an analyst reads a few dozen. `store_cut`
finds what a page keeps by asking the store (each hop of a neighbourhood, and each
entity's number of relations, are queries that read no sentence and return one row per
entity), so only the kept part is then read whole (kg.export.page.page_data). The
other functions cut the page's own node and edge lists, by the same rules. All name
entities the way `kg analyze` does (label, alias or Wikidata id, with the same one-line
errors).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.analyze import MAX_DEPTH, AnalysisError, find_node
from kg.export.html import PageEdge, PageNode
from kg.export.page import page_degrees, page_neighbours, page_nodes
from kg.rdf.store import KGStore

if TYPE_CHECKING:  # imported where a graph is walked: a --top cut needs none
    import networkx as nx

__all__ = ["Cut", "cut_graph", "ego_cut", "top_cut", "store_cut", "ranked"]


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
    _check(focus, depth, top)
    cut = Cut(list(nodes), list(edges))
    if focus is not None:
        cut = ego_cut(cut.nodes, cut.edges, focus, 1 if depth is None else depth)
    if top is not None:
        kept = top_cut(cut.nodes, cut.edges, top)
        cut = Cut(kept.nodes, kept.edges, cut.centre if cut.centre in kept.nodes else None, cut.depth)
    return cut


def store_cut(store: KGStore, *, focus: str | None = None, depth: int | None = None,
              top: int | None = None) -> tuple[set[str], str | None, int | None]:
    """The ids `cut_graph` would keep of the whole page, its centre and depth, asked of the store:
    the neighbourhood of `focus` grows one query per hop, and `top` ranks by relations the
    store counts (among the neighbourhood, when there is one)."""
    _check(focus, depth, top)
    nodes = page_nodes(store, described=focus is not None)  # a focus is found by alias or Wikidata id too
    centre: str | None = None
    if focus is not None:
        depth = 1 if depth is None else depth
        centre = find_node(_graph(nodes, ()), focus)
        known = {node.id for node in nodes}
        near, frontier = {centre}, {centre}
        for _ in range(depth):
            frontier = (page_neighbours(store, frontier) & known) - near
            near |= frontier
        nodes = [node for node in nodes if node.id in near]
    if top is not None:
        nodes = ranked(nodes, page_degrees(store, {node.id for node in nodes} if focus is not None else None), top)
    kept = {node.id for node in nodes}
    return kept, centre if centre in kept else None, depth


def ego_cut(nodes: Sequence[PageNode], edges: Sequence[PageEdge], name: str, depth: int = 1) -> Cut:
    """Everything within `depth` relations of the entity called `name`, in either direction."""
    import networkx as nx

    _check(name, depth, None)
    graph = _graph(nodes, edges)
    centre = find_node(graph, name)
    near = set(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth))
    kept_nodes, kept_edges = _keep(nodes, edges, near)
    return Cut(kept_nodes, kept_edges, centre=graph.nodes[centre]["node"], depth=depth)


def top_cut(nodes: Sequence[PageNode], edges: Sequence[PageEdge], n: int) -> Cut:
    """The `n` actors with the most relations (ties by label), and the relations among them."""
    degree = Counter([e.source for e in edges] + [e.target for e in edges])
    kept_nodes, kept_edges = _keep(nodes, edges, {node.id for node in ranked(nodes, degree, n)})
    return Cut(kept_nodes, kept_edges)


def ranked(nodes: Sequence[PageNode], degree: Mapping[str, int], n: int) -> list[PageNode]:
    """The `n` nodes with the highest `degree`, ties broken by label then id, so the cut is stable."""
    _check(None, None, n)
    return sorted(nodes, key=lambda node: (-degree.get(node.id, 0), node.label.casefold(), node.id))[:n]


def _check(focus: str | None, depth: int | None, top: int | None) -> None:
    if depth is not None and focus is None:
        raise AnalysisError("--depth needs --focus ENTITY: it counts relations away from that entity")
    if depth is not None and not 1 <= depth <= MAX_DEPTH:
        raise AnalysisError(f"depth must be between 1 and {MAX_DEPTH}, got {depth}")
    if top is not None and top < 1:
        raise AnalysisError(f"top must be at least 1, got {top}")


def _graph(nodes: Sequence[PageNode], edges: Sequence[PageEdge]) -> nx.MultiDiGraph:
    """The attributes kg.analyze.find_node reads (label, wikidata, aliases), plus the node itself."""
    import networkx as nx

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
