"""Areas add record actions to a register tab: toolbar, right-click menu, enabled by selection."""

from __future__ import annotations

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import records
from officedesk.ui.register_tab import RegisterTab


def test_record_action_follows_the_selection(qtbot, store) -> None:
    records.insert(store, INCOMING_DOCUMENT, {"received_at": "2026-03-02 09:00",
                                              "sender": "省林业和草原局", "title": "关于防火的通知"})  # fmt: skip
    tab = RegisterTab(store, INCOMING_DOCUMENT)
    qtbot.addWidget(tab)
    hits: list[int | None] = []
    action = tab.add_record_action("办结", lambda: hits.append(tab.current_id()), "Ctrl+J")
    always = tab.add_record_action("年终清单", lambda: None, needs="none")
    assert action in tab.toolbar.actions() and action in tab.view.actions()
    tab.view.clearSelection()
    tab._update_actions()
    assert not action.isEnabled() and always.isEnabled()
    tab.view.selectRow(0)
    assert action.isEnabled()
    action.trigger()
    assert hits == [records.get(store, INCOMING_DOCUMENT, hits[0])["id"]]
