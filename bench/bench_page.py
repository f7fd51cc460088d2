"""How fast the graph page is written and drawn, in bench/results_page.json.

Why: the page must stay usable on big graphs. With pyvis's defaults (physics in the
browser) 1,000 nodes took 69 s to stabilise in headless Chromium and 5,000 did not
settle in 120 s; kg's page before this layout (networkx spring_layout in Python,
physics off) drew 5,000 nodes in 1.6 s but spent 58 s writing the page. The target
is a 5,000-node, 10,000-edge page drawn and interactive within 5 s. Speed is
measured here, never asserted in tests (the browser test only has a hang guard).

For each size: the synthetic graph of tests/export/browser.py (hubs, six types,
twenty predicates, one evidence sentence an edge, fixed seed), then

- python_write_s: `write_graph_page` (layout in Python included), best of --runs;
- layout_s: `kg.export.layout.layout` alone, best of --runs (pages of up to
  BIG_GRAPH nodes do not use it: they settle with physics in the browser);
- browser_ready_s: wall clock from navigating headless Debian Chromium to the
  page's first drawing (window.kg.ready, set on vis-network's first afterDrawing),
  best of --runs, each in a fresh tab;
- page_drawn_ms: the page's own performance.now() at that first drawing;
- redraw_ms: one full redraw afterwards (what each pan or hover costs), median of 5.

    python bench/bench_page.py [--sizes 300,1000,5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/export/browser.py holds the graph and the browser set-up

from kg.export.html import BIG_GRAPH, write_graph_page  # noqa: E402
from kg.export.layout import layout  # noqa: E402
from tests.export.browser import chromium, missing_browser, open_graph_page, synthetic_graph  # noqa: E402

RESULTS = HERE / "results_page.json"
REDRAW = ("new Promise((done) => { const t = performance.now(); "
          "kg.network.once('afterDrawing', () => done(performance.now() - t)); kg.network.redraw(); })")
BASELINE = {
    "pyvis_defaults_physics_in_browser": {"1000": {"browser_stabilised_s": 69},
                                          "5000": {"browser_stabilised_s": "not settled in 120"}},
    "spring_layout_in_python": {"1000": {"python_write_s": 8.71, "browser_ready_s": 0.83, "page_drawn_ms": 667},
                                "5000": {"python_write_s": 57.77, "browser_ready_s": 1.68,
                                         "page_drawn_ms": 1583}},
    "note": "measured on this machine before kg.export.layout; the code is gone, so these are not re-run",
}


def measure(size: int, runs: int, folder: Path, browser: Any) -> dict[str, Any]:
    nodes, edges = synthetic_graph(size, 2 * size)
    path = folder / f"graph-{size}.html"
    write = min(_timed(lambda: write_graph_page(nodes, edges, path)) for _ in range(runs))
    ids, links = [n.id for n in nodes], [(e.source, e.target) for e in edges]
    layout_s = min(_timed(lambda: layout(sorted(ids), links)) for _ in range(runs))
    opened = [open_graph_page(browser, path, timeout_s=120) for _ in range(runs)]
    best = min(opened, key=lambda o: o.seconds_to_ready)
    redraws = [float(best.page.evaluate(REDRAW)) for _ in range(5)]
    for o in opened:
        o.page.close()
    return {"nodes": size, "edges": 2 * size, "physics_in_browser": size <= BIG_GRAPH,
            "page_mb": round(path.stat().st_size / 1e6, 2), "python_write_s": round(write, 2),
            "layout_s": round(layout_s, 2),
            "browser_ready_s": round(best.seconds_to_ready, 2), "page_drawn_ms": round(best.drawn_ms),
            "redraw_ms": round(statistics.median(redraws))}


def _timed(work: Any) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000,5000",
                        help="node counts, comma-separated (edges: twice as many); 300 is the biggest with physics")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    missing = missing_browser()
    if missing:
        sys.exit(f"bench_page: {missing}")
    results: dict[str, Any] = {"machine": platform.platform(), "python": platform.python_version()}
    with TemporaryDirectory() as folder, chromium() as browser:
        results["chromium"] = browser.version
        results["sizes"] = [measure(int(s), args.runs, Path(folder), browser) for s in args.sizes.split(",")]
    results["before"] = BASELINE
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for row in results["sizes"]:
        print(f"{row['nodes']:>6} nodes: write {row['python_write_s']} s (layout {row['layout_s']} s), "
              f"drawn in {row['browser_ready_s']} s, redraw {row['redraw_ms']} ms")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
