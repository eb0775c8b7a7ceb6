"""An access-log row's detail as a sentence in the UI language.

The stored detail stays as the services wrote it (the hash chain covers it); this module
words what :func:`onestop_desk.domain.audit_words.describe` read from it. A detail it does not
understand is shown as stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from onestop_desk.domain.audit_words import AuditKind, AuditWords, DocumentPart, describe
from onestop_desk.domain.messages import MESSAGES, text
from onestop_desk.services.access_log import AuditNames
from onestop_desk.ui.kit.messages import (
    case_status_label,
    consent_items_text,
    english,
    language,
    need_status_label,
    referral_status_label,
    role_label,
    urgency_label,
)

NO_NAMES = AuditNames({}, {})


translate = QCoreApplication.translate


def _fill(template: str, *values: object) -> str:
    """``%1``, ``%2``… filled in from the highest number down (so %1 never eats %10)."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def _agency(code: str, names: AuditNames) -> str:
    name, name_en = names.agencies.get(code, ("", ""))
    if english() and name_en:
        return name_en
    return name or code


def _user(user_id: int, names: AuditNames) -> str:
    return names.users.get(user_id) or _fill(translate("AuditWords", "사용자 %1번"), user_id)


def _documents(words: AuditWords) -> str:
    return ", ".join(words.document_numbers) or translate("AuditWords", "문서번호 없음")


def _part(part: DocumentPart | None) -> str:
    return {
        DocumentPart.SHEET: translate("AuditWords", "안내문"),
        DocumentPart.LETTERS: translate("AuditWords", "연계 의뢰서"),
        DocumentPart.ALL: translate("AuditWords", "안내문과 연계 의뢰서"),
    }.get(part or DocumentPart.ALL, translate("AuditWords", "안내문과 연계 의뢰서"))


def _error(code: str) -> str:
    return text(code, language()) if code in MESSAGES else code


_Render = Callable[[AuditWords, AuditNames], str]


# Each source string is written out in full, in a translate() call, so lupdate finds it.
_RENDER: dict[AuditKind, _Render] = {
    AuditKind.CASE_OPENED: lambda w, n: translate("AuditWords", "사례를 등록했습니다."),
    AuditKind.CASE_VIEWED: lambda w, n: translate("AuditWords", "사례를 열람했습니다."),
    AuditKind.CASE_FACTS_CHANGED: lambda w, n: translate("AuditWords", "사례 정보를 수정했습니다."),
    AuditKind.CASE_STATUS: lambda w, n: _fill(
        translate("AuditWords", "단계를 바꿨습니다: %1 → %2"),
        *(case_status_label(s) for s in w.case_statuses),
    ),
    AuditKind.CASE_ASSIGNED: lambda w, n: _fill(
        translate("AuditWords", "담당 상담원을 바꿨습니다: %1"), _user(w.numbers[0], n)
    ),
    AuditKind.NOTE_ADDED: lambda w, n: translate("AuditWords", "메모를 추가했습니다."),
    AuditKind.NAME_REVEALED: lambda w, n: translate("AuditWords", "가려진 이름을 보았습니다."),
    AuditKind.NEEDS_SAVED: lambda w, n: translate("AuditWords", "욕구 체크리스트를 저장했습니다."),
    AuditKind.NEED_STATUS: lambda w, n: _fill(
        translate("AuditWords", "욕구 항목(%1번)의 상태를 바꿨습니다: %2"),
        w.numbers[0],
        need_status_label(w.need_status) if w.need_status else "",
    ),
    AuditKind.REFERRAL_CREATED: lambda w, n: _fill(
        translate("AuditWords", "연계 의뢰 %1을(를) 작성했습니다."), _documents(w)
    ),
    AuditKind.REFERRAL_STATUS: lambda w, n: _fill(
        translate("AuditWords", "연계 의뢰 %1의 상태를 바꿨습니다: %2"),
        _documents(w),
        referral_status_label(w.referral_status) if w.referral_status else "",
    ),
    AuditKind.REFERRAL_REPLY: lambda w, n: _fill(
        translate("AuditWords", "연계 의뢰 %1의 회신을 기록했습니다."), _documents(w)
    ),
    AuditKind.REFERRAL_URGENCY: lambda w, n: _fill(
        translate("AuditWords", "연계 의뢰 %1의 긴급도를 바꿨습니다: %2"),
        _documents(w),
        urgency_label(w.urgency) if w.urgency else "",
    ),
    AuditKind.REFERRAL_FOLLOW_UP: lambda w, n: (
        _fill(
            translate("AuditWords", "연계 의뢰 %1의 후속 확인일을 정했습니다: %2"),
            _documents(w),
            w.days[0],
        )
        if w.days and w.days[0] is not None
        else _fill(
            translate("AuditWords", "연계 의뢰 %1의 후속 확인일을 지웠습니다."), _documents(w)
        )
    ),
    AuditKind.CONSENT_RECORDED: lambda w, n: _fill(
        translate("AuditWords", "%1에 대한 정보 제공 동의를 기록했습니다 (%2)."),
        _agency(w.agency_code, n),
        consent_items_text(w.consent_items) or translate("AuditWords", "항목 없음"),
    ),
    AuditKind.CONSENT_WITHDRAWN: lambda w, n: _fill(
        translate("AuditWords", "%1에 대한 정보 제공 동의 철회를 기록했습니다."),
        _agency(w.agency_code, n),
    ),
    AuditKind.DOCUMENTS_PREPARED: lambda w, n: _fill(
        translate("AuditWords", "%1을(를) 만들었습니다 (%2)."), _part(w.part), _documents(w)
    ),
    AuditKind.DOCUMENTS_OUTPUT: lambda w, n: _fill(
        translate("AuditWords", "%1 (%2) → %3"), _part(w.part), _documents(w), w.text
    ),
    AuditKind.CASE_SUMMARY_EXPORTED: lambda w, n: _fill(
        translate("AuditWords", "사례 요약을 암호화한 파일로 내보냈습니다: %1")
        if not w.flag
        else translate(
            "AuditWords", "사례 요약을 연계 의뢰서와 함께 암호화한 파일로 내보냈습니다: %1"
        ),
        w.text,
    ),
    AuditKind.CASE_SUMMARY_FAILED: lambda w, n: _fill(
        translate("AuditWords", "사례 요약을 내보내지 못했습니다 (%1): %2"), _error(w.text), w.text2
    ),
    AuditKind.STATISTICS_EXPORTED: lambda w, n: _fill(
        translate("AuditWords", "%1 ~ %2 통계를 %3 파일로 내보냈습니다."),
        w.days[0],
        w.days[1],
        w.text.upper(),
    ),
    AuditKind.AUDIT_LOG_EXPORTED: lambda w, n: translate(
        "AuditWords", "접속기록을 CSV 파일로 내보냈습니다."
    ),
    AuditKind.AUDIT_REVIEW_SAVED: lambda w, n: _fill(
        translate("AuditWords", "%1 월간 점검표를 CSV 파일로 저장했습니다."), w.text
    ),
    AuditKind.RECOVERY_SHEET_PRINTED: lambda w, n: translate(
        "AuditWords", "복구 키 용지를 출력했습니다."
    ),
    AuditKind.CLI_SEARCH: lambda w, n: _fill(
        translate("AuditWords", "명령줄에서 검색했습니다: %1건 표시"), w.numbers[0]
    ),
    AuditKind.CENTER_SET_UP: lambda w, n: _fill(
        translate("AuditWords", "센터를 설치했습니다 (첫 관리자: %1)."), w.username
    ),
    AuditKind.USER_CREATED: lambda w, n: _fill(
        translate("AuditWords", "계정 %1을(를) 만들었습니다 (역할: %2)."),
        w.username,
        role_label(w.role) if w.role else "",
    ),
    AuditKind.OWN_PASSWORD_CHANGED: lambda w, n: _fill(
        translate("AuditWords", "%1 님이 자신의 비밀번호를 바꿨습니다."), w.username
    ),
    AuditKind.PASSWORD_RESET: lambda w, n: _fill(
        translate("AuditWords", "계정 %1의 비밀번호를 새로 정했습니다."), w.username
    ),
    AuditKind.USER_REENABLED: lambda w, n: _fill(
        translate("AuditWords", "계정 %1을(를) 다시 사용하게 했습니다."), w.username
    ),
    AuditKind.USER_DISABLED: lambda w, n: _fill(
        translate("AuditWords", "계정 %1의 사용을 중지했습니다."), w.username
    ),
    AuditKind.ROLE_CHANGED: lambda w, n: _fill(
        translate("AuditWords", "계정 %1의 역할을 바꿨습니다: %2 → %3"),
        w.username,
        role_label(w.old_role) if w.old_role else "",
        role_label(w.role) if w.role else "",
    ),
    AuditKind.RECOVERY_RESET: lambda w, n: _fill(
        translate("AuditWords", "복구 키로 계정 %1의 비밀번호를 새로 정했습니다."), w.username
    ),
    AuditKind.PASSWORD_HASH_SYNCED: lambda w, n: translate(
        "AuditWords", "데이터베이스가 키 파일보다 오래되어 저장된 비밀번호를 새로 맞췄습니다."
    ),
    AuditKind.LOCK_POLICY: lambda w, n: _fill(
        translate(
            "AuditWords", "잠금 규칙: 로그인 %1회 실패 시 %2분 잠금, %3분 입력이 없으면 화면 잠금"
        ),
        *w.numbers,
    ),
    AuditKind.WRONG_PASSWORD: lambda w, n: translate("AuditWords", "비밀번호가 틀렸습니다."),
    AuditKind.UNKNOWN_ACCOUNT: lambda w, n: translate("AuditWords", "없는 아이디입니다."),
    AuditKind.ATTEMPT_WHILE_LOCKED: lambda w, n: translate(
        "AuditWords", "잠긴 계정으로 로그인하려 했습니다."
    ),
    AuditKind.ACCOUNT_DISABLED: lambda w, n: translate("AuditWords", "사용이 중지된 계정입니다."),
    AuditKind.ACCOUNT_NOT_IN_DATABASE: lambda w, n: translate(
        "AuditWords", "이 데이터베이스에 없는 계정입니다 (더 오래된 백업에서 복원했을 수 있습니다)."
    ),
    AuditKind.WRONG_RECOVERY_KEY: lambda w, n: translate("AuditWords", "복구 키가 틀렸습니다."),
    AuditKind.UNLOCK_WRONG_PASSWORD: lambda w, n: translate(
        "AuditWords", "화면 잠금을 풀 때 비밀번호가 틀렸습니다."
    ),
    AuditKind.FAILURES_DROPPED: lambda w, n: _fill(
        translate(
            "AuditWords", "기록을 기다리던 로그인 실패 %1건은 대기열이 가득 차 남기지 못했습니다."
        ),
        w.numbers[0],
    ),
    AuditKind.LOCKED_IDLE: lambda w, n: translate("AuditWords", "입력이 없어 화면이 잠겼습니다."),
    AuditKind.LOCKED_BY_USER: lambda w, n: translate("AuditWords", "사용자가 화면을 잠갔습니다."),
    AuditKind.LOGGED_OUT: lambda w, n: translate("AuditWords", "사용자가 로그아웃했습니다."),
    AuditKind.USER_SWITCHED: lambda w, n: translate("AuditWords", "다른 사용자로 바꿨습니다."),
    AuditKind.PASSWORD_CHANGE_REFUSED: lambda w, n: translate(
        "AuditWords", "비밀번호를 바꾸지 않아 로그인을 끝냈습니다."
    ),
    AuditKind.PROGRAM_CLOSED: lambda w, n: translate("AuditWords", "프로그램을 닫았습니다."),
    AuditKind.ENDED_AT_LOCK_SCREEN: lambda w, n: translate(
        "AuditWords", "잠금 화면에서 로그아웃했습니다."
    ),
    AuditKind.ENDED_FOR_RESTORE: lambda w, n: translate(
        "AuditWords", "백업에서 복원하려고 로그아웃했습니다."
    ),
    AuditKind.SELF_TEST: lambda w, n: translate("AuditWords", "설치 점검을 마쳤습니다."),
    AuditKind.CLI_DONE: lambda w, n: translate("AuditWords", "명령줄 작업을 마쳤습니다."),
    AuditKind.CENTER_DETAILS: lambda w, n: translate("AuditWords", "센터 정보를 수정했습니다."),
    AuditKind.AGENCY_SAVED: lambda w, n: _fill(
        translate("AuditWords", "기관 정보를 저장했습니다: %1"), _agency(w.agency_code, n)
    ),
    AuditKind.BACKUP_KEEP_SET: lambda w, n: _fill(
        translate("AuditWords", "자동 백업을 %1일치 보관하도록 정했습니다."), w.numbers[0]
    ),
    AuditKind.RETENTION_YEARS_SET: lambda w, n: _fill(
        translate("AuditWords", "종결 사례 보존 기간을 바꿨습니다: %1년 → %2년"), *w.numbers
    ),
    AuditKind.BACKUP_WRITTEN: lambda w, n: _fill(
        translate("AuditWords", "데이터베이스를 백업했습니다: %1"), w.text
    ),
    AuditKind.INTEGRITY_FAILED: lambda w, n: _fill(
        translate("AuditWords", "데이터베이스 점검에서 문제가 나왔습니다: %1"), w.text
    ),
    AuditKind.DATABASE_RESTORED: lambda w, n: _fill(
        translate("AuditWords", "백업 %1에서 데이터베이스를 복원했습니다 (이전 파일은 %2로 보관)."),
        w.text,
        w.text2,
    ),
    AuditKind.RETENTION_DRY_RUN: lambda w, n: _fill(
        translate("AuditWords", "파기 대상을 확인했습니다: %1건"), w.numbers[0]
    ),
    AuditKind.CASE_DESTROYED: lambda w, n: _fill(
        translate("AuditWords", "%1에 종결된 사례를 보존 기간 %2년이 지나 파기했습니다."),
        w.days[0],
        w.numbers[0],
    ),
    AuditKind.AUDIT_PURGED: lambda w, n: _fill(
        translate("AuditWords", "보존 기간이 지난 접속기록 %1건을 지웠습니다 (%2번부터 남음)."),
        *w.numbers,
    ),
    AuditKind.DEMO_DATA: lambda w, n: _fill(
        translate("AuditWords", "연습용 사례 %1건을 만들었습니다."), w.numbers[0]
    ),
    AuditKind.PHONE_INQUIRY: lambda w, n: _fill(
        translate("AuditWords", "전화 상담을 기록했습니다 (%1번)."), w.numbers[0]
    ),
}


def audit_detail_text(action: str, detail: str, names: AuditNames = NO_NAMES) -> str:
    """The detail column: a sentence in the UI language, or the stored text when it is not
    one the program writes (old or unknown rows are shown, never refused)."""
    words = describe(action, detail)
    if words is None:
        return detail
    render = _RENDER.get(words.kind)
    return detail if render is None else render(words, names)
