"""The entity graph (graph/entities): each entity described once, kept a function of the article graphs.

An article's graph says which entities it names (`kg:mentionedAs` with its label)
and in which words (`skos:altLabel`); the entity graph holds each entity's type,
labels, Wikidata id and aliases once, for every read path to join against
(kg/rdf/model.py draws both). Writing articles and keeping the entity graph true
are one SPARQL Update, one transaction: a build stopped at any point (kill -9,
Ctrl-C, a server that fails) leaves the two in step, and the next build skips
exactly the articles that were written.

After articles are written or removed, the entities they named (before and after)
are brought in line with what the article graphs now say:
- an entity no article names any more loses its description;
- an alias no article gives any more is dropped;
- the preferred label is the smallest label the articles give (they may differ
  in case: "rakyat", "Rakyat"), so it does not depend on the order of builds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox

from kg.rdf.model import ArticleWrite
from kg.rdf.namespace import ENTITY_GRAPH, KG, ONTOLOGY_GRAPH

__all__ = ["LAYOUT", "layout_marker", "write_update", "added_quads", "append_update", "remove_update", "refresh_update",
           "layout_queries", "entities_query", "labels_query", "split_lowering", "smallest_labels"]

#: Version of the store's layout, kept in the entity graph; stores without it were
#: written by a kg that repeated every description in each article graph.
LAYOUT = "2"
_BATCH = 500  # entities bound per VALUES clause
_ENT = f"<{ENTITY_GRAPH}>"
_VERSION = "<http://www.w3.org/2002/07/owl#versionInfo>"
_PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
_ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
_MENTIONED = f"<{KG.mentionedAs}>"


def layout_marker() -> str:
    return f'{_ENT} {_VERSION} "kg store layout {LAYOUT}" .'


def layout_queries() -> tuple[str, str]:
    """Two ASKs: is the layout marker there; if not, does an article graph hold an entity's label?

    Either "no" to the second means the store is of this layout (or empty); a store
    written by an older kg has entity descriptions in its article graphs.
    """
    marker = f'ASK {{ GRAPH {_ENT} {{ {_ENT} {_VERSION} "kg store layout {LAYOUT}" }} }}'
    older = (f"ASK {{ GRAPH ?g {{ ?e {_PREF} ?l }} FILTER(?g != {_ENT} && ?g != <{ONTOLOGY_GRAPH}> "
             f"&& ?e != ?g) }}")
    return marker, older


def entities_query(graphs: Sequence[str]) -> str:
    """SELECT the entities the named article graphs mention."""
    values = " ".join(f"<{g}>" for g in graphs)
    return f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?e {_MENTIONED} ?l }} }}"


def labels_query(entities: Sequence[str]) -> str:
    """SELECT the preferred labels the entity graph holds for `entities`."""
    values = " ".join(f"<{e}>" for e in entities)
    return f"SELECT ?e ?label WHERE {{ VALUES ?e {{ {values} }} GRAPH {_ENT} {{ ?e {_PREF} ?label }} }}"


def added_quads(writes: Sequence[ArticleWrite], labels: Mapping[str, str]) -> bytes | None:
    """New articles and their entities as N-Quads to add in one go, or None when adding is not enough.

    Exact only when nothing is taken away: no graph is replaced (the caller checks)
    and no entity's preferred label gets smaller than the one the store holds
    (`labels`), which would have to be deleted (`append_update` does that). Then the
    entity graph gains each new entity's smallest label, and descriptions and
    aliases are added as they are.
    """
    smallest = smallest_labels(writes)
    if _lowered(smallest, labels):
        return None
    lines: list[bytes] = []
    for write in writes:
        name = f" <{write.name}> .".encode("utf-8")
        lines += [line[:-2] + name for line in write.graph.splitlines() if line.endswith(b" .")]
    graph = f" {_ENT} .".encode("utf-8")
    lines += [line[:-2] + graph for write in writes for line in write.descriptions.splitlines() if line.endswith(b" .")]
    new = [ox.Quad(ox.NamedNode(e), ox.NamedNode(_PREF[1:-1]), ox.Literal(label), ox.NamedNode(str(ENTITY_GRAPH)))
           for e, label in smallest.items() if e not in labels]
    lines.append(layout_marker()[:-2].encode("utf-8") + graph)
    return b"\n".join(lines) + b"\n" + (ox.serialize(new, format=ox.RdfFormat.N_QUADS) or b"")


def append_update(writes: Sequence[ArticleWrite], labels: Mapping[str, str]) -> str:
    """New articles (no graph replaced) as one SPARQL Update of data only, whatever their labels.

    `labels` are the preferred labels the store holds for the articles' entities.
    When only articles are added, an entity's preferred label becomes the smaller of
    the one held and the smallest the new articles give, so the update deletes the
    held labels that lose and inserts the winners, with the graphs and descriptions:
    it reads nothing from the store. `write_update` instead recomputes each label
    from every article graph that names the entity, which at 10,000 articles made
    a batch naming Russia or the US cost seconds.
    """
    smallest = smallest_labels(writes)
    lowered = _lowered(smallest, labels)
    new = {e: label for e, label in smallest.items() if e not in labels or e in lowered}
    parts = []
    if lowered:
        old = " ".join(f"{_triple(e, labels[e])}" for e in sorted(lowered))
        parts.append(f"DELETE DATA {{ GRAPH {_ENT} {{ {old} }} }}")
    data = [f"GRAPH <{w.name}> {{\n{w.graph.decode('utf-8')}}}" for w in writes]
    descriptions = "".join(w.descriptions.decode("utf-8") for w in writes)
    preferred = "\n".join(_triple(e, label) for e, label in sorted(new.items()))
    data.append(f"GRAPH {_ENT} {{\n{descriptions}{preferred}\n{layout_marker()}\n}}")
    parts.append("INSERT DATA {\n" + "\n".join(data) + "\n}")
    return " ;\n".join(parts)


def split_lowering(writes: Sequence[ArticleWrite],
                   labels: Mapping[str, str]) -> tuple[list[ArticleWrite], list[ArticleWrite]]:
    """`writes` split in two: those `added_quads` can add, and those that give an entity a label
    smaller than the one the store holds (`labels`), which only `append_update` can write."""
    adding: list[ArticleWrite] = []
    lowering: list[ArticleWrite] = []
    for write in writes:
        lowers = any(entity in labels and label < labels[entity] for entity, label in write.labels)
        (lowering if lowers else adding).append(write)
    return adding, lowering


def smallest_labels(writes: Sequence[ArticleWrite]) -> dict[str, str]:
    """Each entity's smallest label among `writes`: its preferred label, were they the only articles."""
    smallest: dict[str, str] = {}
    for write in writes:
        for entity, label in write.labels:
            smallest[entity] = min(label, smallest.get(entity, label))
    return smallest


def _lowered(smallest: Mapping[str, str], labels: Mapping[str, str]) -> set[str]:
    """The entities whose held preferred label (`labels`) a smaller one in `smallest` replaces."""
    return {entity for entity, label in smallest.items() if entity in labels and label < labels[entity]}


def _triple(entity: str, label: str) -> str:
    """`entity skos:prefLabel label .` in N-Triples, the label escaped as pyoxigraph writes literals."""
    return f"<{entity}> {_PREF} {ox.Literal(label)} ."


def write_update(writes: Sequence[ArticleWrite], replacing: Iterable[str], stale: Iterable[str]) -> str:
    """Write the articles' graphs (replacing those in `replacing`) and bring their entities in line.

    `stale` are the entities the replaced graphs named before, which may have lost
    their last mention or an alias.
    """
    parts = [f"DROP SILENT GRAPH <{name}>" for name in sorted(set(replacing))]
    data = [f"GRAPH <{w.name}> {{\n{w.graph.decode('utf-8')}}}" for w in writes]
    descriptions = "".join(w.descriptions.decode("utf-8") for w in writes)
    data.append(f"GRAPH {_ENT} {{\n{descriptions}{layout_marker()}\n}}")
    parts.append("INSERT DATA {\n" + "\n".join(data) + "\n}")
    stale = set(stale)
    parts += _prune(sorted(stale))
    parts += _labels(sorted(stale | {e for w in writes for e in w.entities}))
    return " ;\n".join(parts)


def remove_update(names: Iterable[str], stale: Iterable[str]) -> str:
    """Drop the article graphs `names` and what only they said of their entities."""
    entities = sorted(set(stale))
    return " ;\n".join([*(f"DROP SILENT GRAPH <{name}>" for name in sorted(set(names))),
                        *_prune(entities), *_labels(entities)])


def refresh_update() -> str:
    """Bring every entity in line with the article graphs, e.g. after loading dumps into a store."""
    return " ;\n".join([*_prune(None), *_labels(None), f"INSERT DATA {{ GRAPH {_ENT} {{ {layout_marker()} }} }}"])


def _prune(entities: Sequence[str] | None) -> Iterator[str]:
    """Descriptions of entities no article names, and aliases no article gives (all entities when None)."""
    for values in _values(entities):
        yield (f"DELETE {{ GRAPH {_ENT} {{ ?e ?p ?o }} }} WHERE {{ {values} GRAPH {_ENT} {{ ?e ?p ?o }} "
               f"FILTER(?e != {_ENT}) FILTER NOT EXISTS {{ GRAPH ?g {{ ?e {_MENTIONED} ?l }} }} }}")
        yield (f"DELETE {{ GRAPH {_ENT} {{ ?e {_ALT} ?a }} }} WHERE {{ {values} GRAPH {_ENT} {{ ?e {_ALT} ?a }} "
               f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?e {_ALT} ?a }} FILTER(?g != {_ENT}) }} }}")


def _labels(entities: Sequence[str] | None) -> Iterator[str]:
    """Each entity's preferred label: the smallest the articles give."""
    for values in _values(entities):
        yield f"DELETE {{ GRAPH {_ENT} {{ ?e {_PREF} ?old }} }} WHERE {{ {values} GRAPH {_ENT} {{ ?e {_PREF} ?old }} }}"
        yield (f"INSERT {{ GRAPH {_ENT} {{ ?e {_PREF} ?label }} }} WHERE {{ {{ SELECT ?e (MIN(?l) AS ?label) "
               f"WHERE {{ {values} GRAPH ?g {{ ?e {_MENTIONED} ?l }} }} GROUP BY ?e }} }}")


def _values(entities: Sequence[str] | None) -> Iterator[str]:
    if entities is None:
        yield ""
        return
    for start in range(0, len(entities), _BATCH):
        yield "VALUES ?e { " + " ".join(f"<{e}>" for e in entities[start:start + _BATCH]) + " }"
