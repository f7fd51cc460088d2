"""A corpus of any size made from real text: the dev articles, sentences shuffled, names swapped.

Repeating the dev articles would let every cache (spaCy's tokenizer, the store's
dictionaries, the same few graphs) see the same text over and over; shuffling each
article's sentences and swapping its actors' names for those of another article of
the same type gives the variety a real corpus has, with real Indonesian and English
sentences. The dev set is read at run time from $KG_EVAL_DIR (never committed).

    python bench/scale_corpus.py 1000 /tmp/corpus-1k.jsonl
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

__all__ = ["make_corpus", "dev_dir"]

_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")
_SEED = 14


def dev_dir() -> Path:
    value = os.environ.get("KG_EVAL_DIR")
    if not value or not (Path(value) / "dev" / "articles.jsonl").is_file():
        sys.exit("set KG_EVAL_DIR to the folder holding dev/articles.jsonl (shared/eval)")
    return Path(value) / "dev"


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_corpus(size: int, output: Path, dev: Path | None = None) -> Path:
    """Write `size` articles to `output` (JSONL), article i made from dev article i mod n."""
    dev = dev or dev_dir()
    articles = _read(dev / "articles.jsonl")
    names: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)  # type -> (doc, surface forms)
    by_doc: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for entity in _read(dev / "gold_entities.jsonl"):
        forms = sorted({f for f in entity["label"] if len(f) > 2}, key=lambda f: (-len(f), f))  # not set order: hash-seeded
        if forms:
            names[entity["type"]].append((entity["doc_id"], forms))
            by_doc[entity["doc_id"]].append((entity["type"], forms))
    rng = random.Random(_SEED)
    with output.open("w", encoding="utf-8") as out:
        for i in range(size):
            base = articles[i % len(articles)]
            text = _swap_names(base["text"], by_doc[base["id"]], names, base["id"], rng)
            sentences = _SENTENCE_END.split(text)
            rng.shuffle(sentences)
            record = {"id": f"scale-{i:05d}", "lang": base.get("lang"), "text": " ".join(sentences),
                      "date": f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      "title": base.get("title") or ""}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return output


def _swap_names(text: str, own: list[tuple[str, list[str]]], names: dict[str, list[tuple[str, list[str]]]],
                doc: str, rng: random.Random) -> str:
    """Each named entity of the article becomes one of another article, of the same type."""
    replacements: dict[str, str] = {}
    for type_, forms in own:
        others = [f for d, f in names[type_] if d != doc]
        if not others or rng.random() < 0.3:  # some actors stay, as Russia recurs in real news
            continue
        other = rng.choice(others)
        for n, form in enumerate(forms):
            replacements.setdefault(form, other[min(n, len(other) - 1)])
    if not replacements:
        return text
    pattern = re.compile("|".join(rf"\b{re.escape(f)}\b" for f in sorted(replacements, key=len, reverse=True)))
    return pattern.sub(lambda m: replacements[m.group(0)], text)


if __name__ == "__main__":
    print(make_corpus(int(sys.argv[1]), Path(sys.argv[2])))
