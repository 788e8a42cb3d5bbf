"""主席台座次: the head table in rank order by the 居中、以左为上 rule (DOMAIN.md §3).

Ranks are 1 (highest) to N. Seen from the audience (台下视角) an odd row is … 5 3 1 2 4 …:
rank 1 in the centre, 2 on 1's left (the audience's right), 3 on 1's right, alternating outwards.
An even row has two customs, a unit setting: A puts 1 left of centre as the audience sees it
(7 5 3 1 2 4 6 8), B puts 2 there (8 6 4 2 1 3 5 7). From the stage (台上视角) every row is the
mirror image. Front rows outrank back rows.
"""

from __future__ import annotations

from collections.abc import Sequence

VARIANTS = ("A", "B")
AUDIENCE, STAGE = "台下视角", "台上视角"
VIEWPOINTS = (AUDIENCE, STAGE)


def row_order(n: int, variant: str = "A", viewpoint: str = AUDIENCE) -> list[int]:
    """The ranks 1…n of one row, left to right as seen from `viewpoint`."""
    if n < 0:
        raise ValueError("人数不能为负数")
    if variant not in VARIANTS:
        raise ValueError(f"座次方案应为 A 或 B，不是「{variant}」")
    if viewpoint not in VIEWPOINTS:
        raise ValueError(f"视角应为{'或'.join(VIEWPOINTS)}")
    odds = list(range(1, n + 1, 2))
    evens = list(range(2, n + 1, 2))
    # Odd, and even variant A: … 5 3 1 2 4 …; even variant B: … 4 2 1 3 5 …
    seats = odds[::-1] + evens if n % 2 == 1 or variant == "A" else evens[::-1] + odds
    return seats if viewpoint == AUDIENCE else seats[::-1]


def split_rows(n: int, per_row: Sequence[int] | int) -> list[int]:
    """How many sit in each row, front first: `per_row` is the seats of each row (the last
    repeated) or one number for every row."""
    sizes = [per_row] if isinstance(per_row, int) else list(per_row)
    if not sizes or any(s <= 0 for s in sizes):
        raise ValueError("每排座位数必须大于 0")
    out: list[int] = []
    left, i = n, 0
    while left > 0:
        size = sizes[min(i, len(sizes) - 1)]
        out.append(min(size, left))
        left -= out[-1]
        i += 1
    return out


MOST_PER_ROW = 13  # a head table longer than this is set in two or more even rows


def default_rows(n: int) -> list[int]:
    """Seats per row for n people: one row up to 13, else even rows of at most 13."""
    if n <= MOST_PER_ROW:
        return [max(n, 1)]
    rows = -(-n // MOST_PER_ROW)
    return [-(-n // rows)]


def seat_chart(
    n: int, per_row: Sequence[int] | int, variant: str = "A", viewpoint: str = AUDIENCE
) -> list[list[int]]:
    """The overall ranks of every seat, row by row (front row first), left to right as seen from
    `viewpoint`. Row k holds the ranks after the rows in front of it, ordered by the same rule."""
    chart: list[list[int]] = []
    offset = 0
    for size in split_rows(n, per_row):
        chart.append([offset + r for r in row_order(size, variant, viewpoint)])
        offset += size
    return chart


def arrange(
    names: Sequence[str],
    per_row: Sequence[int] | int,
    variant: str = "A",
    viewpoint: str = AUDIENCE,
) -> list[list[str]]:
    """The names (given in rank order) placed in their seats, row by row, front row first."""
    return [[names[r - 1] for r in row] for row in seat_chart(len(names), per_row, variant,
                                                               viewpoint)]  # fmt: skip
