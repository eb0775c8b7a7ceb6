"""The window's side of the center server's change feed: the status bar says where the data
is and whether the server answers, and the visible list is shown again when another PC
changed it. The feed's callbacks are called from a plain thread, as the real feed does."""

from __future__ import annotations

import threading

from onestop_desk.services.changes import FeedState, Topic
from onestop_desk.ui.shell.main_window import MainWindow
from onestop_desk.ui.shell.server_link import ServerLink


def _from_another_thread(call) -> None:  # type: ignore[no-untyped-def]
    thread = threading.Thread(target=call)
    thread.start()
    thread.join()


def _window(qtbot, world, settings, link):  # type: ignore[no-untyped-def]
    window = MainWindow(world.c1, settings, server_link=link)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.runner.idle)
    return window


def test_the_embedded_store_says_this_pc(qtbot, world, settings):
    window = _window(qtbot, world, settings, None)
    assert "이 PC" in window.store_label.text()


def test_the_status_bar_follows_the_server(qtbot, world, settings):
    link = ServerLink("192.168.10.20:5432/onestop")
    window = _window(qtbot, world, settings, link)
    assert "연결됨" in window.store_label.text()
    _from_another_thread(lambda: link.state_is(FeedState.LOST))
    qtbot.waitUntil(lambda: "응답 없음" in window.store_label.text())
    _from_another_thread(lambda: link.state_is(FeedState.CONNECTED))
    qtbot.waitUntil(lambda: "연결됨" in window.store_label.text())


def test_today_is_shown_again_when_another_pc_registers_a_case(qtbot, world, settings):
    link = ServerLink("server")
    window = _window(qtbot, world, settings, link)
    assert window.page_stack.currentWidget() is window.today_page
    before = window.today_page.new_cases_table.rowCount()
    world.new_case(name="김하나")  # as if registered at the next desk
    for _ in range(3):  # a burst of signals makes one refresh
        _from_another_thread(lambda: link.changed_elsewhere({Topic.CASES}))
    qtbot.waitUntil(lambda: window.today_page.new_cases_table.rowCount() == before + 1)


def test_a_signal_for_another_list_leaves_the_page_alone(qtbot, world, settings):
    link = ServerLink("server")
    window = _window(qtbot, world, settings, link)
    calls: list[int] = []
    window.today_page.refresh = lambda: calls.append(1)  # type: ignore[method-assign]
    _from_another_thread(lambda: link.changed_elsewhere({Topic.INQUIRIES}))
    _from_another_thread(lambda: link.changed_elsewhere({Topic.CASES}))
    qtbot.waitUntil(lambda: calls == [1])
