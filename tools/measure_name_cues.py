"""Count what each name cue of kg.nlp.names decides on the dev set's train part: right or wrong.

A cue ("a given name opens the run", "a place after 'di'") earns its place by the names it
finds that the gold lists with that type. Each span a cue proposes is checked on its own,
as written, against the gold labels of its article (tools/split_eval.py's train part only;
the check third is never read):

    python tools/measure_name_cues.py [EVAL_DIR] [--show CUE]

right: the gold lists the text with the cue's type; wrong type: the gold lists it with
another type; unlisted: the gold does not list it (a miss, or a name the gold leaves out).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.tokens import Span

import kg.nlp.names as names_module
from kg.evaluate import load_gold_entities, normalize
from kg.extraction import extract_article
from kg.ingest import read_articles
from kg.nlp.pipeline import get_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split_eval import check_ids  # noqa: E402  (a sibling script, not a package)

Proposal = tuple[str, str, str, str]  # cue, article id, text, label


def instrument(proposals: list[Proposal], current: list[str]) -> None:
    """Wrap each cue of both languages' name finders so that its spans are recorded."""
    def wrap(cue: str, method: Callable[..., list[Span]]) -> Callable[..., list[Span]]:
        def recorded(*args: Any) -> list[Span]:
            spans = method(*args)
            proposals.extend((_split_cue(cue, span), current[0], span.text, span.label_) for span in spans)
            return spans
        return recorded

    for lang in ("id", "en"):
        finder = get_pipeline(lang).get_pipe("kg_names")
        parts = {"organisation": finder._organisations, "event": finder._events, "place": finder._places,
                 "person": finder._people}
        cues = {"outlet": ("organisation", "outlets"), "org-word": ("organisation", "by_words"),
                "event": ("event", "find"), "place-after-admin-word": ("place", "after_admin_word"),
                "place-before-admin-word": ("place", "before_admin_word"),
                "site-after-word": ("place", "after_site_word"), "site-before-word": ("place", "before_site_word"),
                "place-preposition": ("place", "by_preposition"), "person-role": ("person", "by_role"),
                "person-given-name": ("person", "by_given_name"), "person-surname": ("person", "surnames")}
        for cue, (part, name) in cues.items():
            setattr(parts[part], name, wrap(cue, getattr(parts[part], name)))
        finder._titled = wrap("person-title", finder._titled)  # type: ignore[method-assign]
        finder._acronyms = wrap("acronym", finder._acronyms)  # type: ignore[method-assign]
    names_module.occurrences = wrap("written-again", names_module.occurrences)  # type: ignore[assignment]


def _split_cue(cue: str, span: Span) -> str:
    """The preposition of a place cue, heads from tails of organisations: finer rows."""
    if cue == "place-preposition":
        return f"{cue}:{span.doc[span.start - 1].lower_}"
    if cue == "written-again":
        return f"{cue}:{span.label_}"
    return cue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dir", type=Path, nargs="?", default=Path(os.environ.get("KG_EVAL_DIR", "../shared/eval")))
    parser.add_argument("--show", help="list the spans of cues whose name starts with this")
    args = parser.parse_args()
    check = check_ids()
    gold: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for g in load_gold_entities(args.eval_dir / "dev" / "gold_entities.jsonl"):
        if g.doc_id not in check:
            for label in g.args[0][0]:
                gold[g.doc_id][label].add(g.key)
    proposals: list[Proposal] = []
    current = [""]
    instrument(proposals, current)
    for article in read_articles([args.eval_dir / "dev" / "articles.jsonl"]).articles:
        if article.id in check:
            continue
        current[0] = article.id
        extract_article(article)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for cue, doc_id, text, label in proposals:
        types = gold[doc_id].get(normalize(text), set())
        verdict = "right" if label in types else "wrong type" if types else "unlisted"
        counts[cue][verdict] += 1
        if args.show is not None and cue.startswith(args.show):
            print(f"  {verdict:10} {cue:28} [{doc_id}] {text} ({label})")
    print(f"{'cue':32} {'right':>6} {'wrong type':>11} {'unlisted':>9}")
    for cue in sorted(counts):
        c = counts[cue]
        print(f"{cue:32} {c['right']:6d} {c['wrong type']:11d} {c['unlisted']:9d}")


if __name__ == "__main__":
    main()
