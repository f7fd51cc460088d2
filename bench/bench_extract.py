"""How fast kg reads articles and loads the store, written to bench/results.json.

Speed is measured here, never asserted in tests. The corpus is the bundled articles
repeated (each copy under its own id) so the figures do not depend on files outside
the repo; pass a .jsonl corpus (or .txt files, folders) to measure real text instead:

    python bench/bench_extract.py [CORPUS.jsonl ...] [--copies N] [--long-sizes 250000,1000000]

Besides the whole-corpus figures it writes:

- "languages": per language, on the same texts in the same run, the bare spaCy
  tokenizer + sentencizer (`spacy.blank(lang)` + "sentencizer", through `nlp.pipe`)
  against the full kg extraction (`extract_article`, language detection included),
  in words/s, and `full_over_bare`, the full speed as a fraction of the bare one
  (best of --repeats runs each); and, since kg's tokenizer is faster than spaCy's
  default one (kg.nlp.pipeline drops the special cases that stop spaCy's word
  cache), `kg_tokenizer_seconds` and `rules_over_bare`: everything kg does after
  tokenizing, as a multiple of the bare time (at most 1: the rules cost no more than
  the tokenizing);
- "first_sight": per language, each distinct article extracted exactly once (no
  copies, so spaCy's word cache has not seen its names), in CPU seconds, in each of
  --first-sight-runs fresh processes, their median (and every run, and bare spaCy's
  first-sight speed on the same texts beside it): the speed at which a day of news that
  kg has never read goes through one core. `meets_target` is whether it reaches TARGET_WORDS_PER_SECOND (20,000 words/s,
  about 100,000 articles an hour on one core);
- "long_article": one article of each --long-sizes characters (the first Indonesian
  article repeated), its extraction time and `growth_exponent` between consecutive
  sizes: log(time ratio) / log(size ratio), 1 for linear, 2 for quadratic. A size
  that fails (spaCy refuses texts over nlp.max_length) or runs past --long-budget
  seconds is recorded with its error instead of stopping the benchmark.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from kg.extraction import extract_article, with_language
from kg.ingest import read_articles
from kg.model import Article
from kg.nlp.pipeline import get_pipeline
from kg.rdf.model import extraction_graph
from kg.rdf.store import open_store

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"
TARGET_WORDS_PER_SECOND = 20_000  # whole extraction on one core, first-sight text (issues #12, #13)


def corpus(inputs: list[str], copies: int) -> list[Article]:
    articles = read_articles(inputs).articles
    return [replace(a, id=f"{a.id}-{n}") for n in range(copies) for a in articles]


def measure(articles: list[Article]) -> dict[str, float]:
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    extractions = [extract_article(a) for a in articles]
    extract_s = time.perf_counter() - started
    graphs = [extraction_graph(x) for x in extractions]
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
        started = time.perf_counter()
        for graph in graphs:
            store.replace_graph(graph)
        store.flush()
        load_s = time.perf_counter() - started
        triples = len(store)
    return {
        "articles": len(articles),
        "words": words,
        "relations": sum(len(x.relations) for x in extractions),
        "extract_seconds": round(extract_s, 3),
        "articles_per_second": round(len(articles) / extract_s, 1),
        "words_per_second": round(words / extract_s),
        "store_triples": triples,
        "store_load_seconds": round(load_s, 3),
        "triples_per_second": round(triples / load_s),
    }


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The shortest wall time of `repeats` runs of `run`, in seconds."""
    times = []
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def bare_pipeline(lang: str) -> Language:
    """What any spaCy user pays at least: tokenizer and rule-based sentence splitter."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def measure_languages(articles: list[Article], repeats: int) -> dict[str, dict[str, float]]:
    """Bare spaCy vs full kg extraction, per (detected) language, on the same texts."""
    by_lang: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_lang[with_language(article).lang or "en"].append(article)
    figures: dict[str, dict[str, float]] = {}
    for lang, group in sorted(by_lang.items()):
        texts = [a.text for a in group]
        words = sum(len(t.split()) for t in texts)
        nlp = bare_pipeline(lang)
        list(nlp.pipe(texts[:2]))  # warm-up
        bare_s = best_of(repeats, lambda: sum(len(list(doc.sents)) for doc in nlp.pipe(texts)))
        full_s = best_of(repeats, lambda: [extract_article(a) for a in group])
        tokenize = get_pipeline(lang).make_doc
        tokenizer_s = best_of(repeats, lambda: [tokenize(text) for text in texts])
        bare_wps, full_wps = words / bare_s, words / full_s
        figures[lang] = {
            "articles": len(group),
            "words": words,
            "bare_seconds": round(bare_s, 4),
            "bare_words_per_second": round(bare_wps),
            "full_seconds": round(full_s, 3),
            "full_words_per_second": round(full_wps),
            "full_over_bare": round(full_wps / bare_wps, 4),
            "kg_tokenizer_seconds": round(tokenizer_s, 4),
            "rules_over_bare": round((full_s - tokenizer_s) / bare_s, 4),
        }
    return figures


def measure_first_sight(articles: list[Article]) -> dict[str, dict[str, Any]]:
    """Each distinct article once, CPU time per language: text kg's caches have not seen.

    Bare spaCy (tokenizer + sentencizer) reads the same texts first, in a pipeline of its own whose
    caches kg's do not share, so that `bare_words_per_second` is first sight for it too."""
    distinct = list({a.text: a for a in articles}.values())
    by_lang: dict[str, list[Article]] = defaultdict(list)
    for article in distinct:
        by_lang[with_language(article).lang or "en"].append(article)
    figures: dict[str, dict[str, Any]] = {}
    for lang, group in sorted(by_lang.items()):
        words = sum(len(a.text.split()) for a in group)
        bare = bare_pipeline(lang)
        started = time.process_time()
        for article in group:
            bare(article.text)
        bare_seconds = time.process_time() - started
        started = time.process_time()
        for article in group:
            extract_article(article)
        seconds = time.process_time() - started
        figures[lang] = {"articles": len(group), "words": words, "cpu_seconds": round(seconds, 3),
                         "words_per_second": round(words / seconds),
                         "bare_words_per_second": round(words / bare_seconds)}
    return figures


def first_sight_in_fresh_processes(inputs: list[str], runs: int) -> dict[str, dict[str, Any]]:
    """The first-sight figures of `runs` fresh processes (no process sees a text twice), per language
    the median and every run: one run of a few thousand words is too short to trust on a shared machine."""
    samples: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, *inputs, "--first-sight-only"], check=True,
                              capture_output=True, text=True)
        for lang, figures in json.loads(done.stdout).items():
            samples[lang].append(figures)
    out: dict[str, dict[str, Any]] = {}
    for lang, runs_of in sorted(samples.items()):
        median = statistics.median(r["words_per_second"] for r in runs_of)
        out[lang] = {"articles": runs_of[0]["articles"], "words": runs_of[0]["words"], "processes": len(runs_of),
                     "words_per_second": round(median),
                     "bare_words_per_second": round(statistics.median(r["bare_words_per_second"] for r in runs_of)),
                     "runs_words_per_second": [r["words_per_second"] for r in runs_of],
                     "meets_target": median >= TARGET_WORDS_PER_SECOND}
    return out


class _OverBudget(Exception):
    pass


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Stop the block after `seconds` (POSIX; elsewhere no limit)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OverBudget(f"still running after {seconds:g} s; stopped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def measure_long_article(articles: list[Article], sizes: list[int], limit: float) -> dict[str, Any]:
    """One article of each size: does the extraction time grow linearly with its length?"""
    base = next((a for a in articles if with_language(a).lang == "id"), articles[0])
    lang = with_language(base).lang
    unit = base.text.strip() + "\n\n"
    runs: list[dict[str, Any]] = []
    for size in sizes:
        text = (unit * (size // len(unit) + 1))[:size]
        run: dict[str, Any] = {"chars": size, "words": len(text.split())}
        started = time.perf_counter()
        try:
            with budget(limit):
                extraction = extract_article(Article(id=f"long-{size}", text=text, lang=lang))
        except Exception as e:  # noqa: BLE001 - recorded, the benchmark goes on
            run["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"
            run["seconds"] = round(time.perf_counter() - started, 2)
        else:
            seconds = time.perf_counter() - started
            run.update(seconds=round(seconds, 3), words_per_second=round(run["words"] / seconds),
                       relations=len(extraction.relations))
        runs.append(run)
        print(json.dumps(run), flush=True)
    figures: dict[str, Any] = {"source": base.id, "lang": lang, "budget_seconds": limit, "runs": runs}
    done = [r for r in runs if "error" not in r]
    figures["growth_exponent"] = [
        {"from_chars": a["chars"], "to_chars": b["chars"],
         "exponent": round(math.log(b["seconds"] / a["seconds"]) / math.log(b["chars"] / a["chars"]), 2)}
        for a, b in zip(done, done[1:]) if a["seconds"] > 0 and b["chars"] > a["chars"]
    ]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="*", default=[str(HERE.parent / "data" / "articles")])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3, help="runs per bare/full measurement; the best counts")
    parser.add_argument("--long-sizes", default="25000,100000,250000,1000000",
                        help="comma-separated article lengths in characters for the long-article run ('' skips it)")
    parser.add_argument("--long-budget", type=float, default=600.0, help="seconds allowed per long article")
    parser.add_argument("--first-sight-runs", type=int, default=7, help="fresh processes for the first-sight median")
    parser.add_argument("--first-sight-only", action="store_true", help=argparse.SUPPRESS)  # one fresh process's run
    args = parser.parse_args()
    extract_article(Article(id="warm-up", text="Rusia menyerang Ukraina.", lang="id"))  # load pipelines once
    extract_article(Article(id="warm-up", text="Russia attacked Ukraine.", lang="en"))
    articles = corpus(args.corpus, args.copies)
    if args.first_sight_only:
        print(json.dumps(measure_first_sight(articles)))
        return
    figures: dict[str, Any] = dict(measure(articles))
    figures["first_sight"] = first_sight_in_fresh_processes(args.corpus, args.first_sight_runs)
    figures["languages"] = measure_languages(articles, args.repeats)
    sizes = [int(n) for n in args.long_sizes.replace("_", "").split(",") if n.strip()]
    if sizes:
        figures["long_article"] = measure_long_article(articles, sizes, args.long_budget)
    figures.update(corpus=args.corpus, copies=args.copies, machine=platform.machine(),
                   python=platform.python_version(), date=time.strftime("%Y-%m-%d"))
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
