"""The 公务接待 form: the reception, its guests, companions, meals and costs, and the 2013 rules
checked as the clerk types, each finding explained in a sentence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.fields import Record
from officedesk.core.reception import MEAL_KINDS, Finding, max_accompanying
from officedesk.core.registers import RECEPTION
from officedesk.core.values import ValueProblem, clean_record, missing_required, parse_date
from officedesk.storage import attachments
from officedesk.storage import reception as rs
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError, ValidationError
from officedesk.ui import messages, widgets
from officedesk.ui.reception.lines_table import LinesTable
from officedesk.ui.record_form import RecordForm

ROWS = (
    ("kind", "host_dept"),
    ("sending_unit",),
    ("letter_ref", "letter_date"),
    ("letter_guests",),
    ("approved_by", "approved_on"),
    ("starts_on", "ends_on"),
    ("venue", "guests"),
    ("activities",),
    ("schedule",),
    ("lodging", "room_type"),
    ("room_rate", "escorts"),
    ("remarks",),
)
GUEST_COLUMNS = (("name", "姓名", 5), ("post", "职务", 7), ("unit", "单位", 8))
COMPANION_COLUMNS = (("name", "姓名", 5), ("post", "职务", 8))
MEAL_COLUMNS = (("day", "日期", 6), ("kind", "类别", 4), ("guests", "客人数", 3),
                ("staff", "陪餐数", 3), ("amount", "金额（元）", 5), ("place", "地点", 6))  # fmt: skip
COST_COLUMNS = (("item", "项目", 6), ("amount", "金额（元）", 5), ("note", "说明", 8))
LEVEL_STYLE = {"error": "color:#C0392B;", "warn": "color:#B7791F;"}


class ReceptionForm(RecordForm):
    """A reception with its lines; refuses what the rules forbid, warns about the rest."""

    EXCLUDED = ("total_cost", "letter_status")  # both follow from the lines and the 公函

    def __init__(self, store: Store, record_id: int | None = None, parent: QWidget | None = None
                 ) -> None:  # fmt: skip
        super().__init__(store, RECEPTION, record_id, parent)
        if record_id is not None:
            got = rs.lines(store, record_id)
            self.guest_table.set_lines(got.guests)
            self.companion_table.set_lines(got.companions)
            self.meal_table.set_lines([{**m, "amount": _yuan(m["amount_fen"])} for m in got.meals])
            self.cost_table.set_lines([{**c, "amount": _yuan(c["amount_fen"])} for c in got.costs])
        for editor in self.editors.values():
            if hasattr(editor, "edited"):
                editor.edited.connect(self.check_rules)
        for table in self.tables:
            table.edited.connect(self.check_rules)
        self._show_letters()
        self.check_rules()
        self.initial = self.values()
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Open as large as the content wants, but never beyond the screen's free area."""
        want = self.sizeHint()
        content = self.scroll.widget().sizeHint()
        height = want.height() - self.scroll.minimumHeight() + content.height()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            height = min(height, screen.height() - 60)
        self.resize(max(want.width(), content.width() + 30), height)

    def build_layout(self, body: QVBoxLayout) -> None:
        self.pending_letters: list[str] = []
        columns = QHBoxLayout()
        left = QGroupBox(self.tr("接待事项"))
        left.setLayout(self.grid(ROWS))
        letter_row = QHBoxLayout()
        self.letter_button = QPushButton(self.tr("添加公函扫描件…"))
        self.letter_button.setToolTip(self.tr("没有公函文号时，可附上公函的扫描件或照片"))
        self.letter_button.clicked.connect(lambda: self.add_letter_files())
        self.letter_label = QLabel()
        self.letter_label.setStyleSheet("color:#555;")
        letter_row.addWidget(self.letter_button)
        letter_row.addWidget(self.letter_label, 1)
        left_box = QVBoxLayout()
        left_box.addWidget(left)
        left_box.addLayout(letter_row)
        columns.addLayout(left_box, 1)
        right = QVBoxLayout()
        self.guest_table = LinesTable(GUEST_COLUMNS, self)
        self.companion_table = LinesTable(COMPANION_COLUMNS, self)
        self.meal_table = LinesTable(MEAL_COLUMNS, self)
        self.cost_table = LinesTable(COST_COLUMNS, self)
        self.tables = (self.guest_table, self.companion_table, self.meal_table, self.cost_table)
        grid = QGridLayout()
        for i, (title, table) in enumerate((
            (self.tr("来访人员"), self.guest_table), (self.tr("陪同人员"), self.companion_table),
            (self.tr("用餐（类别：工作餐、自助餐、食堂就餐、其他）"), self.meal_table),
            (self.tr("费用明细（住宿、交通、场地等）"), self.cost_table),
        )):  # fmt: skip
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 4, 4, 4)
            # Three rows each: the form must fit a 1366 × 768 screen (the tables scroll).
            table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * 3 + 30)
            inner.addWidget(table)
            grid.addWidget(box, i, 0)
        right.addLayout(grid)
        columns.addLayout(right, 1)
        # The form is taller than a 1366 × 768 screen leaves for a dialog: the fields scroll, the
        # rule notes and the 保存/取消 buttons stay in sight.
        content = QWidget()
        content.setLayout(columns)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        self.scroll.setMinimumHeight(360)
        body.addWidget(self.scroll, 1)
        self.rules = QLabel(self)
        self.rules.setWordWrap(True)
        self.rules.setObjectName("rules")
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        body.addWidget(self.rules)

    def add_letter_files(self, files: list[str] | None = None) -> None:
        """Attach scans of the 公函: at once for a saved reception, on saving for a new one."""
        chosen = files if files is not None else widgets.pick_files(self, self.tr("选择公函扫描件"))
        if not chosen:
            return
        if self.record_id is None:
            self.pending_letters += chosen
        else:
            try:
                for path in chosen:
                    attachments.add(self.store, RECEPTION.key, self.record_id, path, note="公函")
            except StorageError as exc:
                messages.warn(self, self.tr("无法添加"), str(exc))
        self._show_letters()
        self.check_rules()

    def _show_letters(self) -> None:
        stored = (
            len(attachments.list_for(self.store, RECEPTION.key, self.record_id))
            if self.record_id is not None
            else 0
        )
        n = stored + len(self.pending_letters)
        self.letter_label.setText(self.tr("已附 {n} 个文件").format(n=n) if n else "")

    def is_wide(self, name: str) -> bool:
        return name in ("sending_unit", "letter_guests", "activities", "schedule", "remarks")

    def extra_focus_chain(self) -> list[QWidget]:
        return list(self.tables)

    # -- values and rules --------------------------------------------------------------------

    def reception_lines(self) -> rs.ReceptionLines:
        """The tables as storage lines; ValidationError names a bad amount or number."""
        meals = []
        for i, m in enumerate(self.meal_table.lines(), 1):
            day = m.get("day")
            try:
                parsed = parse_date(day).isoformat() if day else None
            except ValueError:
                raise ValidationError(f"用餐第 {i} 行「日期」不是有效日期：{day}") from None
            kind = m.get("kind") or "工作餐"
            if kind not in MEAL_KINDS:
                raise ValidationError(f"用餐第 {i} 行「类别」只能是 {'、'.join(MEAL_KINDS)}")
            meals.append({"day": parsed, "kind": kind, "guests": _int(m, "guests", i),
                          "staff": _int(m, "staff", i), "place": m.get("place") or None,
                          "amount_fen": rs.yuan_to_fen(m.get("amount"), f"用餐第 {i} 行金额")})  # fmt: skip
        costs = [{"item": c.get("item") or "其他", "note": c.get("note") or None,
                  "amount_fen": rs.yuan_to_fen(c.get("amount"), f"费用第 {i} 行金额")}
                 for i, c in enumerate(self.cost_table.lines(), 1)]  # fmt: skip
        return rs.ReceptionLines(self.guest_table.lines(), self.companion_table.lines(), meals,
                                 costs)  # fmt: skip

    def values(self) -> Record:
        out = super().values()
        if hasattr(self, "tables"):
            for key, table in zip(("_guests", "_companions", "_meals", "_costs"), self.tables,
                                  strict=True):  # fmt: skip
                out[key] = table.lines()
        return out

    def findings(self) -> list[Finding]:
        """The rules as they stand for what is typed now."""
        record = {**self.original, **clean_record(RECEPTION, self.values())}
        return rs.reception_findings(
            self.store, record, self.reception_lines(), bool(self.pending_letters)
        )

    def check_rules(self) -> None:
        """Re-check the rules and explain each finding under the form."""
        try:
            found = self.findings()
        except (ValueProblem, ValidationError) as exc:
            found = [Finding("error", str(exc))]
        except StorageError:
            return
        try:
            record = {**self.original, **clean_record(RECEPTION, self.values())}
            guests = rs.guests_received(record, self.reception_lines())
        except (ValueProblem, ValidationError):
            guests = len(self.guest_table.lines())
        note = self.tr("陪餐规定：接待对象 10 人以内陪餐不超过 3 人；超过 10 人的不超过三分之一"
                       "（向下取整）。")  # fmt: skip
        if guests:
            note += self.tr("本次 {g} 位客人，最多 {n} 人陪餐。").format(
                g=guests, n=max_accompanying(guests)
            )
        lines = [f'<span style="{LEVEL_STYLE[f.level]}">{"✖" if f.level == "error" else "⚠"} '
                 f"{f.message}</span>" for f in found]  # fmt: skip
        lines.append(f'<span style="color:#555;">{note}</span>')
        self.rules.setText("<br>".join(lines))
        self.found = found

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        try:
            record = clean_record(RECEPTION, super().values())
            lines_ = self.reception_lines()
        except ValueProblem as exc:
            self.problem(str(exc), exc.field.name)
            return False
        except ValidationError as exc:
            self.problem(str(exc), exc.field)
            return False
        missing = missing_required(RECEPTION, {**self.original, **record})
        if missing:
            self.problem("、".join(f"「{f.label}」" for f in missing) + self.tr("必须填写"),
                         missing[0].name)  # fmt: skip
            return False

        def write() -> Record:
            saved = rs.save_reception(
                self.store, record, lines_, self.record_id, bool(self.pending_letters)
            )
            for path in self.pending_letters:
                attachments.add(self.store, RECEPTION.key, int(saved["id"]), path, note="公函")
            return saved

        return self.commit(write)


def _yuan(fen: Any) -> str:
    return f"{int(fen or 0) / 100:.2f}"


def _int(line: dict[str, Any], key: str, i: int) -> int:
    text = str(line.get(key) or "0")
    if not text.isdigit():
        label = dict((k, lab) for k, lab, _ in MEAL_COLUMNS)[key]
        raise ValidationError(f"用餐第 {i} 行「{label}」应为整数：{text}")
    return int(text)
