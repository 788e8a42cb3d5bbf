"""The declarations of every register in DOMAIN.md, one module per area; all of them here."""

from __future__ import annotations

from officedesk.core.fields import Register
from officedesk.core.registers.archive import ARCHIVE_ITEM, ARCHIVE_LOAN
from officedesk.core.registers.common import (
    DOC_TYPES,
    DUE_UNITS,
    HANDLING,
    REVIEW,
    SECRECY,
    URGENCY,
)
from officedesk.core.registers.documents import DOCUMENT_STATUS, INCOMING_DOCUMENT
from officedesk.core.registers.meetings import MEETING
from officedesk.core.registers.reception import PETITION, RECEPTION, VISITOR
from officedesk.core.registers.supervision import SUPERVISION

__all__ = [
    "ARCHIVE_ITEM", "ARCHIVE_LOAN", "BY_KEY", "DOCUMENT_STATUS", "DOC_TYPES", "DUE_UNITS", "HANDLING",
    "INCOMING_DOCUMENT", "MEETING", "PETITION", "RECEPTION", "REGISTERS", "REVIEW", "SECRECY",
    "SUPERVISION", "URGENCY", "VISITOR", "register",
]  # fmt: skip

REGISTERS: tuple[Register, ...] = (
    INCOMING_DOCUMENT,
    SUPERVISION,
    MEETING,
    VISITOR,
    RECEPTION,
    PETITION,
    ARCHIVE_ITEM,
    ARCHIVE_LOAN,
)
BY_KEY: dict[str, Register] = {r.key: r for r in REGISTERS}


def register(key: str) -> Register:
    """The register called `key` on the command line; KeyError with the known names if none."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"未知的登记簿「{key}」，可选：{'、'.join(BY_KEY)}") from None
