"""How `kg serve` answers concurrent clients: latency percentiles in bench/results_serve.json.

Why: the endpoint promises to answer several clients at once, with queries run in
worker processes behind a threaded HTTP server; this measures what a client
waits. Speed is measured here, never asserted in tests (tests/test_serve.py
checks the same load for correct answers only).

The server is the real command (`kg serve`, started as a child process on a free
loopback port), over two stores in turn: the bundled articles built by kg, and a
synthetic kg-shaped corpus of --triples quads (bench_store.py's generator, loaded
with `kg load`), or over --store alone. Each of
--clients threads sends --queries requests, one after another, cycling through a
mix: bundled questions with their default parameters bound as kg binds them (GET
and POST, SPARQL JSON, CSV), an ASK, a CONSTRUCT in Turtle, and the graph page.
Every answer is checked (status 200 and a non-empty body); latency is the time
from sending a request to reading the whole answer.

    python bench/bench_serve.py                      # 8 clients x 200 queries, bundled and 100k-triple stores
    python bench/bench_serve.py --clients 4 --queries 50 --store kg-out/store
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def requests_mix() -> list[tuple[str, str, bytes | None, dict[str, str]]]:
    """(kind, path, body, headers) for each request in the cycle."""
    from kg.query import bundled_questions
    from kg.rdf.sparql import bind_parameters

    mix: list[tuple[str, str, bytes | None, dict[str, str]]] = []
    for i, question in enumerate(bundled_questions().values()):
        text = bind_parameters(question.text, question.params)
        if i % 2:
            mix.append((f"POST {question.name}", "/sparql", urlencode({"query": text}).encode(),
                        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"}))
        else:
            mix.append((f"GET {question.name}", "/sparql?" + urlencode({"query": text}), None,
                        {"Accept": "application/sparql-results+json"}))
    mix.append(("ASK", "/sparql?" + urlencode({"query": "ASK { ?s kg:leads ?o }"}), None, {}))
    mix.append(("CONSTRUCT", "/sparql?" + urlencode({"query": "CONSTRUCT WHERE { ?s kg:leads ?o }"}), None,
                {"Accept": "text/turtle"}))
    mix.append(("page", "/", None, {}))
    return mix


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 2)

    return {"p50_ms": at(0.50), "p90_ms": at(0.90), "p99_ms": at(0.99), "max_ms": round(ordered[-1] * 1000, 2),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 2)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=200, help="requests per client")
    parser.add_argument("--store", type=Path, help="a built store (default: the bundled articles, built here, "
                                                   "and a synthetic one of --triples)")
    parser.add_argument("--triples", type=int, default=100_000, help="quads in the synthetic store (0: none)")
    parser.add_argument("--workers", type=int, default=0, help="kg serve --workers (0: its default)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results_serve.json")
    args = parser.parse_args()

    import kg

    runs: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if args.store is not None:
            runs[str(args.store)] = measure(args.store, args)
        else:
            bundled = folder / "bundled"
            kg.build([ROOT / "data" / "articles"], store=bundled)
            runs["bundled articles"] = measure(bundled, args)
            if args.triples:
                sys.path.insert(0, str(ROOT / "bench"))
                from bench_store import generate

                corpus = generate(folder, args.triples, 0, 2000, 20240101)
                synthetic = folder / "synthetic"
                kg.load([corpus.nquads], synthetic)
                runs[f"synthetic, {corpus.articles} articles"] = measure(synthetic, args)

    result = {
        "date": date.today().isoformat(),
        "what": "bench/bench_serve.py: kg serve under concurrent clients on loopback",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "clients": args.clients,
        "queries_per_client": args.queries,
        "workers": args.workers or "default (one per core, at least 2)",
        "stores": runs,
    }
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for name, run in runs.items():
        print(name, json.dumps({k: run[k] for k in ("store_triples", "requests", "errors", "requests_per_s")}),
              json.dumps(run["latency"]["all"]))  # type: ignore[index]


def measure(store: Path, args: argparse.Namespace) -> dict[str, object]:
    """Start `kg serve` over `store`, wait until it answers, and run the load against it."""
    import kg

    with kg.open_store(store, read_only=True) as opened:
        triples = len(opened)
    port = free_port()
    kg_command = Path(sys.executable).parent / "kg"
    started = time.perf_counter()
    server = subprocess.Popen([str(kg_command), "serve", "--store", str(store), "--port", str(port),
                               "--workers", str(args.workers)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"})
    try:
        assert server.stdout is not None
        server.stdout.readline()
        base = f"http://127.0.0.1:{port}"
        _OPENER.open(base + "/sparql?" + urlencode({"query": "ASK {}"}), timeout=120).read()
        startup = time.perf_counter() - started
        return {"store_triples": triples, "startup_s": round(startup, 2),
                **run_load(base, requests_mix(), args.clients, args.queries)}
    finally:
        server.terminate()
        server.wait(30)


def run_load(base: str, mix: list[tuple[str, str, bytes | None, dict[str, str]]], clients: int,
             queries: int) -> dict[str, object]:
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        for i in range(queries):
            kind, path, body, headers = mix[(number * 7 + i) % len(mix)]
            request = urllib.request.Request(base + path, data=body, headers=headers)
            sent = time.perf_counter()
            try:
                with _OPENER.open(request, timeout=120) as response:
                    ok = response.status == 200 and len(response.read()) > 0
            except OSError as e:
                ok, kind = False, f"{kind}: {e}"
            took = time.perf_counter() - sent
            with lock:
                if ok:
                    latencies.setdefault(kind.split()[0] if kind.startswith(("GET", "POST")) else kind, []).append(took)
                    latencies.setdefault("all", []).append(took)
                else:
                    errors.append(kind)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": clients * queries,
        "errors": len(errors),
        "error_examples": errors[:5],
        "seconds": round(elapsed, 2),
        "requests_per_s": round(clients * queries / elapsed, 1),
        "latency": {kind: {"count": len(values), **percentiles(values)} for kind, values in sorted(latencies.items())},
    }


if __name__ == "__main__":
    main()
