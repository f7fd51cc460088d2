"""The graph page: offline, escaped, faithful to its input, deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kg.errors import ExportError
from kg.export.html import (
    _VIS_DIR, FALLBACK_COLOUR, FALLBACK_SHAPE, TYPE_COLOURS, TYPE_SHAPES, PageEdge, PageEvidence, PageNode,
    describe_cut, write_graph_page,
)

HOSTILE = "</script><script>alert(1)</script>"
EVIDENCE = PageEvidence("The CSTO deployed peacekeepers to Kazakhstan on 6 January.", "a1",
                        title="CSTO sends troops", date="2022-01-06", url="https://example.org/a1", confidence=0.94)
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
    page = _write(tmp_path, nodes, edges, title=HOSTILE, note=HOSTILE)
    assert HOSTILE not in page
    assert "<script>alert" not in page
    assert page.count("</script") == 3  # only the page's own three script elements end
    assert "<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert 'data-type="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page  # the filters escape too
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
    assert {(e["from"], e["predicate"], e["to"]) for e in edges} == {("csto", "deploysTo", "kz"),
                                                                     ("csto", "supports", "kz")}
    assert {e["label"] for e in edges} == {"deploys to", "supports"}  # no labels given: the name spelt out
    assert all(e["arrows"] == "to" for e in edges)


def test_edge_labels_and_type_names_come_from_the_given_language(tmp_path: Path) -> None:
    labels = {"deploysTo": "mengerahkan pasukan ke", "supports": "mendukung", "Country": "negara"}
    page = _write(tmp_path, lang="id", labels=labels)
    data = _data(page)
    assert {e["label"] for e in data["edges"]} == {"mengerahkan pasukan ke", "mendukung"}
    deploys = next(e for e in data["edges"] if e["predicate"] == "deploysTo")
    assert deploys["heading"] == "CSTO mengerahkan pasukan ke Kazakhstan"  # the tooltip's first line
    kz = next(n for n in data["nodes"] if n["id"] == "kz")
    assert "Jenis: Negara" in kz["title"] and data["typeLabels"]["Country"] == "Negara"
    assert '<html lang="id">' in page and "3 entitas, 2 relasi" in page and 'placeholder="Cari entitas"' in page
    assert '<span class="name">mengerahkan pasukan ke</span>' in page


def test_an_unknown_page_language_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="choose one of en, id"):
        _write(tmp_path, lang="fr")


def test_parallel_edges_are_drawn_on_different_curves(tmp_path: Path) -> None:
    edges = _data(_write(tmp_path))["edges"]
    curves = {(e["smooth"]["type"], e["smooth"]["roundness"]) for e in edges}
    assert len(curves) == 2


def test_node_tooltips_are_plain_text_and_edges_carry_their_evidence(tmp_path: Path) -> None:
    data = _data(_write(tmp_path))
    kz = next(n for n in data["nodes"] if n["id"] == "kz")
    for fact in ("Kazakhstan", "Type: Country", "Wikidata: Q232", "Republic of Kazakhstan", "2 relations"):
        assert fact in kz["title"]
    deploys = next(e for e in data["edges"] if e["predicate"] == "deploysTo")
    assert deploys["heading"] == "CSTO deploys to Kazakhstan" and "title" not in deploys  # the page's script
    assert deploys["evidence"] == [[EVIDENCE.sentence, 0, 0.94, "asserted"]]  # the script builds the tooltip
    # from these (test_browser.py): sentence, article (a number in "articles"), confidence, modality
    assert data["articles"] == [{"source": "CSTO sends troops, 2022-01-06 (a1)", "url": "https://example.org/a1"}]
    assert data["tooltipEvidence"] == 3


def test_each_sentence_and_each_article_is_in_the_page_once(tmp_path: Path) -> None:
    """Tooltips are built by the page's script and articles are numbered, so a big page carries
    each text once (a top-200 page of 10,000 articles was 25 MB with tooltips and sources inlined)."""
    other = PageEvidence("Tokayev thanked the CSTO.", "a1", title="CSTO sends troops", date="2022-01-06",
                         url="https://example.org/a1", confidence=0.9)
    edges = [PageEdge("csto", "kz", "deploysTo", (EVIDENCE,)), PageEdge("tokayev", "csto", "praises", (other,)),
             PageEdge("csto", "tokayev", "supports", (EVIDENCE, other))]
    page = _write(tmp_path, NODES, edges)
    data = _data(page)
    assert len(data["articles"]) == 1 and page.count("CSTO sends troops, 2022-01-06 (a1)") == 1
    assert page.count(EVIDENCE.sentence) == 2 and page.count(other.sentence) == 2  # once an edge that states it
    assert {ev[1] for e in data["edges"] for ev in e["evidence"]} == {0}


def test_planned_relations_are_dashed_and_have_their_own_filter(tmp_path: Path) -> None:
    planned = PageEvidence("CSTO will withdraw from Kazakhstan.", "a2", confidence=0.67, modality="planned")
    edges = [PageEdge("csto", "kz", "deploysTo", (EVIDENCE,)), PageEdge("csto", "kz", "withdrawsFrom", (planned,)),
             PageEdge("tokayev", "kz", "visits", (planned, EVIDENCE))]  # also said to have happened: asserted
    page = _write(tmp_path, NODES, edges)
    drawn = {e["predicate"]: (e["modality"], e["dashes"], e["confidence"]) for e in _data(page)["edges"]}
    assert drawn == {"deploysTo": ("asserted", False, 0.94), "withdrawsFrom": ("planned", True, 0.67),
                     "visits": ("asserted", False, 0.94)}
    section = re.search(r'<section class="filter" id="modalities">(.*?)</section>', page, re.S)
    assert section
    assert re.findall(r'data-modality="([^"]+)" checked>', section.group(1)) == ["asserted", "planned"]
    assert re.findall(r'<span class="name">([^<]+)</span><span class="n">(\d+)</span>', section.group(1)) == [
        ("asserted", "2"), ("planned", "1")]
    assert section.group(1).count("stroke-dasharray") == 1  # the legend draws the planned line dashed


def test_entities_without_relations_are_shown_only_when_nothing_else_is(tmp_path: Path) -> None:
    assert '<input id="unlinked" type="checkbox">' in _write(tmp_path)
    assert '<input id="unlinked" type="checkbox" checked>' in _write(tmp_path, NODES, [], name="alone.html")


def test_an_edge_carries_all_its_sentences_for_the_click_panel(tmp_path: Path) -> None:
    evidence = tuple(PageEvidence(f"Sentence {i}.", f"a{i}") for i in range(5))
    data = _data(_write(tmp_path, NODES, [PageEdge("csto", "kz", "supports", evidence)]))
    assert [ev[0] for ev in data["edges"][0]["evidence"]] == [f"Sentence {i}." for i in range(5)]
    assert [a["source"] for a in data["articles"]] == [f"a{i}" for i in range(5)]


def test_types_have_distinct_colours_and_shapes_and_a_legend(tmp_path: Path) -> None:
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS) == len(set(TYPE_SHAPES.values()))
    nodes = NODES + [PageNode("x", "X", "Spaceship")]
    page = _write(tmp_path, nodes)
    drawn = {n["id"]: (n["color"], n["shape"]) for n in _data(page)["nodes"]}
    assert drawn["tokayev"] == (TYPE_COLOURS["Person"], TYPE_SHAPES["Person"]) == ("#e15759", "dot")
    assert drawn["kz"] == (TYPE_COLOURS["Country"], "diamond")
    assert drawn["x"] == (FALLBACK_COLOUR, FALLBACK_SHAPE)
    legend = re.search(r'<section class="filter" id="types">(.*?)</section>', page, re.S)
    assert legend
    assert re.findall(r'data-type="([^"]+)"', legend.group(1)) == ["Person", "Organization", "Country", "Spaceship"]
    assert re.findall(r'<span class="name">([^<]+)</span><span class="n">(\d+)</span>', legend.group(1)) == [
        ("Person", "1"), ("Organization", "1"), ("Country", "1"), ("Spaceship", "1")]
    assert legend.group(1).count("<svg") == 4 and 'fill="#e15759"' in legend.group(1)


def test_nodes_are_sized_by_their_number_of_relations(tmp_path: Path) -> None:
    size = {n["id"]: n["value"] for n in _data(_write(tmp_path))["nodes"]}
    assert size == {"csto": 2, "kz": 2, "tokayev": 0}  # the edge to 'ghost' is not drawn, so not counted


def test_predicate_filters_list_each_drawn_predicate_with_its_count(tmp_path: Path) -> None:
    page = _write(tmp_path)
    section = re.search(r'<section class="filter" id="predicates">(.*?)</section>', page, re.S)
    assert section
    assert re.findall(r'data-predicate="([^"]+)" checked>', section.group(1)) == ["deploysTo", "supports"]
    assert 'data-predicate="meets"' not in page


def test_the_page_has_search_physics_switch_and_a_note_on_the_cut(tmp_path: Path) -> None:
    page = _write(tmp_path, note=describe_cut("en", centre="CSTO", depth=2, top=10), focus="csto")
    assert '<input id="search" type="search"' in page and '<input id="physics" type="checkbox" checked>' in page
    assert '<span class="note">CSTO, 2 hops · top 10 actors</span>' in page
    assert _data(page)["focus"] == "csto"
    assert _data(_write(tmp_path, focus="nobody"))["focus"] is None


def test_describe_cut_in_both_languages() -> None:
    assert describe_cut("en") == ""
    assert describe_cut("en", centre="Putin", depth=1) == "Putin, 1 hop"
    assert describe_cut("id", centre="Putin", depth=2, top=5) == "Putin, 2 langkah · 5 aktor teratas"


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
    page = _write(tmp_path, nodes, edges)
    data = _data(page)
    options = data["options"]
    assert options["physics"]["enabled"] is False and options["layout"]["improvedLayout"] is False
    assert options["edges"]["smooth"] == {"enabled": False}
    assert options["interaction"]["hideEdgesOnDrag"] and options["interaction"]["hideEdgesOnZoom"]
    assert len(data["nodes"]) == 320
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 320
    assert '<input id="physics" type="checkbox">' in page  # the switch starts off


def test_big_graph_pages_are_byte_identical_too(tmp_path: Path) -> None:
    nodes = [PageNode(f"n{i:03}", f"Node {i}", "Person") for i in range(320)]
    edges = [PageEdge(f"n{i:03}", f"n{(i * 7 + 1) % 320:03}", "knows") for i in range(320)]
    first = write_graph_page(nodes, edges, tmp_path / "a.html").read_bytes()
    assert write_graph_page(nodes[::-1], edges[::-1], tmp_path / "b.html").read_bytes() == first


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
