"""The interactive graph page: one self-contained HTML file an analyst opens offline.

vis-network draws it; its JS and CSS (shipped inside pyvis) are inlined, so the page
opens from an e-mail attachment or an air-gapped laptop and requests nothing. The
page is our own template, because pyvis's templates load Bootstrap and fonts from
CDNs, and the node and edge records are built here directly (pyvis's builders are
quadratic and added a second to a 5,000-node page).

What the analyst gets: colour *and* shape by entity type (readable in greyscale and
by the colour-blind), node size by number of relations, edges labelled with the
predicate in the page's language, tooltips with the evidence behind each edge,
filters by type and predicate, a search box and a physics switch. Planned relations
("will withdraw") are dashed and have their own filter, so an announcement never
reads as a deed; the click panel gives each sentence's confidence; an entity none of
whose relations the filters show is hidden (a switch shows it), so nothing floats
unexplained; and the panel is a column beside the graph, never under a tooltip.

Big graphs (more than BIG_GRAPH nodes) arrive with positions computed in Python
(kg.export.layout) and physics off, so the browser draws at once instead of
simulating for minutes. Everything taken from articles is data, never markup: it
travels as JSON inside a <script type="application/json"> and reaches the page
through textContent, tooltips as plain strings (vis-network shows those with
innerText).
"""

from __future__ import annotations

import html
import importlib.util
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import DataFileError, ExportError
from kg.lexicon import SUPPORTED_LANGUAGES
from kg.resources import data_dir
from kg.export.template import PAGE, SCRIPT, STYLE

__all__ = ["PageEvidence", "PageNode", "PageEdge", "TYPE_COLOURS", "TYPE_SHAPES", "FALLBACK_COLOUR",
           "FALLBACK_SHAPE", "LANGUAGES", "BIG_GRAPH", "write_graph_page", "render_graph_page", "type_colour",
           "type_shape", "describe_cut", "ASSERTED", "PLANNED"]

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
ASSERTED, PLANNED = "asserted", "planned"  # kg:modality's values: stated as done, or as intended
TOOLTIP_EVIDENCE = 3  # more sentences than this go to the click panel only (the page's script counts them)
DEFAULT_TITLE = "kg knowledge graph"
# Found without importing pyvis, which imports IPython: a tenth of a second for a path.
_PYVIS = importlib.util.find_spec("pyvis")
_VIS_DIR = Path(_PYVIS.origin if _PYVIS and _PYVIS.origin else "pyvis").parent / "templates" / "lib" / "vis-9.1.2"

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
    confidence: float | None = None  # the rule's measured precision (kg:confidence)
    modality: str = ASSERTED  # or PLANNED: "will visit", "plans to withdraw"


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
    count: int = 0  # how many evidence nodes state it, where their sentences were not read (page_links)

    @property
    def modality(self) -> str:
        """Planned only when every sentence plans it: one that says it happened makes it asserted."""
        planned = bool(self.evidence) and all(ev.modality == PLANNED for ev in self.evidence)
        return PLANNED if planned else ASSERTED

    @property
    def confidence(self) -> float | None:
        """The highest confidence of its sentences: one reliable sentence is enough to believe it."""
        return max((ev.confidence for ev in self.evidence if ev.confidence is not None), default=None)


@dataclass(frozen=True)
class _Language:
    """The page's language: its own words, and the ontology's labels for predicates and types."""

    code: str
    labels: Mapping[str, str] = field(default_factory=dict)

    def word(self, key: str) -> str:
        return page_words(self.code)[key]

    def predicate(self, name: str) -> str:
        """The predicate's label, else its local name spelt out ("meetsWith" -> "meets with")."""
        return self.labels.get(name) or _spelt_out(name)

    def type(self, name: str) -> str:
        label = self.labels.get(name)
        return label[:1].upper() + label[1:] if label else (name or "unknown")

    def count(self, n: int, one: str, many: str) -> str:
        return f"{n} {self.word(one if n == 1 else many)}"


@lru_cache(maxsize=None)
def _spelt_out(name: str) -> str:
    return "".join(" " + c.lower() if c.isupper() else c for c in name).strip()


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
    positions = _positions(list(by_id), drawn) if big else None
    articles: dict[tuple[str, str], int] = {}
    data = {
        "nodes": [_node_record(node, degree[node.id], language, positions) for node in by_id.values()],
        "edges": _edge_records(drawn, by_id, language, articles),
        "articles": [{"source": source, "url": url} for source, url in articles],
        "tooltipEvidence": TOOLTIP_EVIDENCE,
        "options": _options(big=big),
        "big": big,
        "focus": focus if focus in by_id else None,
        "typeLabels": {n.type: language.type(n.type) for n in by_id.values()},
        "words": page_words(lang),
    }
    js, css = _vis_assets()
    return PAGE.substitute(
        lang=lang, title=html.escape(title), note=html.escape(note), vis_css=css, vis_js=js, style=STYLE,
        script=SCRIPT, data=_script_json(data), empty=_empty_message(by_id, language),
        counts=f"{language.count(len(by_id), 'entity', 'entities')}, "
               f"{language.count(len(drawn), 'relation', 'relations')}",
        search=html.escape(language.word("search")), physics=html.escape(language.word("physics")),
        physics_on="" if big else " checked",
        types=_filter_section("types", language, _type_items(by_id.values(), language)),
        predicates=_filter_section("predicates", language, _predicate_items(drawn, language)),
        modalities=_filter_section("modalities", language, _modality_items(drawn, language)),
        unlinked=html.escape(language.word("unlinked")), unlinked_on="" if drawn else " checked",
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


def _positions(node_ids: list[str], edges: list[PageEdge]) -> dict[str, tuple[float, float]]:
    """The big graph's layout; numpy and scipy are imported only for a page that needs one."""
    from kg.export.layout import layout

    return layout(node_ids, [(e.source, e.target) for e in edges], seed=SEED)


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


def _edge_records(edges: list[PageEdge], nodes: Mapping[str, PageNode], language: _Language,
                  articles: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    """vis-network edges; parallel edges get their own curve so none hides another.

    Each sentence is `[sentence, article, confidence, modality]` (a list, not an object: a
    page holds tens of thousands), its article a number in `articles` (filled here: source
    line and url, in order of first use), so an article's title, date and url are in the page
    once, not once per sentence; the page's script builds each edge's tooltip from its
    evidence (SCRIPT's edgeTooltip), so no sentence is in the page twice. A top-200 page of
    a 10,000-article store is two thirds of the bytes for it (25 MB before), written in two
    thirds of the time.
    """
    siblings: dict[frozenset[str], int] = defaultdict(int)
    pair_size = Counter(frozenset((e.source, e.target)) for e in edges)
    sources: dict[tuple[str, str | None, str | None, str | None], int] = {}  # an article's fields -> its number
    records = []
    for i, edge in enumerate(edges):
        modality, confidence = edge.modality, edge.confidence  # each reads every sentence: once an edge
        evidence = []
        for ev in edge.evidence:
            key = (ev.article_id, ev.title, ev.date, ev.url)
            number = sources.get(key)
            if number is None:
                number = sources[key] = articles.setdefault((_source(ev), ev.url or ""), len(articles))
            evidence.append((ev.sentence, number, ev.confidence, ev.modality))
        record: dict[str, Any] = {
            "id": f"e{i}", "from": edge.source, "to": edge.target, "arrows": "to",
            "predicate": edge.predicate, "label": language.predicate(edge.predicate),
            "modality": modality, "confidence": confidence, "dashes": modality == PLANNED,
            "heading": _triple(edge, nodes, language), "evidence": evidence,
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


def _source(ev: PageEvidence) -> str:
    """Title and date first (what a reader recognises), the article id last (what kg query takes)."""
    named = ", ".join(part for part in (ev.title, ev.date) if part)
    return f"{named} ({ev.article_id})" if named else ev.article_id


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


def _modality_items(edges: Iterable[PageEdge], language: _Language) -> list[_FilterItem]:
    """Asserted and planned relations, each with the line the graph draws it with (solid, dashed)."""
    counts = Counter(e.modality for e in edges)
    return [_FilterItem(m, language.word(m), counts[m], _line_swatch(dashed=m == PLANNED))
            for m in (ASSERTED, PLANNED) if counts[m]]


_ATTRIBUTE = {"types": "type", "predicates": "predicate", "modalities": "modality"}


def _filter_section(kind: str, language: _Language, items: list[_FilterItem]) -> str:
    """A titled group of checkboxes with all/none buttons; every text is escaped."""
    attribute = _ATTRIBUTE[kind]
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


def _line_swatch(*, dashed: bool) -> str:
    """An edge as the graph draws it: solid when asserted, dashed when planned."""
    dash = ' stroke-dasharray="3 2"' if dashed else ""
    return (f'<svg class="swatch" viewBox="0 -7 14 14" aria-hidden="true">'
            f'<line x1="0" y1="0" x2="14" y2="0" stroke="#6b7178" stroke-width="2"{dash}/></svg>')


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
