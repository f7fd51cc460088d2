"""kg.tables draws long tables itself: the same characters rich would write, on a pipe and a terminal."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console

from kg.tables import print_table

_CELLS = ["Putin", "Amerika Serikat", "the United Nations Security Council", "", "ab  cd", "Félix Tshisekedi",
          "Perserikatan Bangsa-Bangsa (PBB)", "1", "12345", " leading", "trailing ", "x" * 40, "two\nlines",
          "said: yes", "10:30", "a :smile: here", "tab\there", "中国", "a-b-c-d-e-f-g-h-i-j-k-l-m"]
_HEADERS = ["subject", "predicate", "object", "n", "a header longer than its cells"]


def _rich(columns: list[str], rows: list[list[str]], width: int, terminal: bool) -> str:
    from rich.table import Table

    table = Table(*columns, show_lines=False, highlight=False)
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    Console(file=buffer, width=width, soft_wrap=True, force_terminal=terminal).print(table, markup=False)
    return buffer.getvalue()


def _ours(columns: list[str], rows: list[list[str]], width: int, terminal: bool) -> str:
    buffer = io.StringIO()
    print_table(Console(file=buffer, width=width, soft_wrap=True, force_terminal=terminal), columns, rows, fast_rows=1)
    return buffer.getvalue()


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("terminal", [False, True])
def test_a_table_is_drawn_as_rich_draws_it(seed: int, terminal: bool) -> None:
    rng = random.Random(seed)
    columns = [rng.choice(_HEADERS) for _ in range(rng.randint(1, 8))]
    rows = [[" ".join(rng.choice(_CELLS) for _ in range(rng.randint(1, 3))) for _ in columns]
            for _ in range(rng.randint(1, 25))]
    width = rng.choice([12, 30, 60, 80, 160])
    assert _ours(columns, rows, width, terminal) == _rich(columns, rows, width, terminal)


def test_a_long_table_of_plain_cells_is_drawn_without_rich_laying_out_its_rows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.tables

    rows = [[f"actor {i}", "attacks" if i % 3 else "meets with", f"a much longer name of actor {i * 7}", str(i)]
            for i in range(1500)]
    columns = ["subject", "predicate", "object", "evidence"]
    laid_out: list[int] = []
    real = kg.tables._table

    def table(columns: list[str], rows: list[list[str]]) -> object:
        laid_out.append(len(rows))
        return real(columns, rows)

    expected = _rich(columns, rows, 80, False)
    monkeypatch.setattr(kg.tables, "_table", table)
    buffer = io.StringIO()
    print_table(Console(file=buffer, width=80, soft_wrap=True), columns, rows)
    assert buffer.getvalue() == expected
    assert max(laid_out) <= 2 * len(columns)  # rich laid out the rows that set the widths, not 1,500
