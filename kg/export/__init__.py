"""Exports of the store: RDF serialisations and the interactive graph page."""

from __future__ import annotations

from pathlib import Path

from kg.errors import ExportError
from kg.rdf.store import KGStore

__all__ = ["FORMATS", "export", "default_output"]

FORMATS = ("html", "ttl", "nt", "nq", "trig", "jsonld", "graphml")
_SUFFIX = {"html": ".html", "ttl": ".ttl", "nt": ".nt", "nq": ".nq", "trig": ".trig", "jsonld": ".jsonld",
           "graphml": ".graphml"}


def default_output(fmt: str) -> Path:
    return Path("kg-out") / f"graph{_SUFFIX.get(fmt, '.' + fmt)}"


def export(store: KGStore, fmt: str, output: Path | None = None) -> Path:
    """Write the store in `fmt` to `output` (default kg-out/graph.<ext>); returns the path."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    output = output or default_output(fmt)
    if fmt == "html":
        from kg.export.html import write_graph_page
        from kg.export.page import page_data

        nodes, edges = page_data(store)
        return write_graph_page(nodes, edges, output)
    if fmt == "graphml":
        return _write_graphml(store, output)
    data = store.dump(fmt)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as e:
        raise ExportError(f"cannot write {output}: {e.strerror or e}; choose another -o path") from e
    return output


def _write_graphml(store: KGStore, output: Path) -> Path:
    """The entity graph for Gephi and yEd: GraphML holds only scalar attributes, so
    lists (aliases, evidence, articles) are joined with " | "."""
    import networkx as nx

    from kg.analyze import to_networkx

    graph = to_networkx(store)
    for _, data in [*graph.nodes(data=True), *((None, d) for *_, d in graph.edges(data=True))]:
        for key, value in list(data.items()):
            if isinstance(value, list):
                data[key] = " | ".join(map(str, value))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(graph, output)
    except OSError as e:
        raise ExportError(f"cannot write {output}: {e.strerror or e}; choose another -o path") from e
    return output
