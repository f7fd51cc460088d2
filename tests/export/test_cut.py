"""Cutting the page down (--focus/--depth, --top) and naming predicates per language (--lang)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kg.analyze import AnalysisError
from kg.cli import app
from kg.errors import ExportError
from kg.export import export
from kg.export.cut import cut_graph, ego_cut, store_cut, top_cut
from kg.export.html import PageEdge, PageNode
from kg.export.page import page_data, page_degrees, page_links, term_labels
from kg.rdf.store import open_store

runner = CliRunner()

# a - b - c - d, and e alone; b is the hub with an extra leaf f
NODES = [PageNode(x, x.upper(), "Person", wikidata="Q1" if x == "a" else None,
                  aliases=("Alpha",) if x == "a" else ()) for x in "abcdef"]
EDGES = [PageEdge("a", "b", "meetsWith"), PageEdge("c", "b", "praises"), PageEdge("c", "d", "blames"),
         PageEdge("f", "b", "supports")]


def _data(path: Path) -> dict[str, Any]:
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>',
                      path.read_text(encoding="utf-8"), re.S)
    assert match
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def test_ego_cut_follows_relations_both_ways_up_to_the_depth() -> None:
    one = ego_cut(NODES, EDGES, "C", 1)
    assert [n.id for n in one.nodes] == ["b", "c", "d"] and one.centre == NODES[2] and one.depth == 1
    assert {(e.source, e.target) for e in one.edges} == {("c", "b"), ("c", "d")}
    two = ego_cut(NODES, EDGES, "C", 2)
    assert [n.id for n in two.nodes] == ["a", "b", "c", "d", "f"] and len(two.edges) == 4


@pytest.mark.parametrize("name", ["A", "alpha", "Q1"])
def test_the_centre_is_found_by_label_alias_or_wikidata_id(name: str) -> None:
    assert ego_cut(NODES, EDGES, name).centre == NODES[0]


@pytest.mark.parametrize(("name", "depth", "message"), [
    ("Obama", 1, "no entity named 'Obama' in the graph"),
    ("A", 0, "depth must be between 1 and 10, got 0"),
    ("A", 100, "depth must be between 1 and 10, got 100"),
])
def test_ego_cut_errors_are_one_line_analysis_errors(name: str, depth: int, message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        ego_cut(NODES, EDGES, name, depth)


def test_top_cut_keeps_the_busiest_actors_and_the_relations_among_them() -> None:
    top = top_cut(NODES, EDGES, 2)
    assert [n.id for n in top.nodes] == ["b", "c"]  # b: 3 relations; c: 2, before a, d, f (1) by label
    assert [(e.source, e.target) for e in top.edges] == [("c", "b")]
    assert len(top_cut(NODES, EDGES, 100).nodes) == 6
    with pytest.raises(AnalysisError, match="at least 1"):
        top_cut(NODES, EDGES, 0)


def test_cut_graph_focuses_first_then_takes_the_top() -> None:
    assert cut_graph(NODES, EDGES).nodes == NODES
    both = cut_graph(NODES, EDGES, focus="D", depth=2, top=2)
    assert [n.id for n in both.nodes] == ["b", "c"] and both.centre is None  # D itself was cut
    with pytest.raises(AnalysisError, match="--depth needs --focus"):
        cut_graph(NODES, EDGES, depth=2)


@pytest.mark.parametrize("cut", [{"top": 1}, {"top": 5}, {"top": 1000}, {"focus": "Putin"},
                                 {"focus": "Putin", "depth": 2}, {"focus": "Tokayev", "depth": 3, "top": 4},
                                 {"focus": "Nazarbayev", "top": 1}])
def test_the_store_finds_what_a_cut_keeps_as_the_page_lists_would(seed_store: Path, cut: dict[str, Any]) -> None:
    """--top and --focus are answered by queries (degrees, one hop at a time), not by loading every link."""
    with open_store(seed_store, read_only=True) as store:
        expected = cut_graph(*page_links(store), **cut)
        kept, centre, depth = store_cut(store, **cut)
    assert kept == {node.id for node in expected.nodes}
    assert centre == (expected.centre.id if expected.centre else None) and depth == expected.depth


def test_the_store_counts_each_relation_once_at_both_ends(seed_store: Path) -> None:
    from collections import Counter

    with open_store(seed_store, read_only=True) as store:
        _, edges = page_links(store)
        degrees = page_degrees(store)
        some = {e.source for e in edges[:3]} | {e.target for e in edges[:3]}
        among = page_degrees(store, some)
    assert degrees == Counter([e.source for e in edges] + [e.target for e in edges])
    inside = [e for e in edges if e.source in some and e.target in some]
    assert among == Counter([e.source for e in inside] + [e.target for e in inside])


def test_a_cut_page_never_reads_every_link(seed_store: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.export.page

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("a cut page read every link of the store")

    monkeypatch.setattr(kg.export.page, "page_links", refuse)
    with open_store(seed_store, read_only=True) as store:
        export(store, "html", tmp_path / "top.html", top=3)
        export(store, "html", tmp_path / "ego.html", focus="Putin", depth=2)
    assert len(_data(tmp_path / "top.html")["nodes"]) == 3


def test_a_big_cut_read_in_parts_at_once_is_the_cut_read_in_one_query(seed_store: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.export.page

    with open_store(seed_store, read_only=True) as store:
        nodes, edges = page_links(store)
        ids = {node.id for node in nodes}
        monkeypatch.setattr(kg.export.page, "_SPLIT_MINIMUM", len(ids) + 1)
        whole = page_data(store, ids)
        monkeypatch.setattr(kg.export.page, "_SPLIT_MINIMUM", 1)
        monkeypatch.setattr(kg.export.page, "_SPLIT_PARTS", 3)
        parts = page_data(store, ids)
    assert len(whole[1]) == len(edges) > 3
    assert parts == whole


def test_predicate_and_type_labels_come_from_the_store_in_each_language(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        en, id_ = term_labels(store, "en"), term_labels(store, "id")
    assert en["deploysTo"] == "deploys to" and en["meetsWith"] == "meets with" and en["Country"] == "country"
    assert id_["deploysTo"] == "mengerahkan pasukan ke" and id_["blames"] == "menyalahkan"
    assert id_["Person"] == "orang"


def test_a_store_without_the_ontology_falls_back_to_the_shipped_turtle() -> None:
    with open_store(":memory:") as store:
        assert term_labels(store, "id")["praises"] == "memuji"
        with pytest.raises(ExportError, match="choose one of en, id"):
            term_labels(store, "fr")


def test_export_writes_the_ego_page_in_indonesian(seed_store: Path, tmp_path: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        path = export(store, "html", tmp_path / "putin.html", lang="id", focus="Putin", depth=1)
        all_nodes, _ = page_data(store)
    data = _data(path)
    putin = next(n for n in all_nodes if n.label == "Vladimir Putin")
    assert data["focus"] == putin.id
    assert {n["label"] for n in data["nodes"]} == {"Vladimir Putin", "Kassym-Jomart Tokayev", "CSTO",
                                                  "kekuatan internal dan eksternal"}
    assert {e["label"] for e in data["edges"]} == {"menyalahkan", "memuji"}
    page = path.read_text(encoding="utf-8")
    assert '<span class="note">Vladimir Putin, 1 langkah</span>' in page and "4 entitas, 3 relasi" in page


def test_export_top_keeps_n_entities(seed_store: Path, tmp_path: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        path = export(store, "html", tmp_path / "top.html", top=3)
    assert len(_data(path)["nodes"]) == 3


def test_page_options_are_refused_for_rdf_formats(seed_store: Path, tmp_path: Path) -> None:
    with open_store(seed_store, read_only=True) as store, pytest.raises(ExportError, match="--format html"):
        export(store, "ttl", tmp_path / "g.ttl", top=3)


@pytest.mark.parametrize(("args", "message"), [
    (["--focus", "Obama"], "no entity named 'Obama'"),
    (["--focus", "Putin", "--depth", "0"], "depth must be between 1 and 10, got 0"),
    (["--focus", "Putin", "--depth", "100"], "depth must be between 1 and 10, got 100"),
    (["--depth", "2"], "--depth needs --focus"),
    (["--lang", "fr"], "choose one of en, id"),
])
def test_the_cli_reports_bad_cuts_on_one_line(seed_store: Path, tmp_path: Path, args: list[str],
                                              message: str) -> None:
    result = runner.invoke(app, ["export", "-o", str(tmp_path / "g.html"), "--store", str(seed_store), *args])
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "g.html").exists()


def test_the_cli_writes_a_focused_page(seed_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "kz.html"
    result = runner.invoke(app, ["export", "-o", str(target), "--store", str(seed_store), "--focus", "Q232",
                                 "--depth", "2", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Kazakhstan, 2 hops" in target.read_text(encoding="utf-8")


def test_page_data_names_entities_in_the_page_language_where_the_store_can(seed_store: Path) -> None:
    with open_store(seed_store, read_only=True) as store:
        default = {n.id: n for n in page_data(store)[0]}
        indonesian = {n.id: n for n in page_data(store, lang="id")[0]}
        with pytest.raises(ExportError, match="choose one of en, id"):
            page_data(store, lang="fr")
    russia = next(n for n in default.values() if n.label == "Russia")
    assert indonesian[russia.id].label == "Rusia" and "Russia" in indonesian[russia.id].aliases
    putin = next(n for n in default.values() if n.label == "Vladimir Putin")
    assert indonesian[putin.id].label == "Vladimir Putin"  # no Indonesian label: the preferred one
