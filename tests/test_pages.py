"""Saved news pages (.html) in: the article's text and metadata, without the page around it.

The pages in tests/pages/ were written for these tests after the pattern of an
Indonesian and an English news site: navigation, cookie banner, "most read" box,
footer, scripts, and "Baca juga:" / "Read more:" teasers between the paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import DataFileError
from kg.extraction import extract_article
from kg.ingest import read_articles
from kg.model import Article
from kg.pages import teaser_pattern
from kg.rdf.store import open_store
from tests.conftest import ROOT

PAGES = Path(__file__).parent / "pages"
SINDO = PAGES / "sindonews-putin.html"
ENGLISH = PAGES / "news-csto-withdraws.html"


def _read(path: Path) -> Article:
    corpus = read_articles([path])
    assert corpus.problems == ()
    [article] = corpus.articles
    return article


@pytest.mark.parametrize(("page", "metadata"), [
    (SINDO, ("sindonews-putin", "Putin Salahkan Kekuatan Asing atas Kerusuhan Kazakhstan", "2022-01-10",
             "https://international.sindonews.com/read/123/putin-salahkan-kekuatan-asing", "Sindonews")),
    (ENGLISH, ("news-csto-withdraws", "Russia-led alliance begins to withdraw troops from Kazakhstan", "2022-01-13",
               "https://www.worldnews.example/europe/csto-withdraws-kazakhstan-2022-01-13/", "World News")),
])
def test_a_page_gives_its_title_date_url_and_outlet(page: Path, metadata: tuple[str, ...]) -> None:
    article = _read(page)
    assert (article.id, article.title, article.date, article.url, article.source) == metadata
    assert not article.text.startswith(metadata[1])  # the headline is metadata, not the first sentence


@pytest.mark.parametrize(("page", "kept", "dropped"), [
    (SINDO, ["MOSKOW - Presiden Vladimir Putin", "Demonstrasi dimulai menentang"],
     ["Baca", "CSTO Kirim Pasukan ke Kazakhstan", "Tokayev Tunjuk Perdana Menteri", "Beranda", "Berita Terpopuler",
      "Harga emas", "Hak cipta", "var ads"]),
    (ENGLISH, ["ALMATY, Jan 13 - The Collective Security Treaty Organization", "restoring order"],
     ["Read more", "RELATED", "Also read", "Putin blames foreign forces", "Oil prices", "cookies", "Most read",
      "Markets slide", "All rights reserved", "dataLayer", "Business"]),
])
def test_a_page_keeps_the_article_and_drops_the_rest(page: Path, kept: list[str], dropped: list[str]) -> None:
    text = _read(page).text
    for words in kept:
        assert words in text
    for words in dropped:
        assert words not in text, words


@pytest.mark.parametrize(("page", "relation"), [
    (SINDO, ("Vladimir Putin", "blames", "kekuatan eksternal")),
    (SINDO, ("CSTO", "deploysTo", "Kazakhstan")),
    (ENGLISH, ("Vladimir Putin", "praises", "Kassym-Jomart Tokayev")),
])
def test_the_rest_of_the_pipeline_reads_a_page_as_any_article(page: Path, relation: tuple[str, str, str]) -> None:
    article = _read(page)
    from_page = extract_article(article)
    as_text = extract_article(Article(id=article.id, text=article.text))
    triples = {(r.subject.label, r.predicate, r.object.label) for r in from_page.relations}
    assert relation in triples
    assert triples == {(r.subject.label, r.predicate, r.object.label) for r in as_text.relations}


def test_kg_build_reads_a_folder_of_pages_into_the_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    built = CliRunner().invoke(app, ["build", str(PAGES), "--store", str(store)])
    assert built.exit_code == 0, built.output
    assert "Read 2 article(s)" in built.stdout
    with open_store(store, read_only=True) as kg_store:
        rows = kg_store.query("""
            PREFIX kg: <https://kg.example.org/ontology#>
            PREFIX schema: <https://schema.org/>
            SELECT ?id ?title ?date ?url ?outlet WHERE {
              ?a kg:articleId ?id ; schema:headline ?title ; schema:datePublished ?date ;
                 schema:url ?url ; schema:publisher ?outlet } ORDER BY ?id""").rows
    assert [(row[0], row[2], row[4]) for row in rows] == [("news-csto-withdraws", "2022-01-13", "World News"),
                                                          ("sindonews-putin", "2022-01-10", "Sindonews")]


def test_a_page_without_an_article_is_one_skipped_line(tmp_path: Path) -> None:
    (tmp_path / "login.html").write_text("<!doctype html><html><head><title>Masuk</title></head><body>"
                                         "<form><input name=user><button>Masuk</button></form></body></html>",
                                         encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "login.html")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"kg: skipped {tmp_path / 'login.html'}: no article text found in this "
                                          "page (is it an index, a login or an error page?); save the article's "
                                          "own page"]


@pytest.mark.parametrize(("line", "teaser"), [
    ("Baca juga: CSTO Kirim Pasukan", True), ("BACA JUGA - Tokayev", True), ("Baca Juga » Harga", True),
    ("Simak juga:", True), ("Read more: Putin blames", True), ("RELATED - Tokayev", True), ("Read more", True),
    ("Baca juga berita lain tentang Rusia.", False), ("Read more about the talks in our guide.", False),
    ("Related talks were held in Geneva.", False), ("Watch the video of the summit.", False),
    ("Presiden Jokowi membaca juga: pidato", False),
])
def test_teasers_are_known_by_their_opening_phrase(line: str, teaser: bool) -> None:
    assert bool(teaser_pattern().match(line)) is teaser


def test_a_bad_teaser_phrase_names_its_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for lang in ("id", "en"):
        (tmp_path / "data" / "lexicon" / lang).mkdir(parents=True)
        (tmp_path / "data" / "lexicon" / lang / "teasers.txt").write_text(
            (ROOT / "data" / "lexicon" / lang / "teasers.txt").read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "data" / "lexicon" / "en" / "teasers.txt"
    bad.write_text("# teasers\nread more\nread  more:\n", encoding="utf-8")
    monkeypatch.setenv("KG_RESOURCES", str(tmp_path))
    teaser_pattern.cache_clear()
    try:
        with pytest.raises(DataFileError, match=rf"{bad}:3: 'read  more:' is not a phrase"):
            teaser_pattern()
    finally:
        teaser_pattern.cache_clear()
