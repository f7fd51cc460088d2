"""Whatever kg exports loads back, in rdflib, in pyoxigraph and in Raptor, as the same graph.

Three independent parsers guard against a serialisation only its own writer can read
(a Turtle escape, a JSON-LD shape, a lost named graph). Quad formats are compared
graph by graph; triple formats against the union of the store's graphs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.term import Node

from kg.export import export
from kg.rdf.store import open_store

TRIPLE_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml"}
QUAD_FORMATS = {"nq": "nquads", "trig": "trig"}
OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
              "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "xml": ox.RdfFormat.RDF_XML}
RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "xml": "rdfxml"}
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns when pytest inspects it
Graphs = dict[str, Graph]
# rdflib's own TriG and JSON-LD parsers still build a ConjunctiveGraph inside
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def exported(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    with open_store(seed_store, read_only=True) as store:
        return {fmt: export(store, fmt, folder / f"graph.{fmt}") for fmt in OX_FORMATS}


@pytest.fixture(scope="module")
def stored(seed_store: Path) -> Graphs:
    """The store's named graphs, read through oxrdflib rather than through any export."""
    graphs: Graphs = {}
    with open_store(seed_store, read_only=True) as store:
        for s, p, o, g in store.dataset.quads((None, None, None, None)):
            graphs.setdefault(str(g), Graph()).add((s, p, o))
    return graphs


def union(graphs: Graphs) -> Graph:
    merged = Graph()
    for graph in graphs.values():
        for triple in graph:
            merged.add(triple)
    return merged


def simple_literals(graph: Graph) -> Graph:
    """RDF 1.1 makes "x" and "x"^^xsd:string one literal; rdflib keeps them apart, so fold them."""
    folded = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        folded.add((s, p, o))
    return folded


def assert_same(expected: Graph, actual: Graph, what: str) -> None:
    expected, actual = simple_literals(expected), simple_literals(actual)
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail(f"{what}: {len(only_expected)} triple(s) lost, e.g. {sorted(only_expected)[:2]}; "
                    f"{len(only_actual)} gained, e.g. {sorted(only_actual)[:2]}")


def assert_same_graphs(expected: Graphs, actual: Graphs, what: str) -> None:
    assert sorted(actual) == sorted(expected), f"{what}: named graphs differ"
    for name, graph in expected.items():
        assert_same(graph, actual[name], f"{what}, graph <{name}>")


def rdflib_term(term: object) -> Node:
    """pyoxigraph's term as rdflib's, so rdflib.compare can judge both parsers alike."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def oxigraph_graphs(path: Path, fmt: str) -> Graphs:
    graphs: Graphs = {}
    for quad in ox.parse(path=str(path), format=OX_FORMATS[fmt]):
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(rdflib_term(quad.graph_name))
        graphs.setdefault(name, Graph()).add((rdflib_term(quad.subject), rdflib_term(quad.predicate),
                                              rdflib_term(quad.object)))
    return graphs


@pytest.mark.parametrize("fmt", sorted(TRIPLE_FORMATS))
def test_a_triple_format_reads_back_in_rdflib_as_the_union_of_the_graphs(
        fmt: str, exported: dict[str, Path], stored: Graphs) -> None:
    parsed = Graph().parse(exported[fmt], format=TRIPLE_FORMATS[fmt])
    assert_same(union(stored), parsed, f"{fmt} through rdflib")


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_a_quad_format_reads_back_in_rdflib_graph_by_graph(
        fmt: str, exported: dict[str, Path], stored: Graphs) -> None:
    dataset = Dataset().parse(exported[fmt], format=QUAD_FORMATS[fmt])
    parsed = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert_same_graphs(stored, parsed, f"{fmt} through rdflib")


@pytest.mark.parametrize("fmt", sorted(OX_FORMATS))
def test_every_format_reads_back_in_pyoxigraph(fmt: str, exported: dict[str, Path], stored: Graphs) -> None:
    parsed = oxigraph_graphs(exported[fmt], fmt)
    if fmt in QUAD_FORMATS:
        assert_same_graphs(stored, parsed, f"{fmt} through pyoxigraph")
    else:
        assert list(parsed) == [""], f"{fmt} through pyoxigraph: a triple format gave named graphs"
        assert_same(union(stored), parsed[""], f"{fmt} through pyoxigraph")


def rapper() -> str:
    found = shutil.which("rapper")
    if found is None:
        pytest.fail("rapper is not installed: install the Debian package raptor2-utils "
                    "(`make system-deps` does, as root)")
    return found


@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_raptor_validates_the_turtle_n_triples_and_rdf_xml(fmt: str, exported: dict[str, Path], stored: Graphs) -> None:
    done = subprocess.run([rapper(), "-i", RAPPER_SYNTAX[fmt], "-c", str(exported[fmt])],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    counted = re.search(r"returned (\d+) triples", done.stderr)
    assert counted, done.stderr
    assert int(counted.group(1)) == len(union(stored))
