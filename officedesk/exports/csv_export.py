"""A register as CSV: UTF-8 with a byte-order mark, so that Excel and WPS open it as Chinese."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from officedesk.core.fields import Kind, Register, cell_text
from officedesk.exports.common import (
    PROGRESS_EVERY,
    ExportMeta,
    Progress,
    Ticker,
    atomic_output,
    columns,
    light_of,
    looks_like_formula,
)

_TEXT_KINDS = (Kind.TEXT, Kind.LONGTEXT, Kind.CODE, Kind.CHOICE)


def write_csv(
    path: Path,
    register: Register,
    rows: Iterable[dict[str, Any]],
    meta: ExportMeta,
    progress: Progress | None = None,
) -> int:
    """Write `rows` of `register` to `path` as CSV; returns the number of rows written.

    Values are the text shown on screen (dates 2024-03-05). A text value that starts with
    = + - @ (or a tab or carriage return) is prefixed with a single quote ', the usual guard
    against CSV formula injection: a spreadsheet opening the file shows the text and never runs
    it as a formula. Numbers and dates are written as they are.
    """
    cols = columns(register)
    ticker = Ticker(progress, path)
    count = 0
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([c.label for c in cols])
        for row in rows:
            values = []
            for col in cols:
                f = col.field
                if f is None:
                    values.append(light_of(register, row, meta).label)
                    continue
                text = cell_text(register, f, row)
                if f.kind in _TEXT_KINDS and looks_like_formula(text):
                    text = "'" + text
                values.append(text)
            out.writerow(values)
            count += 1
            if count % PROGRESS_EVERY == 0:
                ticker.check(count)
        ticker.check(count)
    return count
