"""The exported case summary speaks in words: every timeline kind, every status and consent
scope, no stored code left on the page."""

from __future__ import annotations

import re

from helpers.world import NOW, consent
from onestop_desk.domain.records import NeedInput, ReferralReply
from onestop_desk.domain.vocab import CaseStatus, ConsentItem, NeedStatus, ReferralStatus
from services.test_export import PASSWORD, REASON, open_pdf, pdf_text, usb

__all__ = ["usb"]  # fixture used below

CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|->|\b(?:draft|sent|received|visit|identity|contact)\b")


def test_no_stored_code_reaches_the_summary(world, usb):
    case = world.new_case(name="박요약", crimes=("stalking",), reported_to_police=True)
    c1 = world.c1
    needs = c1.needs.set_needs(case.id, [NeedInput("legal", "legal_aid"), NeedInput("safety")])
    c1.needs.update_status(needs[0].id, NeedStatus.IN_PROGRESS)
    c1.consents.record(case.id, consent("legal_aid", *ConsentItem))
    police = c1.consents.record(case.id, consent("police", ConsentItem.IDENTITY))
    c1.cases.change_status(case.id, CaseStatus.INITIAL_CONSULT, note="첫 면담")
    ref = c1.referrals.create(case.id, "legal_aid", ["legal_aid"])
    c1.referrals.transition(ref.id, ReferralStatus.SENT)
    c1.referrals.record_reply(
        ref.id, ReferralReply(NOW.date(), "김담당", "상담 예약"), ReferralStatus.ACKNOWLEDGED
    )
    c1.consents.withdraw(police.id)
    result = c1.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)
    text_ = pdf_text(open_pdf(result.path, PASSWORD))
    assert "접수 → 초기상담: 첫 면담" in text_
    assert "작성 → 발송" in text_ and "발송 → 접수확인" in text_
    assert "경찰 동의 철회" in text_
    assert "욕구 체크리스트 저장 (2개)" in text_
    codes = CODE.findall(text_)
    assert not codes, codes
