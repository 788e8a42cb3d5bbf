"""接待: 来访登记, 公务接待 and 信访 tabs (sub-tabs of one 接待 tab)."""

from __future__ import annotations

from officedesk.ui.reception.petition_tab import PetitionTab
from officedesk.ui.reception.reception_tab import ReceptionTab
from officedesk.ui.reception.visitor_tab import VisitorTab

__all__ = ["PetitionTab", "ReceptionTab", "VisitorTab"]
