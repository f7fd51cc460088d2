from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest import clean_text, detect_language, read_articles


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_txt_article_takes_its_id_from_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "kyiv-talks.txt").write_text("Leaders met in Kyiv.", encoding="utf-8")
    corpus = read_articles([tmp_path / "kyiv-talks.txt"])
    assert [a.id for a in corpus.articles] == ["kyiv-talks"]
    assert corpus.problems == ()


def test_jsonl_keeps_the_optional_fields(tmp_path: Path) -> None:
    record = {"id": "a1", "text": "Teks.", "lang": "id", "title": "Judul", "date": "2022-01-10",
              "url": "https://example.org/a1", "source": "Antara"}
    corpus = read_articles([write_jsonl(tmp_path / "c.jsonl", [json.dumps(record)])])
    article = corpus.articles[0]
    assert (article.lang, article.title, article.date, article.url, article.source) == \
        ("id", "Judul", "2022-01-10", "https://example.org/a1", "Antara")


def test_a_malformed_line_is_reported_with_its_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [
        json.dumps({"id": "a1", "text": "One."}),
        '{"id": "a2", "text": ',
        json.dumps({"id": "a3", "text": "Three."}),
    ])
    corpus = read_articles([path])
    assert [a.id for a in corpus.articles] == ["a1", "a3"]
    [problem] = corpus.problems
    assert (problem.path, problem.line) == (str(path), 2)
    assert "not valid JSON" in str(problem) and f"{path}:2" in str(problem)


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "a1", "text": "   "}', "empty text"),
    ('{"id": "a1"}', "no 'text'"),
    ('{"text": "No id."}', "missing 'id'"),
    ('["a list"]', "JSON object"),
])
def test_bad_records_are_skipped_with_a_reason(tmp_path: Path, line: str, message: str) -> None:
    corpus = read_articles([write_jsonl(tmp_path / "c.jsonl", [line])])
    assert corpus.articles == ()
    assert message in corpus.problems[0].message


def test_non_utf8_bytes_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Presiden Jokowi bertemu di Bogor. Caf\xe9".encode("latin-1"))
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    corpus = read_articles([tmp_path])
    assert [a.id for a in corpus.articles] == ["ok"]
    assert "not UTF-8" in corpus.problems[0].message


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    corpus = read_articles([tmp_path / "nowhere.jsonl"])
    assert corpus.articles == ()
    assert "no such file" in corpus.problems[0].message


def test_a_folder_reads_txt_and_jsonl_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    write_jsonl(tmp_path / "a.jsonl", [json.dumps({"id": "a", "text": "A."})])
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path]).articles] == ["a", "b"]


def test_a_repeated_id_keeps_the_first_article(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [json.dumps({"id": "x", "text": "First."}),
                                              json.dumps({"id": "x", "text": "Second."})])
    corpus = read_articles([path])
    assert [a.text for a in corpus.articles] == ["First."]
    assert "duplicate article id" in corpus.problems[0].message


def test_control_characters_are_dropped_and_line_ends_normalised() -> None:
    assert clean_text("a\r\nb\x00c\x07\td") == "a\nbc\td"


@pytest.mark.parametrize(("text", "lang"), [
    ("Presiden Putin mengatakan bahwa pasukan akan ditarik dari negara itu.", "id"),
    ("President Biden said that the sanctions were a response to the invasion.", "en"),
])
def test_language_is_detected_from_function_words(text: str, lang: str) -> None:
    assert detect_language(text) == lang
