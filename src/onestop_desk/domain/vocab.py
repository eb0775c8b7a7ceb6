"""The center's controlled vocabularies as code values.

Codes are ASCII and stable (they are stored and exported); the words a person reads come from
the UI's translation layer or the seed data, never from these identifiers.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    COUNSELOR = "counselor"  # 상담원
    TEAM_LEAD = "team_lead"  # 팀장
    ADMIN = "admin"  # 관리자
    # Internal jobs (seeding, demo data, migrations); never given to an account.
    SYSTEM = "system"


class IntakeChannel(StrEnum):
    VISIT = "visit"  # 방문
    PHONE = "phone"  # 전화
    ONLINE = "online"  # 온라인
    AGENCY = "agency"  # 기관의뢰


class CaseStatus(StrEnum):
    """The center's step model, in order."""

    RECEIVED = "received"  # 접수
    INITIAL_CONSULT = "initial_consult"  # 초기상담
    NEEDS_ASSESSMENT = "needs_assessment"  # 욕구사정
    REFERRAL = "referral"  # 연계
    MONITORING = "monitoring"  # 모니터링
    CLOSED = "closed"  # 종결
    AFTERCARE = "aftercare"  # 사후관리


CASE_STEPS: tuple[CaseStatus, ...] = tuple(CaseStatus)
_OPEN_STEPS = CASE_STEPS[:5]


def allowed_case_transitions(current: CaseStatus) -> frozenset[CaseStatus]:
    """Where a case may go from ``current``.

    Forward along the steps (skipping is allowed: a referred-in case may go straight to
    연계); closing from any open step; 사후관리 only after 종결; a closed case may be reopened
    into 모니터링 when the person comes back.
    """
    if current in _OPEN_STEPS:
        index = CASE_STEPS.index(current)
        return frozenset(CASE_STEPS[index + 1 : 5]) | {CaseStatus.CLOSED}
    if current is CaseStatus.CLOSED:
        return frozenset({CaseStatus.AFTERCARE, CaseStatus.MONITORING})
    return frozenset({CaseStatus.CLOSED, CaseStatus.MONITORING})


class NeedStatus(StrEnum):
    NEEDED = "needed"  # 필요
    IN_PROGRESS = "in_progress"  # 진행
    DONE = "done"  # 완료
    NOT_APPLICABLE = "not_applicable"  # 해당없음


class ReferralStatus(StrEnum):
    DRAFT = "draft"  # 작성
    SENT = "sent"  # 발송
    ACKNOWLEDGED = "acknowledged"  # 접수확인
    IN_SUPPORT = "in_support"  # 지원중
    COMPLETED = "completed"  # 완료
    REJECTED = "rejected"  # 반려
    WITHDRAWN = "withdrawn"  # 철회


OPEN_REFERRAL_STATES = frozenset(
    {
        ReferralStatus.DRAFT,
        ReferralStatus.SENT,
        ReferralStatus.ACKNOWLEDGED,
        ReferralStatus.IN_SUPPORT,
    }
)

# 반려 is the agency's answer, so it needs a letter the agency has received: not from 작성.
REFERRAL_TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.DRAFT: frozenset({ReferralStatus.SENT, ReferralStatus.WITHDRAWN}),
    ReferralStatus.SENT: frozenset(
        {ReferralStatus.ACKNOWLEDGED, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.ACKNOWLEDGED: frozenset(
        {ReferralStatus.IN_SUPPORT, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.IN_SUPPORT: frozenset(
        {ReferralStatus.COMPLETED, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.REJECTED: frozenset(),
    ReferralStatus.WITHDRAWN: frozenset(),
}


class ConsentItem(StrEnum):
    """What a person may agree to share with one agency (PIPA §17, sensitive facts §23)."""

    IDENTITY = "identity"  # 인적사항: name, birth date, gender
    CONTACT = "contact"  # 연락처: phone, address, email
    CASE_FACTS = "case_facts"  # 사건 개요: crime types, date, police case reference
    SENSITIVE = "sensitive"  # 민감정보: health, sexual-violence details, disability


class ConsentMethod(StrEnum):
    WRITTEN = "written"  # 서면
    ORAL = "oral"  # 구두


class Relationship(StrEnum):
    FAMILY = "family"  # 가족
    BEREAVED = "bereaved"  # 유족
    GUARDIAN = "guardian"  # 보호자
    OTHER = "other"  # 기타


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class CallerType(StrEnum):
    VICTIM = "victim"  # 피해자 본인
    FAMILY = "family"  # 가족
    AGENCY = "agency"  # 기관
    OTHER = "other"  # 기타


class TimelineKind(StrEnum):
    STATUS = "status"
    NOTE = "note"
    REFERRAL = "referral"
    CONSENT = "consent"
    NEED = "need"
    INTAKE = "intake"


class AuditAction(StrEnum):
    """접속기록 actions (조회/입력/변경/삭제/출력/다운로드 and the session events)."""

    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PRINT = "print"
    EXPORT = "export"
    DOWNLOAD = "download"
    SEARCH = "search"
    REVEAL = "reveal"  # a masked name shown in full
    LOGIN = "login"
    LOGOUT = "logout"
    LOGIN_FAILED = "login_failed"
    LOCK = "lock"
    UNLOCK = "unlock"
    ACCOUNT = "account"  # grant, change or revocation of an account or role
    PURGE = "purge"
    IMPORT = "import"  # a single-PC store moved into the server, and its copied log rows
