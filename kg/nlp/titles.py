"""Titles ("Presiden", "Foreign Minister") found in running text, for names and relations alike."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = ["Titles"]


class Titles:
    """The lexicon's titles by their lowercased words, each with its role ("leader" or "office")."""

    def __init__(self, titles: Mapping[str, str]):
        # "Secretary-General" is three tokens in running text, as kg's tokenizer splits hyphens off
        self.roles = {tuple(re.sub(r"(?<=\w)-(?=\w)", " - ", t.lower()).split()): role for t, role in titles.items()}
        self.longest = max((len(t) for t in self.roles), default=1)
        self.firsts = frozenset(t[0] for t in self.roles)
        self.lasts = {t[-1] for t in self.roles}
        self.words = {w for t in self.roles for w in t}

    def starting_at(self, words: Sequence[str], start: int) -> tuple[str, int] | None:
        """The role and end of the longest title whose first token is `start` in `words` (lowercase tokens)."""
        if start >= len(words) or words[start] not in self.firsts:
            return None
        words = tuple(words[start:start + self.longest])
        for size in range(len(words), 0, -1):
            role = self.roles.get(words[:size])
            if role:
                return role, start + size
        return None

    def ending_at(self, words: Sequence[str], end: int, floor: int) -> tuple[str, int] | None:
        """The role and first token of the longest title whose last token is just before `end` in `words`."""
        if end - 1 < floor or words[end - 1] not in self.lasts:
            return None
        words = tuple(words[max(floor, end - self.longest):end])
        for size in range(len(words), 0, -1):
            role = self.roles.get(words[-size:])
            if role:
                return role, end - size
        return None
