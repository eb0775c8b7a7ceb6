from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from helpers.korean_typing import type_text
from helpers.qt import settle
from onestop_desk.db import models
from onestop_desk.domain.vocab import AuditAction, CaseStatus
from onestop_desk.ui.cases.case_list import PAGE_SIZE, CaseTableModel
from onestop_desk.ui.kit.item_roles import CaseIdRole, StatusRole
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.shell.main_window import MainWindow


def _cases(world):
    a = world.new_case(name="홍길동", birth=date(1990, 3, 1), phone="010-1234-5678")
    b = world.new_case(name="김영희", birth=date(1985, 7, 7), phone="010-9876-5432")
    c = world.new_case(name="남궁민수", birth=None, phone="02-555-0101", crimes=("stalking",))
    return a, b, c


def _shown_ids(page):
    model = page.model
    return [model.index(r, 0).data(CaseIdRole) for r in range(model.rowCount())]


def _search(qtbot, page, text):
    qtbot.waitUntil(lambda: not page.searching)
    with qtbot.waitSignal(page.results_shown, timeout=5000):
        type_text(page.search_edit, text, clear=True)
    qtbot.waitUntil(lambda: not page.searching)
    return _shown_ids(page)


def test_model_passes_qtmodeltester(qtbot, qtmodeltester, world):
    _cases(world)
    runner = TaskRunner()
    model = CaseTableModel(world.lead, runner)
    model.set_ids(world.lead.cases.list_ids())
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(lambda: model.loaded_row_count() == 3)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, CaseTableModel.NAME).data() == "남**수"
    assert model.index(0, 0).data(StatusRole) == CaseStatus.RECEIVED
    runner.wait()


def test_model_holds_ids_and_fetches_only_visible_pages(qtbot, world):
    _cases(world)
    real = world.lead.cases.list_ids()
    fetched = []
    original = world.lead.cases.summaries

    class Spy:
        def __getattr__(self, name):
            return getattr(world.lead.cases, name)

        def summaries(self, ids):
            fetched.append(len(ids))
            return original(ids)

    class Services:
        cases = Spy()

    runner = TaskRunner()
    model = CaseTableModel(Services(), runner)
    ids = real * 1000  # 3,000 rows, as if the store were big
    model.set_ids(ids)
    assert model.rowCount() == 3000
    assert fetched == []  # opening loads nothing
    model.index(0, 1).data()
    model.index(5, 1).data()
    model.index(2500, 1).data()
    qtbot.waitUntil(lambda: len(fetched) == 2)
    runner.wait()
    assert fetched == [PAGE_SIZE, PAGE_SIZE]


def test_search_by_two_syllables_initials_phone_and_case_number(qtbot, world, make_window):
    a, b, c = _cases(world)
    window: MainWindow = make_window(world.lead)
    window.show_cases()
    page = window.case_list_page
    settle(qtbot, window)
    assert sorted(_shown_ids(page)) == sorted([a.id, b.id, c.id])
    assert _search(qtbot, page, "영희") == [b.id]
    assert _search(qtbot, page, "ㅎㄱㄷ") == [a.id]
    assert _search(qtbot, page, "5432") == [b.id]
    assert _search(qtbot, page, "02-555") == [c.id]
    assert _search(qtbot, page, c.case_number) == [c.id]
    assert _search(qtbot, page, "궁민") == [c.id]
    assert _search(qtbot, page, "없는사람") == []
    assert page.count_label.text() == "0건"


def test_typing_fast_runs_one_search_after_the_pause(qtbot, world, make_window):
    _cases(world)
    window = make_window(world.lead)
    window.show_cases()
    page = window.case_list_page
    settle(qtbot, window)
    shown = []
    page.results_shown.connect(shown.append)
    type_text(page.search_edit, "김영희")  # three keystrokes inside the debounce
    qtbot.waitUntil(lambda: len(shown) == 1)
    qtbot.wait(250)
    assert shown == [1]


def test_filters(qtbot, world, make_window):
    a, _b, c = _cases(world)
    world.c1.cases.change_status(a.id, CaseStatus.INITIAL_CONSULT)
    window = make_window(world.lead)
    window.show_cases()
    page = window.case_list_page
    settle(qtbot, window)
    with qtbot.waitSignal(page.results_shown):
        page.status_combo.setCurrentIndex(page.status_combo.findData("initial_consult"))
    assert _shown_ids(page) == [a.id]
    with qtbot.waitSignal(page.results_shown):
        page.status_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.results_shown):
        page.bucket_combo.setCurrentIndex(page.bucket_combo.findData("stalking"))
    assert _shown_ids(page) == [c.id]


def test_names_masked_until_revealed_and_reveal_is_logged(qtbot, world, make_window, store):
    a, _b, _c = _cases(world)
    window = make_window(world.lead)
    window.show_cases()
    page = window.case_list_page
    settle(qtbot, window)
    row = _shown_ids(page).index(a.id)
    name_index = page.model.index(row, CaseTableModel.NAME)
    qtbot.waitUntil(lambda: name_index.data() == "홍*동")
    page.case_table.selectRow(row)
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: name_index.data() == "홍길동")
    with store.sessions.begin() as s:
        logged = s.execute(
            select(models.AuditEvent.case_number).where(
                models.AuditEvent.action == AuditAction.REVEAL.value
            )
        ).all()
    assert [row[0] for row in logged] == [a.case_number]


def test_enter_on_a_row_opens_the_case(qtbot, world, make_window):
    a, _b, _c = _cases(world)
    window = make_window(world.lead)
    window.show_cases()
    page = window.case_list_page
    _search(qtbot, page, "홍길동")
    with qtbot.waitSignal(page.case_opened) as opened:
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert opened.args == [a.id]
    qtbot.waitUntil(lambda: window.case_view.case_id == a.id)
