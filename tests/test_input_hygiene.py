"""What reaches extraction and the store is clean: one form of each character, no invisible
ones, metadata as the interchange spec states it, and stores that are what they claim."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kg.cli import app
from kg.extraction import extract_article
from kg.ingest import clean_text, read_articles
from kg.model import Article

runner = CliRunner()


def kg(*args: str) -> Result:
    """The command, in this process (the console script's own tests are in test_cli.py)."""
    return runner.invoke(app, list(args))

PUTIN = "Presiden Vladimir Putin menyalahkan kekuatan eksternal atas kerusuhan di Kazakhstan."


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e",
                                       "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u061c"])
def test_invisible_characters_are_removed(invisible: str) -> None:
    assert clean_text(f"Vladi{invisible}mir Pu{invisible}tin") == "Vladimir Putin"


def test_text_is_put_in_nfc() -> None:
    decomposed = "Mose\u0301 di Co\u0302te d\u2019Ivoire"
    assert clean_text(decomposed) == "Mos\u00e9 di C\u00f4te d\u2019Ivoire"


def test_a_name_with_zero_width_characters_is_the_same_person(tmp_path: Path) -> None:
    text = PUTIN + " Vladi\u200bmir Pu\u200dtin juga memuji Presiden Kassym-Jomart Tokayev."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    [article] = read_articles([tmp_path / "a.txt"]).articles
    people = {e.label for e in extract_article(article).entities if e.type == "Person"}
    assert people == {"Vladimir Putin", "Kassym-Jomart Tokayev"}


@pytest.mark.parametrize(("field", "value", "message"), [
    ("date", "2022-13-45", "'date' '2022-13-45' is not an ISO 8601 date"),
    ("date", "last Monday", "'date' 'last Monday' is not an ISO 8601 date"),
    ("date", 20220110, "'date' must be a string, not a number"),
    ("title", {"en": "A headline"}, "'title' must be a string, not an object"),
    ("url", ["https://example.org"], "'url' must be a string, not a list"),
    ("source", True, "'source' must be a string, not true/false"),
    ("id", 7, "'id' must be a string, not a number (7)"),
    ("id", {"x": 1}, "'id' must be a string, not an object"),
])
def test_invalid_metadata_skips_the_line_with_one_message(tmp_path: Path, field: str, value: object,
                                                          message: str) -> None:
    good = {"id": "good", "text": PUTIN, "date": "2022-01-10"}
    bad = {"id": "bad", "text": PUTIN, field: value}
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    built = kg("build", str(corpus), "--store", str(tmp_path / "store"))
    assert built.exit_code == 0, built.stderr
    [line] = built.stderr.splitlines()
    assert line.startswith(f"kg: skipped {corpus}:2: ") and message in line
    assert line.endswith(("fix or remove it", "quote it"))
    assert "Read 1 article(s), skipped 1 problem(s)" in built.stdout
    dates = kg("query", "SELECT DISTINCT ?d WHERE { ?a <https://schema.org/datePublished> ?d }", "--store",
               str(tmp_path / "store"), "--format", "csv")
    assert dates.stdout.splitlines() == ["d", "2022-01-10"]


@pytest.mark.parametrize(("given", "kept"), [("2022-01-10", "2022-01-10"), ("2022-02", "2022-02"), ("2022", "2022"),
                                             ("2022-01-10T08:30:00+07:00", "2022-01-10"),
                                             (" 2022-01-10 ", "2022-01-10")])
def test_iso_dates_are_kept_as_far_as_they_are_known(tmp_path: Path, given: str, kept: str) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": PUTIN, "date": given}) + "\n", encoding="utf-8")
    [article] = read_articles([corpus]).articles
    assert article.date == kept


def test_metadata_is_cleaned_like_the_text(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": " a\u200b1 ", "text": PUTIN, "title": "Putin\u200b  menyalahkan\n Barat",
                                  "source": "Sindo\u202enews"}) + "\n", encoding="utf-8")
    [article] = read_articles([corpus]).articles
    assert (article.id, article.title, article.source) == ("a1", "Putin menyalahkan Barat", "Sindonews")


def test_a_folder_that_is_not_a_store_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "chapter1.md").write_text("My notes.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(PUTIN, encoding="utf-8")
    built = kg("build", str(tmp_path / "a.txt"), "--store", str(folder))
    assert built.exit_code == 1
    assert built.stderr.strip() == (f"kg: error: {folder} holds other files and is not a kg store; give --store an "
                                    "empty or new folder (kg keeps a whole database there)")
    assert sorted(p.name for p in folder.iterdir()) == ["chapter1.md"]


def test_an_empty_folder_becomes_a_store(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "a.txt").write_text(PUTIN, encoding="utf-8")
    assert kg("build", str(tmp_path / "a.txt"), "--store", str(tmp_path / "store")).exit_code == 0
    assert kg("build", str(tmp_path / "a.txt"), "--store", str(tmp_path / "store")).exit_code == 0  # and stays one


@pytest.mark.parametrize("damage", ["CURRENT", "MANIFEST"])
def test_a_damaged_store_is_one_line_that_says_what_to_do(tmp_path: Path, damage: str) -> None:
    store = tmp_path / "store"
    (tmp_path / "a.txt").write_text(PUTIN, encoding="utf-8")
    assert kg("build", str(tmp_path / "a.txt"), "--store", str(store)).exit_code == 0
    for path in store.glob(f"{damage}*"):
        path.write_bytes(b"\x00garbage\x00" * 3)
    for args in (["stats"], ["query", "top-actors"], ["build", str(tmp_path / "a.txt")]):
        result = kg(*args, "--store", str(store))
        assert result.exit_code == 1, args
        [line] = result.stderr.splitlines()
        assert line.startswith(f"kg: error: the store at {store} is damaged (Corruption")
        assert "build it again" in line and "kg load" in line


def test_the_library_refuses_the_same_folders() -> None:
    """kg.open_store, as a notebook calls it, is where the CLI's checks live."""
    code = ("import kg, tempfile, pathlib\n"
            "d = pathlib.Path(tempfile.mkdtemp()); (d / 'x.txt').write_text('x')\n"
            "try:\n    kg.open_store(d)\nexcept kg.KGError as e:\n    print(type(e).__name__)\n")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert shown.stdout.strip() == "StoreError"


def test_an_article_record_with_clean_metadata_is_unchanged() -> None:
    """The checks do not touch what was already right."""
    article = Article(id="a", text=PUTIN, title="Judul", date="2022-01-10")
    assert clean_text(article.text) == article.text
