"""Given names of many countries, and the capitalised words of a language that name nobody.

A capitalised run that opens with a given name ("Roman Protasevich", "Mahsa Amini") is
a person even where no title stands before it. The given names come from the
`gender-guesser` package's nam_dict.txt (Jörg Michael's list of some 48,000 first
names from 50 countries, under the GNU Free Documentation License; the package
itself is GPLv3). kg reads that file where the package installed it, at the first
call, and never copies it: a derived list in kg's MIT repository would have to be
published under the GFDL. Reading it takes about 0.15 s, once per process.

nam_dict also lists names that news writes as words ("Will", "May", "Timur",
"Islam", "Georgia"): data/lexicon/<lang>/capitalised_words.txt lists the capitalised
words of a language that are no one's name, each section saying why, and spaCy's
stop words of the language are dropped as well.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.util import get_lang_class

from kg.errors import DataFileError
from kg.lexicon import read_tsv
from kg.resources import data_dir

__all__ = ["given_names", "capitalised_words"]

_SOURCE = ("gender_guesser", "data/nam_dict.txt")
# a name line: a gender code (M, F, 1M, ?M, 1F, ?F or ? for either) and the name; "=" lines
# are spelling equivalences, "#" lines comments
_NAME_LINE = re.compile(r"^(?:[MF]|[1?][MF]|\?) +(\S+)", re.MULTILINE)


@cache
def _all_given_names() -> frozenset[str]:
    """Every single-word given name of nam_dict, as written ("Jean", "Jae-in", "Abdel-Aziz").

    A "+" in nam_dict joins the parts of a compound name written together, apart or with
    a hyphen ("Abdel+Aziz"); kg keeps the one-token spellings.
    """
    package, name = _SOURCE
    try:
        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError, UnicodeDecodeError) as e:
        raise DataFileError(f"cannot read the given-name list ({e}); install kg's dependencies with "
                            "`pip install -e .` (it needs the gender-guesser package)", path=name) from e
    names: set[str] = set()
    for found in _NAME_LINE.findall(text):
        if "+" in found:
            names.update((found.replace("+", ""), found.replace("+", "-")))
        else:
            names.add(found)
    return frozenset(n for n in names if n[:1].isupper())


@cache
def capitalised_words(lang: str) -> frozenset[str]:
    """data/lexicon/<lang>/capitalised_words.txt: words written with a capital that name nobody
    ("May", "Senin", "Islam", "Timur"), as written."""
    path = data_dir() / "lexicon" / lang / "capitalised_words.txt"
    if not path.exists():
        return frozenset()
    words: set[str] = set()
    for line, (word,) in read_tsv(path, 1):
        if " " in word or not word[:1].isupper():
            raise DataFileError(f"{word!r}: one capitalised word a line", path=path, line=line)
        words.add(word)
    return frozenset(words)


@cache
def given_names(lang: str) -> frozenset[str]:
    """Given names to trust in `lang` text: nam_dict's, less the language's capitalised
    common words and stop words ("Dan" is "and" in Indonesian, "Will" a verb in English)."""
    stop = {w.lower() for w in get_lang_class(lang).Defaults.stop_words}
    unwanted = capitalised_words(lang)
    return frozenset(n for n in _all_given_names() if n not in unwanted and n.lower() not in stop)
