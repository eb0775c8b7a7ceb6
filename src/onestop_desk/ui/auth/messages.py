"""Words for the account screens' error codes (auth, password rule, recovery key).

Codes come from the services; each screen shows the sentence for the code, never the code.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from onestop_desk.domain.clock import KST


def code_text(code: str) -> str:
    """The sentence for one code; an unknown code gets a general sentence, not the code."""
    texts = {
        "auth.invalid_credentials": QCoreApplication.translate(
            "AuthMessages", "사용자 이름 또는 비밀번호가 맞지 않습니다."
        ),
        "auth.locked": QCoreApplication.translate(
            "AuthMessages", "로그인 실패가 많아 계정이 잠겼습니다."
        ),
        "auth.disabled": QCoreApplication.translate(
            "AuthMessages", "사용이 중지된 계정입니다. 관리자에게 문의하세요."
        ),
        "auth.password_change_required": QCoreApplication.translate(
            "AuthMessages", "관리자가 정해 준 비밀번호입니다. 먼저 본인의 비밀번호로 바꾸세요."
        ),
        "auth.account_changed": QCoreApplication.translate(
            "AuthMessages", "로그인한 뒤 계정의 역할이 바뀌었습니다. 다시 로그인하세요."
        ),
        "auth.no_keyring": QCoreApplication.translate(
            "AuthMessages", "키 파일 없이는 계정을 바꿀 수 없습니다."
        ),
        "auth.keyring_corrupt": QCoreApplication.translate(
            "AuthMessages", "키 파일이 손상되었습니다. 관리자에게 문의하세요."
        ),
        "auth.already_set_up": QCoreApplication.translate(
            "AuthMessages", "이 데이터 폴더는 이미 설정되어 있습니다."
        ),
        "auth.not_set_up": QCoreApplication.translate("AuthMessages", "아직 설정되지 않았습니다."),
        "security.wrong_secret": QCoreApplication.translate(
            "AuthMessages", "복구 키가 이 센터의 것이 아닙니다."
        ),
        "recovery_key.empty": QCoreApplication.translate("AuthMessages", "복구 키를 입력하세요."),
        "recovery_key.hangul_input": QCoreApplication.translate(
            "AuthMessages", "한글 입력 상태입니다. 한/영 키를 눌러 주세요."
        ),
        "recovery_key.invalid_character": QCoreApplication.translate(
            "AuthMessages", "복구 키에 쓰이지 않는 글자가 있습니다."
        ),
        "recovery_key.wrong_length": QCoreApplication.translate(
            "AuthMessages", "복구 키는 30글자입니다."
        ),
        "recovery_key.checksum_mismatch": QCoreApplication.translate(
            "AuthMessages", "복구 키에 잘못 읽은 글자가 있습니다."
        ),
        "password.empty": QCoreApplication.translate("AuthMessages", "비밀번호를 입력하세요."),
        "password.too_short": QCoreApplication.translate(
            "AuthMessages", "비밀번호는 8자 이상이어야 합니다."
        ),
        "password.too_long": QCoreApplication.translate("AuthMessages", "비밀번호가 너무 깁니다."),
        "password.too_few_classes": QCoreApplication.translate(
            "AuthMessages", "8~9자 비밀번호는 영문·한글·숫자·기호 중 2종류 이상이 필요합니다."
        ),
        "password.reused": QCoreApplication.translate(
            "AuthMessages", "지금 쓰는 비밀번호와 다른 비밀번호를 정하세요."
        ),
        "password.mismatch": QCoreApplication.translate(
            "AuthMessages", "두 번 입력한 비밀번호가 다릅니다."
        ),
        "wrong": QCoreApplication.translate("AuthMessages", "현재 비밀번호가 맞지 않습니다."),
        "invalid": QCoreApplication.translate(
            "AuthMessages", "사용자 이름은 글자, 숫자, 점(.), 밑줄(_)만 쓸 수 있습니다."
        ),
        "required": QCoreApplication.translate("AuthMessages", "빈칸을 채워 주세요."),
        "not_found": QCoreApplication.translate("AuthMessages", "해당 관리자 계정이 없습니다."),
        "permission_denied": QCoreApplication.translate(
            "AuthMessages", "이 역할로는 할 수 없는 작업입니다."
        ),
        "store": QCoreApplication.translate("AuthMessages", "데이터베이스를 열 수 없습니다."),
        "store.too_new": QCoreApplication.translate(
            "AuthMessages", "더 새 버전의 프로그램이 만든 데이터입니다. 프로그램을 업데이트하세요."
        ),
    }
    return (
        texts.get(code)
        or texts.get(code.split(".")[0])
        or QCoreApplication.translate("AuthMessages", "처리하지 못했습니다.")
    )


def error_text(exc: BaseException) -> str:
    """One or more sentences for an error raised by the account services."""
    errors = getattr(exc, "errors", None)
    if errors:
        seen: list[str] = []
        for error in errors:
            line = code_text(error.code)
            if line not in seen:
                seen.append(line)
        return " ".join(seen)
    code = str(getattr(exc, "code", ""))
    text = code_text(code)
    params = getattr(exc, "params", {})
    until = params.get("until")
    if isinstance(until, datetime):
        text += " " + QCoreApplication.translate("AuthMessages", "%1에 풀립니다.").replace(
            "%1", until.astimezone(KST).strftime("%H:%M")
        )
    remaining = params.get("remaining")
    if isinstance(remaining, int) and remaining > 0:
        text += " " + QCoreApplication.translate(
            "AuthMessages", "%n번 더 틀리면 계정이 잠깁니다.", "", remaining
        )
    return text
