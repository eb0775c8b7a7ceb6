from datetime import date

from PySide6.QtCore import Qt

from helpers.intake_steps import go_next, need_item, open_intake, tick_crime, tick_need
from helpers.korean_typing import press, type_text
from onestop_desk.domain.vocab import ConsentItem, Relationship
from onestop_desk.ui.shell.main_window import MainWindow


def test_complete_walk_in_from_empty_form_to_referrals(qtbot, world, window: MainWindow):
    dialog = open_intake(qtbot, window)
    assert dialog.current_step() == 0
    assert dialog.focusWidget() is dialog.name_edit

    # step 1: the person, safe contact, a guardian
    type_text(dialog.name_edit, "김영희")
    type_text(dialog.birth_edit, "1985-07-07")
    type_text(dialog.phone_edit, "010-5555-1234")
    dialog.may_leave_message_check.setChecked(True)
    dialog.confidential_address_check.setChecked(True)
    type_text(dialog.address_edit, "서울특별시 동작구")
    type_text(dialog.related_name_edit, "김보호")
    dialog.related_relationship_combo.setCurrentIndex(
        dialog.related_relationship_combo.findData(Relationship.GUARDIAN.value)
    )
    press(dialog.related_name_edit, Qt.Key.Key_Return)
    assert dialog.related_table.rowCount() == 1
    go_next(qtbot, dialog, 1)

    # step 2: facts and the needs checklist, by keyboard
    tick_crime(qtbot, dialog.crime_list, "injury")
    type_text(dialog.incident_date_edit, "2026-11-01")
    tick_need(qtbot, dialog.needs_tree, "treatment_cost")  # prosecution + victim support
    tick_need(qtbot, dialog.needs_tree, "personal_protection")  # police
    go_next(qtbot, dialog, 2)

    # step 3: consent to the prosecution and the police only
    assert set(dialog._consent_rows) == {"prosecution", "police", "victim_support_center"}
    qtbot.keyClick(
        dialog.findChild(type(dialog.may_call_check), "consent_prosecution_check"), Qt.Key.Key_Space
    )
    dialog.findChild(type(dialog.may_call_check), "consent_police_check").setChecked(True)
    dialog.findChild(type(dialog.may_call_check), "consent_police_sensitive_check").setChecked(True)

    with qtbot.waitSignal(dialog.case_created, timeout=10000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    detail, referrals = created.args
    assert detail.person.name == "김영희"
    assert detail.person.birth_date == date(1985, 7, 7)
    assert detail.person.confidential_address
    assert detail.person.safe_contact.may_leave_message
    assert [(r.person.name, r.relationship) for r in detail.related] == [
        ("김보호", Relationship.GUARDIAN)
    ]
    assert sorted(r.agency_code for r in referrals) == ["police", "prosecution"]
    by_agency = {r.agency_code: r for r in referrals}
    assert by_agency["prosecution"].programme_codes == ("treatment_cost",)
    assert by_agency["police"].programme_codes == ("personal_protection",)

    services = world.c1
    needs = {n.programme_code for n in services.needs.list(detail.id)}
    assert needs == {"treatment_cost", "personal_protection"}
    consents = {c.agency_code: c.items for c in services.consents.list(detail.id)}
    assert consents["police"] == frozenset(ConsentItem)
    assert ConsentItem.SENSITIVE not in consents["prosecution"]
    assert services.drafts.load_intake() is None
    # the new case opens on its referrals
    qtbot.waitUntil(lambda: window.case_view.ui.referrals_panel.ui.referral_table.rowCount() == 2)
    assert window.cases_stack.currentWidget() is window.case_view


def test_duplicate_candidates_appear_while_typing(qtbot, world, window):
    existing = world.new_case(name="홍길동", birth=date(1990, 3, 1), phone="010-1234-5678")
    dialog = open_intake(qtbot, window)
    with qtbot.waitSignal(dialog.duplicates_shown, timeout=5000, check_params_cb=lambda n: n > 0):
        type_text(dialog.phone_edit, "010-1234-5678")
    assert dialog.duplicate_box.isVisible()
    text = dialog.duplicate_list.item(0).text()
    assert existing.case_number in text
    assert "홍*동" in text and "홍길동" not in text
    assert "같은 전화번호" in text
    with qtbot.waitSignal(dialog.existing_case_requested) as requested:
        qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
    assert requested.args == [existing.id]
    qtbot.waitUntil(lambda: window.case_view.case_id == existing.id)


def test_validation_message_next_to_the_field_and_nothing_lost(qtbot, window):
    dialog = open_intake(qtbot, window)
    type_text(dialog.name_edit, "박민수")
    type_text(dialog.phone_edit, "12-34")
    type_text(dialog.email_edit, "메일주소")
    type_text(dialog.birth_edit, "1999-13-40")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.birth_error_label.isVisible()
    assert "2024-07-22" in dialog.birth_error_label.text()
    assert dialog.current_step() == 0

    type_text(dialog.birth_edit, "1999-12-04", clear=True)
    with qtbot.waitSignal(dialog.errors_shown, timeout=5000):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_step() == 0
    assert dialog.phone_error_label.isVisible()
    assert "8~12" in dialog.phone_error_label.text()
    assert dialog.email_error_label.text() == "이메일 주소 형식이 아닙니다."
    assert not dialog.birth_error_label.isVisible()
    assert dialog.focusWidget() is dialog.phone_edit
    # every typed word is still there
    assert dialog.name_edit.text() == "박민수"
    assert dialog.phone_edit.text() == "12-34"
    assert dialog.email_edit.text() == "메일주소"


def test_later_step_error_brings_back_the_step_with_the_field(qtbot, window):
    dialog = open_intake(qtbot, window)
    type_text(dialog.name_edit, "이수진")
    go_next(qtbot, dialog, 1)
    type_text(dialog.incident_date_edit, "2026-11-10")
    type_text(dialog.harm_known_edit, "2026-11-01")
    with qtbot.waitSignal(dialog.errors_shown, timeout=5000):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_step() == 1
    assert dialog.harm_known_error_label.text() == "사건 발생일보다 앞설 수 없습니다."
    assert dialog.harm_known_edit.text() == "2026-11-01"


def test_deadline_and_kin_warnings_on_the_needs_step(qtbot, window):
    dialog = open_intake(qtbot, window)
    type_text(dialog.name_edit, "최하나")
    go_next(qtbot, dialog, 1)
    type_text(dialog.incident_date_edit, "2016-12-20")  # 10 years from the crime: Dec 2026
    type_text(dialog.harm_known_edit, "2023-12-20")  # 3 years from learning of it: Dec 2026
    tick_need(qtbot, dialog.needs_tree, "relief_money_serious_injury")
    assert dialog.warnings_label.isVisible()
    assert "2026-12-20" in dialog.warnings_label.text()
    assert "25일 남았습니다" in dialog.warnings_label.text()
    dialog.offender_kin_check.setChecked(True)
    assert "친족" in dialog.warnings_label.text()
    assert "검찰청" in need_item(dialog.needs_tree, "relief_money_serious_injury").text(1)


def test_consenting_agency_needs_at_least_one_item(qtbot, world, window):
    dialog = open_intake(qtbot, window)
    type_text(dialog.name_edit, "정다은")
    go_next(qtbot, dialog, 1)
    tick_need(qtbot, dialog.needs_tree, "smartwatch")
    go_next(qtbot, dialog, 2)
    check = type(dialog.may_call_check)
    dialog.findChild(check, "consent_police_check").setChecked(True)
    for item in ConsentItem:
        dialog.findChild(check, f"consent_police_{item.value}_check").setChecked(False)
    with qtbot.waitSignal(dialog.errors_shown):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    label = dialog.findChild(type(dialog.result_label), "consent_police_error_label")
    assert label.isVisible()
    assert "하나 이상" in label.text()
    assert world.lead.cases.list_ids() == []


def test_draft_survives_a_crash_and_is_offered_again(qtbot, world, make_window, settings):
    first = make_window(world.c1)
    dialog = open_intake(qtbot, first)
    type_text(dialog.name_edit, "한지민")
    type_text(dialog.phone_edit, "010-7777-8888")
    go_next(qtbot, dialog, 1)  # each step saves the draft
    tick_crime(qtbot, dialog.crime_list, "stalking")

    # the autosave timer writes the tick within a few seconds
    def saved_with_tick():
        draft = world.c1.drafts.load_intake()
        return draft is not None and draft.fields["crimes"] == ["stalking"]

    qtbot.waitUntil(saved_with_tick, timeout=8000)
    # the app dies here: no close, no goodbye
    first.runner.wait()
    dialog._autosave.stop()

    second = MainWindow(world.c1, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.draft_bar.isVisible())
    assert "한*민" in second.draft_bar_label.text()
    with qtbot.waitSignal(second.intake_opened) as opened:
        qtbot.mouseClick(second.resume_draft_button, Qt.MouseButton.LeftButton)
    resumed = opened.args[0]
    qtbot.waitUntil(resumed.isEnabled)
    assert resumed.current_step() == 1
    assert resumed.name_edit.text() == "한지민"
    assert resumed.phone_edit.text() == "010-7777-8888"
    assert resumed.checked_crimes() == ["stalking"]
    second.runner.wait()


def test_closing_the_form_keeps_a_draft_and_discard_forgets_it(qtbot, world, window):
    dialog = open_intake(qtbot, window)
    type_text(dialog.name_edit, "오세훈")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert world.c1.drafts.load_intake().fields["name"] == "오세훈"
    qtbot.waitUntil(lambda: window.draft_bar.isVisible())
    resumed = window.open_intake(draft=world.c1.drafts.load_intake())
    qtbot.waitUntil(resumed.isEnabled)
    assert resumed.name_edit.text() == "오세훈"
    with qtbot.waitSignal(resumed.finished):
        resumed.discard()
    qtbot.waitUntil(lambda: window.runner.idle)
    assert world.c1.drafts.load_intake() is None


def test_refused_statistics_consent_is_saved_with_the_case(qtbot, world, window):
    dialog = open_intake(qtbot, window)
    type_text(dialog.name_edit, "통계거부")
    go_next(qtbot, dialog, 1)
    assert dialog.statistics_consent_check.isChecked()  # the usual answer is preselected
    dialog.statistics_consent_check.setChecked(False)
    go_next(qtbot, dialog, 2)
    with qtbot.waitSignal(dialog.case_created, timeout=10000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    detail, _referrals = created.args
    assert detail.statistics_consent is False
