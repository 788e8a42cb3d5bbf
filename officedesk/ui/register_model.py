"""The table model of a register: a window of pages over an SQL query, never the whole register.

The model asks storage for the row count and for pages of rows around what the view paints, keeps
a bounded LRU cache of pages, and turns every row into display strings once, when its page loads:
`data()` runs for every visible cell on every repaint, so it only indexes tuples.
Sorting and filtering are a new `Query` (SQL ORDER BY / WHERE), never a proxy model.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from officedesk.core.fields import Field, Kind, Register, cell_text
from officedesk.core.traffic import Light, light
from officedesk.storage import query as queries
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.storage.query import Query

# Roles as plain ints: PySide passes `role` as int, and int == int is the cheapest comparison.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
ID_ROLE = int(Qt.ItemDataRole.UserRole)  # the row's id

COL_LIGHT = "light"  # key of the 时限状态 column

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LIGHTS: tuple[Light, ...] = tuple(Light)
_NO_LIGHT = _LIGHTS.index(Light.NONE)

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column of the table: a shown field, a meta column, or the 时限状态 light."""

    key: str  # field name, meta column name or COL_LIGHT
    label: str
    width: int  # in Chinese characters
    field: Field | None = None
    sort_field: str | None = None  # what ORDER BY uses; None: not sortable
    alignment: int | None = None  # None: the view's default (left, centred vertically)

    @property
    def sortable(self) -> bool:
        return self.sort_field is not None


def register_columns(register: Register, extra: Sequence[Field] = ()) -> tuple[Column, ...]:
    """The columns of a register's table: extras, shown fields, the light after the deadline.

    The 时限状态 column sits where exports and prints put it: right after the deadline (at the
    end when the deadline is not shown).
    """
    columns: list[Column] = []
    light_column = None
    if register.due_field:
        light_column = Column(COL_LIGHT, "时限状态", 4, None, register.due_field, _CENTER)
    for f in register.shown_fields:
        align = _RIGHT if f.kind is Kind.INT else None
        columns.append(Column(f.name, f.label, f.width, f, f.name if f.sortable else None, align))
        if light_column is not None and f.name == register.due_field:
            columns.append(light_column)
    if light_column is not None and light_column not in columns:
        columns.append(light_column)
    # Meta columns (作废时间, 作废原因) come first: in the bin they are what the clerk looks for.
    meta = [Column(f.name, f.label, f.width, f, None, None) for f in extra]
    return (*meta, *columns)


# A page row: (id, display strings by column, index of its light in _LIGHTS). The stored values
# are not kept: 40 pages of full rows would cost tens of MB for nothing the view paints.
Row = tuple[int, tuple[str, ...], int]


class RegisterModel(QAbstractTableModel):
    """Rows of a register's `Query`, loaded a page at a time into a bounded cache."""

    def __init__(
        self,
        store: Store,
        query: Query,
        *,
        page_size: int = 200,
        max_pages: int = 40,
        due_soon_days: int = 3,
        extra: Sequence[Field] = (),
        load: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.page_size = page_size
        self.max_pages = max(2, max_pages)
        self.due_soon_days = due_soon_days
        self.columns = register_columns(query.register, extra)
        self._query = query
        self._count = 0
        self._loaded = False
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._last_no = -1
        self._last_page: list[Row] = []
        self._align = [c.alignment for c in self.columns]
        self._light_col = next((i for i, c in enumerate(self.columns) if c.key == COL_LIGHT), -1)
        self._limits = [c.width for c in self.columns]
        self._backgrounds = [
            QBrush(QColor(x.background)) if x.background else None for x in _LIGHTS
        ]
        self._foregrounds = [
            QBrush(QColor(x.foreground)) if x.foreground else None for x in _LIGHTS
        ]
        self._blank: Row = (0, ("",) * len(self.columns), _NO_LIGHT)
        if load:
            self._count = queries.count(store, query)
            self._loaded = True

    # -- the query -----------------------------------------------------------------------

    @property
    def query(self) -> Query:
        return self._query

    @property
    def register(self) -> Register:
        return self._query.register

    @property
    def loaded(self) -> bool:
        """Whether the model has counted its rows (tabs load on first show)."""
        return self._loaded

    def setQuery(self, query: Query) -> None:
        """Show the rows of `query` (new filter, search or sort): count again, drop the cache."""
        count = queries.count(self.store, query)
        self.beginResetModel()
        self._query = query
        self._count = count
        self._loaded = True
        self.clear_cache()
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read after a change: same query, fresh count and pages.

        When the count is unchanged the view keeps its selection and scroll position (a
        dataChanged over everything); otherwise the model resets and the caller re-selects by id.
        """
        count = queries.count(self.store, self._query)
        if count == self._count and self._loaded:
            self.clear_cache()
            if count:
                last = self.index(count - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._count = count
        self._loaded = True
        self.clear_cache()
        self.endResetModel()

    def ensure_loaded(self) -> None:
        """Count the rows now if the model was made with load=False (a tab's first show)."""
        if not self._loaded:
            self.setQuery(self._query)

    def set_due_soon_days(self, days: int) -> None:
        """Use a new 临期 threshold (a settings change); lights are recomputed on reload."""
        if days != self.due_soon_days:
            self.due_soon_days = days
            self.refresh()

    # -- the cache -----------------------------------------------------------------------

    def clear_cache(self) -> None:
        """Forget every loaded page (they are read again when painted)."""
        self._pages.clear()
        self._last_no = -1
        self._last_page = []

    def cached_pages(self) -> int:
        """How many pages the cache holds now."""
        return len(self._pages)

    def prefetch(self, row: int) -> None:
        """Load the page holding `row` now (before a paint, e.g. to time a search)."""
        if 0 <= row < self._count:
            self._row(row)

    def _load(self, number: int) -> list[Row]:
        q = self._query
        stored = queries.page(self.store, q, number * self.page_size, self.page_size)
        page = [self._make_row(r, q.today) for r in stored]
        self._pages[number] = page
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        self._last_no, self._last_page = number, page
        return page

    def _make_row(self, stored: dict[str, Any], today: dt.date) -> Row:
        reg = self._query.register
        lit = _NO_LIGHT
        texts: list[str] = []
        for c in self.columns:
            if c.field is not None:
                texts.append(cell_text(reg, c.field, stored))
            else:
                assert reg.due_field
                done = stored.get(reg.done_field) if reg.done_field else None
                found = light(stored.get(reg.due_field), done, today, self.due_soon_days)
                lit = _LIGHTS.index(found)
                texts.append(found.label)
        return (int(stored["id"]), tuple(texts), lit)

    def _row(self, row: int) -> Row:
        number, at = divmod(row, self.page_size)
        if number == self._last_no:
            page = self._last_page
        else:
            cached = self._pages.get(number)
            if cached is None:
                page = self._load(number)
            else:
                self._pages.move_to_end(number)
                self._last_no, self._last_page = number, cached
                page = cached
        # A page may come back short when rows went away since counting: show a blank row.
        return page[at] if at < len(page) else self._blank

    # -- rows by id ----------------------------------------------------------------------

    def record_id(self, row: int) -> int | None:
        """The id of the row at `row`, or None outside the list."""
        if not 0 <= row < self._count:
            return None
        rid = self._row(row)[0]
        return rid or None

    def record(self, row: int) -> dict[str, Any]:
        """The full record shown at `row` (read from the store; for messages and forms)."""
        rid = self.record_id(row)
        return records.get(self.store, self.register, rid) if rid is not None else {}

    def find_row(self, record_id: int, near: int | None = None) -> int | None:
        """The row showing `record_id`: looked up in the cache, then in pages near `near` and 0."""
        for number, page in self._pages.items():
            for at, r in enumerate(page):
                if r[0] == record_id:
                    return number * self.page_size + at
        candidates = [0]
        if near is not None:
            p = near // self.page_size
            candidates = [p, p - 1, p + 1, 0]
        for number in dict.fromkeys(candidates):
            if number < 0 or number * self.page_size >= self._count or number in self._pages:
                continue
            for at, r in enumerate(self._load(number)):
                if r[0] == record_id:
                    return number * self.page_size + at
        return None

    def column_of(self, key: str) -> int:
        """The column index of a field (or COL_LIGHT); -1 if not shown."""
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        return -1

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        """Cell values; the Display path is a page lookup and a tuple index."""
        if role == DISPLAY:
            row = index.row()
            if row < 0:
                return None
            return self._row(row)[1][index.column()]
        if role in (BACKGROUND, FOREGROUND):
            row = index.row()
            column = index.column()
            # The light column, and the first column's background: on a narrow screen the
            # deadline columns sit off to the right, the first column is always in sight.
            if row < 0 or self._light_col < 0:
                return None
            if column == self._light_col:
                lit = self._row(row)[2]
                return self._backgrounds[lit] if role == BACKGROUND else self._foregrounds[lit]
            if column == 0 and role == BACKGROUND:
                return self._backgrounds[self._row(row)[2]]
            return None
        if role == ALIGNMENT:
            col = index.column()
            return self._align[col] if 0 <= col < len(self._align) else None
        if role == ID_ROLE:
            return self.record_id(index.row()) if index.isValid() else None
        if role == TOOLTIP:
            return self._tooltip(index)
        return None

    def _tooltip(self, index: ModelIndex) -> str | None:
        if not index.isValid():
            return None
        text = self._row(index.row())[1][index.column()]
        col = index.column()
        # Only text that the column is too narrow for: a tooltip that repeats the cell is noise.
        return text if len(text) > self._limits[col] else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            column = self.columns[section]
            if role == DISPLAY:
                return column.label
            if role == TOOLTIP:
                if column.key == COL_LIGHT:
                    return "红：已逾期　黄：临近时限　绿：按期办结　灰：逾期办结"
                return (column.field.help or None) if column.field else None
            return None
        if role == DISPLAY and 0 <= section < self._count:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column in SQL; -1 (no column) goes back to the register's default order."""
        descending = order == Qt.SortOrder.DescendingOrder
        if column < 0 or column >= len(self.columns):
            new = self._query.with_(sort=None, descending=None)
        else:
            sort_field = self.columns[column].sort_field
            if sort_field is None:
                return
            new = self._query.with_(sort=sort_field, descending=descending)
        if new == self._query:
            return
        if not self._loaded:
            self._query = new  # counted on first show, in this order
            return
        self.setQuery(new)

    def sort_section(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the header should show for the current query (-1: default)."""
        q = self._query
        order = Qt.SortOrder.DescendingOrder if q.sort_descending else Qt.SortOrder.AscendingOrder
        if q.sort is None:
            return -1, order
        for i, c in enumerate(self.columns):
            if c.sort_field == q.sort and c.key != COL_LIGHT:
                return i, order
        return self.column_of(COL_LIGHT), order
