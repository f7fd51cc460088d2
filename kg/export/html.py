"""The interactive graph page: one self-contained HTML file an analyst opens offline.

vis-network draws it; its JS and CSS (shipped inside pyvis) are inlined, so the page
opens from an e-mail attachment or an air-gapped laptop and requests nothing. The
page is our own template, because pyvis's templates load Bootstrap and fonts from
CDNs, and the node and edge records are built here directly (pyvis's builders are
quadratic and added a second to a 5,000-node page).

What the analyst gets: colour *and* shape by entity type (readable in greyscale and
by the colour-blind), node size by number of relations, edges labelled with the
predicate in the page's language, tooltips with the evidence behind each edge,
filters by type and predicate, a search box and a physics switch.

Big graphs (more than BIG_GRAPH nodes) arrive with positions computed in Python
(kg.export.layout) and physics off, so the browser draws at once instead of
simulating for minutes. Everything taken from articles is data, never markup: it
travels as JSON inside a <script type="application/json"> and reaches the page
through textContent, tooltips as plain strings (vis-network shows those with
innerText).
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

import pyvis

from kg.errors import DataFileError, ExportError
from kg.lexicon import SUPPORTED_LANGUAGES
from kg.resources import data_dir
from kg.export.layout import layout

__all__ = ["PageEvidence", "PageNode", "PageEdge", "TYPE_COLOURS", "TYPE_SHAPES", "FALLBACK_COLOUR",
           "FALLBACK_SHAPE", "LANGUAGES", "BIG_GRAPH", "write_graph_page", "render_graph_page", "type_colour",
           "type_shape", "describe_cut"]

TYPE_COLOURS: dict[str, str] = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "Country": "#59a14f",
    "Place": "#76b7b2",
    "Event": "#f28e2b",
    "Group": "#b07aa1",
}
TYPE_SHAPES: dict[str, str] = {  # vis-network shapes that keep the label outside and scale with value
    "Person": "dot",
    "Organization": "square",
    "Country": "diamond",
    "Place": "triangle",
    "Event": "star",
    "Group": "hexagon",
}
FALLBACK_COLOUR = "#9c9c9c"  # for a type the ontology grows before this palette does
FALLBACK_SHAPE = "triangleDown"
BIG_GRAPH = 300  # above this many nodes, positions are precomputed and physics is off
SEED = 7
TOOLTIP_EVIDENCE = 3  # more sentences than this go to the click panel only
DEFAULT_TITLE = "kg knowledge graph"
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

LANGUAGES = tuple(sorted(SUPPORTED_LANGUAGES))


@lru_cache(maxsize=None)
def page_words(lang: str) -> dict[str, str]:
    """The page's own words (buttons, counts, messages) in `lang`, from
    data/lexicon/<lang>/page.json; predicate and type names come from the ontology."""
    path = data_dir() / "lexicon" / lang / "page.json"
    try:
        words = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataFileError(f"cannot read the page's words: {e}", path=path) from e
    return {k: v for k, v in words.items() if not k.startswith("_")}


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
    """An entity as drawn: `id` links edges to it, `type` picks its colour and shape."""

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


@dataclass(frozen=True)
class _Language:
    """The page's language: its own words, and the ontology's labels for predicates and types."""

    code: str
    labels: Mapping[str, str] = field(default_factory=dict)

    def word(self, key: str) -> str:
        return page_words(self.code)[key]

    def predicate(self, name: str) -> str:
        """The predicate's label, else its local name spelt out ("meetsWith" -> "meets with")."""
        return self.labels.get(name) or "".join(" " + c.lower() if c.isupper() else c for c in name).strip()

    def type(self, name: str) -> str:
        label = self.labels.get(name)
        return label[:1].upper() + label[1:] if label else (name or "unknown")

    def count(self, n: int, one: str, many: str) -> str:
        return f"{n} {self.word(one if n == 1 else many)}"


def write_graph_page(nodes: Sequence[PageNode], edges: Sequence[PageEdge], path: Path, *,
                     title: str = DEFAULT_TITLE, lang: str = "en", labels: Mapping[str, str] | None = None,
                     note: str = "", focus: str | None = None) -> Path:
    """Write the page to `path` (creating its folders) and return it; same input, same bytes.

    `labels` maps predicate and type local names to their labels in `lang`; `note`
    says how the graph was cut; `focus` is a node id selected when the page opens.
    """
    page = render_graph_page(nodes, edges, title=title, lang=lang, labels=labels, note=note, focus=focus)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.encode("utf-8"))
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror or e}; choose another -o path") from e
    return path


def render_graph_page(nodes: Sequence[PageNode], edges: Sequence[PageEdge], *, title: str = DEFAULT_TITLE,
                      lang: str = "en", labels: Mapping[str, str] | None = None, note: str = "",
                      focus: str | None = None) -> str:
    """The page as a string; edges to or from an unknown node are left out, not an error."""
    if lang not in LANGUAGES:
        raise ExportError(f"no page language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    language = _Language(lang, labels or {})
    by_id = _unique_nodes(nodes)
    drawn = sorted((e for e in edges if e.source in by_id and e.target in by_id), key=_edge_key)
    degree = Counter([e.source for e in drawn] + [e.target for e in drawn])
    big = len(by_id) > BIG_GRAPH
    positions = layout(list(by_id), [(e.source, e.target) for e in drawn], seed=SEED) if big else None
    data = {
        "nodes": [_node_record(node, degree[node.id], language, positions) for node in by_id.values()],
        "edges": _edge_records(drawn, by_id, language),
        "options": _options(big=big),
        "big": big,
        "focus": focus if focus in by_id else None,
        "typeLabels": {n.type: language.type(n.type) for n in by_id.values()},
        "words": page_words(lang),
    }
    js, css = _vis_assets()
    return _PAGE.substitute(
        lang=lang, title=html.escape(title), note=html.escape(note), vis_css=css, vis_js=js, style=_STYLE,
        script=_SCRIPT, data=_script_json(data), empty=_empty_message(by_id, language),
        counts=f"{language.count(len(by_id), 'entity', 'entities')}, "
               f"{language.count(len(drawn), 'relation', 'relations')}",
        search=html.escape(language.word("search")), physics=html.escape(language.word("physics")),
        physics_on="" if big else " checked",
        types=_filter_section("types", language, _type_items(by_id.values(), language)),
        predicates=_filter_section("predicates", language, _predicate_items(drawn, language)),
    )


def describe_cut(lang: str, *, centre: str | None = None, depth: int | None = None, top: int | None = None) -> str:
    """The header's note on how the graph was cut: "Vladimir Putin, 2 hops · top 50 actors"."""
    language = _Language(lang if lang in LANGUAGES else "en")
    parts = []
    if centre is not None:
        parts.append(f"{centre}, {language.count(depth or 1, 'hop', 'hops')}")
    if top is not None:
        parts.append(language.word("top").format(n=top))
    return " · ".join(parts)


def type_colour(type_: str) -> str:
    """The colour of an entity type; unknown types share one grey."""
    return TYPE_COLOURS.get(type_, FALLBACK_COLOUR)


def type_shape(type_: str) -> str:
    """The vis-network shape of an entity type; unknown types share one."""
    return TYPE_SHAPES.get(type_, FALLBACK_SHAPE)


# ------------------------------------------------------------------ records for vis-network


def _unique_nodes(nodes: Iterable[PageNode]) -> dict[str, PageNode]:
    """One node per id (the first in sorted order), in id order, so input order never shows."""
    by_id: dict[str, PageNode] = {}
    for node in sorted(nodes, key=lambda n: (n.id, n.label, n.type)):
        by_id.setdefault(node.id, node)
    return by_id


def _edge_key(edge: PageEdge) -> tuple[Any, ...]:
    return (edge.source, edge.predicate, edge.target, [(e.article_id, e.sentence) for e in edge.evidence])


def _node_record(node: PageNode, degree: int, language: _Language,
                 positions: Mapping[str, tuple[float, float]] | None) -> dict[str, Any]:
    """A vis-network node; `value` (the number of relations) sizes it, so hubs stand out."""
    record: dict[str, Any] = {
        "id": node.id, "label": node.label or node.id, "type": node.type, "shape": type_shape(node.type),
        "color": type_colour(node.type), "value": degree, "title": _node_tooltip(node, degree, language),
        "wikidata": node.wikidata or "", "aliases": list(node.aliases),
    }
    if positions is not None:
        record["x"], record["y"] = positions[node.id]
    return record


def _edge_records(edges: list[PageEdge], nodes: Mapping[str, PageNode], language: _Language) -> list[dict[str, Any]]:
    """vis-network edges; parallel edges get their own curve so none hides another."""
    siblings: dict[frozenset[str], int] = defaultdict(int)
    pair_size = Counter(frozenset((e.source, e.target)) for e in edges)
    records = []
    for i, edge in enumerate(edges):
        record: dict[str, Any] = {
            "id": f"e{i}", "from": edge.source, "to": edge.target, "arrows": "to",
            "predicate": edge.predicate, "label": language.predicate(edge.predicate),
            "heading": _triple(edge, nodes, language), "title": _edge_tooltip(edge, nodes, language),
            "evidence": [_evidence(ev) for ev in edge.evidence],
        }
        pair = frozenset((edge.source, edge.target))
        if pair_size[pair] > 1 and edge.source != edge.target:
            record["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 + 0.2 * siblings[pair]}
            siblings[pair] += 1
        records.append(record)
    return records


def _node_tooltip(node: PageNode, degree: int, language: _Language) -> str:
    """Plain text: vis-network shows a string title with innerText, so nothing in it is HTML."""
    lines = [node.label or node.id, f"{language.word('type')}: {language.type(node.type)}"]
    if node.wikidata:
        lines.append(f"Wikidata: {node.wikidata}")
    if node.aliases:
        lines.append(f"{language.word('also')}: " + ", ".join(node.aliases))
    lines.append(language.count(degree, "relation", "relations"))
    return "\n".join(lines)


def _triple(edge: PageEdge, nodes: Mapping[str, PageNode], language: _Language) -> str:
    source, target = nodes[edge.source], nodes[edge.target]
    return f"{source.label or source.id} {language.predicate(edge.predicate)} {target.label or target.id}"


def _edge_tooltip(edge: PageEdge, nodes: Mapping[str, PageNode], language: _Language) -> str:
    """The triple, then each sentence with its article's title, date and url (plain text, as above)."""
    lines = [_triple(edge, nodes, language)]
    for ev in edge.evidence[:TOOLTIP_EVIDENCE]:
        lines += ["", f"“{ev.sentence}”", "  — " + _source(ev)]
        if ev.url:
            lines.append("  " + ev.url)
    if len(edge.evidence) > TOOLTIP_EVIDENCE:
        lines += ["", f"(+{len(edge.evidence) - TOOLTIP_EVIDENCE} {language.word('more')})"]
    return "\n".join(lines)


def _source(ev: PageEvidence) -> str:
    """Title and date first (what a reader recognises), the article id last (what kg query takes)."""
    named = ", ".join(part for part in (ev.title, ev.date) if part)
    return f"{named} ({ev.article_id})" if named else ev.article_id


def _evidence(ev: PageEvidence) -> dict[str, str]:
    return {"sentence": ev.sentence, "source": _source(ev), "url": ev.url or ""}


def _options(*, big: bool) -> dict[str, Any]:
    """vis-network options. Small graphs settle with physics (seeded, so every open looks
    the same); big ones come laid out, so drawing them is all the browser does."""
    return {
        "layout": {"randomSeed": SEED, "improvedLayout": not big},
        "nodes": {"scaling": {"min": 7, "max": 30}, "borderWidth": 1,
                  "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "width": 1, "selectionWidth": 2,
                  "font": {"size": 11, "align": "middle", "color": "#555555", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "color": {"color": "#a3a9b0", "highlight": "#222222", "hover": "#222222"},
                  "smooth": {"enabled": False} if big else {"enabled": True, "type": "continuous"}},
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": not big, "iterations": 400, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
    }


# ------------------------------------------------------------------ the filter panel (legend included)


@dataclass(frozen=True, slots=True)
class _FilterItem:
    key: str
    label: str
    count: int
    swatch: str = ""


def _type_items(nodes: Iterable[PageNode], language: _Language) -> list[_FilterItem]:
    """One checkbox per type present, in palette order then by name; its swatch is the legend."""
    counts = Counter(n.type for n in nodes)
    ordered = [t for t in TYPE_COLOURS if t in counts] + sorted(counts.keys() - TYPE_COLOURS.keys())
    return [_FilterItem(t, language.type(t), counts[t], _swatch(type_shape(t), type_colour(t))) for t in ordered]


def _predicate_items(edges: Iterable[PageEdge], language: _Language) -> list[_FilterItem]:
    counts = Counter(e.predicate for e in edges)
    return sorted((_FilterItem(p, language.predicate(p), n) for p, n in counts.items()),
                  key=lambda item: (item.label.casefold(), item.key))


def _filter_section(kind: str, language: _Language, items: list[_FilterItem]) -> str:
    """A titled group of checkboxes with all/none buttons; every text is escaped."""
    attribute = "type" if kind == "types" else "predicate"
    rows = "".join(
        f'<label><input type="checkbox" data-{attribute}="{html.escape(item.key)}" checked>{item.swatch}'
        f'<span class="name">{html.escape(item.label)}</span><span class="n">{item.count}</span></label>'
        for item in items)
    return (f'<section class="filter" id="{kind}"><h2>{html.escape(language.word(kind))}'
            f'<button type="button" data-all="{kind}">{html.escape(language.word("all"))}</button>'
            f'<button type="button" data-none="{kind}">{html.escape(language.word("none"))}</button></h2>'
            f"{rows}</section>")


_SWATCH_PATHS = {
    "dot": '<circle r="6"/>',
    "square": '<rect x="-5.5" y="-5.5" width="11" height="11"/>',
    "diamond": '<polygon points="0,-7 7,0 0,7 -7,0"/>',
    "triangle": '<polygon points="0,-6.5 6.5,5 -6.5,5"/>',
    "triangleDown": '<polygon points="0,6.5 6.5,-5 -6.5,-5"/>',
    "star": '<polygon points="0,-7 1.8,-2.3 6.7,-2.2 2.9,0.9 4.1,5.7 0,3 -4.1,5.7 -2.9,0.9 -6.7,-2.2 -1.8,-2.3"/>',
    "hexagon": '<polygon points="6.5,0 3.3,5.6 -3.3,5.6 -6.5,0 -3.3,-5.6 3.3,-5.6"/>',
}


def _swatch(shape: str, colour: str) -> str:
    """The type's shape in its colour, as the graph draws it (inline SVG: nothing to load)."""
    return (f'<svg class="swatch" viewBox="-7 -7 14 14" aria-hidden="true"><g fill="{colour}">'
            f"{_SWATCH_PATHS[shape]}</g></svg>")


def _empty_message(nodes: Mapping[str, PageNode], language: _Language) -> str:
    return "" if nodes else f'<p class="empty">{html.escape(language.word("empty"))}</p>'


# ------------------------------------------------------------------ assets and escaping


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


_STYLE = """
html, body { margin: 0; height: 100%; font: 14px system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 6px 14px; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: 2px 18px;
         align-items: baseline; }
h1 { font-size: 1.15em; margin: 0; }
.counts, .note, #shown { color: #555; }
.layout { flex: 1; display: flex; min-height: 0; }
aside { width: 250px; flex: none; overflow-y: auto; border-right: 1px solid #ddd; padding: 8px 10px;
        box-sizing: border-box; }
aside h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #666; margin: 12px 0 4px;
           display: flex; gap: 6px; align-items: center; }
aside h2 button { font-size: 11px; padding: 0 5px; text-transform: none; }
aside label { display: flex; align-items: center; gap: 6px; padding: 1px 0; cursor: pointer; }
aside label .name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
aside label .n { color: #888; font-size: 12px; }
.swatch { width: 14px; height: 14px; flex: none; }
#search { width: 100%; box-sizing: border-box; padding: 4px 6px; font: inherit; }
#results { list-style: none; margin: 4px 0 0; padding: 0; }
#results button { display: block; width: 100%; text-align: left; border: 0; background: none; padding: 3px 4px;
                  font: inherit; cursor: pointer; }
#results button:hover, #results button:focus { background: #eef3fb; }
#results .type, #results .none { color: #888; font-size: 12px; margin-left: 6px; }
main { flex: 1; position: relative; min-width: 0; }
#graph { position: absolute; inset: 0; }
.empty { padding: 24px; color: #555; }
#info { position: absolute; top: 10px; right: 10px; width: min(400px, 45%); max-height: calc(100% - 40px);
        overflow: auto; background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: 8px 12px;
        box-shadow: 2px 2px 8px rgba(0, 0, 0, .15); font-size: 13px; z-index: 5; }
#info h2 { font-size: 14px; margin: 4px 24px 8px 0; }
#info h3 { font-size: 12px; margin: 10px 0 4px; color: #666; text-transform: capitalize; }
#info .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px;
               cursor: pointer; }
#info blockquote { margin: 8px 0 2px; font-style: italic; }
#info .meta, #info .source { color: #666; margin: 2px 0; }
#info ul { margin: 0; padding: 0; list-style: none; }
#info li button { border: 0; background: none; padding: 1px 0; font: inherit; color: #1a5fb4; cursor: pointer;
                  text-align: left; }
div.vis-tooltip { white-space: pre-wrap; max-width: 440px; font-family: inherit; font-size: 13px; }
"""

# Plain JavaScript, no template placeholders: every text from the data goes in through textContent.
_SCRIPT = r"""
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const kg = window.kg = { ready: false, drawnAt: null };
  if (!data.nodes.length) { kg.ready = true; return; }
  const words = data.words;
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const typeOf = new Map(data.nodes.map((n) => [n.id, n.type]));
  const shownTypes = checkedValues("type"), shownPredicates = checkedValues("predicate");
  const nodeView = new vis.DataView(nodes, { filter: (n) => shownTypes.has(n.type) });
  const edgeView = new vis.DataView(edges, { filter: (e) => shownPredicates.has(e.predicate)
    && shownTypes.has(typeOf.get(e.from)) && shownTypes.has(typeOf.get(e.to)) });
  const network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView },
                                  data.options);
  Object.assign(kg, { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                      select: select });
  network.once("afterDrawing", () => {
    kg.drawnAt = performance.now();
    if (data.focus) { select(data.focus, false); }
    kg.ready = true;
  });

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function checkedValues(attribute) {
    return new Set(Array.from(document.querySelectorAll("input[data-" + attribute + "]"))
      .filter((box) => box.checked).map((box) => box.dataset[attribute]));
  }

  // ---- filters: type and predicate checkboxes, with all/none per group
  const shown = document.getElementById("shown");
  function refresh() {
    shownTypes.clear(); checkedValues("type").forEach((t) => shownTypes.add(t));
    shownPredicates.clear(); checkedValues("predicate").forEach((p) => shownPredicates.add(p));
    nodeView.refresh();
    edgeView.refresh();
    const all = nodeView.length === nodes.length && edgeView.length === edges.length;
    shown.textContent = all ? "" : "(" + words.shown + ": " + nodeView.length + ", " + edgeView.length + ")";
  }
  document.querySelectorAll("aside input[type=checkbox][data-type], aside input[type=checkbox][data-predicate]")
    .forEach((box) => box.addEventListener("change", refresh));
  document.querySelectorAll("button[data-all], button[data-none]").forEach((button) => {
    button.addEventListener("click", () => {
      const on = button.hasAttribute("data-all");
      const group = document.getElementById(button.dataset.all || button.dataset.none);
      group.querySelectorAll("input[type=checkbox]").forEach((box) => { box.checked = on; });
      refresh();
    });
  });

  // ---- search: label, alias or Wikidata id; Enter or a click selects and centres the node
  const search = document.getElementById("search"), results = document.getElementById("results");
  const haystack = new Map(data.nodes.map((n) => [n.id,
    [n.label, n.wikidata].concat(n.aliases).join("\u001f").toLocaleLowerCase()]));
  function matches(query) {
    const found = [];
    data.nodes.forEach((n) => {
      const label = n.label.toLocaleLowerCase();
      const rank = label === query ? 0 : label.startsWith(query) ? 1 : label.includes(query) ? 2
        : haystack.get(n.id).includes(query) ? 3 : -1;
      if (rank >= 0) { found.push([rank, -n.value, n.label, n]); }
    });
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    return found.slice(0, 15).map((f) => f[3]);
  }
  search.addEventListener("input", () => {
    const query = search.value.trim().toLocaleLowerCase();
    results.replaceChildren();
    if (!query) { return; }
    const found = matches(query);
    found.forEach((n) => {
      const button = el("button", n.label);
      button.type = "button";
      button.append(el("span", data.typeLabels[n.type], "type"));
      button.addEventListener("click", () => select(n.id, !data.big));
      const item = el("li");
      item.append(button);
      results.append(item);
    });
    if (!found.length) { results.append(el("li", words.no_match, "none")); }
  });
  search.addEventListener("keydown", (event) => {
    const first = results.querySelector("button");
    if (event.key === "Enter" && first) { first.click(); }
  });

  // A big graph jumps: at a few frames a second an animation would only look broken.
  function select(id, animate) {
    const node = nodes.get(id);
    if (!node) { return; }
    const box = document.querySelector("input[data-type=\"" + CSS.escape(node.type) + "\"]");
    if (box && !box.checked) { box.checked = true; refresh(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1),
                        animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
    showNode(node);
  }

  // ---- physics switch
  const physics = document.getElementById("physics");
  physics.addEventListener("change", () => network.setOptions({ physics: { enabled: physics.checked } }));

  // ---- the side panel: an entity's facts and relations, or an edge's evidence
  const info = document.getElementById("info");
  function openPanel(heading) {
    info.replaceChildren();
    const close = el("button", "\u00d7", "close");
    close.type = "button";
    close.title = words.close;
    close.addEventListener("click", () => { info.hidden = true; });
    info.append(close, el("h2", heading));
    info.hidden = false;
  }
  function showNode(node) {
    openPanel(node.label);
    info.append(el("p", words.type + ": " + data.typeLabels[node.type], "meta"));
    if (node.wikidata) {
      const line = el("p", "Wikidata: ", "meta");
      if (/^Q[0-9]+$/.test(node.wikidata)) {
        const link = el("a", node.wikidata);
        link.href = "https://www.wikidata.org/wiki/" + node.wikidata;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        line.append(link);
      } else { line.append(node.wikidata); }
      info.append(line);
    }
    if (node.aliases.length) { info.append(el("p", words.also + ": " + node.aliases.join(", "), "meta")); }
    const linked = edgeView.get({ filter: (e) => e.from === node.id || e.to === node.id });
    info.append(el("h3", words.relations + " (" + linked.length + ")"));
    const list = el("ul");
    linked.slice(0, 100).forEach((edge) => {
      const button = el("button", edge.heading);
      button.type = "button";
      button.addEventListener("click", () => { network.selectEdges([edge.id]); showEdge(edge); });
      const item = el("li");
      item.append(button);
      list.append(item);
    });
    info.append(list);
  }
  function showEdge(edge) {
    openPanel(edge.heading);
    edge.evidence.forEach((ev) => {
      info.append(el("blockquote", ev.sentence));
      const source = el("div", ev.source + " ", "source");
      if (/^https?:\/\//.test(ev.url)) {
        const link = el("a", words.open);
        link.href = ev.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        source.append(link);
      }
      info.append(source);
    });
  }
  network.on("click", (params) => {
    if (params.nodes.length === 1) { showNode(nodes.get(params.nodes[0])); }
    else if (params.edges.length === 1) { showEdge(edges.get(params.edges[0])); }
    else { info.hidden = true; }
  });
}());
"""

_PAGE = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>$vis_css</style>
<style>$style</style>
</head>
<body>
<header>
<h1>$title</h1>
<span class="counts">$counts</span>
<span id="shown"></span>
<span class="note">$note</span>
</header>
<div class="layout">
<aside>
<input id="search" type="search" placeholder="$search" aria-label="$search" autocomplete="off">
<ul id="results"></ul>
<label class="switch"><input id="physics" type="checkbox"$physics_on><span class="name">$physics</span></label>
$types
$predicates
</aside>
<main>
$empty<div id="graph"></div>
<div id="info" hidden></div>
</main>
</div>
<script>$vis_js</script>
<script id="kg-data" type="application/json">$data</script>
<script>$script</script>
</body>
</html>
""")
