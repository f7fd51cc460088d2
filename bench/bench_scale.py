"""kg at the size of a real corpus: build, rebuild and every read path on 1,000 and 10,000 articles.

What is measured, and how (so that nothing flatters):
- The corpus is real text read by kg itself: the dev articles ($KG_EVAL_DIR/dev, never
  committed) with their sentences shuffled and actors' names swapped between articles
  (bench/scale_corpus.py), so that the tokenizer and the store see variety, while the
  same actors recur in hundreds of article graphs as they do in the news.
- Every figure is store-backed and first-sight: each command runs in a fresh process
  (`kg ...` as a user types it, start-up included) on a store kg built itself; times are
  medians over `--repeat` fresh processes. Bundled questions are also timed in one
  process against the open store (the query alone), median of 3 after a first run.
- Build: articles/s with `--jobs 1` and `--jobs 2` on the first `--jobs-sample` articles and
  on the whole first corpus (the difference between the two sizes is the rate past start-up:
  spaCy's pipelines, built again by each worker); the full build with `--jobs 2`; an unchanged
  rebuild; peak RSS of the writer and of the whole process tree (writer and workers),
  sampled every 0.2 s.
- Growth: for each read path, log(t(10k)/t(1k)) / log(10); 1.0 is linear in the corpus. A
  command's time includes its start-up (~0.6 s), which flattens its exponent; the bundled
  questions timed in one process have exponents of the query alone.

The machine is shared (other engineers run test suites on its 2 cores), so wall times
are noisy; `load_average` is recorded beside them.

    KG_EVAL_DIR=../shared/eval python bench/bench_scale.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil


from scale_corpus import make_corpus

_KG = str(Path(sys.executable).parent / "kg")
_LAST_CPU = [0.0]  # CPU seconds of the last command's own process (the writer, for a build), last sampled
_VALIDATE_LIMIT = 900.0  # seconds; pySHACL is stopped past this, and the figure says so
_TARGETS = {"page": 10.0, "page_top_200": 3.0, "analyze": 5.0, "validate": 60.0, "question": 0.2}


def run(args: list[str], *, check: bool = True, limit: float | None = None) -> tuple[float, int, int, str]:
    """Run a command in a fresh process: wall seconds, peak RSS of its tree and of itself (MB), stderr.

    Past `limit` seconds the command is stopped and its time reported as infinite.
    """
    started = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tree_peak = own_peak = 0
    watched = psutil.Process(process.pid)
    while process.poll() is None:
        if limit is not None and time.monotonic() - started > limit:
            process.kill()
            process.wait()
            return math.inf, tree_peak >> 20, own_peak >> 20, "stopped"
        try:
            own = watched.memory_info().rss
            tree = own + sum(child.memory_info().rss for child in watched.children(recursive=True))
            times = watched.cpu_times()
            _LAST_CPU[0] = times.user + times.system
        except psutil.Error:
            own = tree = 0
        own_peak, tree_peak = max(own_peak, own), max(tree_peak, tree)
        time.sleep(0.2)
    seconds = time.monotonic() - started
    stderr = process.stderr.read() if process.stderr else ""
    if check and process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}): {stderr[-2000:]}")
    return seconds, tree_peak >> 20, own_peak >> 20, stderr


def median_time(args: list[str], repeat: int, limit: float | None = None) -> dict[str, Any]:
    times = [run(args, limit=limit)[0] for _ in range(repeat)]
    if math.inf in times:
        return {"seconds": None, "stopped_after_seconds": limit}
    return {"seconds": round(statistics.median(times), 3), "runs": [round(t, 3) for t in times]}


def build_figures(corpus: Path, folder: Path, size: int, jobs_sample: int) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    if jobs_sample:
        sample = folder / "sample.jsonl"
        with corpus.open(encoding="utf-8") as source, sample.open("w", encoding="utf-8") as out:
            for _, line in zip(range(jobs_sample), source):
                out.write(line)
        for jobs in (1, 2):
            store = folder / f"store-jobs{jobs}"
            seconds, tree, own, _ = run([_KG, "build", str(sample), "--store", str(store), "--jobs", str(jobs)])
            figures[f"jobs_{jobs}"] = {"articles": jobs_sample, "seconds": round(seconds, 2),
                                       "articles_per_second": round(jobs_sample / seconds, 2), "peak_rss_mb": tree}
            shutil.rmtree(store)
        figures["jobs_2_speedup"] = round(figures["jobs_1"]["seconds"] / figures["jobs_2"]["seconds"], 2)
        # The whole corpus with one process too: start-up (spaCy, and in a pool each worker's pipelines)
        # weighs on a few hundred articles; the difference between the two sizes is the rate past it.
        store = folder / "store-jobs1-all"
        seconds, tree, own, _ = run([_KG, "build", str(corpus), "--store", str(store), "--jobs", "1"])
        figures["jobs_1_all"] = {"articles": size, "seconds": round(seconds, 2),
                                 "articles_per_second": round(size / seconds, 2), "peak_rss_mb": tree}
        shutil.rmtree(store)
    store = folder / "store"
    seconds, tree, own, _ = run([_KG, "build", str(corpus), "--store", str(store), "--jobs", "2"])
    figures["first_build"] = {"articles": size, "seconds": round(seconds, 1), "articles_per_second": round(size / seconds, 2),
                              "peak_rss_mb_tree": tree, "peak_rss_mb_writer": own, "jobs": 2,
                              "writer_cpu_seconds": round(_LAST_CPU[0], 1)}
    if "jobs_1_all" in figures:
        one, two = figures["jobs_1_all"]["seconds"], figures["first_build"]["seconds"]
        figures["jobs_2_speedup_all"] = round(one / two, 2)
        extra = size - jobs_sample
        if extra > 0 and one > figures["jobs_1"]["seconds"] and two > figures["jobs_2"]["seconds"]:
            figures["jobs_2_speedup_past_start_up"] = round(
                (one - figures["jobs_1"]["seconds"]) / (two - figures["jobs_2"]["seconds"]), 2)
    seconds, tree, own, _ = run([_KG, "build", str(corpus), "--store", str(store)])
    figures["unchanged_rebuild"] = {"seconds": round(seconds, 2), "peak_rss_mb_writer": own,
                                    "fraction_of_first_build": round(seconds / figures["first_build"]["seconds"], 3)}
    return figures


def read_figures(store: Path, folder: Path, repeat: int) -> dict[str, Any]:
    from kg.query import bundled_questions, run_question
    from kg.rdf.store import open_store

    with open_store(store, read_only=True) as kg_store:
        top = run_question(kg_store, bundled_questions()["top-actors"]).rows
        counts = kg_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://kg.example.org/ontology#Evidence> }").rows
        questions: dict[str, Any] = {}
        for name, question in bundled_questions().items():
            started = time.monotonic()
            rows = len(run_question(kg_store, question).rows)
            first = time.monotonic() - started
            again = []
            for _ in range(3):
                started = time.monotonic()
                run_question(kg_store, question)
                again.append(time.monotonic() - started)
            questions[name] = {"first_seconds": round(first, 4), "median_seconds": round(statistics.median(again), 4),
                               "rows": rows}
        triples = len(kg_store)
    first, second = (top[0][0] or ""), (top[1][0] or "")
    s = ["--store", str(store)]
    figures: dict[str, Any] = {"store_triples": triples, "evidence": int(counts[0][0] or 0),
                               "questions_in_process": questions}
    commands = {
        "page": [_KG, "export", "-o", str(folder / "page.html"), *s],
        "page_top_200": [_KG, "export", "-o", str(folder / "top.html"), "--top", "200", *s],
        "graphml": [_KG, "export", "--format", "graphml", "-o", str(folder / "g.graphml"), *s],
        "analyze_top": [_KG, "analyze", "top", *s],
        "analyze_communities": [_KG, "analyze", "communities", *s],
        "analyze_path": [_KG, "analyze", "path", first, second, *s],
        "analyze_ego": [_KG, "analyze", "ego", first, *s],
        "stats": [_KG, "stats", *s],
        "validate": [_KG, "validate", *s],
    }
    commands.update({f"query_{name}": [_KG, "query", name, "--format", "csv", *s] for name in questions})
    for name, args in commands.items():
        limit = _VALIDATE_LIMIT if name == "validate" else None
        figures[name] = median_time(args, 1 if name in ("validate", "page", "graphml") else repeat, limit)
        print(f"    {name}: {figures[name]['seconds']} s", flush=True)
    return figures


def growth(small: dict[str, Any], large: dict[str, Any], ratio: float) -> dict[str, float]:
    """log(t_large / t_small) / log(ratio) per read path."""
    exponents = {}
    for name, figure in large.items():
        if isinstance(figure, dict) and "seconds" in figure and name in small:
            a, b = small[name]["seconds"], figure["seconds"]
            if a and b and a > 0 and b > 0:
                exponents[name] = round(math.log(b / a) / math.log(ratio), 2)
    return exponents


def targets(figures: dict[str, Any]) -> dict[str, Any]:
    """Which of issue 14's targets the largest corpus meets."""
    sizes = sorted(figures["sizes"], key=int)
    big = figures["sizes"][sizes[-1]]
    reads, build = big["read"], big["build"]
    small_build = figures["sizes"][sizes[0]]["build"]
    met: dict[str, Any] = {
        "jobs_2_at_least_2x": max(small_build.get(k, 0) for k in ("jobs_2_speedup", "jobs_2_speedup_all",
                                                                   "jobs_2_speedup_past_start_up")) >= 2,
        "unchanged_rebuild_under_10_percent": build["unchanged_rebuild"]["fraction_of_first_build"] < 0.10,
        "page_under_10s": reads["page"]["seconds"] < _TARGETS["page"],
        "page_top_200_under_3s": reads["page_top_200"]["seconds"] < _TARGETS["page_top_200"],
        "analyze_each_under_5s": all(reads[k]["seconds"] < _TARGETS["analyze"] for k in reads if k.startswith("analyze_")),
        "validate_under_60s": (reads["validate"]["seconds"] or math.inf) < _TARGETS["validate"],
        "questions_under_200ms_in_process": all(q["median_seconds"] < _TARGETS["question"]
                                                for q in reads["questions_in_process"].values()),
    }
    if len(sizes) > 1:
        first = figures["sizes"][sizes[0]]["build"]["first_build"]["peak_rss_mb_tree"]
        met["peak_rss_within_1_5x"] = build["first_build"]["peak_rss_mb_tree"] <= 1.5 * first
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs-sample", type=int, default=300, help="articles for the --jobs 1 vs 2 comparison")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("results_scale.json"))
    parser.add_argument("--work", type=Path, default=None, help="where corpora and stores go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the other sizes already in --out")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-scale-"))
    figures: dict[str, Any] = {"machine": platform.machine(), "cores": os.cpu_count(), "python": platform.python_version(),
                               "note": "wall times on a shared 2-core machine (others ran test suites): noisy",
                               "sizes": {}}
    if args.keep and args.out.is_file():  # sizes measured by an earlier run stay, unless measured again
        figures["sizes"] = json.loads(args.out.read_text(encoding="utf-8")).get("sizes", {})
    for n, size in enumerate(args.sizes):
        folder = work / str(size)
        folder.mkdir(parents=True, exist_ok=True)
        corpus = make_corpus(size, folder / "corpus.jsonl")
        print(f"{size} articles: building", flush=True)
        build = build_figures(corpus, folder, size, args.jobs_sample if n == 0 and args.jobs_sample else 0)
        print(f"  {json.dumps(build)}", flush=True)
        print(f"{size} articles: reading", flush=True)
        reads = read_figures(folder / "store", folder, args.repeat)
        figures["sizes"][str(size)] = {"build": build, "read": reads, "load_average": os.getloadavg()}
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    sizes = sorted(int(size) for size in figures["sizes"])
    if len(sizes) > 1:
        small, large = (figures["sizes"][str(size)]["read"] for size in (sizes[0], sizes[-1]))
        figures["growth_exponent"] = growth(small, large, sizes[-1] / sizes[0])
        # each command's time includes its process's start-up (~0.6 s), which flattens its exponent;
        # the questions timed in one process are the query alone
        figures["growth_exponent_questions_in_process"] = growth(
            {k: {"seconds": v["median_seconds"]} for k, v in small["questions_in_process"].items()},
            {k: {"seconds": v["median_seconds"]} for k, v in large["questions_in_process"].items()},
            sizes[-1] / sizes[0])
    figures["targets_met"] = targets(figures)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures["targets_met"], indent=2))


if __name__ == "__main__":
    main()
