"""Imported by `kg build`'s forkserver: the extraction pipelines built once, before any worker forks.

A worker of the build's pool (kg/builder.py) is forked from the forkserver process,
so it starts with whatever that process holds, shared copy-on-write. Importing
kg.extraction alone left each worker to build spaCy's pipelines of both languages
itself (about 5 s a worker, all workers at once, on the same cores): on a few
hundred articles that start-up cost more than the second core gained. Importing
this module builds them, and what they load (lexicons, gazetteer, the rdflib and
pyoxigraph side of kg.rdf.model) once, in the forkserver, and runs a sentence of
each language through them so that what spaCy and kg make on first use is made
there too. Then the forkserver's objects are moved out of the cycle collector's
reach (`gc.freeze`), so that collections in the workers do not touch, and copy,
the shared pages.

Importing it has effects by design: `multiprocessing`'s forkserver preload takes
module names, not functions. Nothing else imports it.
"""

from __future__ import annotations

import gc
import sys

__all__ = ["WARM_UP", "warm"]

#: A sentence per language, run once through each pipeline and kg's resolution.
WARM_UP = {
    "en": "President Joko Widodo met Vladimir Putin in Moscow on Monday, the Kremlin said.",
    "id": "Presiden Joko Widodo bertemu Vladimir Putin di Moskow pada Senin, kata Kremlin.",
}


def warm() -> None:
    """Build every language's pipeline and extract one sentence with each, as a worker would."""
    from datetime import datetime, timezone

    from kg.extraction import extract_article
    from kg.model import Article
    from kg.rdf.model import article_write

    for lang, text in WARM_UP.items():
        article_write(extract_article(Article(id=f"kg-preload-{lang}", text=text, lang=lang)), "",
                      datetime.now(timezone.utc))


def _preload() -> None:
    """`warm`, then freeze; a failure is left for the workers to meet, and report, article by article.

    The forkserver dies on any exception but ImportError in a preloaded module, and the
    build with it; a worker that cannot extract reports each article it was given
    instead (kg/builder.py `_extract`), which says more.
    """
    try:
        warm()
    except Exception as e:  # noqa: BLE001  # see the docstring
        print(f"kg: the build's workers could not be prepared ({type(e).__name__}: {e}); "
              "each will try again on its own", file=sys.stderr)
    gc.freeze()


_preload()
