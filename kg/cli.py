"""The `kg` command: a thin shell over kg.api that parses options and prints.

Every command body is a call or two into the library; errors of the KGError family
become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Column, Table
from typer.core import TyperArgument, TyperGroup, TyperOption

from kg.errors import KGError

__all__ = ["app"]


class _Commands(TyperGroup):
    """kg's commands, with help that names each placeholder by a word (`--store PATH`,
    `INPUTS...`) rather than the Python type Typer would print (`<str>`, `<list[Path]>`).

    Options given no `metavar` get their long name in capitals (`--format FORMAT`), so a command
    added later follows the convention without thinking of it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            for param in command.params:
                if isinstance(param, TyperArgument):
                    param.metavar = param.metavar or (param.name or "").upper()
                    param.display_type_rich = _no_type  # type: ignore[method-assign]
                elif isinstance(param, TyperOption) and param.metavar is None and not param.is_flag:
                    longest = max(param.opts, key=len)  # --format, not fmt
                    param.metavar = longest.lstrip("-").replace("-", "_").upper()


def _no_type(ctx: object) -> None:
    return None


app = typer.Typer(
    cls=_Commands,
    help="kg: knowledge graphs from geopolitical news (Indonesian and English).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

_PROGRESS_THRESHOLD = 20  # articles; fewer finish before a bar would be useful
F = TypeVar("F", bound=Callable[..., Any])

StoreOption = Annotated[
    str | None,
    typer.Option("--store", "-s", metavar="PATH|URL", help="Store folder or SPARQL server URL (default $KG_STORE or kg-out/store); ':memory:' for none."),
]


def _friendly(func: F) -> F:
    """Turn KGError into a one-line message and exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGError as e:
            err.print(f"kg: error: {e}", markup=False, highlight=False)
            raise typer.Exit(1) from e

    return wrapper  # type: ignore[return-value]


class _Settings:
    """Options given before the command (`kg --quiet build ...`), for every command."""

    quiet = False


def _show_version(value: bool) -> None:
    if value:
        from kg import __version__

        out.print(f"kg {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print kg's version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print results and errors only: no progress, "
                                                               "no summary lines (kg -q build ...).")] = False,
) -> None:
    """kg: knowledge graphs from geopolitical news (Indonesian and English)."""
    _Settings.quiet = quiet


def _say(text: str) -> None:
    """A summary line, which --quiet leaves out."""
    if not _Settings.quiet:
        out.print(text, highlight=False)


def _report_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        err.print(f"kg: skipped {problem}", markup=False, highlight=False)


@app.command()
@_friendly
def build(
    inputs: Annotated[list[Path], typer.Argument(metavar="INPUT...", help="Article files (.txt, .jsonl, .html) or folders of them, read recursively; - reads standard input.")],
    store: StoreOption = None,
    html: Annotated[Path | None, typer.Option(metavar="PAGE", help="Also write the graph page here.")] = None,
    question: Annotated[str | None, typer.Option(metavar="NAME",
                                                 help="Also run this bundled question and print it.")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N",
                                             help="Worker processes that extract (default: one per core).")] = None,
    scheduler: Annotated[str | None, typer.Option(metavar="tcp://HOST:PORT",
                                                  help="Extract on a Dask cluster: its scheduler's address "
                                                       "(needs kg[dask]).")] = None,
) -> None:
    """Read articles, extract entities and relations, and write them to the store.

    Building the same articles again leaves the same graph; unchanged articles are
    skipped before extraction. Extraction runs on every core (--jobs), or on a Dask
    cluster (--scheduler); this process alone writes the store.

    Example: kg build data/articles --store kg-out/store --jobs 2
    """
    from kg import api

    with _progress() as tick:
        report = api.build(inputs, store, progress=tick, jobs=jobs, scheduler=scheduler)
    _report_problems(report.problems)
    if report.read == 0:
        err.print("kg: error: no article could be read; nothing was built", markup=False)
        raise typer.Exit(1)
    s = report.stats
    _say(f"Read {report.read} article(s)"
         + (f", {report.unchanged} unchanged since the last build" if report.unchanged else "")
         + (f", skipped {len(report.problems)} problem(s)" if report.problems else ""))
    _say(f"Store {s.store}: {s.articles} articles, {s.entities} entities, "
         f"{s.relations} relations, {s.triples} triples")
    if html is not None or question is not None:
        from kg.export import export
        from kg.query import load_question, run_question
        from kg.rdf.store import open_store

        with open_store(store) as kg_store:
            if html is not None:
                _say(f"Graph page {export(kg_store, 'html', html)}")
            if question is not None:
                asked = load_question(question)
                out.print(f"\n{asked.title}" + (f" ({', '.join(f'{k}={v}' for k, v in asked.params.items())})"
                                                 if asked.params else ""))
                _print_result(run_question(kg_store, asked), "table")


@app.command()
@_friendly
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="Ids of the articles to remove.")],
    store: StoreOption = None,
) -> None:
    """Remove articles from the store, with every fact and evidence only they stated.

    A fact that another article also states stays, with that article's evidence.

    Example: kg remove seed-csto-kazakhstan --store kg-out/store
    """
    from kg import api

    report = api.remove(article_ids, store)
    for article_id in report.missing:
        err.print(f"kg: the store holds no article {article_id!r}; nothing removed for it", markup=False)
    s = report.stats
    _say(f"Removed {len(report.removed)} article(s); store {s.store}: {s.articles} articles, "
         f"{s.entities} entities, {s.relations} relations, {s.triples} triples")
    if not report.removed:
        raise typer.Exit(1)


@app.command()
@_friendly
def load(
    dumps: Annotated[list[Path], typer.Argument(help="N-Quads (.nq) or TriG (.trig) files, as kg export writes.")],
    store: StoreOption = None,
) -> None:
    """Load RDF dumps into the store, each graph replacing the graph of the same name.

    For restoring a store, or moving one to a SPARQL server: it skips extraction and
    runs pyoxigraph's bulk loader on every core. Loading is not atomic; if a file is
    malformed, fix it and load it again.

    Example: kg load kg.nq --store http://localhost:7878   (kg.nq from kg export --format nq -o kg.nq)
    """
    from kg import api

    s = api.load(dumps, store)
    _say(f"Loaded {len(dumps)} file(s); store {s.store}: {s.articles} articles, {s.entities} entities, "
         f"{s.relations} relations, {s.triples} triples")


@app.command()
@_friendly
def extract(
    source: Annotated[list[Path], typer.Argument(metavar="INPUT...", help="Article files (.txt, .jsonl, .html) or folders of them, read recursively; - reads standard input.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (docs/interchange.md) or table.")] = "jsonl",
    entities: Annotated[bool, typer.Option("--entities", help="Print entities instead of relations.")] = False,
) -> None:
    """Print what kg extracts from articles, without writing a store.

    Example: kg extract data/articles/seed-csto-kazakhstan.jsonl --format table
    """
    from kg import api
    from kg.interchange import entity_records, relation_record

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter(f"unknown format {fmt!r}; use jsonl or table", param_hint="--format")
    with _progress("extracting", piped_summary=False) as tick:
        extractions, problems = api.extract(source, progress=tick)
    _report_problems(problems)
    if entities:
        records = [record for x in extractions for record in entity_records(x)]
    else:
        records = [relation_record(x, r) for x in extractions for r in x.relations]
    if fmt == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        columns = ["doc_id", "label", "type", "wikidata"] if entities else \
            ["doc_id", "subject", "predicate", "object", "confidence", "modality"]
        _print_table(columns, [[str(r.get(c, "")) for c in columns] for r in records])
    if not extractions:
        raise typer.Exit(1)


@app.command()
@_friendly
def query(
    question: Annotated[str | None, typer.Argument(help="A bundled question's name, a .rq file, or SPARQL text.")] = None,
    store: StoreOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, or a W3C SPARQL results format: json, xml, "
                                                           "csv or tsv.")] = "table",
    param: Annotated[list[str] | None, typer.Option("--param", "-p", metavar="NAME=VALUE", help="NAME=VALUE for a question's parameter.")] = None,
    list_questions: Annotated[bool, typer.Option("--list", help="List the bundled questions and exit.")] = False,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let the query call SERVICE (the store "
                                                                          "then sends requests to other servers).")] = False,
) -> None:
    """Ask the store a SPARQL question; bundled questions go by name.

    The prefixes kg, rdf, rdfs, skos, schema, prov, owl, xsd, wd, entity, article,
    evidence and graph are declared already. Parameters are bound as values,
    never pasted into the query.

    Example: kg query relations-of --param name=Tokayev
    """
    from kg.query import bundled_questions, load_question, run_question
    from kg.rdf.store import open_store
    from kg.results import RESULT_FORMATS

    if list_questions:
        _print_table(["name", "title", "parameters"],
                     [[q.name, q.title, ", ".join(f"{k}={v}" for k, v in q.params.items())]
                      for q in bundled_questions().values()])
        return
    if question is None:
        raise typer.BadParameter("name a bundled question, a .rq file or SPARQL text (see --list)")
    if fmt != "table" and fmt not in RESULT_FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use table, {', '.join(RESULT_FORMATS)}",
                                 param_hint="--format")
    params = dict(_split_param(p) for p in param or [])
    asked = load_question(question)
    with open_store(store, read_only=store != ":memory:") as kg_store:
        _print_result(run_question(kg_store, asked, params, allow_service=allow_service), fmt)


@app.command()
@_friendly
def export(
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="html, turtle, xml, json-ld, nt, nq, trig or "
                                                                  "graphml (rdflib's names; ttl and jsonld too); "
                                                                  "default: from -o's extension, else html.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write, - for standard output "
                                                                         "(default kg-out/graph.<ext>).")] = None,
    lang: Annotated[str, typer.Option(help="html: language of predicate and type names (en or id).")] = "en",
    focus: Annotated[str | None, typer.Option(help="html: only this entity's neighbourhood (label, alias "
                                                      "or Wikidata id).")] = None,
    depth: Annotated[int | None, typer.Option(help="html, with --focus: how many relations away (1-10, "
                                                     "default 1).")] = None,
    top: Annotated[int | None, typer.Option(help="html: only the N actors with most relations.")] = None,
    store: StoreOption = None,
) -> None:
    """Write the graph as an interactive HTML page, an RDF file or GraphML.

    The page opens offline; --focus/--depth and --top cut a big graph down to what
    an analyst reads, and --lang id names predicates in Indonesian. The format
    follows from -o's extension (graph.ttl is Turtle) unless --format says.

    Example: kg export -o putin.html --focus Putin --depth 2 --lang id
    """
    from kg.export import STDOUT, export as export_store, format_for, render
    from kg.rdf.store import open_store

    name = format_for(output, fmt)
    with open_store(store, read_only=True) as kg_store:
        if output == STDOUT:
            data = render(kg_store, name, lang=lang, focus=focus, depth=depth, top=top)
        else:
            path = export_store(kg_store, name, output, lang=lang, focus=focus, depth=depth, top=top)
    if output == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        _say(f"Wrote {path}")


@app.command()
@_friendly
def serve(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on; the default answers this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="N", help="Port to listen on (0: any free one).")] = 7878,
    timeout: Annotated[float, typer.Option(metavar="SECONDS", help="Seconds a query may run before it is stopped.")] = 30.0,
    max_mb: Annotated[float, typer.Option("--max-mb", metavar="MB", help="Megabytes an answer may have.")] = 64.0,
    workers: Annotated[int, typer.Option(metavar="N", help="Queries answered at once (0: one per core, at least 2).")] = 0,
    lang: Annotated[str, typer.Option(metavar="en|id", help="Language of the graph page at / (en or id).")] = "en",
) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint, with the graph page at /.

    GET or POST queries to /sparql (the W3C protocol); answers in SPARQL JSON,
    XML, CSV or TSV, and Turtle or N-Triples for CONSTRUCT and DESCRIBE, as the
    Accept header asks. Updates, LOAD and SERVICE are refused; a query over
    --timeout is stopped, an answer over --max-mb refused. Ctrl-C stops it.

    Example: kg serve --store kg-out/store --port 7878
    """
    from kg.rdf.store import default_store_path
    from kg.serve import ServeOptions, Server

    options = ServeOptions(host=host, port=port, workers=workers, timeout=timeout,
                           max_bytes=int(max_mb * (1 << 20)), lang=lang)
    server = Server(store or default_store_path(), options)
    out.print(f"Serving {server.store} at {server.url}/ (SPARQL endpoint {server.url}/sparql); "
              "Ctrl-C stops", highlight=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@app.command()
@_friendly
def analyze(
    question: Annotated[str, typer.Argument(help="top, communities, path or ego.")] = "top",
    entities: Annotated[list[str] | None, typer.Argument(help="path: two entity names; ego: one.")] = None,
    depth: Annotated[int, typer.Option(help="ego: how many hops around the entity (1-10).")] = 1,
    top: Annotated[int, typer.Option(help="top: how many actors to list.")] = 10,
    store: StoreOption = None,
) -> None:
    """Network questions about the graph: central actors, communities, paths, neighbourhoods.

    top ranks actors by PageRank (with degree and betweenness); communities groups
    them (Louvain); path links two actors by the fewest relations, with the evidence
    of each step; ego lists every relation within --depth hops of one actor.

    Example: kg analyze path Putin Nazarbayev
    """
    from kg import analyze as analysis
    from kg.rdf.store import open_store

    names = entities or []
    wanted = {"top": 0, "communities": 0, "path": 2, "ego": 1}
    if question not in wanted:
        raise analysis.AnalysisError(f"unknown question {question!r}; ask one of {', '.join(wanted)}")
    if len(names) != wanted[question]:
        raise analysis.AnalysisError(f"{question} takes {wanted[question]} entity name(s), got {len(names)}")
    with open_store(store, read_only=True) as kg_store:  # every question reads the graph's shape, no sentences;
        if question == "path":  # path and ego then read the sentences of what they show
            records = analysis.store_shortest_path(kg_store, names[0], names[1])
        elif question == "ego":
            records = analysis.store_ego_network(kg_store, names[0], depth)
        else:
            graph = analysis.to_networkx(kg_store, evidence=False)
            records = analysis.top_actors(graph, top) if question == "top" else analysis.communities(graph)
    if not records:
        out.print("The graph has no relations to analyse yet; build some articles first (kg build ...).")
        return
    columns = list(records[0])
    _print_table(columns, [[str(r[c]) for c in columns] for r in records])


@app.command()
@_friendly
def stats(store: StoreOption = None) -> None:
    """Count what the store holds: articles, entities, relations, evidence, triples.

    Example: kg stats --store kg-out/store
    """
    from kg import api

    s = api.stats(store)
    _print_table(["store", "articles", "entities", "relations", "evidence", "triples"],
                 [[s.store, str(s.articles), str(s.entities), str(s.relations), str(s.evidence), str(s.triples)]])


@app.command()
@_friendly
def validate(store: StoreOption = None) -> None:
    """Check the store against the SHACL shapes of ontology/shapes.ttl (pySHACL).

    Prints one line per violation (node, property, what is wrong) and a summary;
    exits 1 when the store does not conform. A big store is checked a few hundred
    articles at a time, with a progress bar on a terminal (one summary line on
    stderr when piped; neither with --quiet).

    Example: kg validate --store kg-out/store
    """
    from kg.rdf.store import open_store
    from kg.validate import validate as validate_store

    with open_store(store, read_only=store != ":memory:") as kg_store, \
            _progress("validating", done="validated", threshold=1) as tick:
        report = validate_store(kg_store, progress=tick)
    for violation in report.results:
        out.print(f"  {violation.describe()}", markup=False, highlight=False)
    _say(f"Store {kg_store.location} {report.summary()}")
    if not report.conforms:
        raise typer.Exit(1)


@app.command("eval")
@_friendly
def evaluate(
    source: Annotated[list[Path], typer.Argument(metavar="INPUT...", help="Article files (.txt, .jsonl, .html) or folders of them, read recursively; - reads standard input.")],
    gold: Annotated[Path, typer.Option("--gold", "-g", metavar="FILE", help="Gold JSONL (shared/eval/README.md): relations, "
                                                          "or entities with --entities.")],
    entities: Annotated[bool, typer.Option("--entities", help="Score entities instead of relations.")] = False,
    show_misses: Annotated[bool, typer.Option("--show-misses", help="List unmatched gold and predictions.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json (figures and misses).")] = "table",
) -> None:
    """Extract articles and score them against gold annotations, as shared/eval/score.py does.

    Prints gold, predicted, matched, P, R and F1 per predicate (per type with
    --entities), then the overall line "F1 ... P ... R ... (matched M of G gold, N predicted)".

    Example: kg eval shared/eval/dev/articles.jsonl --gold shared/eval/dev/gold.jsonl --show-misses
    """
    from kg import api
    from kg.evaluate import load_gold_entities, load_gold_triples, prediction_records, score_entities, score_triples

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"unknown format {fmt!r}; use table or json", param_hint="--format")
    gold_lines = load_gold_entities(gold) if entities else load_gold_triples(gold)
    with _progress("extracting", piped_summary=False) as tick:
        extractions, problems = api.extract(source, progress=tick)
    _report_problems(problems)
    if not extractions:
        err.print("kg: error: no article could be read; nothing was scored", markup=False)
        raise typer.Exit(1)
    records = prediction_records(extractions, entities=entities)
    score = score_entities(records, gold_lines) if entities else score_triples(records, gold_lines)
    if fmt == "json":
        sys.stdout.write(json.dumps(score.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_score(score, "type" if entities else "predicate", show_misses)


def _print_score(score: Any, key: str, show_misses: bool) -> None:
    from kg.evaluate import describe

    table = Table(key, *(Column(h, justify="right") for h in ("gold", "predicted", "matched", "P", "R", "F1")))
    for name, c in score.rows.items():
        table.add_row(name, str(c.gold), str(c.predicted), str(c.matched), f"{c.precision:.3f}", f"{c.recall:.3f}",
                      f"{c.f1:.3f}")
    out.print(table, markup=False)
    notes = [f"{score.duplicates} duplicate prediction(s) removed"] if score.duplicates else []
    if score.ignored_docs:
        notes.append(f"{score.ignored_docs} prediction(s) for documents not in the gold set ignored")
    if notes:
        out.print("note: " + "; ".join(notes), markup=False, highlight=False)
    if show_misses:
        out.print("\nunmatched gold:")
        for gold in score.missed_gold:
            out.print(f"  {describe(gold)}", markup=False, highlight=False)
        out.print("unmatched predictions:")
        for record in score.spurious:
            out.print(f"  {describe(record)}", markup=False, highlight=False)
    if score.untyped is not None:
        out.print("untyped  " + score.untyped.summary(), highlight=False)
    out.print(score.overall.summary(), highlight=False)


def _split_param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise typer.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--param")
    return name.strip(), value


def _print_result(result: Any, fmt: str) -> None:
    if fmt != "table":
        from kg.results import serialize_result

        sys.stdout.flush()
        data = serialize_result(result, fmt)
        sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
        sys.stdout.buffer.flush()
    else:
        _print_table(list(result.variables), [["" if v is None else v for v in row] for row in result.rows])
        out.print(f"{len(result.rows)} row(s)")


def _print_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from kg.tables import print_table

    print_table(out, columns, rows)


def _shows_progress() -> bool:
    """Progress goes to a terminal only: never into a pipe, a file or a log, nor under --quiet."""
    return err.is_terminal and not _Settings.quiet


def _working(what: str) -> Any:
    """A spinner on stderr while one long call runs (a terminal only)."""
    from contextlib import nullcontext

    return err.status(what) if _shows_progress() else nullcontext()


class _progress:
    """Progress on stderr: a bar (done/total, articles/s, elapsed) on a terminal, and for a
    build or a validation one summary line when stderr is piped ("kg: built 1000/1000
    article(s) in ..."); neither for work too small to wait for."""

    def __init__(self, doing: str = "building", *, piped_summary: bool = True, done: str = "built",
                 threshold: int = _PROGRESS_THRESHOLD) -> None:
        self._doing = doing
        self._done = done
        self._piped_summary = piped_summary
        self._threshold = threshold
        self._bar: Any = None
        self._task: Any = None
        self._started = 0.0
        self._last = (0, 0)

    def __enter__(self) -> Callable[[int, int], None]:
        import time

        self._started = time.monotonic()
        return self._tick

    def _tick(self, done: int, total: int) -> None:
        self._last = (done, total)
        if self._bar is None:
            if total < self._threshold or not _shows_progress():
                return
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                                       TimeElapsedColumn)

            self._bar = Progress(TextColumn(self._doing), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                                 TextColumn("{task.fields[rate]}"),
                                 TimeElapsedColumn(), console=err, transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self._doing, total=total, rate="")
        elapsed = max(self._elapsed(), 1e-9)
        self._bar.update(self._task, completed=done, total=total, rate=f"{done / elapsed:.1f} articles/s")

    def _elapsed(self) -> float:
        import time

        return time.monotonic() - self._started

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
        done, total = self._last
        if self._piped_summary and exc[0] is None and total >= _PROGRESS_THRESHOLD and not err.is_terminal \
                and not _Settings.quiet:
            elapsed = self._elapsed()
            err.print(f"kg: {self._done} {done}/{total} article(s) in {elapsed:.1f} s "
                      f"({done / max(elapsed, 1e-9):.1f} articles/s)", markup=False, highlight=False)
