"""Every code the services use, turned into words for a person.

Codes (vocabulary values, error codes, field paths) are stable ASCII identifiers; nobody at the
desk should ever read one. Vocabulary labels and field names are Qt-translated here (source
Korean, English from ``onestop_en.qm``); the words for error codes come from the table the CLI
shares, ``domain/messages.py``, in the language the UI runs in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from onestop_desk.domain.clock import KST
from onestop_desk.domain.errors import ConsentRequiredError, FieldError, ValidationError
from onestop_desk.domain.messages import FIELD_MESSAGES, MESSAGES, Language, text
from onestop_desk.domain.messages import error_text as shared_error_text
from onestop_desk.domain.security import ChainReport
from onestop_desk.domain.vocab import (
    CallerType,
    CaseStatus,
    ConsentItem,
    ConsentMethod,
    Gender,
    IntakeChannel,
    NeedStatus,
    ReferralStatus,
    Relationship,
    RiskLevel,
    Role,
    TimelineKind,
    Urgency,
)

translate = QCoreApplication.translate


def english() -> bool:
    return QLocale().language() == QLocale.Language.English


def localized_name(record: object) -> str:
    """Directory rows carry a Korean and an English name; show the one for the UI language."""
    name = str(getattr(record, "name", ""))
    name_en = str(getattr(record, "name_en", "") or "")
    return name_en if english() and name_en else name


# --- vocabularies ---------------------------------------------------------------------------


def case_status_label(status: CaseStatus) -> str:
    return {
        CaseStatus.RECEIVED: translate("Vocab", "접수"),
        CaseStatus.INITIAL_CONSULT: translate("Vocab", "초기상담"),
        CaseStatus.NEEDS_ASSESSMENT: translate("Vocab", "욕구사정"),
        CaseStatus.REFERRAL: translate("Vocab", "연계"),
        CaseStatus.MONITORING: translate("Vocab", "모니터링"),
        CaseStatus.CLOSED: translate("Vocab", "종결"),
        CaseStatus.AFTERCARE: translate("Vocab", "사후관리"),
    }[status]


def intake_channel_label(channel: IntakeChannel) -> str:
    return {
        IntakeChannel.VISIT: translate("Vocab", "방문"),
        IntakeChannel.PHONE: translate("Vocab", "전화"),
        IntakeChannel.ONLINE: translate("Vocab", "온라인"),
        IntakeChannel.AGENCY: translate("Vocab", "기관 의뢰"),
    }[channel]


def need_status_label(status: NeedStatus) -> str:
    return {
        NeedStatus.NEEDED: translate("Vocab", "필요"),
        NeedStatus.IN_PROGRESS: translate("Vocab", "진행 중"),
        NeedStatus.DONE: translate("Vocab", "완료"),
        NeedStatus.NOT_APPLICABLE: translate("Vocab", "해당 없음"),
    }[status]


def referral_status_label(status: ReferralStatus) -> str:
    return {
        ReferralStatus.DRAFT: translate("Vocab", "작성"),
        ReferralStatus.SENT: translate("Vocab", "발송"),
        ReferralStatus.ACKNOWLEDGED: translate("Vocab", "접수 확인"),
        ReferralStatus.IN_SUPPORT: translate("Vocab", "지원 중"),
        ReferralStatus.COMPLETED: translate("Vocab", "지원 완료"),
        ReferralStatus.REJECTED: translate("Vocab", "반려"),
        ReferralStatus.WITHDRAWN: translate("Vocab", "철회"),
    }[status]


def consent_item_label(item: ConsentItem) -> str:
    return {
        ConsentItem.IDENTITY: translate("Vocab", "인적사항"),
        ConsentItem.CONTACT: translate("Vocab", "연락처"),
        ConsentItem.CASE_FACTS: translate("Vocab", "사건 개요"),
        ConsentItem.SENSITIVE: translate("Vocab", "민감정보"),
    }[item]


def consent_items_text(items: Iterable[ConsentItem]) -> str:
    chosen = set(items)
    return ", ".join(consent_item_label(i) for i in ConsentItem if i in chosen)


def consent_method_label(method: ConsentMethod) -> str:
    return {
        ConsentMethod.WRITTEN: translate("Vocab", "서면"),
        ConsentMethod.ORAL: translate("Vocab", "구두"),
    }[method]


def relationship_label(rel: Relationship) -> str:
    return {
        Relationship.FAMILY: translate("Vocab", "가족"),
        Relationship.BEREAVED: translate("Vocab", "유족"),
        Relationship.GUARDIAN: translate("Vocab", "보호자"),
        Relationship.OTHER: translate("Vocab", "기타"),
    }[rel]


def risk_label(level: RiskLevel) -> str:
    return {
        RiskLevel.LOW: translate("Vocab", "낮음"),
        RiskLevel.MEDIUM: translate("Vocab", "보통"),
        RiskLevel.HIGH: translate("Vocab", "높음"),
    }[level]


def gender_label(gender: Gender) -> str:
    return {
        Gender.FEMALE: translate("Vocab", "여성"),
        Gender.MALE: translate("Vocab", "남성"),
        Gender.OTHER: translate("Vocab", "기타"),
        Gender.UNKNOWN: translate("Vocab", "미상"),
    }[gender]


def urgency_label(urgency: Urgency) -> str:
    return {Urgency.NORMAL: translate("Vocab", "보통"), Urgency.URGENT: translate("Vocab", "긴급")}[
        urgency
    ]


def caller_type_label(caller: CallerType) -> str:
    return {
        CallerType.VICTIM: translate("Vocab", "피해자 본인"),
        CallerType.FAMILY: translate("Vocab", "가족"),
        CallerType.AGENCY: translate("Vocab", "기관"),
        CallerType.OTHER: translate("Vocab", "기타"),
    }[caller]


def role_label(role: Role) -> str:
    return {
        Role.COUNSELOR: translate("Vocab", "상담원"),
        Role.TEAM_LEAD: translate("Vocab", "팀장"),
        Role.ADMIN: translate("Vocab", "관리자"),
        Role.SYSTEM: translate("Vocab", "시스템"),
    }[role]


def timeline_kind_label(kind: TimelineKind) -> str:
    return {
        TimelineKind.STATUS: translate("Vocab", "단계 변경"),
        TimelineKind.NOTE: translate("Vocab", "메모"),
        TimelineKind.REFERRAL: translate("Vocab", "연계"),
        TimelineKind.CONSENT: translate("Vocab", "동의"),
        TimelineKind.NEED: translate("Vocab", "욕구"),
        TimelineKind.INTAKE: translate("Vocab", "접수"),
    }[kind]


def bucket_label(code: str) -> str:
    return {
        "sexual": translate("Vocab", "성폭력"),
        "violent": translate("Vocab", "살인 등 강력"),
        "stalking": translate("Vocab", "스토킹"),
        "property": translate("Vocab", "재산"),
        "other": translate("Vocab", "기타"),
    }.get(code, translate("Vocab", "기타"))


BUCKET_CODES = ("sexual", "violent", "stalking", "property", "other")


def duplicate_reason_label(reason: str) -> str:
    return {
        "birth_date_name": translate("Vocab", "생년월일과 이름이 비슷함"),
        "phone": translate("Vocab", "같은 전화번호"),
        "initials": translate("Vocab", "이름 초성이 같음"),
    }.get(reason, translate("Vocab", "비슷한 정보"))


def yes_no_unknown(value: bool | None) -> str:
    if value is None:
        return translate("Vocab", "모름")
    return translate("Vocab", "예") if value else translate("Vocab", "아니오")


# --- dates ----------------------------------------------------------------------------------


def date_text(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def datetime_text(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def stored_time_text(moment: datetime | None) -> str:
    """A moment from a record, in Korean time (a naive value is taken as UTC)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return datetime_text(moment.astimezone(KST))


# --- errors ---------------------------------------------------------------------------------


def field_label(field: str) -> str:
    """The name of the field a FieldError points at (``related.0.name`` -> 관계인 이름)."""
    parts = field.split(".")
    leaf = parts[-1]
    labels = {
        "name": translate("Messages", "이름"),
        "birth_date": translate("Messages", "생년월일"),
        "phone": translate("Messages", "전화번호"),
        "phone2": translate("Messages", "다른 전화번호"),
        "email": translate("Messages", "이메일"),
        "intake_date": translate("Messages", "접수일"),
        "incident_date": translate("Messages", "사건 발생일"),
        "harm_known_date": translate("Messages", "피해를 안 날"),
        "crime_types": translate("Messages", "범죄 유형"),
        "counselor_id": translate("Messages", "담당 상담원"),
        "outcome": translate("Messages", "종결 결과"),
        "text": translate("Messages", "내용"),
        "items": translate("Messages", "동의 항목"),
        "given_on": translate("Messages", "동의일"),
        "expires_on": translate("Messages", "만료일"),
        "purpose": translate("Messages", "목적"),
        "agency": translate("Messages", "기관"),
        "programmes": translate("Messages", "지원 프로그램"),
        "programme": translate("Messages", "지원 프로그램"),
        "support_area": translate("Messages", "지원 영역"),
        "support_areas": translate("Messages", "지원 영역"),
        "received_on": translate("Messages", "회신 받은 날"),
        "result": translate("Messages", "회신 내용"),
        "follow_up_due": translate("Messages", "후속 확인일"),
        "topic": translate("Messages", "상담 주제"),
        "crime_type": translate("Messages", "범죄 유형"),
        "code": translate("Messages", "기관 코드"),
        "verified_on": translate("Messages", "확인일"),
        "query": translate("Messages", "검색어"),
        "address": translate("Messages", "주소"),
        "nationality": translate("Messages", "국적"),
        "language": translate("Messages", "사용 언어"),
        "disability": translate("Messages", "장애"),
        "safe_contact": translate("Messages", "안전한 연락 방법"),
        "safe_hours": translate("Messages", "연락 가능한 시간"),
        "note": translate("Messages", "메모"),
        "incident_place": translate("Messages", "사건 장소"),
        "police_office": translate("Messages", "관할 경찰서"),
        "prosecution_office": translate("Messages", "관할 검찰청"),
        "police_case_number": translate("Messages", "사건번호"),
        "offender_relation": translate("Messages", "가해자와의 관계"),
        "summary": translate("Messages", "사건 경위"),
        "support_received": translate("Messages", "이미 받은 지원"),
        "urgency": translate("Messages", "긴급도"),
    }
    label = labels.get(leaf, translate("Messages", "입력값"))
    if parts[0] == "related":
        return translate("Messages", "관계인 %1").replace("%1", label)
    return label


def language() -> Language:
    """The language the UI runs in, for the shared error-word table."""
    return Language.EN if english() else Language.KO


def field_error_text(error: FieldError) -> str:
    """Why a field was refused, as one short sentence shown next to that field."""
    known = error.code in MESSAGES or (error.field, error.code) in FIELD_MESSAGES
    return text(
        error.code if known else "check_value",
        language(),
        field=error.field,
        params=error.params,
    )


def print_warning_text(warnings: Iterable[FieldError]) -> str:
    """After a save: which fields hold characters that will not print as typed."""
    lines = [f"{field_label(w.field)}: {field_error_text(w)}" for w in warnings]
    return "\n".join(
        [translate("Messages", "저장했습니다. 다음 글자는 인쇄물에서 �로 바뀝니다."), *lines]
    )


def error_text(exc: BaseException, agency_names: dict[str, str] | None = None) -> str:
    """A sentence for any error a service raised (and a calm one for anything unexpected)."""
    if isinstance(exc, ValidationError):
        lines = [f"{field_label(e.field)}: {field_error_text(e)}" for e in exc.errors]
        return "\n".join(lines)
    if isinstance(exc, ConsentRequiredError):
        name = (agency_names or {}).get(str(exc.params.get("agency", "")), "")
        if name:
            return text("consent_required.named", language(), params={"agency": name})
    return shared_error_text(exc, language())


# --- access log and accounts (administration) -----------------------------------------------


def audit_action_label(action: str) -> str:
    return {
        "view": translate("Vocab", "조회"),
        "create": translate("Vocab", "입력"),
        "update": translate("Vocab", "변경"),
        "delete": translate("Vocab", "삭제"),
        "print": translate("Vocab", "출력"),
        "export": translate("Vocab", "내보내기"),
        "download": translate("Vocab", "다운로드"),
        "search": translate("Vocab", "검색"),
        "reveal": translate("Vocab", "이름 보기"),
        "login": translate("Vocab", "로그인"),
        "logout": translate("Vocab", "로그아웃"),
        "login_failed": translate("Vocab", "로그인 실패"),
        "lock": translate("Vocab", "화면 잠금"),
        "unlock": translate("Vocab", "잠금 해제"),
        "account": translate("Vocab", "계정·권한"),
        "purge": translate("Vocab", "파기·삭제"),
        "import": translate("Vocab", "PC 자료 가져오기"),
    }.get(action, action)


def chain_problem_text(reason: str | None) -> str:
    """Why ``audit verify`` stopped, for the administrator reading the result."""
    return text(reason or "audit", language())


def chain_report_text(report: ChainReport) -> str:
    """What a failed chain or head check found, with the rows concerned, in one sentence."""
    problem = chain_problem_text(report.reason)
    if report.missing is not None:
        first, last = report.missing
        rows = f"{first}~{last}" if last > first else str(first)
        return (
            translate("Messages", "접속기록 %1번이 없습니다: %2")
            .replace("%1", rows)
            .replace("%2", problem)
        )
    if report.first_bad_seq is None:
        return problem
    return (
        translate("Messages", "%1번 기록에서 사슬이 끊겼습니다: %2")
        .replace("%1", str(report.first_bad_seq))
        .replace("%2", problem)
    )


def review_finding_text(kind: str) -> str:
    return {
        "after_hours": translate("Messages", "근무 시간 외 사례 열람·변경"),
        "heavy_viewer": translate("Messages", "다른 사람보다 훨씬 많은 사례 열람"),
        "failed_logins": translate("Messages", "로그인 실패 5회 이상"),
        "export": translate("Messages", "내보내기·다운로드"),
        "chain_broken": translate("Messages", "접속기록 사슬 손상"),
    }.get(kind, kind)


def account_error_text(exc: BaseException) -> str:
    """Errors of the account administration: the password rule, each refused field once, and
    the refusals that keep at least one administrator."""
    if isinstance(exc, ValidationError):
        return " ".join(dict.fromkeys(field_error_text(e) for e in exc.errors))
    return error_text(exc)
