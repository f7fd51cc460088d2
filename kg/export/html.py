"""The interactive graph page: one self-contained HTML file, laid out with pyvis.

pyvis turns nodes and edges into vis-network's data; the page itself is our own
small template, because pyvis's templates load Bootstrap and fonts from CDNs.
vis-network's JS and CSS (shipped inside pyvis) are inlined, so the page opens
offline, from an e-mail attachment or an air-gapped laptop.
"""

from __future__ import annotations

import html
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

import pyvis
from pyvis.network import Network

from kg.errors import ExportError

__all__ = ["PageEvidence", "PageNode", "PageEdge", "TYPE_COLOURS", "FALLBACK_COLOUR", "write_graph_page"]

TYPE_COLOURS: dict[str, str] = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "Country": "#59a14f",
    "Place": "#76b7b2",
    "Event": "#f28e2b",
    "Group": "#b07aa1",
}
FALLBACK_COLOUR = "#9c9c9c"  # for a type the ontology grows before this palette does
BIG_GRAPH = 300  # above this many nodes, positions are precomputed and physics is off
SEED = 7
TOOLTIP_EVIDENCE = 5  # more sentences than this go to the click panel only
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """One sentence that supports an edge, and the article it came from, so a reader can check it."""

    sentence: str
    article_id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class PageNode:
    """An entity as drawn: `id` links edges to it, `type` picks its colour."""

    id: str
    label: str
    type: str
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageEdge:
    """A directed relation `source predicate target`, with the evidence that asserts it."""

    source: str
    target: str
    predicate: str
    evidence: tuple[PageEvidence, ...] = ()


def write_graph_page(nodes: Sequence[PageNode], edges: Sequence[PageEdge], path: Path, *,
                     title: str = "kg knowledge graph") -> Path:
    """Write the page to `path` (creating its folders) and return it; same input, same bytes."""
    page = render_graph_page(nodes, edges, title=title)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.encode("utf-8"))
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror or e}; choose another -o path") from e
    return path


def render_graph_page(nodes: Sequence[PageNode], edges: Sequence[PageEdge], *, title: str) -> str:
    """The page as a string; edges to or from an unknown node are left out, not an error."""
    by_id: dict[str, PageNode] = {}
    for node in sorted(nodes, key=lambda n: (n.id, n.label, n.type)):
        by_id.setdefault(node.id, node)
    drawn = sorted((e for e in edges if e.source in by_id and e.target in by_id), key=_edge_key)
    positions = _positions(list(by_id), drawn) if len(by_id) > BIG_GRAPH else None
    data = {
        "nodes": _node_data(list(by_id.values()), drawn, positions),
        "edges": _edge_data(drawn, by_id),
        "options": _options(physics=positions is None, big=len(by_id) > BIG_GRAPH),
    }
    js, css = _vis_assets()
    empty = "" if by_id else ('<p class="empty">The graph is empty: no entities were found. '
                              'Build the store from some articles first (kg build ARTICLES).</p>')
    return _PAGE.substitute(
        title=html.escape(title), vis_css=css, vis_js=js, data=_script_json(data), empty=empty,
        counts=f"{_plural(len(by_id), 'entity', 'entities')}, {_plural(len(drawn), 'relation', 'relations')}",
        legend=_legend(by_id.values()),
    )


def type_colour(type_: str) -> str:
    """The colour of an entity type; unknown types share one grey."""
    return TYPE_COLOURS.get(type_, FALLBACK_COLOUR)


def _edge_key(edge: PageEdge) -> tuple[Any, ...]:
    return (edge.source, edge.predicate, edge.target, [(e.article_id, e.sentence) for e in edge.evidence])


def _node_data(nodes: list[PageNode], edges: list[PageEdge],
               positions: dict[str, tuple[float, float]] | None) -> list[dict[str, Any]]:
    """vis-network node dicts, built by pyvis; sized by degree so hubs stand out."""
    degree = Counter([e.source for e in edges] + [e.target for e in edges])
    net = Network(directed=True)
    for node in nodes:
        extra: dict[str, Any] = {}
        if positions is not None:
            extra = {"x": positions[node.id][0], "y": positions[node.id][1], "physics": False}
        net.add_node(node.id, label=node.label or node.id, shape="dot", color=type_colour(node.type),
                     title=_node_tooltip(node), value=degree[node.id] + 1, **extra)
    return list(net.get_network_data()[0])


def _edge_data(edges: list[PageEdge], nodes: dict[str, PageNode]) -> list[dict[str, Any]]:
    """vis-network edge dicts, built by pyvis; parallel edges get their own curve so none hides another."""
    net = Network(directed=True)
    for node_id in nodes:
        net.add_node(node_id)
    siblings: dict[frozenset[str], int] = defaultdict(int)
    pair_size = Counter(frozenset((e.source, e.target)) for e in edges)
    for i, edge in enumerate(edges):
        pair = frozenset((edge.source, edge.target))
        extra: dict[str, Any] = {}
        if pair_size[pair] > 1 and edge.source != edge.target:
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 + 0.2 * siblings[pair]}
            siblings[pair] += 1
        net.add_edge(edge.source, edge.target, id=f"e{i}", label=edge.predicate,
                     title=_edge_tooltip(edge, nodes), evidence=[_evidence(ev) for ev in edge.evidence],
                     heading=_triple(edge, nodes), **extra)
    return list(net.get_network_data()[1])


def _node_tooltip(node: PageNode) -> str:
    lines = [node.label or node.id, f"Type: {node.type or 'unknown'}"]
    if node.wikidata:
        lines.append(f"Wikidata: {node.wikidata}")
    if node.aliases:
        lines.append("Also: " + ", ".join(node.aliases))
    return "\n".join(lines)


def _triple(edge: PageEdge, nodes: dict[str, PageNode]) -> str:
    return f"{nodes[edge.source].label or edge.source} {edge.predicate} {nodes[edge.target].label or edge.target}"


def _edge_tooltip(edge: PageEdge, nodes: dict[str, PageNode]) -> str:
    """Plain text: vis-network shows a string title with innerText, so nothing in it is HTML."""
    lines = [_triple(edge, nodes)]
    for ev in edge.evidence[:TOOLTIP_EVIDENCE]:
        lines += ["", f"“{ev.sentence}”", "  — " + _source(ev)]
    if len(edge.evidence) > TOOLTIP_EVIDENCE:
        lines += ["", f"(+{len(edge.evidence) - TOOLTIP_EVIDENCE} more: click the edge)"]
    return "\n".join(lines)


def _source(ev: PageEvidence) -> str:
    return ", ".join(part for part in (ev.article_id, ev.title, ev.date) if part)


def _evidence(ev: PageEvidence) -> dict[str, str]:
    return {"sentence": ev.sentence, "source": _source(ev), "url": ev.url or ""}


def _positions(node_ids: list[str], edges: list[PageEdge]) -> dict[str, tuple[float, float]] | None:
    """Seeded spring layout for big graphs; None when networkx needs scipy it cannot import (>= 500 nodes)."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from((e.source, e.target) for e in edges if e.source != e.target)
    try:
        layout = nx.spring_layout(graph, seed=SEED, scale=60 * math.sqrt(len(node_ids)))
    except ImportError:
        return None
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in layout.items()}


def _options(*, physics: bool, big: bool) -> dict[str, Any]:
    """vis-network options; the fixed randomSeed keeps the layout the same on every open."""
    return {
        "layout": {"randomSeed": SEED, "improvedLayout": not big},
        "nodes": {"shape": "dot", "scaling": {"min": 8, "max": 28}, "font": {"size": 14}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "font": {"size": 11, "align": "middle", "color": "#555"},
                  "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#333333"},
                  "smooth": {"enabled": True, "type": "continuous"}},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 200 if big else 400}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "freezeAfterLayout": physics and big,  # ours, not vis's: big graph without scipy
    }


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped with pyvis, safe to put inside <script>/<style>."""
    try:
        js = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
        css = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    except OSError as e:
        raise ExportError(f"pyvis has no vis-network 9.1.2 at {_VIS_DIR} ({e.strerror or e}); "
                          "reinstall pyvis>=0.3.2") from e
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def _script_json(value: object) -> str:
    """JSON that cannot end its <script> element: every '<' is written as \\u003c."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _legend(nodes: Iterable[PageNode]) -> str:
    present = {n.type for n in nodes}
    ordered = [t for t in TYPE_COLOURS if t in present] + sorted(present - TYPE_COLOURS.keys())
    return "".join(f'<li><span class="swatch" style="background:{type_colour(t)}"></span>'
                   f"{html.escape(t or 'unknown')}</li>" for t in ordered)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>$vis_css</style>
<style>
html, body { margin: 0; height: 100%; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: 8px 16px; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: 4px 24px;
         align-items: baseline; }
h1 { font-size: 1.2em; margin: 0; }
.counts { color: #555; }
.legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 5px; }
main { flex: 1; position: relative; min-height: 300px; }
#graph { position: absolute; inset: 0; }
.empty { padding: 24px; color: #555; }
#info { position: absolute; top: 10px; right: 10px; width: min(380px, 45%); max-height: calc(100% - 40px);
        overflow: auto; background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: 8px 12px;
        box-shadow: 2px 2px 8px rgba(0, 0, 0, .15); font-size: 13px; }
#info h2 { font-size: 14px; margin: 4px 0 8px; }
#info blockquote { margin: 8px 0 2px; font-style: italic; }
#info .source { color: #666; margin-bottom: 6px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 420px; font-family: inherit; font-size: 13px; }
</style>
</head>
<body>
<header>
<h1>$title</h1>
<span class="counts">$counts</span>
<ul class="legend">$legend</ul>
</header>
<main>
$empty<div id="graph"></div>
<div id="info" hidden></div>
</main>
<script>$vis_js</script>
<script id="kg-data" type="application/json">$data</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  if (!data.nodes.length) { return; }
  var freeze = data.options.freezeAfterLayout;
  delete data.options.freezeAfterLayout;
  var network = new vis.Network(document.getElementById("graph"),
    { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) }, data.options);
  if (freeze) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });
  }
  var info = document.getElementById("info");
  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) { el.className = cls; }
    parent.appendChild(el);
    return el;
  }
  function showEdge(edge) {
    info.replaceChildren();
    add(info, "h2", edge.heading);
    edge.evidence.forEach(function (ev) {
      add(info, "blockquote", ev.sentence);
      var source = add(info, "div", ev.source + " ", "source");
      if (/^https?:\\/\\//.test(ev.url)) {
        var link = add(source, "a", "open");
        link.href = ev.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
    });
    info.hidden = false;
  }
  var edges = {};
  data.edges.forEach(function (edge) { edges[edge.id] = edge; });
  network.on("click", function (params) {
    if (params.nodes.length === 0 && params.edges.length === 1) { showEdge(edges[params.edges[0]]); }
    else { info.hidden = true; }
  });
}());
</script>
</body>
</html>
""")
