"""Korean words for codes on printed documents (documents are Korean-only; the UI has its
own translated labels)."""

from __future__ import annotations

from onestop_desk.domain.vocab import (
    CaseStatus,
    ConsentItem,
    ConsentMethod,
    Gender,
    NeedStatus,
    ReferralStatus,
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
