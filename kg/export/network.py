"""The store as a networkx graph, for analysis in notebooks (centrality, paths, communities)."""

from __future__ import annotations

import networkx as nx

from kg.export.page import page_data
from kg.rdf.store import KGStore

__all__ = ["networkx_graph"]


def networkx_graph(store: KGStore) -> nx.MultiDiGraph:
    """Entities as nodes (label, type, wikidata) and one edge per relation (predicate, evidence).

    A multigraph, because two actors are often linked by several predicates
    ("Russia attacks Ukraine", "Russia threatens Ukraine") and each one matters.
    """
    nodes, edges = page_data(store)
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.id, label=node.label, type=node.type, wikidata=node.wikidata)
    for edge in edges:
        graph.add_edge(edge.source, edge.target, key=edge.predicate, predicate=edge.predicate,
                       evidence=[e.sentence for e in edge.evidence],
                       articles=sorted({e.article_id for e in edge.evidence}))
    return graph
