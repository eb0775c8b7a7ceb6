"""The urgency of one referral: raised by the counselor, never lowered below the risk."""

from __future__ import annotations

from helpers.world import consent
from onestop_desk.domain.vocab import ConsentItem, RiskLevel, Urgency
from onestop_desk.ui.cases.case_dialogs import UrgencyDialog
from onestop_desk.ui.kit.tasks import TaskRunner


def _referral(world, risk: RiskLevel):
    case = world.new_case(name="긴급확인", risk_level=risk)
    world.c1.consents.record(case.id, consent("police", *ConsentItem))
    return world.c1.referrals.create(case.id, "police", ["smartwatch"])


def _dialog(qtbot, world, referral):
    runner = TaskRunner()
    dialog = UrgencyDialog(world.c1, runner, referral)
    qtbot.addWidget(dialog)
    return dialog, runner


def test_counselor_raises_a_referral_to_urgent(qtbot, world):
    referral = _referral(world, RiskLevel.MEDIUM)
    dialog, runner = _dialog(qtbot, world, referral)
    assert dialog.urgency_combo.currentData() == Urgency.NORMAL.value
    dialog.urgency_combo.setCurrentIndex(dialog.urgency_combo.findData(Urgency.URGENT.value))
    with qtbot.waitSignal(dialog.urgency_saved, timeout=10000) as saved:
        dialog.button_box.accepted.emit()
    runner.wait()
    assert saved.args[0].urgency is Urgency.URGENT
    assert world.c1.referrals.list(referral.case_id)[0].urgency is Urgency.URGENT


def test_lowering_a_high_risk_referral_is_refused_in_the_dialog(qtbot, world):
    referral = _referral(world, RiskLevel.HIGH)
    dialog, runner = _dialog(qtbot, world, referral)
    assert dialog.urgency_combo.currentData() == Urgency.URGENT.value
    dialog.urgency_combo.setCurrentIndex(dialog.urgency_combo.findData(Urgency.NORMAL.value))
    dialog.button_box.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden(), timeout=10000)
    runner.wait()
    assert dialog.error_label.text() == "위험도가 높은 사례의 연계는 긴급도를 낮출 수 없습니다."
    assert dialog.button_box.isEnabled()
    assert world.c1.referrals.list(referral.case_id)[0].urgency is Urgency.URGENT
