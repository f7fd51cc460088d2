"""The graph page: offline, escaped, faithful to its input, deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kg.errors import ExportError
from kg.export.html import (
    _VIS_DIR, FALLBACK_COLOUR, TYPE_COLOURS, PageEdge, PageEvidence, PageNode, write_graph_page,
)

HOSTILE = "</script><script>alert(1)</script>"
EVIDENCE = PageEvidence("The CSTO deployed peacekeepers to Kazakhstan on 6 January.", "a1",
                        title="CSTO sends troops", date="2022-01-06", url="https://example.org/a1")
NODES = [
    PageNode("kz", "Kazakhstan", "Country", "Q232", ("Republic of Kazakhstan",)),
    PageNode("csto", "CSTO", "Organization", "Q188822"),
    PageNode("tokayev", "Kassym-Jomart Tokayev", "Person"),
]
EDGES = [
    PageEdge("csto", "kz", "deploysTo", (EVIDENCE,)),
    PageEdge("csto", "kz", "supports"),
    PageEdge("tokayev", "ghost", "meets"),  # target not drawn: skipped
]


def _write(tmp_path: Path, nodes: Any = NODES, edges: Any = EDGES, name: str = "g.html", **kw: Any) -> str:
    return write_graph_page(nodes, edges, tmp_path / name, **kw).read_text(encoding="utf-8")


def _data(page: str) -> dict[str, Any]:
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    assert match, "no embedded graph data"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def test_page_loads_nothing_from_the_network(tmp_path: Path) -> None:
    page = _write(tmp_path).lower()
    for remote in ('src="http', "src='http", 'href="http', "href='http", "//cdn", "unpkg", "jsdelivr",
                   "googleapis", "bootstrap"):
        assert remote not in page, remote
    assert "<script src" not in page and "<link" not in page


def test_vis_network_js_and_css_are_inlined(tmp_path: Path) -> None:
    page = _write(tmp_path)
    js = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    css = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    assert "vis-network" in page and "new vis.Network(" in page
    assert js[:300] in page and js[len(js) // 2:len(js) // 2 + 300] in page and js[-300:] in page
    assert css[:200] in page
    assert len(page.encode("utf-8")) > 100_000


def test_hostile_text_cannot_break_out_of_script_or_markup(tmp_path: Path) -> None:
    nodes = [PageNode("a", HOSTILE, HOSTILE, aliases=(HOSTILE,)), PageNode("b", "B", "Person")]
    edges = [PageEdge("a", "b", HOSTILE, (PageEvidence(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE),))]
    page = _write(tmp_path, nodes, edges, title=HOSTILE)
    assert HOSTILE not in page
    assert "<script>alert" not in page
    assert page.count("</script") == 3  # only the page's own three script elements end
    assert "<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    data = _data(page)  # still valid JSON, and the text survives intact
    assert data["nodes"][0]["label"] == HOSTILE and data["edges"][0]["label"] == HOSTILE


def test_embedded_data_matches_input_and_skips_dangling_edges(tmp_path: Path) -> None:
    page = _write(tmp_path)
    data = _data(page)
    assert sorted(n["id"] for n in data["nodes"]) == ["csto", "kz", "tokayev"]
    assert len(data["edges"]) == 2
    assert all(e["to"] != "ghost" for e in data["edges"])
    assert "3 entities, 2 relations" in page


def test_edges_are_directed_and_labelled_with_the_predicate(tmp_path: Path) -> None:
    edges = _data(_write(tmp_path))["edges"]
    assert {(e["from"], e["label"], e["to"]) for e in edges} == {("csto", "deploysTo", "kz"),
                                                                 ("csto", "supports", "kz")}
    assert all(e["arrows"] == "to" for e in edges)


def test_parallel_edges_are_drawn_on_different_curves(tmp_path: Path) -> None:
    edges = _data(_write(tmp_path))["edges"]
    curves = {(e["smooth"]["type"], e["smooth"]["roundness"]) for e in edges}
    assert len(curves) == 2


def test_tooltips_are_plain_text_with_entity_facts_and_evidence(tmp_path: Path) -> None:
    data = _data(_write(tmp_path))
    kz = next(n for n in data["nodes"] if n["id"] == "kz")
    for fact in ("Kazakhstan", "Country", "Q232", "Republic of Kazakhstan"):
        assert fact in kz["title"]
    deploys = next(e for e in data["edges"] if e["label"] == "deploysTo")
    assert deploys["title"].startswith("CSTO deploysTo Kazakhstan\n")
    for fact in (EVIDENCE.sentence, "a1", "CSTO sends troops", "2022-01-06"):
        assert fact in deploys["title"]
    assert deploys["evidence"][0]["sentence"] == EVIDENCE.sentence


def test_types_have_distinct_colours_and_a_legend(tmp_path: Path) -> None:
    assert TYPE_COLOURS["Person"] != TYPE_COLOURS["Country"]
    nodes = NODES + [PageNode("x", "X", "Spaceship")]
    page = _write(tmp_path, nodes)
    colour = {n["id"]: n["color"] for n in _data(page)["nodes"]}
    assert colour["tokayev"] == TYPE_COLOURS["Person"] and colour["kz"] == TYPE_COLOURS["Country"]
    assert colour["x"] == FALLBACK_COLOUR
    legend = re.search(r'<ul class="legend">(.*?)</ul>', page, re.S)
    assert legend
    assert re.findall(r"</span>([^<]+)</li>", legend.group(1)) == ["Person", "Organization", "Country",
                                                                   "Spaceship"]


def test_same_input_gives_byte_identical_pages(tmp_path: Path) -> None:
    first = write_graph_page(NODES, EDGES, tmp_path / "a.html").read_bytes()
    second = write_graph_page(NODES[::-1], EDGES[::-1], tmp_path / "b.html").read_bytes()
    assert first == second
    assert _data(first.decode("utf-8"))["options"]["layout"]["randomSeed"] == 7


def test_writes_parent_folders_and_returns_the_path(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "graph.html"
    assert write_graph_page(NODES, EDGES, path) == path and path.is_file()


def test_unwritable_path_raises_export_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="choose another -o path"):
        write_graph_page(NODES, EDGES, blocker / "graph.html")


def test_big_graph_has_fixed_positions_and_no_physics(tmp_path: Path) -> None:
    nodes = [PageNode(f"n{i:03}", f"Node {i}", "Person") for i in range(320)]
    edges = [PageEdge(f"n{i:03}", f"n{(i * 7 + 1) % 320:03}", "knows") for i in range(320)]
    data = _data(_write(tmp_path, nodes, edges))
    assert data["options"]["physics"]["enabled"] is False
    assert len(data["nodes"]) == 320
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > 300


def test_small_graph_keeps_physics(tmp_path: Path) -> None:
    data = _data(_write(tmp_path))
    assert data["options"]["physics"]["enabled"] is True
    assert all("x" not in n for n in data["nodes"])


def test_empty_graph_still_writes_a_page_that_says_so(tmp_path: Path) -> None:
    page = _write(tmp_path, [], [PageEdge("a", "b", "knows")])
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "The graph is empty" in page and "0 entities, 0 relations" in page
    assert _data(page)["nodes"] == [] and _data(page)["edges"] == []


def test_the_page_data_module_can_import_its_types() -> None:
    import kg.export.page

    assert callable(kg.export.page.page_data)
