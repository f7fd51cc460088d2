"""Saved news pages (.html) read as articles.

A saved page is mostly not the article: menus, teasers, pictures, scripts. trafilatura,
the field's standard for it, finds the main text and the page's title, date, address
and outlet (from its <meta> tags and markup), offline. What it keeps from the body but
a reader skips, the "Baca juga: ..." and "Read more: ..." lines between paragraphs, is
dropped by phrase (data/lexicon/<lang>/teasers.txt, both languages, as the page's is
not known yet). The result is an interchange record, checked and cleaned by kg.ingest
like a line of a .jsonl corpus.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.errors import DataFileError, InputError
from kg.resources import data_dir

__all__ = ["page_record", "teaser_pattern"]


def page_record(markup: str) -> dict[str, str | None]:
    """The article of a saved page, as an interchange record without its id.

    Raises InputError when the page holds no article text (an index or login page).
    """
    import trafilatura  # slow to import: only when a page is read
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False)
    found: dict[str, Any] = document.as_dict() if isinstance(document, Document) else {}
    teaser = teaser_pattern()
    paragraphs = [p for p in (found.get("text") or "").splitlines() if p.strip() and not teaser.match(p)]
    title = found.get("title")
    if paragraphs and title and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]  # the headline is the title, not a sentence of the article
    if not paragraphs:
        raise InputError("no article text found in this page (is it an index, a login or an error page?); "
                         "save the article's own page")
    return {"text": "\n".join(paragraphs), "title": title, "date": found.get("date"), "url": found.get("url"),
            "source": found.get("sitename") or found.get("hostname")}


@cache
def teaser_pattern() -> re.Pattern[str]:
    """A paragraph that opens with a teaser phrase of either language, then ':', a dash, an arrow or nothing."""
    phrases: list[str] = []
    for lang in ("id", "en"):
        path = data_dir() / "lexicon" / lang / "teasers.txt"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise DataFileError(f"cannot read the teaser phrases: {e.strerror or e}; restore the file",
                                path=path) from e
        for number, line in enumerate(lines, start=1):
            phrase = line.strip()
            if not phrase or phrase.startswith("#"):
                continue
            if not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", phrase):
                raise DataFileError(f"{phrase!r} is not a phrase of words separated by single spaces; fix the line",
                                    path=path, line=number)
            phrases.append(re.escape(phrase).replace(r"\ ", r"\s+"))
    alternatives = "|".join(sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\W*(?:{alternatives})\s*(?:[:\-–—»>|]|$)", re.IGNORECASE)
