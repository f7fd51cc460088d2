"""Hostile and odd input, end to end: files on disk → read_articles → extract / build.

Each test writes its articles into tmp_path and goes through the real pipeline
(`kg.ingest.read_articles`, `kg.api.extract`, `kg.build(..., store=":memory:")`).
They check behaviour, not speed: where a size is large, the only time limit is a
generous hang guard (`finishes_within`), far above what a linear pipeline needs, so
that a quadratic blow-up fails the test instead of stalling the suite. The speed
itself is measured in bench/bench_extract.py.
"""

from __future__ import annotations

import json
import re
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

import kg
from kg.api import extract
from kg.extraction import extract_article
from kg.ingest import read_articles
from kg.model import Article, Extraction
from tests.conftest import ROOT

# Real-looking Indonesian news, written for these tests (about 700 characters).
PARAGRAPH_ID = (
    "Menteri Luar Negeri Rusia Sergey Lavrov bertemu dengan Menteri Luar Negeri Indonesia Retno "
    "Marsudi di Jakarta pada Senin untuk membahas perang di Ukraina. Lavrov menyalahkan NATO atas "
    "ketegangan di Eropa Timur, sementara Retno menyerukan gencatan senjata. Rusia menyerang Ukraina "
    "sejak Februari 2022 dan Amerika Serikat menjatuhkan sanksi terhadap Rusia. Presiden Joko Widodo "
    "mengunjungi Kyiv pada bulan Juni. NATO mengecam serangan Rusia terhadap kota-kota di Ukraina, "
    "dan para menteri sepakat bertemu lagi di Bali bulan depan.\n\n"
)
PARAGRAPH_EN = (
    "Russian Foreign Minister Sergey Lavrov met Indonesian Foreign Minister Retno Marsudi in Jakarta "
    "on Monday. Lavrov blamed NATO for the tension in Eastern Europe. The United States imposed "
    "sanctions on Russia.\n\n"
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# -- helpers ------------------------------------------------------------------------------

def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def extract_one(path: Path) -> Extraction:
    """The one article of `path`, read and extracted, with nothing reported."""
    extractions, problems = extract([path])
    assert problems == ()
    [extraction] = extractions
    return extraction


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(r.subject.label, r.predicate, r.object.label) for r in extraction.relations}


def assert_evidence_is_the_text(extraction: Extraction) -> None:
    """Every relation's sentence is the cleaned article text at its offsets."""
    text = extraction.article.text
    for r in extraction.relations:
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start:r.end] == r.sentence, (r.start, r.end, r.sentence[:80])
        assert not CONTROL.search(r.sentence)


@contextmanager
def finishes_within(seconds: float) -> Iterator[None]:
    """Hang guard for the large inputs: raise TimeoutError after `seconds`.

    Not a speed assertion: the limits are many times what a linear pipeline takes
    on the slowest machine we run on; they only stop a super-linear one from
    stalling the suite for half an hour.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds:g} s (hang guard)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- (a) size ---------------------------------------------------------------------------------

def test_a_megabyte_corpus_builds_into_a_store(tmp_path: Path) -> None:
    per_article = PARAGRAPH_ID * 4  # ~2.8 KB, a normal article
    count = 1_000_000 // len(per_article) + 1
    path = write_jsonl(tmp_path / "big.jsonl",
                       [{"id": f"a{n}", "text": per_article} for n in range(count)])
    assert path.stat().st_size > 1_000_000
    with finishes_within(300):
        report = kg.build([path], store=":memory:")
    assert (report.read, report.problems) == (count, ())
    assert report.stats.articles == count
    assert report.stats.relations > 0 and report.stats.evidence >= count


@pytest.mark.parametrize(("size", "guard"), [
    pytest.param(250_000, 120, id="250KB"),
    pytest.param(1_048_576, 300, id="1MiB"),
])
def test_one_very_long_article_is_extracted(tmp_path: Path, size: int, guard: float) -> None:
    text = (PARAGRAPH_ID * (size // len(PARAGRAPH_ID) + 1))[:size]
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    with finishes_within(guard):
        extraction = extract_one(path)
    assert ("Sergei Lavrov", "blames", "NATO") in triples(extraction)
    assert_evidence_is_the_text(extraction)


# -- (b) no sentence punctuation -------------------------------------------------------------------

def unpunctuated(size: int) -> str:
    flat = re.sub(r"[.!?,;:]", "", PARAGRAPH_ID).replace("\n", " ")
    return (flat * (size // len(flat) + 1))[:size]


def test_text_without_sentence_punctuation_keeps_its_offsets(tmp_path: Path) -> None:
    text = unpunctuated(20_000)
    (tmp_path / "flat.txt").write_text(text, encoding="utf-8")
    extraction = extract_one(tmp_path / "flat.txt")
    assert extraction.article.text == text
    assert extraction.relations
    assert_evidence_is_the_text(extraction)


def test_200kb_without_sentence_punctuation_completes(tmp_path: Path) -> None:
    text = unpunctuated(200_000)
    (tmp_path / "flat.txt").write_text(text, encoding="utf-8")
    with finishes_within(10):  # a linear pipeline needs ~1 s
        extraction = extract_one(tmp_path / "flat.txt")
    assert extraction.relations
    assert_evidence_is_the_text(extraction)


@pytest.mark.parametrize("unit", [
    ". ",  # a run of full stops: each one walked the whole run after it
    '. " ',  # stops and quotation marks
    "Alpha Beta News Gamma Delta Times ",  # one capitalised run with organisation words all through it
    "Komisi Pemilihan Umum (KPU) KPU ",  # an acronym defined and used thousands of times
    '"We will act," he said. "Putin is the aggressor." ',  # quotations and their speakers
])
def test_repetitive_text_stays_linear(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    with finishes_within(15):  # a linear pipeline needs ~0.5 s; these took 40-200 s when quadratic
        extraction = extract_article(Article(id="r", text=text, lang="id"))
    assert_evidence_is_the_text(extraction)


# -- (c) capitals -----------------------------------------------------------------------------------

def test_an_all_caps_headline_over_a_normal_body(tmp_path: Path) -> None:
    (tmp_path / "caps.txt").write_text("RUSIA SERANG UKRAINA, NATO KECAM MOSKOW.\n\n" + PARAGRAPH_ID,
                                       encoding="utf-8")
    extraction = extract_one(tmp_path / "caps.txt")
    assert extraction.article.lang == "id"
    assert {("Sergei Lavrov", "blames", "NATO"), ("United States", "sanctions", "Russia")} <= triples(extraction)
    assert_evidence_is_the_text(extraction)


def test_an_all_caps_headline_alone_is_read_as_indonesian(tmp_path: Path) -> None:
    (tmp_path / "caps.txt").write_text("RUSIA SERANG UKRAINA, NATO KECAM MOSKOW", encoding="utf-8")
    extraction = extract_one(tmp_path / "caps.txt")
    assert extraction.article.lang == "id"
    assert_evidence_is_the_text(extraction)


@pytest.mark.parametrize("paragraph", [PARAGRAPH_ID, PARAGRAPH_EN], ids=["id", "en"])
def test_an_all_caps_body_makes_no_names_out_of_verbs(tmp_path: Path, paragraph: str) -> None:
    (tmp_path / "caps.txt").write_text(paragraph.upper(), encoding="utf-8")
    extraction = extract_one(tmp_path / "caps.txt")
    verbs = {"BERTEMU", "MENYALAHKAN", "MENYERANG", "MENJATUHKAN", "MET", "BLAMED", "IMPOSED"}
    assert not [e.label for e in extraction.entities if verbs & set(e.label.split())]
    assert_evidence_is_the_text(extraction)  # shouted text is read without guessing names, and without crashing


@pytest.mark.parametrize(("paragraph", "lang"), [(PARAGRAPH_ID, "id"), (PARAGRAPH_EN, "en")], ids=["id", "en"])
def test_an_all_caps_body_still_finds_the_gazetteers_names_and_their_relations(paragraph: str, lang: str) -> None:
    extraction = extract_article(Article(id="caps", text=paragraph.upper(), lang=lang))
    assert {("Sergei Lavrov", "blames", "NATO"), ("United States", "sanctions", "Russia")} <= triples(extraction)


def test_a_short_name_in_capitals_that_is_also_a_word_is_not_read_as_the_name() -> None:
    extraction = extract_article(Article(id="caps", text="RUSSIA ATTACKS UKRAINE AS NATO WATCHES", lang="en"))
    assert "United States" not in {e.label for e in extraction.entities}  # "AS" is Indonesian for the US


# -- (d) two languages in one article --------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "expected"), [
    (PARAGRAPH_ID * 2 + PARAGRAPH_EN, "id", ("Sergei Lavrov", "blames", "NATO")),
    (PARAGRAPH_ID + PARAGRAPH_EN * 4, "en", ("United States", "sanctions", "Russia")),
], ids=["mostly-id", "mostly-en"])
def test_a_mixed_language_article_is_read_in_its_majority_language(
        tmp_path: Path, text: str, lang: str, expected: tuple[str, str, str]) -> None:
    path = write_jsonl(tmp_path / "mixed.jsonl", [{"id": "mixed", "text": text}])  # no "lang"
    extraction = extract_one(path)
    assert extraction.article.lang == lang
    assert expected in triples(extraction)
    assert_evidence_is_the_text(extraction)


# -- (e) HTML ---------------------------------------------------------------------------------------

HTML_ARTICLE = (
    "<!DOCTYPE html>\n<html><head><title>Berita</title>\n"
    "<style>body { font-family: 'Israel Iran'; } .nato:before { content: 'Tiongkok'; }</style>\n"
    '<script>alert("NATO menyerang Rusia")</script>\n'
    "<script type=\"text/javascript\">var headline = 'Israel menyerang Iran.';</script></head>\n"
    "<body><!-- Tiongkok mengecam Jepang. -->\n"
    "<p>Menteri Luar Negeri Rusia <b>Sergey Lavrov</b> bertemu dengan Menteri Luar Negeri Indonesia "
    "<a href=\"https://example.org/retno?a=1&amp;b=2\">Retno Marsudi</a> di Jakarta pada Senin.</p>\n"
    "<p><i>Lavrov</i> menyalahkan <b>NATO</b> atas ketegangan di Eropa&nbsp;Timur.</p>\n"
    "<p>Amerika Serikat menjatuhkan sanksi terhadap Rusia, kata Retno &#39;tegas&#39;.</p>\n"
    "<SCRIPT>document.write('<p>Jepang mendukung Tiongkok.</p>')</SCRIPT>\n"
    "</body></html>\n"
)


@pytest.mark.parametrize("form", ["txt", "jsonl"])
def test_html_markup_and_scripts_never_reach_the_graph(tmp_path: Path, form: str) -> None:
    if form == "txt":
        path = tmp_path / "page.txt"
        path.write_text(HTML_ARTICLE, encoding="utf-8")
    else:
        path = write_jsonl(tmp_path / "page.jsonl", [{"id": "page", "text": HTML_ARTICLE}])
    [article] = read_articles([path]).articles
    for gone in ("<", ">", "alert", "Israel", "Iran", "Tiongkok", "Jepang", "&amp;", "&nbsp;", "&#39;"):
        assert gone not in article.text
    assert "'tegas'" in article.text and "Eropa Timur" in article.text

    extraction = extract_one(path)
    assert extraction.article.text == article.text
    labels = {e.label for e in extraction.entities}
    assert not labels & {"Israel", "Iran", "China", "Japan"}
    assert ("NATO", "attacks", "Russia") not in triples(extraction)
    assert {("Sergei Lavrov", "blames", "NATO"), ("United States", "sanctions", "Russia")} <= triples(extraction)
    for r in extraction.relations:
        assert "<" not in r.sentence and ">" not in r.sentence
    assert_evidence_is_the_text(extraction)

    report = kg.build([path], store=":memory:")
    assert (report.read, report.problems) == (1, ())


def test_plain_text_with_angle_brackets_is_not_taken_for_markup(tmp_path: Path) -> None:
    text = "Inflasi naik <5% sementara a < b. Rusia menyerang Ukraina.\n"
    (tmp_path / "lt.txt").write_text(text, encoding="utf-8")
    extraction = extract_one(tmp_path / "lt.txt")
    assert extraction.article.text == text
    assert ("Russia", "attacks", "Ukraine") in triples(extraction)
    assert_evidence_is_the_text(extraction)


# -- (f) nothing to read -------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    "",
    "   \n\t\n  ",
    "<html><head><script>alert('NATO menyerang Rusia')</script></head><body></body></html>",
    "<!-- nothing -->\n<p>&nbsp;</p>\n<style>p {}</style>",
    "\x00\x07\x1b[31m\x7f",
], ids=["empty", "whitespace", "script-only", "markup-only", "controls-only"])
def test_a_file_with_nothing_to_read_is_a_problem_not_a_crash(tmp_path: Path, content: str) -> None:
    (tmp_path / "blank.txt").write_text(content, encoding="utf-8")
    write_jsonl(tmp_path / "blank.jsonl", [{"id": "blank", "text": content}])
    (tmp_path / "fine.txt").write_text("Rusia menyerang Ukraina.", encoding="utf-8")

    corpus = read_articles([tmp_path])
    assert [a.id for a in corpus.articles] == ["fine"]
    assert len(corpus.problems) == 2
    assert all("empty" in p.message for p in corpus.problems)

    report = kg.build([tmp_path / "blank.txt", tmp_path / "blank.jsonl"], store=":memory:")
    assert report.read == 0 and len(report.problems) == 2
    assert report.stats.articles == 0


# -- (g) control characters --------------------------------------------------------------------------------

def test_nul_bytes_and_control_characters_are_dropped(tmp_path: Path) -> None:
    raw = (b"Ru\x00sia menyerang\x07 Ukraina.\x1b[31m Lavrov menyalahkan\x0bNATO.\x1b[0m\r\n"
           b"Amerika Serikat\x7f menjatuhkan sanksi\x0c terhadap Rusia.\x00\x00\n")
    (tmp_path / "ctrl.txt").write_bytes(raw)
    extraction = extract_one(tmp_path / "ctrl.txt")
    text = extraction.article.text
    assert not CONTROL.search(text) and "[31m" not in text
    assert text.startswith("Rusia menyerang Ukraina. Lavrov menyalahkan\nNATO.")
    assert {("Russia", "attacks", "Ukraine"), ("United States", "sanctions", "Russia")} <= triples(extraction)
    assert_evidence_is_the_text(extraction)


def test_control_characters_and_lone_surrogates_in_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.jsonl"
    path.write_text(
        '{"id": "escaped", "text": "Rusia\\u0000 menyerang \\ud800Ukraina.\\u001b Lavrov menyalahkan NATO.\\udfff"}\n'
        '{"id": "raw", "text": "Rusia\x01 menyerang\x1f Ukraina.\tLavrov menyalahkan NATO."}\n',
        encoding="utf-8",
    )
    corpus = read_articles([path])
    assert corpus.problems == ()
    for article in corpus.articles:
        assert not CONTROL.search(article.text)
        article.text.encode("utf-8")  # no lone surrogate left to break the store or the CLI
    report = kg.build([path], store=":memory:")
    assert (report.read, report.problems) == (2, ())
    extractions, _ = extract([path])
    for extraction in extractions:
        assert ("Sergei Lavrov", "blames", "NATO") in triples(extraction)
        assert_evidence_is_the_text(extraction)


def test_odd_unicode_is_normalised_and_offsets_hold(tmp_path: Path) -> None:
    """Invisible characters go (zero-width, bidirectional controls, byte order mark) and the
    text is NFC ("kata" + combining acute is "katá"); emoji, no-break spaces and guillemets stay."""
    text = ("\ufeffRusia\u200b menyerang Ukraina 🇺🇦. Lavrov\u00a0menyalahkan NATO — kata\u0301 «Retno». "
            "\u202eAmerika Serikat\u202c menjatuhkan sanksi terhadap Rusia.\n")
    (tmp_path / "odd.txt").write_text(text, encoding="utf-8")
    extraction = extract_one(tmp_path / "odd.txt")
    assert extraction.article.text == ("Rusia menyerang Ukraina 🇺🇦. Lavrov\u00a0menyalahkan NATO — kat\u00e1 «Retno». "
                                       "Amerika Serikat menjatuhkan sanksi terhadap Rusia.\n")
    assert_evidence_is_the_text(extraction)


def test_extraction_in_threads_gives_what_it_gives_alone() -> None:
    """kg's components keep no per-call state, and their shared caches (word index, strings)
    are swapped whole: four threads reading articles at once get the same triples."""
    articles = [*read_articles([ROOT / "data" / "articles"]).articles,
                Article(id="en", lang="en", text=PARAGRAPH_EN), Article(id="id", lang="id", text=PARAGRAPH_ID)] * 4

    def triples(article: Article) -> list[tuple[str, str, str, int]]:
        return [(r.subject.key, r.predicate, r.object.key, r.start) for r in extract_article(article).relations]

    alone = [triples(a) for a in articles]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(triples, articles)) == alone
    assert any(alone)
