"""The 档案 area's widgets: the tab, 归档 on the 收文 tab, boxes, labels, catalogue, settings."""

from officedesk.ui.archive.actions import install
from officedesk.ui.archive.tab import ArchiveTab

__all__ = ["ArchiveTab", "install"]
