"""The 收文 entry form, laid out like the paper 登记簿/处理单 and filled by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.fields import Record
from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.core.security import CLASSIFIED_WARNING, is_classified
from officedesk.core.workflow import URGENT
from officedesk.storage import directory
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError
from officedesk.ui import messages
from officedesk.ui.attachment_list import AttachmentList
from officedesk.ui.record_form import RecordForm

REGISTRATION_ROWS = (
    ("serial", "received_at"),
    ("receiver", "handling"),
    ("sender",),
    ("sender_ref", "doc_type"),
    ("title",),
    ("issued_on", "urgency"),
    ("secrecy", "secrecy_term"),
    ("copy_no", "copies"),
    ("pages", "enclosures"),
)
REVIEW_ROWS = (
    ("review_result", "return_reason"),
    ("proposal",),
    ("proposer", "proposed_on"),
    ("instruction",),
    ("instructed_by", "instructed_on"),
)
HANDLING_ROWS = (
    ("lead_dept", "assist_depts"),
    ("handler",),
    ("due_date",),
    ("remarks",),
)
# Set only by the workflow steps (Ctrl+7 办结, Ctrl+8 答复; undone in Ctrl+H), which check
# their rules: a plain editor here would let 已办结 be saved with no 办理结果.
WORKFLOW_FIELDS = ("status", "result", "done_on", "reply_ref", "replied_on")
REVIEW_FIELDS = tuple(n for row in REVIEW_ROWS for n in row)
WIDE_FIELDS = ("sender",)  # 来文机关 names run long: 国家林业和草原局办公厅
FIELD_EMS = 15  # width of the narrow editors, in Chinese characters
SERIAL_HINT_SAMPLE = "收〔2026〕100号（保存时自动编号）"


class DocumentForm(RecordForm):
    """Register a received document (or change one); `saved_id` holds its id after saving."""

    EXCLUDED = ("archive_no",  # set when the document is filed, by the archive dialog
                "stage", "holder",  # kept by the workflow steps (ui/workflow)
                *WORKFLOW_FIELDS)  # a new 收文 starts 已登记 (the declared default)  # fmt: skip

    def __init__(
        self, store: Store, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, INCOMING_DOCUMENT, record_id, parent)
        self.editors["secrecy"].edited.connect(self._secrecy_changed)  # type: ignore[attr-defined]
        self._secrecy_changed()
        self.initial = self.values()
        self.resize(self.sizeHint())

    # -- layout ---------------------------------------------------------------------------

    def build_layout(self, body: QVBoxLayout) -> None:
        columns = QHBoxLayout()
        body.addLayout(columns)

        left = QVBoxLayout()
        registration = QGroupBox(self.tr("收文登记"))
        box = QVBoxLayout(registration)
        box.addLayout(self.grid(REGISTRATION_ROWS))
        self.classified_banner = QLabel(CLASSIFIED_WARNING)
        self.classified_banner.setWordWrap(True)
        self.classified_banner.setStyleSheet(
            "background:#fff3cd; color:#7a4b00; border:1px solid #e0b252; padding:6px;"
        )
        self.classified_banner.hide()
        box.addWidget(self.classified_banner)
        left.addWidget(registration)
        left.addWidget(self._attachment_box())
        left.addStretch(1)
        columns.addLayout(left, 1)

        right = QVBoxLayout()
        self.review_toggle = QToolButton()
        self.review_toggle.setText(self.tr("批示与拟办"))
        self.review_toggle.setCheckable(True)
        self.review_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.review_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.review_toggle.setAutoRaise(True)
        self.review_toggle.setToolTip(self.tr("展开或收起初审、拟办意见和领导批示（空格键）"))
        self.review_box = QGroupBox()
        self.review_box.setLayout(self.grid(REVIEW_ROWS))
        self.review_box.hide()
        self.review_toggle.toggled.connect(self._fold_review)
        right.addWidget(self.review_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.review_box)

        handling = QGroupBox(self.tr("承办与办理"))
        handling.setLayout(self.grid(HANDLING_ROWS))
        right.addWidget(handling)
        right.addStretch(1)
        columns.addLayout(right, 1)

        # Narrow editors share one width so both columns line up; wide enough for the serial hint.
        metrics = self.fontMetrics()
        width = max(
            metrics.horizontalAdvance("国") * FIELD_EMS,
            metrics.horizontalAdvance(SERIAL_HINT_SAMPLE) + 16,
        )
        for name, editor in self.editors.items():
            if not self.is_wide(name):
                editor.setFixedWidth(width)

    def is_wide(self, name: str) -> bool:
        return name in WIDE_FIELDS or super().is_wide(name)

    def _attachment_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("附件与扫描件"))
        row = QHBoxLayout(group)
        self.attachments = AttachmentList(
            self.store, self.register.key, self.record_id, self.tr("选择附件或扫描件"), group,
            sizes=True,
        )  # fmt: skip
        self.attachment_list = self.attachments.files
        self.attachment_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 8)
        self.attachment_list.setAccessibleName(self.tr("附件与扫描件"))
        self.add_file_button, self.open_file_button, self.remove_file_button = (
            self.attachments.buttons()
        )
        self.add_file_button.setToolTip(
            self.tr("把扫描件或电子文件复制到数据文件夹，随本条收文保存")
        )
        row.addWidget(self.attachments)
        return group

    def focus_chain(self) -> list[QWidget]:
        registration = [n for row in REGISTRATION_ROWS for n in row]
        handling = [n for row in HANDLING_ROWS for n in row]
        return [
            *self.chain_of(registration),
            self.attachment_list,
            self.add_file_button,
            self.open_file_button,
            self.remove_file_button,
            self.review_toggle,
            *self.chain_of(REVIEW_FIELDS),
            *self.chain_of(handling),
            self.save_button,
            self.cancel_button,
        ]

    def _fold_review(self, unfolded: bool) -> None:
        self.review_box.setVisible(unfolded)
        self.review_toggle.setArrowType(
            Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow
        )

    def reveal(self, widget: QWidget) -> None:
        if self.review_box.isAncestorOf(widget):
            self.review_toggle.setChecked(True)

    def load(self, record: Record) -> None:
        super().load(record)
        if any(record.get(n) for n in REVIEW_FIELDS):
            self.review_toggle.setChecked(True)

    # -- reactions ------------------------------------------------------------------------

    def _secrecy_changed(self) -> None:
        classified = is_classified(self.editors["secrecy"].value())  # type: ignore[attr-defined]
        self.classified_banner.setVisible(classified)
        for name in ("secrecy_term", "copy_no"):
            editor = self.editors[name]
            editor.setEnabled(classified or bool(editor.value()))  # type: ignore[attr-defined]

    # -- rules ----------------------------------------------------------------------------

    def check(self, record: Record) -> bool:
        """A 加急/特急 办件 once 承办 is recorded (主办部门 set) keeps its 办理时限."""
        full = {**self.original, **record}
        urgency = str(full.get("urgency") or "")
        if (
            full.get("handling") == "办件"
            and urgency in URGENT
            and full.get("lead_dept")
            and not full.get("due_date")
        ):
            self.problem(
                self.tr("{urgency}办件已确定主办部门（已承办），必须规定「办理时限」。").format(
                    urgency=urgency
                ),
                "due_date",
            )
            return False
        return True

    # -- attachments ----------------------------------------------------------------------

    def show_attachments(self) -> None:
        """Put the cursor on the attachment list (the register's 附件 button opens the form so)."""
        self.attachment_list.setFocus()
        if self.attachment_list.count() and self.attachment_list.currentRow() < 0:
            self.attachment_list.setCurrentRow(0)

    # -- saving ---------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return super().is_dirty() or self.attachments.is_dirty()

    def after_save(self, saved: Record) -> None:
        problems: list[str] = []
        try:
            if self.record_id is None or saved.get("sender") != self.original.get("sender"):
                directory.note_unit_used(self.store, saved.get("sender"))
        except StorageError as exc:
            problems.append(str(exc))
        problems += self.attachments.save(int(saved["id"]))
        if problems:
            described = self.register.describe_record(saved)
            messages.warn(
                self,
                self.tr("附件未保存"),
                self.tr("{record}已保存，但以下操作没有完成：").format(record=described)
                + "\n"
                + "\n".join(problems),
            )
