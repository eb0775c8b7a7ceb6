from datetime import date

from PySide6.QtCore import Qt

from helpers.intake_steps import (
    consent_check,
    go_next,
    need_item,
    open_intake,
    start_person,
    tick_crime,
    tick_need,
)
from helpers.korean_typing import press, type_text
from onestop_desk.domain.vocab import ConsentItem, Relationship
from onestop_desk.ui.shell.main_window import MainWindow


def test_complete_walk_in_from_empty_form_to_referrals(qtbot, world, window: MainWindow):
    dialog = open_intake(qtbot, window)
    assert dialog.current_step() == 0
    person, case = dialog.person_page, dialog.case_page
    assert dialog.focusWidget() is person.name_edit

    # step 1: the person, safe contact, a guardian
    type_text(person.name_edit, "김영희")
    type_text(person.birth_edit, "1985-07-07")
    type_text(person.phone_edit, "010-5555-1234")
    person.may_leave_message_check.setChecked(True)
    person.confidential_address_check.setChecked(True)
    type_text(person.address_edit, "서울특별시 동작구")
    related = person.related_box
    type_text(related.related_name_edit, "김보호")
    related.related_relationship_combo.setCurrentIndex(
        related.related_relationship_combo.findData(Relationship.GUARDIAN.value)
    )
    press(related.related_name_edit, Qt.Key.Key_Return)
    assert related.related_table.rowCount() == 1
    assert dialog.current_step() == 0  # Enter there added the person, it did not move on
    go_next(qtbot, dialog, 1)

    # step 2: facts and the needs checklist, by keyboard
    tick_crime(qtbot, case.crime_list, "injury")
    type_text(case.incident_date_edit, "2026-11-01")
    tick_need(qtbot, case.needs_box.needs_tree, "treatment_cost")  # prosecution + victim support
    tick_need(qtbot, case.needs_box.needs_tree, "personal_protection")  # police
    go_next(qtbot, dialog, 2)

    # step 3: consent to the prosecution and the police only
    assert set(dialog.consent_page.rows) == {"prosecution", "police", "victim_support_center"}
    qtbot.keyClick(consent_check(dialog, "consent_prosecution_check"), Qt.Key.Key_Space)
    consent_check(dialog, "consent_police_check").setChecked(True)
    consent_check(dialog, "consent_police_sensitive_check").setChecked(True)

    with qtbot.waitSignal(dialog.case_created, timeout=10000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    detail, referrals = created.args
    assert detail.person.name == "김영희"
    assert detail.person.birth_date == date(1985, 7, 7)
    assert detail.person.confidential_address
    assert detail.person.safe_contact.may_leave_message
    assert not detail.person.safe_contact.may_call  # nothing was ticked for the counselor
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
        type_text(dialog.person_page.phone_edit, "010-1234-5678")
    duplicates = dialog.person_page.duplicate_box
    assert duplicates.isVisible()
    text = duplicates.duplicate_list.item(0).text()
    assert existing.case_number in text
    assert "홍*동" in text and "홍길동" not in text
    assert "같은 전화번호" in text
    with qtbot.waitSignal(dialog.existing_case_requested) as requested:
        qtbot.mouseClick(duplicates.open_existing_button, Qt.MouseButton.LeftButton)
    assert requested.args == [existing.id]
    qtbot.waitUntil(lambda: window.case_view.case_id == existing.id)


def test_validation_message_next_to_the_field_and_nothing_lost(qtbot, window):
    dialog = open_intake(qtbot, window)
    person = dialog.person_page
    start_person(dialog, "박민수")
    type_text(person.phone_edit, "12-34")
    type_text(person.email_edit, "메일주소")
    type_text(person.birth_edit, "1999-13-40")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert person.birth_error_label.isVisible()
    assert "2024-07-22" in person.birth_error_label.text()
    assert dialog.current_step() == 0

    type_text(person.birth_edit, "1999-12-04", clear=True)
    with qtbot.waitSignal(dialog.errors_shown, timeout=5000):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_step() == 0
    assert person.phone_error_label.isVisible()
    assert "8~12" in person.phone_error_label.text()
    assert person.email_error_label.text() == "이메일 주소 형식이 아닙니다."
    assert not person.birth_error_label.isVisible()
    assert dialog.focusWidget() is person.phone_edit
    # every typed word is still there
    assert person.name_edit.text() == "박민수"
    assert person.phone_edit.text() == "12-34"
    assert person.email_edit.text() == "메일주소"


def test_later_step_error_brings_back_the_step_with_the_field(qtbot, window):
    dialog = open_intake(qtbot, window)
    start_person(dialog, "이수진")
    go_next(qtbot, dialog, 1)
    case = dialog.case_page
    type_text(case.incident_date_edit, "2026-11-10")
    type_text(case.harm_known_edit, "2026-11-01")
    with qtbot.waitSignal(dialog.errors_shown, timeout=5000):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_step() == 1
    assert case.harm_known_error_label.text() == "사건 발생일보다 앞설 수 없습니다."
    assert case.harm_known_edit.text() == "2026-11-01"


def test_deadline_and_kin_warnings_on_the_needs_step_come_from_the_service(qtbot, window):
    dialog = open_intake(qtbot, window)
    start_person(dialog, "최하나")
    go_next(qtbot, dialog, 1)
    case, needs = dialog.case_page, dialog.case_page.needs_box
    type_text(case.incident_date_edit, "2016-12-20")  # 10 years from the crime: Dec 2026
    type_text(case.harm_known_edit, "2023-12-20")  # 3 years from learning of it: Dec 2026
    with qtbot.waitSignal(case.warnings_shown, check_params_cb=bool) as shown:
        tick_need(qtbot, needs.needs_tree, "relief_money_serious_injury")
    [deadline] = shown.args[0].deadlines
    assert deadline.days_left == 25
    assert needs.warnings_label.isVisible()
    assert "2026-12-20" in needs.warnings_label.text()
    assert "25일 남았습니다" in needs.warnings_label.text()
    assert "친족" not in needs.warnings_label.text()
    with qtbot.waitSignal(case.warnings_shown) as shown:
        case.offender_kin_check.setChecked(True)
    assert [k.programme_code for k in shown.args[0].kin_exclusions] == [
        "relief_money_serious_injury"
    ]
    assert "친족" in needs.warnings_label.text()
    assert "중상해" in needs.warnings_label.text()  # the programme is named
    assert "검찰청" in need_item(needs.needs_tree, "relief_money_serious_injury").text(1)
    # unticking it takes the warnings away again
    with qtbot.waitSignal(case.warnings_shown, check_params_cb=lambda w: not w):
        need_item(needs.needs_tree, "relief_money_serious_injury").setCheckState(
            0, Qt.CheckState.Unchecked
        )
    assert not needs.warnings_label.isVisible()


def test_consenting_agency_needs_at_least_one_item(qtbot, world, window):
    dialog = open_intake(qtbot, window)
    start_person(dialog, "정다은")
    go_next(qtbot, dialog, 1)
    tick_need(qtbot, dialog.case_page.needs_box.needs_tree, "smartwatch")
    go_next(qtbot, dialog, 2)
    consent_check(dialog, "consent_police_check").setChecked(True)
    for item in ConsentItem:
        consent_check(dialog, f"consent_police_{item.value}_check").setChecked(False)
    with qtbot.waitSignal(dialog.errors_shown):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    label = dialog.findChild(type(dialog.consent_page.result_label), "consent_police_error_label")
    assert label.isVisible()
    assert "하나 이상" in label.text()
    assert world.lead.cases.list_ids() == []


def test_draft_survives_a_crash_and_is_offered_again(qtbot, world, make_window, settings):
    first = make_window(world.c1)
    dialog = open_intake(qtbot, first)
    start_person(dialog, "한지민")
    type_text(dialog.person_page.phone_edit, "010-7777-8888")
    go_next(qtbot, dialog, 1)  # each step saves the draft
    tick_crime(qtbot, dialog.case_page.crime_list, "stalking")

    # the autosave timer writes the tick within a few seconds
    def saved_with_tick():
        draft = world.c1.drafts.load_intake()
        return draft is not None and draft.fields["crimes"] == ["stalking"]

    qtbot.waitUntil(saved_with_tick, timeout=8000)
    # the app dies here: no close, no goodbye
    first.runner.wait()
    dialog.drafts.timer.stop()

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
    assert resumed.person_page.name_edit.text() == "한지민"
    assert resumed.person_page.phone_edit.text() == "010-7777-8888"
    assert resumed.person_page.contact_asked_check.isChecked()
    assert resumed.case_page.checked_crimes() == ["stalking"]
    second.runner.wait()


def test_closing_the_form_keeps_a_draft_and_discard_forgets_it(qtbot, world, window):
    dialog = open_intake(qtbot, window)
    type_text(dialog.person_page.name_edit, "오세훈")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert world.c1.drafts.load_intake().fields["name"] == "오세훈"
    qtbot.waitUntil(lambda: window.draft_bar.isVisible())
    resumed = window.open_intake(draft=world.c1.drafts.load_intake())
    qtbot.waitUntil(resumed.isEnabled)
    assert resumed.person_page.name_edit.text() == "오세훈"
    with qtbot.waitSignal(resumed.finished):
        resumed.discard()
    qtbot.waitUntil(lambda: window.runner.idle)
    assert world.c1.drafts.load_intake() is None


def test_refused_statistics_consent_is_saved_with_the_case(qtbot, world, window):
    dialog = open_intake(qtbot, window)
    start_person(dialog, "통계거부")
    go_next(qtbot, dialog, 1)
    statistics = dialog.case_page.statistics_consent_check
    assert statistics.isChecked()  # the usual answer is preselected
    statistics.setChecked(False)
    go_next(qtbot, dialog, 2)
    with qtbot.waitSignal(dialog.case_created, timeout=10000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    detail, _referrals = created.args
    assert detail.statistics_consent is False
