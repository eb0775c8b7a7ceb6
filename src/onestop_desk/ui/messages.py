"""Every code the services use, turned into words for a person: the one place that does it.

Codes (vocabulary values, error codes, field paths) are stable ASCII identifiers; nobody at the
desk should ever read one. Source strings are Korean; English comes from ``onestop_en.qm``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from onestop_desk.domain.clock import KST
from onestop_desk.domain.errors import (
    ConflictError,
    ConsentRequiredError,
    DomainError,
    FieldError,
    IllegalTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
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


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def _v(text: str) -> str:
    return QCoreApplication.translate("Vocab", text)


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
        CaseStatus.RECEIVED: _v("접수"),
        CaseStatus.INITIAL_CONSULT: _v("초기상담"),
        CaseStatus.NEEDS_ASSESSMENT: _v("욕구사정"),
        CaseStatus.REFERRAL: _v("연계"),
        CaseStatus.MONITORING: _v("모니터링"),
        CaseStatus.CLOSED: _v("종결"),
        CaseStatus.AFTERCARE: _v("사후관리"),
    }[status]


def intake_channel_label(channel: IntakeChannel) -> str:
    return {
        IntakeChannel.VISIT: _v("방문"),
        IntakeChannel.PHONE: _v("전화"),
        IntakeChannel.ONLINE: _v("온라인"),
        IntakeChannel.AGENCY: _v("기관 의뢰"),
    }[channel]


def need_status_label(status: NeedStatus) -> str:
    return {
        NeedStatus.NEEDED: _v("필요"),
        NeedStatus.IN_PROGRESS: _v("진행 중"),
        NeedStatus.DONE: _v("완료"),
        NeedStatus.NOT_APPLICABLE: _v("해당 없음"),
    }[status]


def referral_status_label(status: ReferralStatus) -> str:
    return {
        ReferralStatus.DRAFT: _v("작성"),
        ReferralStatus.SENT: _v("발송"),
        ReferralStatus.ACKNOWLEDGED: _v("접수 확인"),
        ReferralStatus.IN_SUPPORT: _v("지원 중"),
        ReferralStatus.COMPLETED: _v("지원 완료"),
        ReferralStatus.REJECTED: _v("반려"),
        ReferralStatus.WITHDRAWN: _v("철회"),
    }[status]


def consent_item_label(item: ConsentItem) -> str:
    return {
        ConsentItem.IDENTITY: _v("인적사항"),
        ConsentItem.CONTACT: _v("연락처"),
        ConsentItem.CASE_FACTS: _v("사건 개요"),
        ConsentItem.SENSITIVE: _v("민감정보"),
    }[item]


def consent_items_text(items: Iterable[ConsentItem]) -> str:
    chosen = set(items)
    return ", ".join(consent_item_label(i) for i in ConsentItem if i in chosen)


def consent_method_label(method: ConsentMethod) -> str:
    return {ConsentMethod.WRITTEN: _v("서면"), ConsentMethod.ORAL: _v("구두")}[method]


def relationship_label(rel: Relationship) -> str:
    return {
        Relationship.FAMILY: _v("가족"),
        Relationship.BEREAVED: _v("유족"),
        Relationship.GUARDIAN: _v("보호자"),
        Relationship.OTHER: _v("기타"),
    }[rel]


def risk_label(level: RiskLevel) -> str:
    return {RiskLevel.LOW: _v("낮음"), RiskLevel.MEDIUM: _v("보통"), RiskLevel.HIGH: _v("높음")}[
        level
    ]


def gender_label(gender: Gender) -> str:
    return {
        Gender.FEMALE: _v("여성"),
        Gender.MALE: _v("남성"),
        Gender.OTHER: _v("기타"),
        Gender.UNKNOWN: _v("미상"),
    }[gender]


def urgency_label(urgency: Urgency) -> str:
    return {Urgency.NORMAL: _v("보통"), Urgency.URGENT: _v("긴급")}[urgency]


def caller_type_label(caller: CallerType) -> str:
    return {
        CallerType.VICTIM: _v("피해자 본인"),
        CallerType.FAMILY: _v("가족"),
        CallerType.AGENCY: _v("기관"),
        CallerType.OTHER: _v("기타"),
    }[caller]


def role_label(role: Role) -> str:
    return {
        Role.COUNSELOR: _v("상담원"),
        Role.TEAM_LEAD: _v("팀장"),
        Role.ADMIN: _v("관리자"),
        Role.SYSTEM: _v("시스템"),
    }[role]


def timeline_kind_label(kind: TimelineKind) -> str:
    return {
        TimelineKind.STATUS: _v("단계 변경"),
        TimelineKind.NOTE: _v("메모"),
        TimelineKind.REFERRAL: _v("연계"),
        TimelineKind.CONSENT: _v("동의"),
        TimelineKind.NEED: _v("욕구"),
        TimelineKind.INTAKE: _v("접수"),
    }[kind]


def bucket_label(code: str) -> str:
    return {
        "sexual": _v("성폭력"),
        "violent": _v("살인 등 강력"),
        "stalking": _v("스토킹"),
        "property": _v("재산"),
        "other": _v("기타"),
    }.get(code, _v("기타"))


BUCKET_CODES = ("sexual", "violent", "stalking", "property", "other")


def duplicate_reason_label(reason: str) -> str:
    return {
        "birth_date_name": _v("생년월일과 이름이 비슷함"),
        "phone": _v("같은 전화번호"),
        "initials": _v("이름 초성이 같음"),
    }.get(reason, _v("비슷한 정보"))


def yes_no_unknown(value: bool | None) -> str:
    if value is None:
        return _v("모름")
    return _v("예") if value else _v("아니오")


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
        "name": _t("이름"),
        "birth_date": _t("생년월일"),
        "phone": _t("전화번호"),
        "phone2": _t("다른 전화번호"),
        "email": _t("이메일"),
        "intake_date": _t("접수일"),
        "incident_date": _t("사건 발생일"),
        "harm_known_date": _t("피해를 안 날"),
        "crime_types": _t("범죄 유형"),
        "counselor_id": _t("담당 상담원"),
        "outcome": _t("종결 결과"),
        "text": _t("내용"),
        "items": _t("동의 항목"),
        "given_on": _t("동의일"),
        "expires_on": _t("만료일"),
        "purpose": _t("목적"),
        "agency": _t("기관"),
        "programmes": _t("지원 프로그램"),
        "programme": _t("지원 프로그램"),
        "support_area": _t("지원 영역"),
        "support_areas": _t("지원 영역"),
        "received_on": _t("회신 받은 날"),
        "result": _t("회신 내용"),
        "topic": _t("상담 주제"),
        "crime_type": _t("범죄 유형"),
        "code": _t("기관 코드"),
        "verified_on": _t("확인일"),
    }
    label = labels.get(leaf, _t("입력값"))
    if parts[0] == "related":
        return _t("관계인 %1").replace("%1", label)
    return label


def field_error_text(error: FieldError) -> str:
    """Why a field was refused, as one short sentence shown next to that field."""
    params = error.params or {}
    texts = {
        "required": _t("꼭 입력해 주세요."),
        "too_long": _t("%1자 이내로 줄여 주세요.").replace("%1", str(params.get("max", ""))),
        "in_future": _t("오늘 이후 날짜는 쓸 수 없습니다."),
        "too_early": _t("1900년 이후 날짜를 입력해 주세요."),
        "invalid_phone": _t("전화번호는 숫자 8~12자리로 입력해 주세요."),
        "invalid_email": _t("이메일 주소 형식이 아닙니다."),
        "invalid_date": _t("날짜는 2024-07-22 처럼 입력해 주세요."),
        "unknown_code": _t("목록에 없는 값입니다."),
        "duplicate": _t("같은 값이 두 번 선택되었습니다."),
        "before_incident": _t("사건 발생일보다 앞설 수 없습니다."),
        "before_given": _t("동의일보다 앞설 수 없습니다."),
        "unknown_user": _t("등록되지 않은 상담원입니다."),
        "year_full": _t("올해 사례 번호를 더 만들 수 없습니다. 관리자에게 알려 주세요."),
        "not_offered": _t("이 기관이 제공하지 않는 프로그램이 있습니다."),
        "wrong_area": _t("지원 영역과 프로그램이 맞지 않습니다."),
        "invalid_code": _t("영문, 숫자, 밑줄(_)만 쓸 수 있습니다."),
        "invalid": _t("올바르지 않은 값입니다."),
        "consent_items_required": _t("동의한 항목을 하나 이상 선택해 주세요."),
    }
    return texts.get(error.code, _t("입력값을 확인해 주세요."))


def error_text(exc: BaseException, agency_names: dict[str, str] | None = None) -> str:
    """A sentence for any error a service raised (and a calm one for anything unexpected)."""
    if isinstance(exc, ValidationError):
        lines = [f"{field_label(e.field)}: {field_error_text(e)}" for e in exc.errors]
        return "\n".join(lines)
    if isinstance(exc, ConsentRequiredError):
        code = str(exc.params.get("agency", ""))
        name = (agency_names or {}).get(code, "")
        if name:
            return _t(
                "%1에 정보를 보낼 유효한 동의가 없습니다. 동의를 먼저 받아 기록해 주세요."
            ).replace("%1", name)
        return _t("이 기관에 정보를 보낼 유효한 동의가 없습니다. 동의를 먼저 받아 기록해 주세요.")
    if isinstance(exc, PermissionDeniedError):
        return _t("이 작업을 할 권한이 없습니다.")
    if isinstance(exc, NotFoundError):
        if "number" in exc.params:
            return _t("문서번호 %1에 해당하는 연계를 찾을 수 없습니다.").replace(
                "%1", str(exc.params["number"])
            )
        return _t("찾는 기록이 없습니다. 이미 지워졌을 수 있습니다.")
    if isinstance(exc, IllegalTransitionError):
        return _t("지금 단계에서는 이 변경을 할 수 없습니다.")
    if isinstance(exc, ConflictError):
        return _t("다른 곳에서 이미 처리된 기록입니다. 화면을 새로 고쳐 주세요.")
    if isinstance(exc, DomainError):
        return _t("작업을 마치지 못했습니다.")
    return _t("예기치 못한 문제로 작업을 마치지 못했습니다. 입력한 내용은 그대로 있습니다.")
