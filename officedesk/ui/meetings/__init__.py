"""会议安排 UI: the tab (list and week view), the meeting form, rooms, 纪要 and documents."""

from officedesk.ui.meetings.tab import MeetingTab

__all__ = ["MeetingTab"]
