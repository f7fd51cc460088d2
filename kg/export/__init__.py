"""Exports of the store: RDF serialisations, GraphML and the interactive graph page.

Conventions a user of other RDF tools expects: the format follows from the
output's extension (`-o graph.ttl` is Turtle), `-` is standard output, and the
format names are rdflib's (`turtle`, `xml`, `json-ld`, `nt`, `nquads`, ...), with
kg's older short names (`ttl`, `jsonld`) kept as aliases. JSON-LD is compacted
with an `@context` of kg's prefixes (those the ontology and Turtle exports use),
so it reads `"kg:blames"` rather than full IRIs; rdflib writes it, since
pyoxigraph writes expanded JSON-LD only.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import ExportError
from kg.rdf.store import KGStore

__all__ = ["FORMATS", "ALIASES", "STDOUT", "export", "render", "format_name", "format_for", "default_output"]

#: Export formats by their canonical (rdflib) names.
FORMATS = ("html", "turtle", "xml", "json-ld", "nt", "nq", "trig", "graphml")
#: Other names for them: rdflib's and media types' spellings, and kg's older short names.
ALIASES = {"ttl": "turtle", "text/turtle": "turtle", "pretty-xml": "xml", "rdf/xml": "xml", "rdfxml": "xml",
           "application/rdf+xml": "xml", "jsonld": "json-ld", "application/ld+json": "json-ld",
           "ntriples": "nt", "n-triples": "nt", "nt11": "nt", "nquads": "nq", "n-quads": "nq", "htm": "html"}
#: The output path that means standard output.
STDOUT = Path("-")
_SUFFIX = {"html": ".html", "turtle": ".ttl", "xml": ".rdf", "json-ld": ".jsonld", "nt": ".nt", "nq": ".nq",
           "trig": ".trig", "graphml": ".graphml"}
_BY_SUFFIX = {**{suffix: fmt for fmt, suffix in _SUFFIX.items()},
              ".htm": "html", ".turtle": "turtle", ".xml": "xml", ".owl": "xml", ".json": "json-ld"}
_DUMP = {"turtle": "ttl", "xml": "xml", "nt": "nt", "nq": "nq", "trig": "trig"}  # KGStore.dump's names


def format_name(fmt: str) -> str:
    """The canonical name of an export format given by any of its names."""
    name = ALIASES.get(fmt.lower(), fmt.lower())
    if name not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return name


def format_for(output: Path | None, fmt: str | None = None) -> str:
    """The format asked for, else the one `output`'s extension names, else html."""
    if fmt:
        return format_name(fmt)
    if output is None or output == STDOUT:
        return "html"
    found = _BY_SUFFIX.get(output.suffix.lower())
    if found is None:
        raise ExportError(f"cannot tell an export format from {output.name!r}; give --format "
                          f"({', '.join(FORMATS)}) or an extension such as {', '.join(sorted(set(_SUFFIX.values())))}")
    return found


def default_output(fmt: str) -> Path:
    return Path("kg-out") / f"graph{_SUFFIX.get(format_name(fmt), '.' + fmt)}"


def export(store: KGStore, fmt: str | None = None, output: Path | None = None, *, lang: str = "en",
           focus: str | None = None, depth: int | None = None, top: int | None = None) -> Path:
    """Write the store to `output` (default kg-out/graph.<ext>) and return the path.

    The format is `fmt`, else the one `output`'s extension names, else html. For
    standard output, call `render` and write its bytes. The html page takes
    options: `lang` (en or id) names predicates and types as the ontology does in
    that language, and entities by their label in it where the store has one;
    `focus` (an entity's label, alias or Wikidata id) with `depth` (default 1)
    keeps that entity's neighbourhood; `top` keeps the N actors with most relations. The RDF formats always write the whole store.
    """
    name = format_for(output, fmt)
    output = output or default_output(name)
    data = render(store, name, lang=lang, focus=focus, depth=depth, top=top)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as e:
        raise ExportError(f"cannot write {output}: {e.strerror or e}; choose another -o path") from e
    return output


def render(store: KGStore, fmt: str, *, lang: str = "en", focus: str | None = None, depth: int | None = None,
           top: int | None = None) -> bytes:
    """The store in `fmt` (any name of a format), as the bytes `export` would write."""
    name = format_name(fmt)
    if name != "html" and (lang != "en" or focus is not None or depth is not None or top is not None):
        raise ExportError(f"--lang, --focus, --depth and --top shape the html page; "
                          f"--format {fmt} writes the whole store, so drop them or use --format html")
    if name == "html":
        return _page(store, lang=lang, focus=focus, depth=depth, top=top).encode("utf-8")
    if name == "graphml":
        return _graphml(store)
    if name == "json-ld":
        return _compact_json_ld(store.dump("nt"))
    return store.dump(_DUMP[name])


def _compact_json_ld(ntriples: bytes) -> bytes:
    from rdflib import Graph

    from kg.rdf.namespace import PREFIXES

    graph = Graph()
    graph.parse(data=ntriples, format="nt")
    return graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True, indent=2, encoding="utf-8")


def _page(store: KGStore, *, lang: str, focus: str | None, depth: int | None, top: int | None) -> str:
    """The graph page, cut to an entity's neighbourhood and/or the top actors when asked."""
    from kg.export.cut import store_cut
    from kg.export.html import describe_cut, render_graph_page
    from kg.export.page import page_data, term_labels

    with _without_cycle_collection():
        labels = term_labels(store, lang)
        if focus is None and top is None and depth is None:
            nodes, edges = page_data(store, lang=lang)
            centre = None
        else:  # the store finds what the cut keeps, reading no sentence; then only that is read whole
            kept, centre_id, depth = store_cut(store, focus=focus, depth=depth, top=top)
            nodes, edges = page_data(store, kept, lang=lang)
            centre = next((n for n in nodes if n.id == centre_id), None)
        note = describe_cut(lang, centre=centre.label if centre else None, depth=depth, top=top)
        return render_graph_page(nodes, edges, lang=lang, labels=labels, note=note,
                                 focus=centre.id if centre else None)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a page is built.

    A big page is some hundred thousand records (rows, sentences, dicts for the JSON) that
    form no reference cycle, so the collector, triggered again and again by their
    allocation, walks an ever larger heap and frees nothing: 0.4 s of a --top 200 page at
    10,000 articles. Reference counting frees the records as before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _graphml(store: KGStore) -> bytes:
    """The entity graph for Gephi and yEd: GraphML holds only scalar attributes, so
    lists (aliases, evidence, articles) are joined with " | "."""
    import io

    import networkx as nx

    from kg.analyze import to_networkx

    graph = to_networkx(store)
    attributes = [data for _, data in graph.nodes(data=True)] + [data for *_, data in graph.edges(data=True)]
    for data in attributes:
        for key, value in data.items():
            if isinstance(value, list):
                data[key] = " | ".join(map(str, value))
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return buffer.getvalue()
