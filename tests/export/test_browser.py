"""The graph page in a real browser: drawn, offline, interactive, safe, and fast when big.

Headless Debian Chromium through Playwright (see tests/export/browser.py). Missing
either fails the tests with what to install: `make test` installs both.
Screenshots and the big page's timing go to kg-out/test-artifacts/.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kg.export import export
from kg.export.html import PageEdge, PageEvidence, PageNode, write_graph_page
from kg.export.page import page_data
from kg.rdf.store import open_store
from tests.conftest import ROOT

from . import browser as chromium_helpers
from .browser import OpenedPage, chromium, missing_browser, open_graph_page, synthetic_graph

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ARTIFACTS = ROOT / "kg-out" / "test-artifacts"
IMG = '<img src=x onerror="window.__kgPwned=1;alert(1)">'
SCRIPT = "<script>window.__kgPwned=1;alert(1)</script>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    missing = missing_browser()
    if missing:
        pytest.fail(missing)
    with chromium() as opened:
        yield opened


@pytest.fixture(scope="module")
def seed_page(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[PageNode],
                                                                                   list[PageEdge]]:
    """The page `kg export` writes for the bundled articles, and what it was made from."""
    with open_store(seed_store, read_only=True) as store:
        path = export(store, "html", tmp_path_factory.mktemp("page") / "graph.html")
        nodes, edges = page_data(store)
    return path, nodes, edges


@pytest.fixture
def opened(browser: Browser, seed_page: tuple[Path, list[PageNode], list[PageEdge]]) -> Iterator[OpenedPage]:
    page = open_graph_page(browser, seed_page[0])
    yield page
    page.page.close()


def _drawn(page: Page) -> tuple[int, int]:
    """Nodes and edges vis-network is drawing now (filtered-out items are not in its body)."""
    nodes, edges = page.evaluate("[kg.network.body.nodeIndices.length, kg.network.body.edgeIndices.length]")
    return int(nodes), int(edges)


def _expected(nodes: list[PageNode], edges: list[PageEdge], *, types: set[str] | None = None,
              predicates: set[str] | None = None, modalities: set[str] | None = None) -> tuple[int, int]:
    """Nodes and edges the filters should leave: the shown edges, and the shown-type nodes they link."""
    type_of = {n.id: n.type for n in nodes}
    shown = [e for e in edges if (predicates is None or e.predicate in predicates)
             and (modalities is None or e.modality in modalities)
             and (types is None or {type_of[e.source], type_of[e.target]} <= types)]
    linked = {e.source for e in shown} | {e.target for e in shown}
    return sum(1 for n in nodes if n.id in linked), len(shown)


def _dom_point(page: Page, canvas_point_js: str) -> tuple[float, float]:
    """A point given in canvas coordinates, in the page's coordinates."""
    point = page.evaluate("(p) => { const dom = kg.network.canvasToDOM(p); "
                          "const box = document.getElementById('graph').getBoundingClientRect(); "
                          "return [box.left + dom.x, box.top + dom.y]; }", page.evaluate(canvas_point_js))
    return float(point[0]), float(point[1])


def _hover(page: Page, canvas_point_js: str) -> str:
    """Move the mouse onto a point given in canvas coordinates and return the tooltip's text."""
    point = _dom_point(page, canvas_point_js)
    page.mouse.move(0, 0)
    page.mouse.move(point[0], point[1])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    return str(tooltip.inner_text())


def _node_point(node_id: str) -> str:
    return f"kg.network.getPositions([{json.dumps(node_id)}])[{json.dumps(node_id)}]"


def _edge_point(edge_id: str) -> str:
    return f"kg.network.body.edges[{json.dumps(edge_id)}].edgeType.getPoint(0.5)"


def test_the_page_draws_every_entity_and_relation_without_the_network(
        opened: OpenedPage, seed_page: tuple[Path, list[PageNode], list[PageEdge]]) -> None:
    _, nodes, edges = seed_page
    assert opened.requests and opened.requests[0].startswith("file://")
    assert opened.remote_requests() == []
    assert opened.errors == [] and opened.dialogs == []
    assert _drawn(opened.page) == _expected(nodes, edges)
    assert opened.page.evaluate("[kg.nodes.length, kg.edges.length]") == [len(nodes), len(edges)]
    assert opened.page.locator("canvas").count() == 1


def test_tooltips_show_entity_facts_and_edge_evidence(
        opened: OpenedPage, seed_page: tuple[Path, list[PageNode], list[PageEdge]]) -> None:
    _, nodes, edges = seed_page
    kazakhstan = next(n for n in nodes if n.label == "Kazakhstan")
    text = _hover(opened.page, _node_point(kazakhstan.id))
    assert "Kazakhstan" in text and "Type: Country" in text and "Wikidata: Q232" in text
    deploys = opened.page.evaluate("kg.edges.get({filter: (e) => e.predicate === 'deploysTo'})[0]")
    text = _hover(opened.page, _edge_point(deploys["id"]))
    assert text.startswith("CSTO deploys to Kazakhstan")
    evidence = next(e for e in edges if e.predicate == "deploysTo").evidence[0]
    assert evidence.sentence[:40] in text and (evidence.date or "") in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "graph-page.png"
    opened.page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    assert opened.remote_requests() == []


def test_edge_tooltips_are_built_from_the_evidence(browser: Browser, tmp_path: Path) -> None:
    """The page's script writes each edge's tooltip (kg/export/template.py): the triple, what it is
    stated as, the first three sentences with their article, and how many more the panel shows."""
    seen = PageEvidence("The CSTO deployed peacekeepers to Kazakhstan on 6 January.", "a1",
                        title="CSTO sends troops", date="2022-01-06", url="https://example.org/a1", confidence=0.94)
    planned = PageEvidence("CSTO will withdraw from Kazakhstan.", "a2", confidence=0.67, modality="planned")
    many = tuple(PageEvidence(f"Sentence {i}.", f"a{i}") for i in range(5))
    nodes = [PageNode("kz", "Kazakhstan", "Country"), PageNode("csto", "CSTO", "Organization")]
    edges = [PageEdge("csto", "kz", "deploysTo", (seen,)), PageEdge("csto", "kz", "withdrawsFrom", (planned,)),
             PageEdge("kz", "csto", "supports", many)]
    opened = open_graph_page(browser, write_graph_page(nodes, edges, tmp_path / "tooltips.html"))
    try:
        titles = dict(opened.page.evaluate("kg.edges.get().map((e) => [e.predicate, e.title])"))
        assert titles["deploysTo"] == ("CSTO deploys to Kazakhstan\n(confidence 0.94)\n\n"
                                       "\u201cThe CSTO deployed peacekeepers to Kazakhstan on 6 January.\u201d\n"
                                       "  \u2014 CSTO sends troops, 2022-01-06 (a1)\n  https://example.org/a1")
        assert titles["withdrawsFrom"] == ("CSTO withdraws from Kazakhstan\n(planned, confidence 0.67)\n\n"
                                           "\u201cCSTO will withdraw from Kazakhstan.\u201d\n  \u2014 a2")
        assert "Sentence 2." in titles["supports"] and "Sentence 3." not in titles["supports"]
        assert titles["supports"].endswith("\n\n(+2 more: click the edge)")
        assert opened.errors == []
    finally:
        opened.page.close()


def test_filters_search_and_the_physics_switch(
        opened: OpenedPage, seed_page: tuple[Path, list[PageNode], list[PageEdge]]) -> None:
    _, nodes, edges = seed_page
    page = opened.page
    types = {n.type for n in nodes}
    page.locator('input[data-type="Person"]').uncheck()
    assert _drawn(page) == _expected(nodes, edges, types=types - {"Person"})
    page.locator('button[data-none="predicates"]').click()
    assert _drawn(page) == (0, 0)
    page.locator('button[data-all="predicates"]').click()
    page.locator('input[data-type="Person"]').check()
    assert _drawn(page) == _expected(nodes, edges)
    page.locator('input[data-predicate="leads"]').uncheck()
    predicates = {e.predicate for e in edges}
    assert _drawn(page) == _expected(nodes, edges, predicates=predicates - {"leads"})
    assert "shown" in page.locator("#shown").inner_text()

    page.locator("#search").fill("tokay")
    assert page.locator("#results button").first.inner_text().startswith("Kassym-Jomart Tokayev")
    page.locator("#search").press("Enter")
    tokayev = next(n for n in nodes if n.label == "Kassym-Jomart Tokayev")
    assert page.evaluate("kg.network.getSelectedNodes()") == [tokayev.id]
    assert page.locator("#info h2").inner_text() == "Kassym-Jomart Tokayev"
    page.locator("#search").fill("Q7747")  # a Wikidata id finds Putin too
    assert page.locator("#results button").first.inner_text().startswith("Vladimir Putin")

    assert page.evaluate("kg.network.physics.options.enabled") is True
    page.locator("#physics").uncheck()
    assert page.evaluate("kg.network.physics.options.enabled") is False
    assert opened.errors == [] and opened.remote_requests() == []


def test_text_from_articles_is_shown_as_text_and_never_runs(browser: Browser, tmp_path: Path) -> None:
    evidence = PageEvidence(f"He said {SCRIPT} and {IMG}.", "a1", title=IMG, date="2022-01-10",
                            url="javascript:window.__kgPwned=1")
    nodes = [PageNode("img", IMG, "Person", aliases=(SCRIPT,)), PageNode("script", SCRIPT, IMG),
             PageNode("plain", "Plain", "Country")]
    edges = [PageEdge("img", "script", SCRIPT, (evidence,)), PageEdge("script", "plain", "leads", (evidence,))]
    path = write_graph_page(nodes, edges, tmp_path / "hostile.html", title=SCRIPT, note=IMG)
    opened = open_graph_page(browser, path)
    page = opened.page
    try:
        assert _drawn(page) == (3, 2)
        assert _hover(page, _node_point("img")).startswith(IMG)
        page.locator("#search").fill("img src")
        assert page.locator("#results button").first.inner_text().startswith(IMG)
        page.locator("#results button").first.click()
        assert page.locator("#info h2").inner_text() == IMG
        page.locator("#info li button").first.click()  # the edge's evidence panel
        assert SCRIPT in page.locator("#info blockquote").first.inner_text()
        assert page.locator("#info a").count() == 0  # a javascript: url is no link
        assert page.locator("h1").inner_text() == SCRIPT
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("window.__kgPwned") is None
        assert opened.dialogs == [] and opened.errors == []
        assert opened.remote_requests() == []
        assert not any(url.endswith("/x") for url in opened.requests)
    finally:
        page.close()


def test_a_5000_node_page_is_drawn_and_interactive(browser: Browser, tmp_path: Path) -> None:
    nodes, edges = synthetic_graph(5000, 10000)
    started = time.perf_counter()
    path = write_graph_page(nodes, edges, tmp_path / "big.html")
    write_seconds = time.perf_counter() - started
    opened = open_graph_page(browser, path, timeout_s=60)  # a hang guard, not the target: see bench
    page = opened.page
    try:
        assert _drawn(page) == _expected(nodes, edges)
        assert page.evaluate("kg.network.physics.options.enabled") is False
        hub = "https://kg.example.org/entity/n00000"
        page.locator("#search").fill("Actor 0")
        page.locator("#search").press("Enter")
        assert page.evaluate("kg.network.getSelectedNodes()") == [hub]
        assert _hover(page, _node_point(hub)).startswith("Actor 0\n")
        assert opened.errors == [] and opened.remote_requests() == []
        timing = {"nodes": 5000, "edges": 10000, "python_write_s": round(write_seconds, 2),
                  "browser_ready_s": round(opened.seconds_to_ready, 2),
                  "page_drawn_ms": round(opened.drawn_ms), "page_mb": round(path.stat().st_size / 1e6, 1)}
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "big-page-timing.json").write_text(json.dumps(timing, indent=2) + "\n", encoding="utf-8")
        page.screenshot(path=str(ARTIFACTS / "big-page.png"))
        print(f"5,000-node page: {timing}")
    finally:
        page.close()


def test_a_missing_browser_or_playwright_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chromium_helpers, "CHROMIUM", Path("/nonexistent/chromium"))
    assert "make system-deps" in (missing_browser() or "")
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    message = missing_browser() or ""
    assert "Playwright" in message and ".[test]" in message and "make test" in message


def _drawn_ids(page: Page) -> set[str]:
    return set(page.evaluate("kg.network.body.nodeIndices"))


def test_planned_relations_are_dashed_and_can_be_filtered_out(
        opened: OpenedPage, seed_page: tuple[Path, list[PageNode], list[PageEdge]]) -> None:
    _, nodes, edges = seed_page
    page = opened.page
    assert any(e.modality == "planned" for e in edges)  # the seed articles announce a withdrawal
    drawn = page.evaluate("kg.network.body.edgeIndices.map((id) => { const e = kg.edges.get(id); "
                          "return [e.from, e.predicate, e.to, kg.network.body.edges[id].options.dashes]; })")
    assert {(s, p, t): dashes for s, p, t, dashes in drawn} == {
        (e.source, e.predicate, e.target): e.modality == "planned" for e in edges}
    page.locator('input[data-modality="planned"]').uncheck()
    assert _drawn(page) == _expected(nodes, edges, modalities={"asserted"})
    page.locator('input[data-modality="planned"]').check()
    page.locator('input[data-modality="asserted"]').uncheck()
    assert _drawn(page) == _expected(nodes, edges, modalities={"planned"})
    page.locator('input[data-modality="asserted"]').check()
    assert _drawn(page) == _expected(nodes, edges)
    assert opened.errors == []


@pytest.mark.parametrize("predicate", ["deploysTo", "withdrawsFrom"])
def test_the_edge_panel_shows_confidence_and_modality(
        opened: OpenedPage, seed_page: tuple[Path, list[PageNode], list[PageEdge]], predicate: str) -> None:
    _, _, edges = seed_page
    edge = next(e for e in edges if e.predicate == predicate)
    page = opened.page
    record = page.evaluate(f"kg.edges.get({{filter: (e) => e.predicate === {json.dumps(predicate)}}})[0]")
    page.mouse.click(*_dom_point(page, _edge_point(record["id"])))  # a real click on the drawn edge
    page.locator("#info").wait_for(state="visible")
    panel = page.locator("#info").inner_text()
    assert page.locator("#info h2").inner_text() == record["heading"]
    assert edge.confidence is not None and f"confidence {edge.confidence:.2f}" in panel
    for ev in edge.evidence:
        assert ev.confidence is not None and f"confidence {ev.confidence:.2f}" in panel
    assert ("planned" in panel) == (edge.modality == "planned")


def test_entities_without_a_shown_relation_are_hidden_until_a_filter_shows_one(
        opened: OpenedPage, seed_page: tuple[Path, list[PageNode], list[PageEdge]]) -> None:
    _, nodes, edges = seed_page
    page = opened.page
    linked = {e.source for e in edges} | {e.target for e in edges}
    assert len(nodes) - len(linked) >= 10  # entities only cited or mentioned: none floats alone
    assert _drawn_ids(page) == linked
    leads_only = {n for n in linked if all(e.predicate == "leads" for e in edges if n in (e.source, e.target))}
    assert leads_only
    page.locator('input[data-predicate="leads"]').uncheck()
    assert _drawn_ids(page) == linked - leads_only
    page.locator('input[data-predicate="leads"]').check()
    assert _drawn_ids(page) == linked
    page.locator("#unlinked").check()  # asked for, they are all there
    assert _drawn(page) == (len(nodes), len(edges))
    page.locator("#unlinked").uncheck()
    alone = min((n for n in nodes if n.id not in linked), key=lambda n: n.label)
    page.locator("#search").fill(alone.label)  # found and shown when looked for
    page.locator("#search").press("Enter")
    assert page.evaluate("kg.network.getSelectedNodes()") == [alone.id] and alone.id in _drawn_ids(page)
    assert opened.errors == []


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


@pytest.mark.parametrize("height", [0.1, 0.5, 0.9])
def test_the_hover_tooltip_never_covers_the_click_panel(opened: OpenedPage, height: float) -> None:
    """The panel open, an edge and then a node moved just left of it (near its top, middle,
    bottom): their tooltips, long ones with the evidence, stay clear of the panel."""
    page = opened.page
    deploys = page.evaluate("kg.edges.get({filter: (e) => e.predicate === 'deploysTo'})[0]")
    page.mouse.click(*_dom_point(page, _edge_point(deploys["id"])))
    panel = page.locator("#info")
    panel.wait_for(state="visible")
    for point in (_edge_point(deploys["id"]), _node_point(deploys["to"])):
        page.evaluate("""([p, height]) => {
            const graph = document.getElementById('graph').getBoundingClientRect();
            const panel = document.getElementById('info').getBoundingClientRect();
            const x = Math.min(panel.left, graph.right) - 30;
            const y = Math.min(Math.max(panel.top + height * panel.height, graph.top + 30), graph.bottom - 30);
            kg.network.moveTo({position: p, offset: {x: x - (graph.left + graph.right) / 2,
                                                     y: y - (graph.top + graph.bottom) / 2}});
        }""", [page.evaluate(point), height])
        x, y = _dom_point(page, point)
        assert page.evaluate(f"document.elementFromPoint({x}, {y}).tagName") == "CANVAS"  # not under the panel
        assert _hover(page, point)
        tooltip, box = page.locator("div.vis-tooltip").bounding_box(), panel.bounding_box()
        assert tooltip and box and not _overlap(tooltip, box), (tooltip, box)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"graph-page-panel-{round(height * 10)}.png"))
    assert opened.errors == []


def test_the_indonesian_page_names_entities_in_indonesian(browser: Browser, seed_store: Path,
                                                          tmp_path: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        path = export(store, "html", tmp_path / "id.html", lang="id")
        nodes, _ = page_data(store)
    russia = next(n for n in nodes if n.label == "Russia")
    opened = open_graph_page(browser, path)
    page = opened.page
    try:
        labels = set(page.evaluate("kg.nodes.get().map((n) => n.label)"))
        assert {"Rusia", "Tiongkok", "Amerika Serikat"} <= labels
        assert not {"Russia", "China", "United States"} & labels
        assert "Vladimir Putin" in labels  # no Indonesian label in the store: the default one
        page.locator("#physics").uncheck()  # so nothing moves under the mouse
        page.locator("#unlinked").check()
        assert _hover(page, _node_point(russia.id)).startswith("Rusia\nJenis: Negara")
        page.locator("#search").fill("Russia")  # the English name still finds it
        assert page.locator("#results button").first.inner_text().startswith("Rusia")
        page.locator("#search").press("Enter")
        assert page.evaluate("kg.network.getSelectedNodes()") == [russia.id]
        assert page.locator("#info h2").inner_text() == "Rusia"
        assert opened.errors == [] and opened.remote_requests() == []
    finally:
        page.close()
