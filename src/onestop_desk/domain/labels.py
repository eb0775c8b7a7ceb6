"""Korean words for codes on printed documents (documents are Korean-only; the UI has its
own translated labels)."""

from __future__ import annotations

from collections.abc import Mapping

from onestop_desk.domain.timeline import TimelineFacts
from onestop_desk.domain.vocab import (
    CaseStatus,
    ConsentItem,
    ConsentMethod,
    Gender,
    IntakeChannel,
    NeedStatus,
    ReferralStatus,
    TimelineKind,
    Urgency,
)

GENDER = {Gender.FEMALE: "여", Gender.MALE: "남", Gender.OTHER: "기타", Gender.UNKNOWN: "미상"}
CONSENT_ITEM = {
    ConsentItem.IDENTITY: "인적사항(성명·생년월일·성별)",
    ConsentItem.CONTACT: "연락처(전화·주소)",
    ConsentItem.CASE_FACTS: "사건 개요",
    ConsentItem.SENSITIVE: "민감정보(건강·성범죄 피해 사실 등)",
}
CONSENT_METHOD = {ConsentMethod.WRITTEN: "서면", ConsentMethod.ORAL: "구두"}
URGENCY = {Urgency.NORMAL: "보통", Urgency.URGENT: "긴급"}
CASE_STATUS = {
    CaseStatus.RECEIVED: "접수",
    CaseStatus.INITIAL_CONSULT: "초기상담",
    CaseStatus.NEEDS_ASSESSMENT: "욕구사정",
    CaseStatus.REFERRAL: "연계",
    CaseStatus.MONITORING: "모니터링",
    CaseStatus.CLOSED: "종결",
    CaseStatus.AFTERCARE: "사후관리",
}
NEED_STATUS = {
    NeedStatus.NEEDED: "필요",
    NeedStatus.IN_PROGRESS: "진행",
    NeedStatus.DONE: "완료",
    NeedStatus.NOT_APPLICABLE: "해당없음",
}
REFERRAL_STATUS = {
    ReferralStatus.DRAFT: "작성",
    ReferralStatus.SENT: "발송",
    ReferralStatus.ACKNOWLEDGED: "접수확인",
    ReferralStatus.IN_SUPPORT: "지원중",
    ReferralStatus.COMPLETED: "완료",
    ReferralStatus.REJECTED: "반려",
    ReferralStatus.WITHDRAWN: "철회",
}
INTAKE_CHANNEL = {
    IntakeChannel.VISIT: "방문",
    IntakeChannel.PHONE: "전화",
    IntakeChannel.ONLINE: "온라인",
    IntakeChannel.AGENCY: "기관의뢰",
}
TIMELINE_KIND = {
    TimelineKind.STATUS: "상태",
    TimelineKind.NOTE: "메모",
    TimelineKind.REFERRAL: "연계",
    TimelineKind.CONSENT: "동의",
    TimelineKind.NEED: "욕구",
    TimelineKind.INTAKE: "접수",
}


def timeline_text(facts: TimelineFacts, agency_names: Mapping[str, str]) -> str:
    """One timeline event in words for a printed document: codes never reach the page."""
    note = f": {facts.note}" if facts.note else ""
    if facts.kind is TimelineKind.NOTE:
        return facts.note
    if facts.case_statuses:
        return " → ".join(CASE_STATUS[s] for s in facts.case_statuses) + note
    agency = agency_names.get(facts.agency_code, "다른 기관") if facts.agency_code else ""
    if facts.referral_statuses:
        steps = " → ".join(REFERRAL_STATUS[s] for s in facts.referral_statuses)
        words = " ".join(w for w in (facts.document_number, agency, steps) if w)
        return words + ("" if facts.note == "reply" else note)
    if facts.kind is TimelineKind.CONSENT and facts.agency_code:
        if facts.consent_withdrawn:
            return f"{agency} 동의 철회"
        items = ", ".join(
            CONSENT_ITEM[i].split("(")[0] for i in ConsentItem if i in facts.consent_items
        )
        return f"{agency} 동의 기록" + (f" ({items})" if items else "")
    if facts.need_count is not None:
        return f"욕구 체크리스트 저장 ({facts.need_count}개)"
    if facts.channel is not None:
        return f"사례 접수 ({INTAKE_CHANNEL[facts.channel]})"
    return facts.note
