"""The graph page's template: its HTML skeleton, style sheet and script, kept apart from
the Python that fills them (kg.export.html), so each stays readable on its own.

The script is plain JavaScript with no placeholders: every text taken from articles
reaches the page as JSON data and goes in through textContent.
"""

from __future__ import annotations

from string import Template

__all__ = ["PAGE", "SCRIPT", "STYLE"]

STYLE = """
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
main { flex: 1; display: flex; min-width: 0; }
#stage { flex: 1; position: relative; min-width: 0; overflow: hidden; }
#graph { position: absolute; inset: 0; }
.empty { padding: 24px; color: #555; }
#info { position: relative; flex: none; width: min(400px, 40%); overflow: auto; background: #fff;
        border-left: 1px solid #ddd; padding: 8px 12px; box-sizing: border-box; font-size: 13px; }
#info h2 { font-size: 14px; margin: 4px 24px 8px 0; }
#info h3 { font-size: 12px; margin: 10px 0 4px; color: #666; text-transform: capitalize; }
#info .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px;
               cursor: pointer; }
#info blockquote { margin: 8px 0 2px; font-style: italic; }
#info .meta, #info .source { color: #666; margin: 2px 0; }
#info .planned { color: #8a5a00; font-style: normal; font-weight: 600; }
#info ul { margin: 0; padding: 0; list-style: none; }
#info li button { border: 0; background: none; padding: 1px 0; font: inherit; color: #1a5fb4; cursor: pointer;
                  text-align: left; }
div.vis-tooltip { white-space: pre-wrap; max-width: min(440px, calc(100% - 20px)); box-sizing: border-box;
                  font-family: inherit; font-size: 13px; }
"""

# Plain JavaScript, no template placeholders: every text from the data goes in through textContent.
SCRIPT = r"""
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const kg = window.kg = { ready: false, drawnAt: null };
  if (!data.nodes.length) { kg.ready = true; return; }
  const words = data.words;
  // Built here, not shipped: each sentence and each article's source line is in the page once.
  data.edges.forEach((e) => { e.title = edgeTooltip(e); });
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const typeOf = new Map(data.nodes.map((n) => [n.id, n.type]));
  const shownTypes = checkedValues("type"), shownPredicates = checkedValues("predicate");
  const shownModalities = checkedValues("modality");
  const unlinked = document.getElementById("unlinked");
  // An entity none of whose relations is shown is hidden (unless asked for): floating alone,
  // it would say nothing but take the eye.
  const linked = new Set();
  function edgeShown(e) {
    return shownPredicates.has(e.predicate) && shownModalities.has(e.modality)
      && shownTypes.has(typeOf.get(e.from)) && shownTypes.has(typeOf.get(e.to));
  }
  function relink() {
    linked.clear();
    data.edges.forEach((e) => { if (edgeShown(e)) { linked.add(e.from); linked.add(e.to); } });
  }
  relink();
  const nodeView = new vis.DataView(nodes, { filter: (n) => shownTypes.has(n.type)
    && (unlinked.checked || linked.has(n.id)) });
  const edgeView = new vis.DataView(edges, { filter: edgeShown });
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
  // Plain text (vis-network shows a string title with innerText): the triple, what it is stated
  // as, then the first sentences with their article's title, date and url.
  function edgeTooltip(edge) {
    const lines = [edge.heading];
    const stated = edge.modality === "planned" ? [words.planned] : [];
    if (edge.confidence !== null && edge.confidence !== undefined) {
      stated.push(words.confidence + " " + edge.confidence.toFixed(2));
    }
    if (stated.length) { lines.push("(" + stated.join(", ") + ")"); }
    edge.evidence.slice(0, data.tooltipEvidence).forEach(([sentence, number]) => {
      const article = data.articles[number];
      lines.push("", "\u201c" + sentence + "\u201d", "  \u2014 " + article.source);
      if (article.url) { lines.push("  " + article.url); }
    });
    const more = edge.evidence.length - data.tooltipEvidence;
    if (more > 0) { lines.push("", "(+" + more + " " + words.more + ")"); }
    return lines.join("\n");
  }
  function checkedValues(attribute) {
    return new Set(Array.from(document.querySelectorAll("input[data-" + attribute + "]"))
      .filter((box) => box.checked).map((box) => box.dataset[attribute]));
  }

  // ---- filters: type, predicate and modality checkboxes, with all/none per group
  const shown = document.getElementById("shown");
  function counts() {
    const all = nodeView.length === nodes.length && edgeView.length === edges.length;
    shown.textContent = all ? "" : "(" + words.shown + ": " + nodeView.length + ", " + edgeView.length + ")";
  }
  function refresh() {
    [[shownTypes, "type"], [shownPredicates, "predicate"], [shownModalities, "modality"]].forEach(([set, key]) => {
      set.clear(); checkedValues(key).forEach((value) => set.add(value));
    });
    relink();
    nodeView.refresh();
    edgeView.refresh();
    counts();
  }
  counts();
  document.querySelectorAll("aside input[type=checkbox][data-type], aside input[type=checkbox][data-predicate], "
                            + "aside input[type=checkbox][data-modality], #unlinked")
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
    if (!unlinked.checked && !linked.has(id)) { unlinked.checked = true; refresh(); }
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
    close.addEventListener("click", closePanel);
    info.append(close, el("h2", heading));
    if (info.hidden) { info.hidden = false; resized(); }
  }
  function closePanel() {
    if (!info.hidden) { info.hidden = true; resized(); }
  }
  // The panel is a column beside the graph, so no tooltip can open under it; the
  // canvas takes the width it leaves at once, not at vis-network's next resize check.
  function resized() {
    network.setSize("100%", "100%");
    network.redraw();
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
      const button = el("button", edge.heading + (edge.modality === "planned" ? " (" + words.planned + ")" : ""));
      button.type = "button";
      button.addEventListener("click", () => { network.selectEdges([edge.id]); showEdge(edge); });
      const item = el("li");
      item.append(button);
      list.append(item);
    });
    info.append(list);
  }
  function facts(item) {
    const parts = [];
    if (item.confidence !== null && item.confidence !== undefined) {
      parts.push(words.confidence + " " + item.confidence.toFixed(2));
    }
    return parts.join(" · ");
  }
  function showEdge(edge) {
    openPanel(edge.heading);
    const line = el("p", null, "meta");
    if (edge.modality === "planned") { line.append(el("span", words.planned, "planned"), " · "); }
    line.append(facts(edge));
    info.append(line);
    edge.evidence.forEach(([sentence, number, confidence, modality]) => {
      info.append(el("blockquote", sentence));
      const meta = el("p", null, "meta evidence");
      if (modality === "planned") { meta.append(el("span", words.planned, "planned"), " · "); }
      meta.append(facts({ confidence: confidence }));
      info.append(meta);
      const article = data.articles[number];
      const source = el("div", article.source + " ", "source");
      if (/^https?:\/\//.test(article.url)) {
        const link = el("a", words.open);
        link.href = article.url;
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
    else { closePanel(); }
  });
}());
"""

PAGE = Template("""<!DOCTYPE html>
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
<label class="switch"><input id="unlinked" type="checkbox"$unlinked_on><span class="name">$unlinked</span></label>
$types
$predicates
$modalities
</aside>
<main>
<div id="stage">$empty<div id="graph"></div></div>
<div id="info" hidden></div>
</main>
</div>
<script>$vis_js</script>
<script id="kg-data" type="application/json">$data</script>
<script>$script</script>
</body>
</html>
""")
