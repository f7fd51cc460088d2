"""Reading articles: `.txt` files, `.jsonl` corpora and folders of both.

Bad input never stops the run: each unreadable file or malformed line becomes a
`Problem` (file, line, message) reported next to the articles that *could* be read,
so a 10,000-line corpus with one broken line still loads 9,999 articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

__all__ = ["Problem", "Corpus", "read_articles", "iter_sources", "clean_text", "detect_language", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt", ".jsonl")
_OPTIONAL_KEYS = ("lang", "title", "date", "url", "source")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing that could not be read, worded for the user."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Corpus:
    """The articles read from some inputs, and what could not be read."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def read_articles(inputs: Iterable[Path | str]) -> Corpus:
    """Read every article from files and folders; duplicates of an id keep the first."""
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for source in iter_sources(inputs, problems):
        for item in _read_source(source):
            if isinstance(item, Problem):
                problems.append(item)
            elif item.id in seen:
                problems.append(Problem(item.origin, None, f"duplicate article id {item.id!r} "
                                        f"(first read at {seen[item.id]}); kept the first"))
            else:
                seen[item.id] = item.origin
                articles.append(item)
    return Corpus(tuple(articles), tuple(problems))


def iter_sources(inputs: Iterable[Path | str], problems: list[Problem]) -> Iterator[Path]:
    """Expand folders into their article files, in a stable (sorted) order."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES)
            if not files:
                problems.append(Problem(str(path), None, "folder holds no .txt or .jsonl files"))
            yield from files
        elif path.is_file():
            if path.suffix not in ARTICLE_SUFFIXES:
                problems.append(Problem(str(path), None,
                                        "not an article file: use .txt (one article) or .jsonl (one a line)"))
            else:
                yield path
        else:
            problems.append(Problem(str(path), None, "no such file or folder"))


def _read_source(path: Path) -> Iterator[Article | Problem]:
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Problem(str(path), None, f"cannot read file: {e.strerror or e}")
        return
    if path.suffix == ".jsonl":
        yield from _read_jsonl(path, data)
    else:
        yield _read_txt(path, data)


def _read_txt(path: Path, data: bytes) -> Article | Problem:
    try:
        text = _decode(data)
    except InputError as e:
        return Problem(str(path), None, str(e))
    text = clean_text(text)
    if not text.strip():
        return Problem(str(path), None, "article text is empty; skipped")
    return Article(id=path.stem, text=text, origin=str(path))


def _read_jsonl(path: Path, data: bytes) -> Iterator[Article | Problem]:
    for number, raw_line in enumerate(data.splitlines(), start=1):
        if not raw_line.strip():
            continue
        try:
            yield _article_from_line(raw_line, f"{path}:{number}")
        except InputError as e:
            yield Problem(str(path), number, str(e))


def _article_from_line(raw_line: bytes, origin: str) -> Article:
    try:
        record = json.loads(_decode(raw_line))
    except json.JSONDecodeError as e:
        raise InputError(f"not valid JSON ({e.msg} at column {e.colno}); fix or remove the line") from e
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with 'id' and 'text'")
    article_id, text = record.get("id"), record.get("text")
    if not isinstance(article_id, str | int) or str(article_id).strip() == "":
        raise InputError("missing 'id': every article needs a non-empty id")
    if not isinstance(text, str):
        raise InputError(f"article {article_id!r} has no 'text' string")
    text = clean_text(text)
    if not text.strip():
        raise InputError(f"article {article_id!r} has empty text; skipped")
    optional = {key: str(record[key]) for key in _OPTIONAL_KEYS if record.get(key) not in (None, "")}
    return Article(id=str(article_id).strip(), text=text, origin=origin, **optional)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); "
                         "convert it, e.g. `iconv -f latin1 -t utf-8`") from e


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters that break offsets and RDF.

    Character offsets in the output refer to this cleaned text, which is also what
    the store keeps, so they stay consistent with each other.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or ch >= " " and ch != "\x7f")


def detect_language(text: str, languages: Iterable[str] | None = None) -> str:
    """The supported language whose stop words cover most of the text's words.

    Function words separate Indonesian from English reliably even in a headline;
    ties (no function words at all) fall back to English.
    """
    from kg.lexicon import SUPPORTED_LANGUAGES, load_lexicon

    words = [w.strip(".,;:!?\"'()").lower() for w in text[:5000].split()]
    best, best_score = "en", 0
    for lang in languages or SUPPORTED_LANGUAGES:
        stop = load_lexicon(lang).words["stopwords"]
        score = sum(1 for w in words if w in stop)
        if score > best_score:
            best, best_score = lang, score
    return best
