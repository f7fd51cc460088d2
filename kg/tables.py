"""Tables on the terminal: rich's look, drawn in a fraction of its time when they are long.

rich lays out every cell of a table (measures it, wraps it, pads it) through several
renderables, about half a millisecond a row: `kg analyze ego` on the busiest actor of a
10,000-article store prints 16,000 rows, which took 15 s to draw and under a second to
compute. A long table of plain cells is drawn here instead, the same characters rich
writes: rich still decides the column widths (from a small table of the cells that set
them: per column, the longest cell and the one with the longest word) and draws the
header and any cell that must wrap; every other line is put together as text. A table
with a cell rich would change (":name:", which rich reads as an emoji code; tabs,
control or double-width characters) is left to rich whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

__all__ = ["print_table", "FAST_ROWS"]

#: Tables with fewer rows than this are drawn by rich itself: a few milliseconds either way.
FAST_ROWS = 200
_EMOJI_CODE = re.compile(r":\S*?:")  # what rich may read as an emoji code (":smile:"), even without markup
_NARROWEST = 3  # a column narrower than this (padding included) is squeezed in ways left to rich


def print_table(console: Console, columns: Sequence[str], rows: Sequence[Sequence[str]], *,
                fast_rows: int = FAST_ROWS) -> None:
    """Print `rows` under `columns` as rich's default table (heavy head, no lines between rows)."""
    if len(rows) < fast_rows or not all(_plain(cell) for cell in columns) or \
            not all(_plain(cell) for row in rows for cell in row):
        console.print(_table(columns, rows), markup=False)
        return
    options = console.options.update(markup=False, highlight=False)
    lines = list(Segment.split_lines(console.render(_table(columns, _setting_widths(columns, rows)), options)))
    head = next(i for i, line in enumerate(lines) if "".join(s.text for s in line).startswith("┡"))
    top = "".join(segment.text for segment in lines[0])
    widths = [len(part) for part in top[1:-1].split("┳")]
    if min(widths) < _NARROWEST:  # a console too narrow for the columns: rich's own squeezing
        console.print(_table(columns, rows), markup=False)
        return
    body = [text for row in rows for text in _row_lines(console, row, widths)]
    bottom = "└" + "┴".join("─" * width for width in widths) + "┘"
    header = [segment for line in lines[:head + 1] for segment in (*line, Segment.line())]
    console.print(Segments(header + [Segment("\n".join([*body, bottom]) + "\n")]), markup=False, highlight=False,
                  end="")


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(*columns, show_lines=False, highlight=False)
    for row in rows:
        table.add_row(*row)
    return table


def _plain(cell: str) -> bool:
    """Printed by rich as it is: one cell per character, nothing it would replace or expand."""
    line = cell.replace("\n", "")
    return line.isprintable() and cell_len(line) == len(line) and not _EMOJI_CODE.search(cell)


def _setting_widths(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """The rows holding, per column, the longest cell and the longest word: rich measures a
    column by those two alone, so a table of them gets the widths the whole table would."""
    chosen: set[int] = set()
    for c in range(len(columns)):
        chosen.add(max(range(len(rows)), key=lambda r: max(map(len, rows[r][c].splitlines()), default=0)))
        chosen.add(max(range(len(rows)), key=lambda r: max(map(len, rows[r][c].split()), default=0)))
    return [rows[r] for r in sorted(chosen)]


def _row_lines(console: Console, row: Sequence[str], widths: list[int]) -> list[str]:
    """A row's lines: each cell padded by a space either side, wrapped by rich where too long."""
    cells = [_cell_lines(console, cell, width - 2) for cell, width in zip(row, widths)]
    height = max(map(len, cells))
    return ["│ " + " │ ".join(lines[i] if i < len(lines) else " " * (width - 2)
                              for lines, width in zip(cells, widths)) + " │"
            for i in range(height)]


def _cell_lines(console: Console, cell: str, width: int) -> list[str]:
    if len(cell) <= width and "\n" not in cell:
        return [cell + " " * (width - len(cell))]
    return [line.plain for line in Text(cell).wrap(console, width, justify="left", overflow="ellipsis")]
