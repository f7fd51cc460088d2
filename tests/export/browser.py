"""Headless Chromium for the graph-page tests and bench/bench_page.py.

Debian's /usr/bin/chromium (`make system-deps`) driven by Playwright (the `test`
extra), never a browser Playwright downloads: nothing may be fetched at run time.
KG_CHROMIUM points at another Chromium binary.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.export.html import TYPE_COLOURS, PageEdge, PageEvidence, PageNode

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request

CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
# No sandbox (CI runs as root), no GPU, and none of Chromium's own calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
VIEWPORT = {"width": 1280, "height": 800}
PREDICATES = ("blames", "condemns", "praises", "threatens", "supports", "opposes", "meetsWith", "visits",
              "cooperatesWith", "aids", "deploysTo", "withdrawsFrom", "attacks", "sanctions", "detains",
              "protestsAgainst", "succeeded", "leads", "memberOf", "allyOf")


def missing_browser() -> str | None:
    """What to install for the browser tests, or None when Playwright and Chromium are both there."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("the graph-page browser tests need Playwright: pip install -e '.[test]' "
                "(make test installs it); never `playwright install`, Debian's chromium is used")
    if not (CHROMIUM.is_file() or shutil.which(str(CHROMIUM))):
        return (f"the graph-page browser tests need Chromium at {CHROMIUM}: run `make system-deps` as root "
                "(installs Debian's chromium) or point KG_CHROMIUM at a Chromium binary")
    return None


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class OpenedPage:
    """A graph page open in the browser, with what it did while loading."""

    page: Page
    seconds_to_ready: float  # wall clock, from the navigation to the page's first drawing
    drawn_ms: float  # the page's own performance.now() at its first drawing
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def remote_requests(self) -> list[str]:
        """Every request that left the file: anything not file:, data:, blob: or about:."""
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]


def open_graph_page(browser: Browser, path: Path, *, timeout_s: float = 60) -> OpenedPage:
    """Open `path` from file:// and wait until vis-network has drawn it (window.kg.ready)."""
    page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
    requests: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(_url(request)))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    started = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kg && window.kg.ready", timeout=timeout_s * 1000, polling=50)
    seconds = time.perf_counter() - started
    drawn = float(page.evaluate("window.kg.drawnAt || 0"))
    return OpenedPage(page, seconds, drawn, requests, errors, dialogs)


def _url(request: Request) -> str:
    return str(request.url)


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 7) -> tuple[list[PageNode], list[PageEdge]]:
    """A news-like graph: a few hubs (targets drawn with a heavy skew), six types, twenty predicates,
    one evidence sentence per edge; the same seed gives the same graph."""
    rng = random.Random(seed)
    types = list(TYPE_COLOURS)
    nodes = [PageNode(f"https://kg.example.org/entity/n{i:05}", f"Actor {i}", types[rng.randrange(len(types))],
                      wikidata=f"Q{1000 + i}" if i % 3 == 0 else None) for i in range(n_nodes)]
    seen: set[tuple[int, int, str]] = set()
    edges: list[PageEdge] = []
    while len(edges) < n_edges:
        source, target, predicate = rng.randrange(n_nodes), int(n_nodes * rng.random() ** 3), rng.choice(PREDICATES)
        if source == target or (source, target, predicate) in seen:
            continue
        seen.add((source, target, predicate))
        article = len(edges) % 500
        evidence = PageEvidence(f"Actor {source} {predicate} Actor {target}.", f"a{article}",
                                title=f"Article {article}", date="2022-01-10",
                                url=f"https://news.example.org/{article}")
        edges.append(PageEdge(nodes[source].id, nodes[target].id, predicate, (evidence,)))
    return nodes, edges
