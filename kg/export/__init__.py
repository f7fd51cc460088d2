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


def export(store: KGStore, fmt: str, output: Path | None = None, *, lang: str = "en", focus: str | None = None,
           depth: int | None = None, top: int | None = None) -> Path:
    """Write the store in `fmt` to `output` (default kg-out/graph.<ext>); returns the path.

    The html page takes options: `lang` (en or id) names predicates and types as the
    ontology does in that language; `focus` (an entity's label, alias or Wikidata id)
    with `depth` (default 1) keeps that entity's neighbourhood; `top` keeps the N
    actors with most relations. The RDF formats always write the whole store.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt != "html" and (lang != "en" or focus is not None or depth is not None or top is not None):
        raise ExportError(f"--lang, --focus, --depth and --top shape the html page; "
                          f"--format {fmt} writes the whole store, so drop them or use --format html")
    output = output or default_output(fmt)
    if fmt == "html":
        return _write_page(store, output, lang=lang, focus=focus, depth=depth, top=top)
    if fmt == "graphml":
        return _write_graphml(store, output)
    data = store.dump(fmt)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as e:
        raise ExportError(f"cannot write {output}: {e.strerror or e}; choose another -o path") from e
    return output


def _write_page(store: KGStore, output: Path, *, lang: str, focus: str | None, depth: int | None,
                top: int | None) -> Path:
    """The graph page, cut to an entity's neighbourhood and/or the top actors when asked."""
    from kg.export.cut import cut_graph
    from kg.export.html import describe_cut, write_graph_page
    from kg.export.page import page_data, term_labels

    labels = term_labels(store, lang)
    nodes, edges = page_data(store)
    cut = cut_graph(nodes, edges, focus=focus, depth=depth, top=top)
    note = describe_cut(lang, centre=cut.centre.label if cut.centre else None, depth=cut.depth, top=top)
    return write_graph_page(cut.nodes, cut.edges, output, lang=lang, labels=labels, note=note,
                            focus=cut.centre.id if cut.centre else None)


def _write_graphml(store: KGStore, output: Path) -> Path:
    """The entity graph for Gephi and yEd: GraphML holds only scalar attributes, so
    lists (aliases, evidence, articles) are joined with " | "."""
    import networkx as nx

    from kg.analyze import to_networkx

    graph = to_networkx(store)
    attributes = [data for _, data in graph.nodes(data=True)] + [data for *_, data in graph.edges(data=True)]
    for data in attributes:
        for key, value in data.items():
            if isinstance(value, list):
                data[key] = " | ".join(map(str, value))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(graph, output)
    except OSError as e:
        raise ExportError(f"cannot write {output}: {e.strerror or e}; choose another -o path") from e
    return output
