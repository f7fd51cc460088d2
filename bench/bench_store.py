"""How the store scales: load rate and bundled-question latency at 1M triples, in bench/results_store.json.

Why: kg's promise is that a corpus of thousands of articles still loads fast and
answers every bundled question interactively (the target is < 200 ms at 1M
triples), and that the embedded Oxigraph store is worth having over rdflib's
in-memory graph. Speed is measured here, never asserted in tests.

The corpus is synthetic but made by kg itself: real `kg.model.Extraction` records
(about 2,000 entities, the gazetteer's known actors first, Zipf-like popularity,
10-20 relations an article over kg's predicates, sentences of news length, dates
over 2020-2024, a fixed seed) turned into named graphs by the same code
`kg build` writes (`kg.rdf.model.article_write`). Articles are added until the
graphs hold about --triples quads. Generating and writing the N-Quads file is
timed on its own and not counted in any rate.

Measured:

- load: `kg load` (KGStore.load_dump: pyoxigraph's bulk loader on every core, over
  line-aligned slices of the N-Quads file) into an on-disk store, and for reference
  one `pyoxigraph.Store(path).bulk_load(...)` call on the whole file; `kg build`'s
  write path (`KGStore.replace_graph` per article: one DROP + INSERT DATA update
  each) for the first --subset-triples, both into an empty store and, as a
  rebuild, into the full store; `KGStore.load_ontology`;
  rdflib's `Dataset.parse` of the subset;
- questions: each bundled question through `kg.query.run_question` on the full
  on-disk store (opened with `open_store`, as `kg query` does), median of --runs
  runs after one warm-up, against the same query text (the same `$name`
  substitution, done by `run_question` itself) on rdflib's in-memory
  `Dataset(default_union=True)` holding the subset. Oxigraph also answers on the
  subset, to check that both engines return the same rows. Every measurement runs
  in a forked child, so that a run slower than --timeout (rdflib) or
  --oxigraph-timeout is recorded as timed out instead of waited for; a question
  that times out on the subset is not tried on the full store.

    python bench/bench_store.py                     # 1M triples: ~3 min, plus the timeouts (~10 min in all
                                                    # while most bundled questions time out)
    python bench/bench_store.py --triples 100000    # a quick run
    python bench/bench_store.py --queries DIR       # measure rewritten .rq files before they replace queries/
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from functools import partial
from itertools import accumulate, product
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
import rdflib
from rdflib import Dataset, Graph

from kg.gazetteer import load_gazetteer
from kg.lexicon import rule_confidences
from kg.model import PREDICATES, Article, Entity, Extraction, Relation
from kg.query import Question, bundled_questions, load_question, run_question
from kg.rdf.entities import LAYOUT
from kg.rdf.model import article_write, entity_graph
from kg.rdf.namespace import ENTITY_GRAPH, ONTOLOGY_GRAPH
from kg.rdf.store import MEMORY, EmbeddedStore, KGStore, QueryResult, open_store
from kg.resolve import entity_key
from kg.resources import ontology_dir

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results_store.json"
TARGET_MS = 200.0

# ----------------------------------------------------------------- synthetic corpus

FIRST_NAMES = ("Ahmad", "Budi", "Siti", "Dewi", "Rizal", "Agus", "Maria", "John", "Elena", "Omar", "Li", "Hiroshi",
               "Fatima", "Carlos", "Anna", "Ivan", "Nguyen", "Priya", "Kim", "Hassan", "Sergei", "Aylin", "Pedro",
               "Yusuf", "Mei", "Rahul", "Olga", "Tariq", "Sofia", "Daniel")
LAST_NAMES = ("Santoso", "Wijaya", "Hidayat", "Kusuma", "Pratama", "Nasution", "Siregar", "Halim", "Petrov", "Ivanova",
              "Haddad", "Rahman", "Chen", "Tanaka", "Garcia", "Silva", "Kowalski", "Novak", "Okafor", "Mensah",
              "Khan", "Sharma", "Park", "Tran", "Yilmaz", "Rossi", "Muller", "Dubois", "Hansen", "Abdullah",
              "Suharto", "Lubis", "Harahap", "Tambunan", "Morales", "Castillo", "Popescu", "Nazarov", "Aliyev", "Omarov")
ORG_KINDS = ("Kementerian", "Partai", "Front", "Dewan", "Komite", "Badan", "Aliansi", "Gerakan", "Lembaga", "Komisi",
             "Serikat", "Koalisi", "Majelis", "Institut", "Pusat", "Federasi", "Asosiasi", "Otoritas", "Brigade",
             "Forum")
ORG_NAMES = ("Pertahanan", "Luar Negeri", "Keamanan Nasional", "Rakyat Bersatu", "Pembebasan", "Demokrasi", "Energi",
             "Perdagangan", "Hak Asasi", "Maritim", "Pangan", "Keadilan", "Reformasi", "Persatuan", "Pemuda",
             "Buruh", "Tani", "Nelayan", "Perdamaian", "Kemerdekaan", "Pembangunan", "Kesehatan", "Pendidikan",
             "Intelijen", "Perbatasan")
GROUP_NOUNS = ("kelompok", "pasukan", "milisi", "demonstran", "pengunjuk rasa", "pemberontak", "aktivis",
               "warga", "mahasiswa", "pejabat", "diplomat", "tentara", "polisi", "pengungsi", "separatis",
               "relawan", "buruh", "petani", "nelayan", "oposisi")
GROUP_ADJECTIVES = ("bersenjata", "lokal", "asing", "radikal", "garis keras", "pro-pemerintah", "anti-pemerintah",
                    "perbatasan", "sipil", "muda", "internasional", "regional", "bayaran", "cadangan", "khusus",
                    "gabungan", "utara", "selatan", "timur", "barat", "kiri", "kanan", "moderat")
FILLER = {
    "id": ("pada", "hari", "Senin", "yang", "dan", "di", "itu", "dalam", "pernyataan", "resmi", "kepada", "wartawan",
           "setelah", "pertemuan", "tertutup", "ibu", "kota", "menurut", "sumber", "pemerintah", "situasi", "keamanan",
           "wilayah", "tersebut", "semakin", "memburuk", "sejak", "pekan", "lalu", "kata", "juru", "bicara", "untuk",
           "membahas", "kerja", "sama", "bilateral", "serta", "krisis", "kemanusiaan"),
    "en": ("on", "Monday", "the", "and", "in", "a", "statement", "to", "reporters", "after", "closed-door", "talks",
           "capital", "according", "to", "government", "sources", "security", "situation", "in", "the", "region",
           "has", "worsened", "since", "last", "week", "said", "spokesperson", "for", "bilateral", "cooperation",
           "as", "well", "as", "humanitarian", "crisis", "officials", "told", "news", "agency"),
}
PUBLISHERS = ("Antara", "Kompas", "Tempo", "Detik", "CNN Indonesia", "Reuters", "AP", "AFP", "BBC", "Al Jazeera")
MEDIA = ("Reuters", "AFP", "AP", "TASS", "Xinhua", "Antara", "BBC", "Al Jazeera", "Kompas", "Tempo")

#: How often each predicate appears (rough shares in geopolitical news); `cites` is added per article.
PREDICATE_WEIGHTS = {
    "leads": 12, "meetsWith": 10, "visits": 7, "supports": 7, "condemns": 6, "blames": 5, "attacks": 5,
    "cooperatesWith": 5, "opposes": 4, "praises": 3, "threatens": 3, "aids": 3, "sanctions": 3, "deploysTo": 3,
    "memberOf": 3, "allyOf": 2, "detains": 2, "protestsAgainst": 2, "withdrawsFrom": 1, "succeeded": 1,
}
ACTORS = ("Person", "Organization", "Country", "Group")
#: (subject types, object types) per predicate; the rest take any actor on both sides.
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "leads": (("Person",), ("Country", "Organization")),
    "visits": (("Person", "Organization"), ("Country", "Place")),
    "deploysTo": (("Country", "Organization"), ("Country", "Place")),
    "withdrawsFrom": (("Country", "Organization"), ("Country", "Place", "Organization")),
    "memberOf": (("Country", "Person"), ("Organization",)),
    "succeeded": (("Person",), ("Person",)),
    "detains": (("Country", "Organization"), ("Person", "Group")),
    "protestsAgainst": (("Group", "Organization"), ACTORS),
}
DAYS = (date(2024, 12, 31) - date(2020, 1, 1)).days


@dataclass(frozen=True, slots=True)
class Known:
    """An actor of the synthetic world, before an article mentions it."""

    entity: Entity  # label, type, key, Wikidata id, preferred labels; mentions are filled per article
    forms: tuple[str, ...]  # other surface forms an article may use ("Putin", "Rusia")


def known_actors(rng: random.Random, size: int) -> list[Known]:
    """The gazetteer's entries, then made-up people, organisations and groups up to `size`, most popular first."""
    known = []
    for entry in load_gazetteer().entries.values():
        label = entry.label_in("en")
        entity = Entity(key=entity_key(entry.type, label, entry.wikidata), label=label, type=entry.type,
                        wikidata=entry.wikidata, labels=entry.label)
        known.append(Known(entity, tuple(dict.fromkeys((*(t for _, t in entry.label), *entry.aliases,
                                                        *entry.demonyms)))))
    rng.shuffle(known)
    rest = max(0, size - len(known))
    people = rng.sample([f"{a} {b}" for a, b in product(FIRST_NAMES, LAST_NAMES)], rest // 2)
    orgs = rng.sample([f"{a} {b}" for a, b in product(ORG_KINDS, ORG_NAMES)], rest // 4)
    groups = rng.sample([f"{a} {b}" for a, b in product(GROUP_NOUNS, GROUP_ADJECTIVES)], rest - rest // 2 - rest // 4)
    made: list[Known] = []
    for name in people:
        labels = (("en", name), ("id", name)) if rng.random() < 0.5 else ()
        made.append(Known(Entity(entity_key("Person", name), name, "Person", labels=labels),
                          (name, name.split()[-1])))
    made += [Known(Entity(entity_key("Organization", n), n, "Organization"), (n,)) for n in orgs]
    made += [Known(Entity(entity_key("Group", n), n, "Group"), (n,)) for n in groups]
    rng.shuffle(made)
    return known + made


class Popularity:
    """Zipf-like draws of actors, within the types a predicate allows.

    Zipf-Mandelbrot weights 1/(rank + offset)^s: a long tail, and a head flat enough that the most popular
    actor is in about half of the articles rather than in nearly all of them (as plain 1/rank would)."""

    def __init__(self, actors: Sequence[Known], exponent: float = 1.05, offset: float = 10.0):
        self._weights = [1.0 / (rank + offset) ** exponent for rank in range(len(actors))]
        self._actors = actors
        self._pools: dict[tuple[str, ...], tuple[list[Known], list[float]]] = {}

    def draw(self, rng: random.Random, types: tuple[str, ...]) -> Known:
        if types not in self._pools:
            chosen = [(a, w) for a, w in zip(self._actors, self._weights) if a.entity.type in types]
            self._pools[types] = ([a for a, _ in chosen], list(accumulate(w for _, w in chosen)))
        actors, cumulative = self._pools[types]
        return rng.choices(actors, cum_weights=cumulative)[0]


@dataclass
class World:
    """Everything an article is drawn from."""

    popularity: Popularity
    media: list[Known]
    verbs: dict[str, dict[str, str]]  # predicate -> lang -> verb
    rules: dict[str, float]  # extraction rule -> confidence
    predecessors: dict[str, Known]  # person key -> who held their office before them


def make_world(rng: random.Random, entities: int) -> World:
    actors = known_actors(rng, entities)
    media = [a for a in actors if a.entity.type == "Organization" and a.entity.label in MEDIA]
    return World(Popularity(actors), media or [a for a in actors if a.entity.type == "Organization"][:5],
                 predicate_verbs(), rule_confidences(), offices(rng, actors))


def offices(rng: random.Random, actors: Sequence[Known]) -> dict[str, Known]:
    """Every person holds one office in a line of 2-5 holders; returns who each holder succeeded.

    News states succession between holders of one office ("X succeeded Y as president"),
    so kg's `succeeded` edges form short chains, not a random graph over all people."""
    people = [a for a in actors if a.entity.type == "Person"]
    rng.shuffle(people)
    predecessors: dict[str, Known] = {}
    start = 0
    while start < len(people) - 1:
        holders = people[start:start + rng.randint(2, 5)]
        predecessors.update((later.entity.key, earlier) for earlier, later in zip(holders, holders[1:]))
        start += len(holders)
    return predecessors


def predicate_verbs() -> dict[str, dict[str, str]]:
    """The predicates' labels per language from the ontology ("menyalahkan"), to write sentences with."""
    graph = Graph()
    for path in sorted(ontology_dir().glob("*.ttl")):
        if path.name != "shapes.ttl":
            graph.parse(path, format="turtle")
    verbs: dict[str, dict[str, str]] = {p: {"en": p, "id": p} for p in PREDICATES}
    for s, label in graph.subject_objects(rdflib.RDFS.label):
        name = str(s).rpartition("#")[2]
        if name in verbs and isinstance(label, rdflib.Literal) and label.language in ("en", "id"):
            verbs[name][label.language] = str(label)
    return verbs


def synthetic_extraction(number: int, rng: random.Random, world: World) -> Extraction:
    """One article's extraction: 10-20 relations (1-2 of them `cites`), the entities they name, and a few more."""
    lang = "id" if rng.random() < 0.6 else "en"
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(DAYS + 1))
    article_id = f"synth-{number:07d}"
    mentions: dict[str, list[str]] = {}
    known: dict[str, Known] = {}

    def mention(actor: Known) -> str:
        key = actor.entity.key
        known[key] = actor
        forms = mentions.setdefault(key, [actor.entity.label if lang == "en" else dict(actor.entity.labels).get(
            "id", actor.entity.label)])
        if len(actor.forms) > 1 and rng.random() < 0.3:
            form = rng.choice(actor.forms)
            if form not in forms:
                forms.append(form)
        return forms[-1]

    sentences: list[str] = []
    position = 0
    raw: list[tuple[Known | None, str, Known, str, int, int]] = []
    for _ in range(rng.randint(9, 18)):
        predicate = rng.choices(list(PREDICATE_WEIGHTS), weights=list(PREDICATE_WEIGHTS.values()))[0]
        subject_types, object_types = SIGNATURES.get(predicate, (ACTORS, ACTORS))
        subject = world.popularity.draw(rng, subject_types)
        obj = world.popularity.draw(rng, object_types)
        if predicate == "succeeded":
            if subject.entity.key not in world.predecessors:
                continue
            obj = world.predecessors[subject.entity.key]
        if subject.entity.key == obj.entity.key:
            continue
        subject_form, object_form = mention(subject), mention(obj)
        if raw and rng.random() < 0.3:  # several relations read from one sentence
            text, start, end = sentences[-1], raw[-1][4], raw[-1][5]
        else:
            text = sentence(rng, lang, subject_form, world.verbs[predicate][lang], object_form)
            start, end = position, position + len(text)
            sentences.append(text)
            position = end + 1
        raw.append((subject, predicate, obj, text, start, end))
    for _ in range(rng.randint(1, 2)):
        source = rng.choice(world.media)
        text = sentence(rng, lang, "", "menurut" if lang == "id" else "according to", mention(source))
        sentences.append(text)
        raw.append((None, "cites", source, text, position, position + len(text)))
        position += len(text) + 1
    for _ in range(rng.randint(0, 4)):  # named in passing, in no relation
        mention(world.popularity.draw(rng, ACTORS))

    article = Article(id=article_id, text="\n".join(sentences), lang=lang, date=day.isoformat(),
                      title=" ".join(rng.choices(FILLER[lang], k=rng.randint(6, 12))).capitalize(),
                      url=f"https://news.example.org/{day:%Y/%m/%d}/{article_id}", source=rng.choice(PUBLISHERS))
    entities = {key: _with_mentions(known[key].entity, forms) for key, forms in mentions.items()}
    article_entity = Entity(key=article_id, label=article_id, type="Article")
    relations: dict[tuple[str, str, str, int], Relation] = {}
    for stated_by, predicate, obj, text, start, end in raw:
        subj = article_entity if stated_by is None else entities[stated_by.entity.key]
        rule = "cites" if predicate == "cites" else rng.choice(
            ["title-leads"] if predicate == "leads" and rng.random() < 0.7 else list(world.rules))
        relations.setdefault((subj.key, predicate, obj.entity.key, start), Relation(
            subject=subj, predicate=predicate, object=entities[obj.entity.key], sentence=text, start=start, end=end,
            confidence=world.rules.get(rule, 0.5), rule=rule,
            modality="planned" if rng.random() < 0.1 else "asserted"))
    return Extraction(article=article, entities=tuple(entities.values()), relations=tuple(relations.values()))


def _with_mentions(entity: Entity, forms: list[str]) -> Entity:
    return Entity(key=entity.key, label=entity.label, type=entity.type, mentions=tuple(forms),
                  wikidata=entity.wikidata, labels=entity.labels)


def sentence(rng: random.Random, lang: str, subject: str, verb: str, obj: str) -> str:
    """A news-length sentence (about 20-40 words) around "SUBJECT VERB OBJECT"."""
    words = FILLER[lang]
    before = " ".join(rng.choices(words, k=rng.randint(0, 8)))
    after = " ".join(rng.choices(words, k=rng.randint(10, 28)))
    core = " ".join(part for part in (before, subject, verb, obj, after) if part)
    return core[0].upper() + core[1:] + "."


def kg_graph(extraction: Extraction, extracted_at: datetime) -> Graph:
    """The article's named graph exactly as `kg build` writes it."""
    write = article_write(extraction, "bench", extracted_at)
    return Graph(identifier=rdflib.URIRef(write.name)).parse(data=write.graph, format="nt")


def nquads(graph: Graph) -> str:
    """The graph as N-Quads lines: its N-Triples with the graph name before each final dot."""
    name = f" <{graph.identifier}> .\n"
    return "".join(line[:-2] + name for line in graph.serialize(format="nt").splitlines() if line.strip())


@dataclass
class Corpus:
    """The written N-Quads files and what went into them."""

    nquads: Path
    subset_nquads: Path
    quads: int = 0
    subset_quads: int = 0
    articles: int = 0
    subset_articles: int = 0
    relations: int = 0
    subset_graphs: list[Graph] = field(default_factory=list)  # the subset's graphs, for kg's write path
    graphs_per_entity: Counter[str] = field(default_factory=Counter)  # label -> article graphs describing it
    subset_actor_counts: Counter[str] = field(default_factory=Counter)  # label -> relations, on the subset
    subset_facts: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (subject, predicate, object) labels
    subset_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0


class EntityIndex:
    """The entity graph kg keeps beside the article graphs: each entity described once, with its smallest label."""

    def __init__(self) -> None:
        self.triples: set[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]] = set()
        self.labels: dict[rdflib.term.Node, str] = {}

    def add(self, extraction: Extraction) -> None:
        for subject, predicate, value in entity_graph(extraction):
            if predicate != rdflib.SKOS.prefLabel:
                self.triples.add((subject, predicate, value))
            elif subject not in self.labels or str(value) < self.labels[subject]:
                self.labels[subject] = str(value)

    def graph(self) -> Graph:
        index = Graph(identifier=ENTITY_GRAPH)
        for triple in self.triples:
            index.add(triple)
        for subject, label in self.labels.items():
            index.add((subject, rdflib.SKOS.prefLabel, rdflib.Literal(label)))
        index.add((ENTITY_GRAPH, rdflib.OWL.versionInfo, rdflib.Literal(f"kg store layout {LAYOUT}")))
        return index


def generate(folder: Path, triples: int, subset_triples: int, entities: int, seed: int) -> Corpus:
    """Write articles' graphs to corpus.nq until it holds `triples` quads; the first `subset_triples` also to subset.nq.
    Each file ends with the entity index of its articles, as `kg export --format nq` writes a store."""
    rng = random.Random(seed)
    world = make_world(rng, entities)
    extracted_at = datetime(2025, 1, 1, tzinfo=timezone.utc)
    corpus = Corpus(folder / "corpus.nq", folder / "subset.nq")
    started = time.perf_counter()
    full_index, subset_index = EntityIndex(), EntityIndex()
    with corpus.nquads.open("w", encoding="utf-8") as full, corpus.subset_nquads.open("w", encoding="utf-8") as part:
        while corpus.quads < triples:
            extraction = synthetic_extraction(corpus.articles, rng, world)
            graph = kg_graph(extraction, extracted_at)
            text = nquads(graph)
            full.write(text)
            full_index.add(extraction)
            corpus.quads += len(graph)
            corpus.articles += 1
            corpus.relations += len(extraction.relations)
            corpus.graphs_per_entity.update(e.label for e in extraction.entities)
            if corpus.subset_quads < subset_triples:
                part.write(text)
                subset_index.add(extraction)
                corpus.subset_quads += len(graph)
                corpus.subset_articles += 1
                corpus.subset_graphs.append(graph)
                corpus.subset_ids.append(extraction.article.id)
                for r in extraction.relations:
                    corpus.subset_actor_counts.update(e.label for e in (r.subject, r.object) if e.type != "Article")
                    corpus.subset_facts[(r.subject.label, r.predicate, r.object.label)] += 1
        for index, out, counted in ((full_index, full, "quads"), (subset_index, part, "subset_quads")):
            graph = index.graph()
            out.write(nquads(graph))
            setattr(corpus, counted, getattr(corpus, counted) + len(graph))
    corpus.seconds = time.perf_counter() - started
    return corpus


# ----------------------------------------------------------------- loading


def rate(triples: int, seconds: float) -> dict[str, Any]:
    return {"triples": triples, "seconds": round(seconds, 3), "triples_per_second": round(triples / seconds)}


def bulk_load(path: Path, nquads_file: Path, repeats: int, *, parallel: bool) -> dict[str, Any]:
    """Load the corpus into a new on-disk store, `repeats` times (each into an empty folder); the median counts and
    the last store stays. `parallel`: kg's own loader (`kg load`, KGStore.load_dump: one pyoxigraph bulk loader per
    core over line-aligned slices); else one pyoxigraph `bulk_load` call, for reference. The page cache is flushed
    first so that writing the generated file back to disk does not slow the load it feeds."""
    os.sync()
    runs: list[float] = []
    for attempt in range(max(1, repeats)):
        if attempt or path.exists():
            shutil.rmtree(path)
        started = time.perf_counter()
        if parallel:
            with open_store(path) as store:
                store.load_dump(nquads_file)
                triples = len(store)
        else:
            inner = ox.Store(str(path))
            inner.bulk_load(path=str(nquads_file), format=ox.RdfFormat.N_QUADS)
            inner.flush()
            triples = len(inner)
            del inner
        runs.append(time.perf_counter() - started)
    seconds = statistics.median(runs)
    figures = rate(triples, seconds)
    megabytes = nquads_file.stat().st_size / 1e6
    figures.update(runs_triples_per_second=[round(triples / t) for t in runs],
                   nquads_megabytes=round(megabytes, 1), megabytes_per_second=round(megabytes / seconds, 1),
                   store_bytes=sum(f.stat().st_size for f in path.rglob("*") if f.is_file()))
    return figures


def replace_graphs(location: Path, graphs: Sequence[Graph]) -> dict[str, Any]:
    """kg's write path: one `KGStore.replace_graph` (DROP + INSERT DATA) per article."""
    with open_store(location) as store:
        before = len(store)
        started = time.perf_counter()
        for graph in graphs:
            store.replace_graph(graph)
        store.flush()
        seconds = time.perf_counter() - started
        figures = rate(sum(len(g) for g in graphs), seconds)
        figures.update(articles=len(graphs), store_triples_before=before, store_triples_after=len(store),
                       ms_per_article=round(1000 * seconds / len(graphs), 2))
    return figures


def load_ontology(location: Path) -> dict[str, Any]:
    with open_store(location) as store:
        started = time.perf_counter()
        triples = store.load_ontology()
        store.flush()
        figures = rate(triples, time.perf_counter() - started)
        figures["store_triples"] = len(store)
    return figures


def rdflib_dataset(subset: Path, quads: int) -> tuple[Dataset, dict[str, Any]]:
    """rdflib's in-memory dataset with the subset's `quads` and the ontology, queried as the union of its graphs."""
    dataset = Dataset(default_union=True)
    started = time.perf_counter()
    dataset.parse(subset, format="nquads")
    figures = rate(quads, time.perf_counter() - started)
    figures["distinct_triples_in_union"] = len(dataset)  # what the graphs state once, counted once
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    for path in sorted(ontology_dir().glob("*.ttl")):
        if path.name != "shapes.ttl":
            ontology.parse(path, format="turtle")
    return dataset, figures


def union_counts_each_graph() -> bool:
    """Does Oxigraph's union default graph match a triple once per graph stating it (a bag, not the RDF merge)?

    kg states an entity's type and labels in every article graph that names it, so when this is true every join
    on them is multiplied by the number of those graphs (oxigraph/oxigraph#1919, fixed upstream by #1920)."""
    store = ox.Store()
    s, p, o = ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.NamedNode("urn:o")
    store.extend([ox.Quad(s, p, o, ox.NamedNode(f"urn:g{n}")) for n in range(2)])
    solutions = store.query("SELECT * WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    return len(list(solutions)) > 1


# ----------------------------------------------------------------- questions


class _TextOnly:
    """Stands in for a store so that `run_question` hands over the query text it would run."""

    text = ""

    def query(self, sparql: str, *, prefixes: object = None) -> QueryResult:
        self.text = sparql
        return QueryResult((), ())


def query_text(question: Question, params: dict[str, str]) -> str:
    """The exact text `run_question` sends to the store, parameters substituted."""
    capture = _TextOnly()
    run_question(capture, question, params)  # type: ignore[arg-type]  # duck-typed store
    return capture.text


Rows = list[tuple[str | None, ...]]


def timed_runs(run: Callable[[], Rows], runs: int, budget: float,
               report: Callable[[float, Rows], None]) -> None:
    """One warm-up, then `runs` timed runs; once `budget` seconds are spent, 3 are enough (1 if the warm-up alone
    took longer than `budget`). `report(seconds, rows)` after each, seconds = -1 for the warm-up."""
    started = time.perf_counter()
    report(-1.0, run())
    required = 1 if time.perf_counter() - started > budget else 3
    spent, done = 0.0, 0
    while done < runs and (done < required or spent < budget):
        started = time.perf_counter()
        rows = run()
        seconds = time.perf_counter() - started
        spent, done = spent + seconds, done + 1
        report(seconds, rows)


def oxigraph_rows(store: KGStore, question: Question, params: dict[str, str]) -> Callable[[], Rows]:
    return lambda: list(run_question(store, question, params).rows)


def rdflib_rows(dataset: Dataset, text: str) -> Callable[[], Rows]:
    def run() -> Rows:
        rows = cast(Iterable[Sequence[object]], dataset.query(text))
        return [tuple(None if v is None else str(v) for v in row) for row in rows]
    return run


def full_store_rows(location: Path, question: Question, params: dict[str, str]) -> Callable[[], Rows]:
    """The on-disk store opened read-only, as `kg query` opens it (in the child that measures)."""
    return oxigraph_rows(open_store(location, read_only=True), question, params)


def _child(conn: Connection, setup: Callable[[], Callable[[], Rows]], runs: int, budget: float,
           keep_rows: bool) -> None:
    def report(seconds: float, rows: Rows) -> None:
        conn.send((seconds, (rows if keep_rows else len(rows)) if seconds < 0 else None))

    try:
        run = setup()
        conn.send(("ready", None))
        timed_runs(run, runs, budget, report)
        conn.send(("done", None))
    except Exception as e:  # noqa: BLE001 - reported to the parent and recorded
        conn.send(("error", f"{type(e).__name__}: {e}"))


def in_child(setup: Callable[[], Callable[[], Rows]], runs: int, budget: float, timeout: float,
             keep_rows: bool = True) -> dict[str, Any]:
    """`timed_runs` of `setup()` in a forked child, so that a run over `timeout` seconds is stopped and recorded
    (neither rdflib nor pyoxigraph can be interrupted from another thread). Returns the times and the warm-up's
    rows (their number unless `keep_rows`)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, setup, runs, budget, keep_rows), daemon=True)
    child.start()
    sender.close()
    out: dict[str, Any] = {"times": [], "rows": None, "timeout_s": timeout}
    wait = max(timeout, 300.0)  # opening a store is not what is measured
    try:
        while True:
            if not receiver.poll(wait):
                out["timed_out"] = f"a run took over {timeout:g} s; stopped"
                break
            wait = timeout
            what, rows = receiver.recv()
            if what in ("ready", "done"):
                if what == "done":
                    break
            elif what == "error":
                out["error"] = rows
                break
            elif what < 0:
                out["rows"] = rows
            else:
                out["times"].append(what)
    except EOFError:
        out["error"] = f"the child stopped (exit code {child.exitcode})"
    finally:
        child.kill()
        child.join()
    return out


def choose_params(questions: dict[str, Question], corpus: Corpus) -> dict[str, dict[str, str]]:
    """Each question's default parameters where they match the subset, else values that do: for `name` the actor
    in most relations, for `subject`/`predicate`/`object` the relation stated most often, for `id` the first
    article. Empty defaults (`year`, `qid`: "all") are kept."""
    top_actor = corpus.subset_actor_counts.most_common(1)[0][0]
    top_fact = corpus.subset_facts.most_common(1)[0][0]
    chosen: dict[str, dict[str, str]] = {}
    for name, question in questions.items():
        params = dict(question.params)
        if "name" in params and not any(params["name"].lower() in label.lower() for label in corpus.subset_actor_counts):
            params["name"] = top_actor
        if "id" in params and params["id"] not in corpus.subset_ids:
            params["id"] = corpus.subset_ids[0]
        if {"subject", "predicate", "object"} <= set(params) and not any(
                params["subject"].lower() in s.lower() and params["predicate"] == p and params["object"].lower() in o.lower()
                for s, p, o in corpus.subset_facts):
            params.update(zip(("subject", "predicate", "object"), top_fact))
        chosen[name] = params
    return chosen


def memory_store(nquads_file: Path) -> KGStore:
    """An in-memory Oxigraph store with the file's quads and the ontology."""
    inner = ox.Store()
    inner.bulk_load(path=str(nquads_file), format=ox.RdfFormat.N_QUADS)
    store = EmbeddedStore(inner, MEMORY)
    store.load_ontology()
    return store


def _canonical_row(row: Sequence[str | None]) -> str:
    """A row with the lexical forms the two engines write differently made alike ("0.70" / "0.7", "+00:00" / "Z")."""
    def canonical(value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return str(Decimal(value).normalize())
        except InvalidOperation:
            return value[:-6] + "Z" if value.endswith("+00:00") else value
    return repr(tuple(map(canonical, row)))


def chosen_questions(folder: str | None) -> dict[str, Question]:
    if folder is None:
        return bundled_questions()
    return {path.stem: load_question(str(path)) for path in sorted(Path(folder).glob("*.rq"))}


def median_ms(times: Sequence[float]) -> float | None:
    return round(1000 * statistics.median(times), 2) if times else None


def measure_questions(store_path: Path, corpus: Corpus, dataset: Dataset, questions: dict[str, Question],
                      runs: int, budget: float, timeout: float, ox_timeout: float) -> dict[str, dict[str, Any]]:
    """Per bundled question: oxigraph on the full store, rdflib and oxigraph on the subset, and whether they agree.

    Every measurement runs in a forked child; no on-disk store is open in this process when it forks."""
    params = choose_params(questions, corpus)
    small = memory_store(corpus.subset_nquads)
    table: dict[str, dict[str, Any]] = {}
    for name, question in questions.items():
        text = query_text(question, params[name])
        print(f"  {name:<20} rdflib {_short(corpus.subset_quads)} ...", end="", flush=True)
        rdf = in_child(partial(rdflib_rows, dataset, text), runs, budget, timeout)
        print(f" oxigraph {_short(corpus.subset_quads)} ...", end="", flush=True)
        ox_small = in_child(partial(oxigraph_rows, small, question, params[name]), runs, budget, ox_timeout)
        print(f" oxigraph {_short(corpus.quads)} ...", flush=True)
        if "timed_out" in ox_small:  # it would only time out again on ten times the data
            ox_full: dict[str, Any] = {"times": [], "rows": None, "timeout_s": ox_timeout,
                                       "timed_out": "skipped: timed out on the subset"}
        else:
            ox_full = in_child(partial(full_store_rows, store_path, question, params[name]), runs, budget,
                               ox_timeout, keep_rows=False)
        table[name] = {"params": params[name], "rdflib": rdf, "oxigraph_small": ox_small, "oxigraph_full": ox_full}
    small.close()
    return {name: summarise(entry) for name, entry in table.items()}


def summarise(entry: dict[str, Any]) -> dict[str, Any]:
    full, small, rdf = entry["oxigraph_full"], entry["oxigraph_small"], entry["rdflib"]
    ox_ms, ox_small_ms, rdf_ms = median_ms(full["times"]), median_ms(small["times"]), median_ms(rdf["times"])
    same = None
    if rdf["rows"] is not None and small["rows"] is not None:  # as multisets: duplicates count
        same = sorted(map(_canonical_row, rdf["rows"])) == sorted(map(_canonical_row, small["rows"]))
    row: dict[str, Any] = {
        "params": entry["params"],
        "oxigraph_1M_ms": ox_ms,
        "rdflib_100k_ms": rdf_ms,
        "ratio": round(rdf_ms / ox_ms, 2) if rdf_ms and ox_ms else None,
        "ratio_at_least": round(1000 * rdf["timeout_s"] / ox_ms) if "timed_out" in rdf and ox_ms else None,
        "ratio_at_most": round(rdf_ms / (1000 * full["timeout_s"]), 4) if "timed_out" in full and rdf_ms else None,
        "under_200ms": ox_ms is not None and ox_ms < TARGET_MS,
        "oxigraph_100k_ms": ox_small_ms,
        "rows_oxigraph_1M": full["rows"],
        "rows_oxigraph_100k": None if small["rows"] is None else len(small["rows"]),
        "rows_rdflib_100k": None if rdf["rows"] is None else len(rdf["rows"]),
        "same_rows_100k": same,
        "runs": {"oxigraph_1M": len(full["times"]), "oxigraph_100k": len(small["times"]),
                 "rdflib_100k": len(rdf["times"])},
        "oxigraph_1M_ms_all": [round(1000 * t, 2) for t in full["times"]],
    }
    for bound in ("ratio_at_least", "ratio_at_most"):
        if row[bound] is None:
            del row[bound]
    for engine, out in (("oxigraph_1M", full), ("oxigraph_100k", small), ("rdflib_100k", rdf)):
        for key in ("timed_out", "error"):
            if key in out:
                row[f"{engine}_{key}"] = out[key]
    return row


# ----------------------------------------------------------------- report


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"machine": platform.machine(), "system": platform.platform(),
                            "python": platform.python_version(), "cpus": os.cpu_count(),
                            "pyoxigraph": ox.__version__, "rdflib": rdflib.__version__}
    for path, prefix, key in (("/proc/cpuinfo", "model name", "cpu"), ("/proc/meminfo", "MemTotal", "memory")):
        try:
            line = next(line for line in Path(path).read_text().splitlines() if line.startswith(prefix))
            info[key] = line.split(":", 1)[1].strip()
        except (OSError, StopIteration):
            pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=HERE, capture_output=True, text=True).stdout
        info["kg_commit"] = commit + ("+uncommitted" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        pass
    return info


def table_lines(questions: dict[str, dict[str, Any]], subset_triples: int, triples: int) -> Iterator[str]:
    def ms(q: dict[str, Any], engine: str) -> str:
        value = q[f"{engine}_ms"]
        if value is not None:
            return f"{value:,.1f}"
        return "timeout" if f"{engine}_timed_out" in q else "error" if f"{engine}_error" in q else "-"

    big, small = _short(triples), _short(subset_triples)
    head = (f"{'question':<20} {'oxigraph ' + big:>14} {'rdflib ' + small:>13} {'ratio':>8} {'< 200 ms':>9} "
            f"{'oxigraph ' + small:>14} {'rows ' + big:>9} {'rows ' + small + ' ox/rdflib':>20}")
    yield head
    yield "-" * len(head)
    for name, q in questions.items():
        ratio = _times(q["ratio"]) if q["ratio"] is not None else \
            f">{q['ratio_at_least']:,}x" if "ratio_at_least" in q else \
            f"<{q['ratio_at_most']:.2g}x" if "ratio_at_most" in q else "-"
        rows_small = f"{_count(q['rows_oxigraph_100k'])}/{_count(q['rows_rdflib_100k'])}" + (
            " DIFFER" if q["same_rows_100k"] is False else "")
        yield (f"{name:<20} {ms(q, 'oxigraph_1M'):>14} {ms(q, 'rdflib_100k'):>13} {ratio:>8} "
               f"{'yes' if q['under_200ms'] else 'NO':>9} {ms(q, 'oxigraph_100k'):>14} "
               f"{_count(q['rows_oxigraph_1M']):>9} {rows_small:>20}")
    yield (f"(medians in ms; ratio = rdflib at {small} / oxigraph at {big}; DIFFER: the two engines return "
           f"different rows on the same {small} quads)")


def _times(ratio: float) -> str:
    return f"{ratio:,.1f}x" if ratio >= 1 else f"{ratio:.2g}x"


def _count(n: int | None) -> str:
    return "-" if n is None else str(n)


def _short(n: int) -> str:
    return f"{n / 1e6:.3g}M" if n >= 1_000_000 else f"{n / 1e3:.3g}k"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="quads in the generated corpus")
    parser.add_argument("--subset-triples", type=int, default=100_000,
                        help="quads for rdflib and for kg's per-article write path (capped at --triples)")
    parser.add_argument("--entities", type=int, default=2000, help="actors in the synthetic world")
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per question, after one warm-up")
    parser.add_argument("--budget", type=float, default=20.0,
                        help="seconds per question and engine after which only 3 runs are required")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one rdflib run may take")
    parser.add_argument("--oxigraph-timeout", type=float, default=10.0, help="seconds one oxigraph run may take")
    parser.add_argument("--load-repeats", type=int, default=3, help="bulk loads of the corpus; the median counts")
    parser.add_argument("--queries", help="measure the .rq files of this folder instead of the bundled questions "
                                          "(to try a rewrite before it replaces queries/)")
    parser.add_argument("--workdir", help="folder for the N-Quads files and stores (default: a temporary one)")
    parser.add_argument("--output", default=str(RESULTS))
    args = parser.parse_args()
    subset_triples = min(args.subset_triples, args.triples)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        folder = Path(tmp)
        print(f"Generating about {args.triples:,} quads (seed {args.seed}) ...", flush=True)
        corpus = generate(folder, args.triples, subset_triples, args.entities, args.seed)
        print(f"  {corpus.quads:,} quads, {corpus.articles:,} articles, {corpus.relations:,} relations, "
              f"{len(corpus.graphs_per_entity):,} entities in {corpus.seconds:.1f} s (not counted)", flush=True)
        store_path = folder / "store"
        print("Loading ...", flush=True)
        load = {"pyoxigraph_bulk_load": bulk_load(store_path, corpus.nquads, args.load_repeats, parallel=False),
                "kg_load": bulk_load(store_path, corpus.nquads, args.load_repeats, parallel=True)}
        for name in ("pyoxigraph_bulk_load", "kg_load"):
            print(f"  {name} {load[name]['triples_per_second']:,} triples/s "
                  f"(runs: {load[name]['runs_triples_per_second']})", flush=True)
        load["replace_graph_empty_store"] = replace_graphs(folder / "store-replace", corpus.subset_graphs)
        print(f"  replace_graph (empty store) {load['replace_graph_empty_store']['triples_per_second']:,} triples/s",
              flush=True)
        load["load_ontology"] = load_ontology(store_path)
        dataset, load["rdflib_parse"] = rdflib_dataset(corpus.subset_nquads, corpus.subset_quads)
        print(f"  rdflib parse {load['rdflib_parse']['triples_per_second']:,} triples/s", flush=True)
        print("Questions ...", flush=True)
        questions = measure_questions(store_path, corpus, dataset, chosen_questions(args.queries), args.runs,
                                      args.budget, args.timeout, args.oxigraph_timeout)
        del dataset
        load["replace_graph_full_store"] = replace_graphs(store_path, corpus.subset_graphs)  # a rebuild at scale
        print(f"  replace_graph (rebuild in the full store) "
              f"{load['replace_graph_full_store']['triples_per_second']:,} triples/s", flush=True)
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "what": "bench/bench_store.py: store load rates and bundled-question latency on a synthetic kg corpus",
        "questions_from": args.queries or "queries/ (bundled)",
        "machine": machine(),
        "oxigraph_union_default_graph_counts_each_graph": union_counts_each_graph(),
        "corpus": {"seed": args.seed, "quads": corpus.quads, "articles": corpus.articles,
                   "relations": corpus.relations, "entities": len(corpus.graphs_per_entity),
                   "entity_pool": args.entities,
                   # each of these graphs repeats the entity's type and labels: the copies a union-graph join sees
                   "graphs_per_entity": {"median": statistics.median(corpus.graphs_per_entity.values()),
                                         "top": dict(corpus.graphs_per_entity.most_common(5))},
                   "subset_quads": corpus.subset_quads, "subset_articles": corpus.subset_articles,
                   "generate_seconds_not_counted": round(corpus.seconds, 1)},
        "load": load,
        "target_ms": TARGET_MS,
        "ratio_is": "rdflib_100k_ms / oxigraph_1M_ms (how many times faster oxigraph answers on 10x the data); "
                    "the 1M/100k column names are kept when --triples / --subset-triples scale them",
        "questions": questions,
        "over_target": [name for name, q in questions.items() if not q["under_200ms"]],
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print()
    print("\n".join(table_lines(questions, corpus.subset_quads, corpus.quads)))
    print(f"\nWrote {args.output} in {results['total_seconds']} s")


if __name__ == "__main__":
    main()
