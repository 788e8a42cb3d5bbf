"""主席台座次: 居中、以左为上, both even variants, both viewpoints, several rows."""

from __future__ import annotations

import pytest

from officedesk.core.seating import AUDIENCE, STAGE, arrange, row_order, seat_chart

# Seen from the audience, N = 1…12: odd counts are the same in both variants.
EXPECTED_A = {
    1: [1], 2: [1, 2], 3: [3, 1, 2], 4: [3, 1, 2, 4], 5: [5, 3, 1, 2, 4],
    6: [5, 3, 1, 2, 4, 6], 7: [7, 5, 3, 1, 2, 4, 6], 8: [7, 5, 3, 1, 2, 4, 6, 8],
    9: [9, 7, 5, 3, 1, 2, 4, 6, 8], 10: [9, 7, 5, 3, 1, 2, 4, 6, 8, 10],
    11: [11, 9, 7, 5, 3, 1, 2, 4, 6, 8, 10], 12: [11, 9, 7, 5, 3, 1, 2, 4, 6, 8, 10, 12],
}  # fmt: skip
EXPECTED_B = {
    2: [2, 1], 4: [4, 2, 1, 3], 6: [6, 4, 2, 1, 3, 5], 8: [8, 6, 4, 2, 1, 3, 5, 7],
    10: [10, 8, 6, 4, 2, 1, 3, 5, 7, 9], 12: [12, 10, 8, 6, 4, 2, 1, 3, 5, 7, 9, 11],
}  # fmt: skip


@pytest.mark.parametrize("n", range(1, 13))
@pytest.mark.parametrize("variant", ["A", "B"])
def test_one_row_from_both_viewpoints(n: int, variant: str) -> None:
    expected = EXPECTED_B[n] if variant == "B" and n % 2 == 0 else EXPECTED_A[n]
    assert row_order(n, variant, AUDIENCE) == expected
    assert row_order(n, variant, STAGE) == expected[::-1]
    assert sorted(expected) == list(range(1, n + 1))


def test_the_examples_of_the_issue() -> None:
    assert row_order(7) == [7, 5, 3, 1, 2, 4, 6]
    assert row_order(8, "A") == [7, 5, 3, 1, 2, 4, 6, 8]
    assert row_order(8, "B") == [8, 6, 4, 2, 1, 3, 5, 7]
    # Rank 2 sits on rank 1's left: from the stage, that is to the left of 1 on the chart.
    stage = row_order(7, "A", STAGE)
    assert stage.index(2) == stage.index(1) - 1


def test_several_rows_front_row_first() -> None:
    assert seat_chart(11, [7, 4], "A") == [[7, 5, 3, 1, 2, 4, 6], [10, 8, 9, 11]]
    assert seat_chart(11, [7, 4], "B") == [[7, 5, 3, 1, 2, 4, 6], [11, 9, 8, 10]]
    assert seat_chart(10, 4, "A", STAGE) == [[4, 2, 1, 3], [8, 6, 5, 7], [10, 9]]
    names = ["书记", "局长", "副局长甲", "副局长乙"]
    assert arrange(names, 4, "A") == [["副局长甲", "书记", "局长", "副局长乙"]]
    assert arrange(names, 4, "B") == [["副局长乙", "局长", "书记", "副局长甲"]]


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="A 或 B"):
        row_order(4, "C")
    with pytest.raises(ValueError, match="大于 0"):
        seat_chart(4, 0)
