"""Graph analytics over the entity graph: who matters, who clusters, how two actors connect.

The store answers "what was said"; these questions are about the shape of what was
said, which networkx answers well once the graph is projected into it. Every
function returns plain records (lists of dicts) so notebooks can turn them into
DataFrames and the CLI into tables.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from kg.errors import KGError
from kg.export.page import page_data, page_links
from kg.rdf.store import KGStore

if TYPE_CHECKING:  # networkx is imported where a graph is built or walked: kg export --top needs none
    import networkx as nx

__all__ = ["AnalysisError", "to_networkx", "find_node", "top_actors", "communities", "shortest_path",
           "ego_network", "store_shortest_path", "store_ego_network", "MAX_DEPTH"]

MAX_DEPTH = 10  # beyond ten hops an ego network is the whole component; ask for --top instead
# Betweenness is exact up to this many actors, and above it estimated from a sample of sources,
# drawn as networkx draws them (kg/centrality.py gives its numbers): at 10,000 articles (2,141
# actors) 0.13 s against 0.93 s for the exact figure, whose cost grows with actors x links.
_EXACT_BETWEENNESS_LIMIT = 1000
_BETWEENNESS_SAMPLE = 250  # sources for that estimate: enough to rank the few central actors
_SEED = 7


class AnalysisError(KGError):
    """A question the graph cannot answer as asked (unknown entity, no path, bad depth)."""


def to_networkx(store: KGStore, *, evidence: bool = True, ids: Collection[str] | None = None) -> nx.MultiDiGraph:
    """One node per entity (label, type, wikidata, aliases) and one edge per relation
    (key = predicate, with its evidence sentences, articles and evidence count).

    A multigraph, because two actors are often linked by several predicates
    ("Russia attacks Ukraine", "Russia threatens Ukraine") and each one matters.
    `evidence=False` leaves the sentences out (edges carry their predicate and evidence
    count only): for questions about the graph's shape, which then read no sentence.
    `ids` keeps only those entities and the relations among them (with evidence).
    """
    import networkx as nx

    nodes, edges = page_data(store, ids) if evidence or ids is not None else page_links(store)
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, label=node.label, type=node.type, wikidata=node.wikidata or "",
                       aliases=list(node.aliases))
    for edge in edges:
        if not evidence and ids is None:
            graph.add_edge(edge.source, edge.target, key=edge.predicate, predicate=edge.predicate,
                           evidence_count=edge.count)
            continue
        graph.add_edge(edge.source, edge.target, key=edge.predicate, predicate=edge.predicate,
                       evidence=[e.sentence for e in edge.evidence],
                       articles=sorted({e.article_id for e in edge.evidence}),
                       evidence_count=len(edge.evidence))
    return graph


def find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node whose label (or alias, or Wikidata id) is `name`, else the one label containing it."""
    wanted = name.casefold().strip()
    if not graph:
        raise AnalysisError("the graph is empty; build some articles first (kg build ...)")
    exact = [n for n, d in graph.nodes(data=True)
             if wanted in {d["label"].casefold(), d.get("wikidata", "").casefold(),
                           *(a.casefold() for a in d.get("aliases", ()))}]
    if len(exact) == 1:
        return str(exact[0])
    partial = [n for n, d in graph.nodes(data=True) if wanted and wanted in d["label"].casefold()]
    if len(partial) == 1:
        return str(partial[0])
    labels = sorted(str(graph.nodes[n]["label"]) for n in (exact or partial))
    if labels:
        raise AnalysisError(f"{name!r} names several entities: {', '.join(labels[:8])}; be more specific")
    by_word = {w.casefold(): str(d["label"]) for _, d in graph.nodes(data=True) for w in str(d["label"]).split()}
    close = sorted({by_word[w] for w in difflib.get_close_matches(wanted, list(by_word), n=3)})
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else "; kg query top-actors lists some"
    raise AnalysisError(f"no entity named {name!r} in the graph{hint}")


def top_actors(graph: nx.MultiDiGraph, n: int = 10) -> list[dict[str, Any]]:
    """Actors ranked by PageRank, with degree and betweenness beside it.

    Betweenness is that of the undirected graph of links, exact up to 1,000 actors and
    above that estimated from 250 sources (networkx's `k`), as README's `kg analyze` says.
    """
    import networkx as nx

    from kg.centrality import betweenness as centrality

    if not graph:
        return []
    simple = nx.DiGraph()  # the links alone: copying the multigraph's attributes cost half a second at 10k
    simple.add_nodes_from(graph)
    simple.add_edges_from(graph.edges())
    pagerank = nx.pagerank(simple) if simple.number_of_edges() else {v: 1 / len(simple) for v in simple}
    sample = None if len(simple) <= _EXACT_BETWEENNESS_LIMIT else _BETWEENNESS_SAMPLE
    betweenness = centrality(list(simple), simple.edges(), k=sample, seed=_SEED)
    rows = [{"actor": d["label"], "type": d["type"], "degree": graph.degree(v),
             "pagerank": round(pagerank[v], 4), "betweenness": round(betweenness[v], 4)}
            for v, d in graph.nodes(data=True)]
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["actor"]))
    return rows[:n]


def communities(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Groups of actors more linked to each other than to the rest (Louvain, fixed seed)."""
    import networkx as nx

    undirected = nx.Graph(graph.to_undirected())
    if not undirected.number_of_edges():
        return []
    found = nx.community.louvain_communities(undirected, seed=_SEED)
    groups = sorted((sorted(str(graph.nodes[v]["label"]) for v in c) for c in found if len(c) > 1),
                    key=lambda members: (-len(members), members))
    return [{"community": i, "size": len(members), "members": ", ".join(members)}
            for i, members in enumerate(groups, start=1)]


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> list[dict[str, Any]]:
    """The fewest relations linking two actors, in either direction, with the evidence of each hop."""
    hops = _path_nodes(graph, source, target)
    return [_hop(graph, u, v) for u, v in zip(hops, hops[1:])]


def store_shortest_path(store: KGStore, source: str, target: str) -> list[dict[str, Any]]:
    """`shortest_path` on a store: the path found on the graph's shape, sentences read for its hops only."""
    hops = _path_nodes(to_networkx(store, evidence=False), source, target)
    graph = to_networkx(store, ids=hops)
    return [_hop(graph, u, v) for u, v in zip(hops, hops[1:])]


def _path_nodes(graph: nx.MultiDiGraph, source: str, target: str) -> list[str]:
    import networkx as nx

    a, b = find_node(graph, source), find_node(graph, target)
    if a == b:
        raise AnalysisError(f"{source!r} and {target!r} are the same entity")
    try:
        return list(nx.shortest_path(graph.to_undirected(as_view=True), a, b))
    except nx.NetworkXNoPath:
        raise AnalysisError(f"no chain of relations links {graph.nodes[a]['label']} and "
                            f"{graph.nodes[b]['label']}; they are in separate parts of the graph") from None


def ego_network(graph: nx.MultiDiGraph, name: str, depth: int = 1) -> list[dict[str, Any]]:
    """Every relation within `depth` hops of an actor: its neighbourhood as the articles draw it."""
    return _ego_rows(graph, _near(graph, name, depth))


def store_ego_network(store: KGStore, name: str, depth: int = 1) -> list[dict[str, Any]]:
    """`ego_network` on a store, from the graph's shape and evidence counts: no sentence read."""
    graph = to_networkx(store, evidence=False)
    return _ego_rows(graph, _near(graph, name, depth))


def _near(graph: nx.MultiDiGraph, name: str, depth: int) -> set[str]:
    import networkx as nx

    if not 1 <= depth <= MAX_DEPTH:
        raise AnalysisError(f"depth must be between 1 and {MAX_DEPTH}, got {depth}")
    centre = find_node(graph, name)
    return set(nx.ego_graph(graph.to_undirected(as_view=True), centre, radius=depth).nodes)


def _ego_rows(graph: nx.MultiDiGraph, near: set[str]) -> list[dict[str, Any]]:
    return [{"subject": graph.nodes[u]["label"], "predicate": k, "object": graph.nodes[v]["label"],
             "evidence": d["evidence_count"]}
            for u, v, k, d in sorted(graph.subgraph(near).edges(keys=True, data=True),
                                     key=lambda e: (graph.nodes[e[0]]["label"], e[2], graph.nodes[e[1]]["label"]))]


def _hop(graph: nx.MultiDiGraph, u: str, v: str) -> dict[str, Any]:
    forward = graph.get_edge_data(u, v) or {}
    backward = graph.get_edge_data(v, u) or {}
    subject, obj, edges = (u, v, forward) if forward else (v, u, backward)
    predicate, data = sorted(edges.items(), key=lambda kv: -kv[1]["evidence_count"])[0]
    return {"subject": graph.nodes[subject]["label"], "predicate": predicate,
            "object": graph.nodes[obj]["label"], "evidence": data["evidence"][0] if data["evidence"] else "",
            "articles": ", ".join(data["articles"])}
