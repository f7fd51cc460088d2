"""The nodes and edges of the graph page, and the ontology's names for its predicates
and types, read from the store with SPARQL."""

from __future__ import annotations

from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor

from kg.errors import ExportError
from kg.export.html import ASSERTED, LANGUAGES, PageEdge, PageEvidence, PageNode
from kg.rdf.namespace import ONTOLOGY_GRAPH
from kg.rdf.store import KGStore

__all__ = ["page_data", "page_links", "page_nodes", "page_degrees", "page_neighbours", "term_labels"]

_ONTOLOGY = "https://kg.example.org/ontology#"
_NAMED_ARTICLES = 1000  # articles bound by VALUES at most; more are read whole and filtered
_SPLIT_MINIMUM = 50  # entities in a cut from which its relations are read in parts at once
_SPLIT_PARTS = 2

# Each OPTIONAL a sub-SELECT, as in _EVIDENCE below: joined by hash, not looked up node by node
# (half the time at 2,000 entities).
_NODES = """
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node ?label ?type (SAMPLE(?qid) AS ?wikidata)
       (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="\\u001f") AS ?aliases) (MIN(?inLang) AS ?local) WHERE {
  %s
  GRAPH <https://kg.example.org/graph/entities> { ?node a ?class ; skos:prefLabel ?label }
  ?class rdfs:subClassOf kg:Actor .
  %s
  %s
  BIND(STRAFTER(STR(?class), "#") AS ?type)
}
GROUP BY ?node ?label ?type
ORDER BY ?label ?node
"""
# An entity's Wikidata id and aliases: what finding it by name needs, not what ranking it does.
_DESCRIPTIONS = """
  OPTIONAL { SELECT ?node ?qid WHERE { GRAPH <https://kg.example.org/graph/entities> { ?node kg:wikidata ?qid } } }
  OPTIONAL { SELECT ?node ?alias WHERE { GRAPH <https://kg.example.org/graph/entities> {
    { ?node skos:altLabel ?alias } UNION { ?node rdfs:label ?alias } } } }
"""

# Each pattern of the evidence in a sub-SELECT of its own: Oxigraph then reads each one in a
# single scan and joins them by hash, where one BGP costs an index lookup per row and pattern
# (at 10,000 articles: 8 s -> 1.2 s for the page's 40,000 sentences, 2.3 s -> 0.45 s for the links).
# Every join costs about as much as a scan, so nothing is joined that adds no row or column: only
# evidence nodes (kg:Evidence, kg/rdf/model.py) carry rdf:subject, so their type is not read
# (it took half the time of the degrees' query).
# `%s` restricts sources and targets (VALUES) inside their own sub-SELECTs.
_EVIDENCE = """
  { SELECT ?evidence ?source WHERE { %s ?evidence rdf:subject ?source } }
  { SELECT ?evidence ?target WHERE { %s ?evidence rdf:object ?target } }
  { SELECT ?evidence ?p WHERE { ?evidence rdf:predicate ?p FILTER(?p != kg:cites) } }
"""

# One row per edge, its evidence folded into one string (fields split by \x1e, records by \x1f,
# characters ingest removes from every text): the store writes each edge's IRIs once, not once
# per sentence, and Python splits strings instead of building a row per sentence.
# Required patterns first: one written after an OPTIONAL is joined as written, minutes at 1,000 articles.
# The article is the graph the sentence is in (its graph is named by its IRI, kg/rdf/model.py), so
# it comes with the sentence's scan instead of a join of kg:article of its own.
_EDGES = """
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?source ?target (STRAFTER(STR(?p), "#") AS ?predicate) (GROUP_CONCAT(?record; SEPARATOR="\\u001f") AS ?records)
WHERE {
  %s
  { SELECT ?evidence ?sentence ?a WHERE { GRAPH ?a { ?evidence kg:sentence ?sentence } } }
  OPTIONAL { SELECT ?evidence ?confidence WHERE { ?evidence kg:confidence ?confidence } }
  OPTIONAL { SELECT ?evidence ?modality WHERE { ?evidence kg:modality ?modality } }
  BIND(CONCAT(STR(?sentence), "\\u001e", STR(?a), "\\u001e", COALESCE(STR(?confidence), ""), "\\u001e",
              COALESCE(STR(?modality), "")) AS ?record)
}
GROUP BY ?source ?target ?p
"""
_FIELD, _RECORD = "\x1e", "\x1f"

# Each article's id, title, date and url once, not once per sentence of it (a quarter of the
# evidence query's time at 10,000 articles).
_ARTICLES = """
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?a ?article ?title ?date ?url WHERE {
  %s
  ?a kg:articleId ?article .
  OPTIONAL { SELECT ?a ?title WHERE { ?a schema:headline ?title } }
  OPTIONAL { SELECT ?a ?date WHERE { ?a schema:datePublished ?date } }
  OPTIONAL { SELECT ?a ?url WHERE { ?a schema:url ?url } }
}
"""

# Which entities each relation links, and by how many evidence nodes, without its sentences:
# enough to cut the page, and for kg analyze.
_LINKS = """
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?source ?target (STRAFTER(STR(?p), "#") AS ?predicate) (COUNT(?evidence) AS ?count) WHERE {
  %s
}
GROUP BY ?source ?target ?p
"""


# How many relations (distinct source, predicate, target) each drawn entity takes part in, among
# drawn entities: what --top ranks by, counted by the store (one row per entity, none per relation).
# An entity is drawn when it is an actor with a preferred label, as in _NODES.
_ACTOR = """{ SELECT DISTINCT ?%s WHERE {
    GRAPH <https://kg.example.org/graph/entities> { ?%s a ?class ; skos:prefLabel ?label }
    ?class rdfs:subClassOf kg:Actor } }"""
_DEGREES = """
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node (COUNT(*) AS ?degree) WHERE {
  { SELECT DISTINCT ?source ?target ?p WHERE { %s } }
  %s
  %s
  VALUES ?end { 1 2 }  # each relation counts once for its source and once for its target
  BIND(IF(?end = 1, ?source, ?target) AS ?node)
}
GROUP BY ?node
"""

# The entities linked to any of a set, either way: one hop of --focus, asked of the store.
_NEIGHBOURS = """
PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?other WHERE {
  { %s BIND(?target AS ?other) } UNION { %s BIND(?source AS ?other) }
}
"""


def page_data(store: KGStore, ids: Collection[str] | None = None, *,
              lang: str | None = None) -> tuple[list[PageNode], list[PageEdge]]:
    """Entity nodes and relation edges (citations are article metadata, not drawn); only
    the entities `ids` and the relations among them, when given.

    Each sentence comes with its confidence and modality (asserted or planned), so the
    page can tell a visit that happened from one announced. With `lang`, an entity is
    named by its rdfs:label in that language where the store has one ("Rusia"), else
    by its preferred label, which then joins its aliases so a search still finds it.
    """
    nodes = _nodes(store, _values("node", ids), lang)
    known = {n.id for n in nodes}
    rows = [(source, target, predicate, [record.split(_FIELD) for record in (folded or "").split(_RECORD)])
            for source, target, predicate, folded in _edge_rows(store, ids)
            if source in known and target in known]
    articles = _articles(store, {a for *_, records in rows for _, a, _, _ in records} if ids is not None else None)
    none = (None, None, None, None)
    edges = []
    for source, target, predicate, records in sorted(rows, key=lambda r: (r[0] or "", r[2] or "", r[1] or "")):
        evidence = []
        for sentence, a, confidence, modality in records:
            article, title, date, url = articles.get(a, none)
            evidence.append(PageEvidence(sentence=sentence, article_id=article or "", title=title, date=date,
                                         url=url, confidence=_number(confidence), modality=modality or ASSERTED))
        evidence.sort(key=lambda ev: (ev.article_id, ev.sentence, ev.confidence or 0.0, ev.modality))
        edges.append(PageEdge(source=source or "", target=target or "", predicate=predicate or "",
                              evidence=tuple(evidence)))
    return nodes, edges


def _edge_rows(store: KGStore, ids: Collection[str] | None) -> list[tuple[str | None, ...]]:
    """_EDGES' rows for the relations among `ids` (all when None).

    The store decodes every sentence it returns, and joins and folds it, in the query
    that returns it: a cut of many entities is asked as _SPLIT_PARTS queries at once,
    each for the relations whose source is in its share of `ids`, which Oxigraph
    answers on as many cores (it holds no GIL while it evaluates).
    """
    if ids is None or len(ids) < _SPLIT_MINIMUM:
        return list(store.query(_EDGES % _evidence(ids)).rows)
    ordered = sorted(ids)
    targets = _values("target", ids)

    def part(sources: list[str]) -> tuple[tuple[str | None, ...], ...]:
        return store.query(_EDGES % (_EVIDENCE % (_values("source", sources), targets))).rows

    with ThreadPoolExecutor(_SPLIT_PARTS) as pool:
        parts = list(pool.map(part, [ordered[i::_SPLIT_PARTS] for i in range(_SPLIT_PARTS)]))
    return [row for rows in parts for row in rows]


def _articles(store: KGStore, named: set[str] | None) -> dict[str, tuple[str | None, ...]]:
    """Id, title, date and url of the articles `named` (all when None), by IRI.

    A few are bound in the query; past _NAMED_ARTICLES, reading every article is
    cheaper than a VALUES clause that long (0.15 s against 0.4 s for 10,000)."""
    values = _values("a", named) if named is not None and len(named) <= _NAMED_ARTICLES else ""
    return {a: (article, title, date, url) for a, article, title, date, url in store.query(_ARTICLES % values).rows
            if a and (named is None or a in named)}


def page_links(store: KGStore) -> tuple[list[PageNode], list[PageEdge]]:
    """Every node, and every edge without its evidence (but with how many evidence nodes
    state it): what `--focus` and `--top` cut, before only the kept part is read whole
    (`page_data(store, ids)`)."""
    nodes = _nodes(store, "", None)
    known = {n.id for n in nodes}
    rows = sorted((s or "", p or "", t or "", n) for s, t, p, n in store.query(_LINKS % _evidence(None)).rows
                  if s in known and t in known)  # in page_data's order, not the store's (its groups come hashed)
    return nodes, [PageEdge(source=s, target=t, predicate=p, evidence=(), count=int(n or 0)) for s, p, t, n in rows]


def page_nodes(store: KGStore, *, described: bool = True) -> list[PageNode]:
    """Every entity the page can draw, named by its preferred label.

    `described=False` leaves out Wikidata ids and aliases: enough to rank entities
    (`--top`), in a fifth of the time (0.03 s against 0.15 s at 2,000 entities).
    """
    return _nodes(store, "", None, described=described)


def page_degrees(store: KGStore, ids: Collection[str] | None = None) -> dict[str, int]:
    """How many relations each drawable entity takes part in (among `ids`, when given),
    counted as the page counts them: each source-predicate-target once, at both its ends."""
    rows = store.query(_DEGREES % (_evidence(ids), _ACTOR % ("source", "source"), _ACTOR % ("target", "target"))).rows
    return {node: int(degree or 0) for node, degree in rows if node}


def page_neighbours(store: KGStore, ids: Collection[str]) -> set[str]:
    """The entities that a relation links to one of `ids`, in either direction."""
    if not ids:
        return set()
    outgoing = _EVIDENCE % (_values("source", ids), "")
    incoming = _EVIDENCE % ("", _values("target", ids))
    return {other for (other,) in store.query(_NEIGHBOURS % (outgoing, incoming)).rows if other}


def _nodes(store: KGStore, values: str, lang: str | None, *, described: bool = True) -> list[PageNode]:
    if lang is not None and lang not in LANGUAGES:
        raise ExportError(f"no page language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    in_lang = ("OPTIONAL { SELECT ?node ?inLang WHERE { GRAPH <https://kg.example.org/graph/entities> { "
               f'?node rdfs:label ?inLang FILTER(LANGMATCHES(LANG(?inLang), "{lang}")) }} }} }}' if lang else "")
    sparql = _NODES % (values, _DESCRIPTIONS if described else "", in_lang)
    nodes = []
    for node, preferred, type_, wikidata, aliases, local in store.query(sparql).rows:
        label = local or preferred or ""
        names = {a for a in (aliases or "").split("\x1f") if a} | ({preferred} if preferred else set())
        nodes.append(PageNode(id=node or "", label=label, type=type_ or "", wikidata=wikidata,
                              aliases=tuple(sorted(names - {label}))))
    return nodes


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _evidence(ids: Collection[str] | None) -> str:
    """The evidence patterns, its sources and targets among `ids` when given."""
    return _EVIDENCE % (_values("source", ids), _values("target", ids))


def _values(variable: str, ids: Collection[str] | None) -> str:
    if ids is None:
        return ""
    return f"VALUES ?{variable} {{ {' '.join(f'<{i}>' for i in sorted(ids))} }}"


def term_labels(store: KGStore, lang: str) -> dict[str, str]:
    """The ontology's rdfs:label in `lang` for each kg term, by local name ("deploysTo" -> "deploys to").

    Read from the ontology graph the store was built with, so the page names
    predicates as that ontology did; a store without one (built elsewhere, or before
    the ontology was loaded) falls back to ontology/kg.ttl as shipped.
    """
    if lang not in LANGUAGES:
        raise ExportError(f"no page language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    sparql = f"""
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?term ?label WHERE {{
  GRAPH <{ONTOLOGY_GRAPH}> {{ ?term rdfs:label ?label }}
  FILTER(STRSTARTS(STR(?term), "{_ONTOLOGY}") && LANGMATCHES(LANG(?label), "{lang}"))
}}
ORDER BY ?term ?label
"""
    rows = [(term or "", label or "") for term, label in store.query(sparql).rows]
    return _by_local_name(rows) if rows else _shipped_labels(lang)


def _shipped_labels(lang: str) -> dict[str, str]:
    """The labels of ontology/kg.ttl itself, through rdflib."""
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS

    from kg.resources import ontology_dir

    graph = Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
    rows = sorted((str(term), str(label)) for term, label in graph.subject_objects(RDFS.label)
                  if str(term).startswith(_ONTOLOGY) and isinstance(label, Literal) and label.language == lang)
    return _by_local_name(rows)


def _by_local_name(rows: list[tuple[str, str]]) -> dict[str, str]:
    """First label (in sorted order) per term, keyed by the part after '#'."""
    labels: dict[str, str] = {}
    for term, label in rows:
        labels.setdefault(term.removeprefix(_ONTOLOGY), label)
    return labels
