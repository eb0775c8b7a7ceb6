"""Words for every error code, in Korean and in English: the one table the CLI and the UI share.

Services raise typed errors with stable ASCII codes (``auth.locked``, ``backup.disk_full``, a
field error's ``in_future``); nobody at the desk should ever read one. The UI shows the words
of the language it runs in, the CLI prints both (``오류: … / error: …``). Words may hold
``{name}`` placeholders filled from the error's params (never from a person's data).

Lookup order for a code: a (field, code) pair where a field narrows what a code means, the
exact code, then its family (the part before the first dot), then the general words. A new
code therefore never shows as a bare identifier. tests/domain/test_messages.py fails when a
code raised anywhere has no words here.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from onestop_desk.domain.errors import ConflictError, DomainError, NotFoundError, ValidationError
from onestop_desk.domain.security.errors import SecurityError


class Language(StrEnum):
    KO = "ko"
    EN = "en"


Words = tuple[str, str]  # (Korean, English)

GENERAL: Words = ("작업을 마치지 못했습니다.", "The task could not be completed.")
UNEXPECTED: Words = (
    "예기치 못한 문제로 작업을 마치지 못했습니다. 입력한 내용은 그대로 있습니다.",
    "An unexpected problem stopped the task. Everything you typed is still there.",
)

MESSAGES: dict[str, Words] = {
    # --- general refusals (domain/errors.py) ---------------------------------------------------
    "error": GENERAL,
    "internal": UNEXPECTED,
    "validation": ("입력값이 올바르지 않습니다.", "Some input is not valid."),
    "permission_denied": ("이 역할로는 할 수 없는 작업입니다.", "Your role may not do this."),
    "not_found": (
        "찾는 기록이 없습니다. 이미 지워졌을 수 있습니다.",
        "The record was not found. It may have been deleted.",
    ),
    "not_found.case": ("그 번호의 사례가 없습니다.", "There is no case with that number."),
    "not_found.account": ("그런 이름의 계정이 없습니다.", "There is no account of that name."),
    "not_found.agency": ("그런 코드의 기관이 없습니다.", "There is no agency with that code."),
    "not_found.document_number": (
        "문서번호 {number}에 해당하는 연계를 찾을 수 없습니다.",
        "No referral has document number {number}.",
    ),
    "conflict": (
        "다른 곳에서 이미 처리된 기록입니다. 새로 불러와 주세요.",
        "This record was already changed elsewhere. Please reload it.",
    ),
    "conflict.case_edited": (
        "다른 PC에서 이 사례를 먼저 수정했습니다. 입력한 내용은 그대로 있습니다. 바뀐 항목을 "
        "확인한 뒤 현재 값을 불러오거나, 입력한 내용으로 다시 저장해 주세요.",
        "Someone else changed this case first. Everything you typed is still here. Check "
        "the changed fields, then load the current values or save your text again.",
    ),
    "conflict.username_taken": ("이미 쓰이는 아이디입니다.", "This username is already taken."),
    "conflict.last_administrator": (
        "마지막 관리자는 사용을 중지하거나 역할을 바꿀 수 없습니다.",
        "The last administrator cannot be disabled or given another role.",
    ),
    "conflict.self_disable": (
        "지금 로그인한 자기 계정은 사용을 중지할 수 없습니다.",
        "You cannot disable the account you are logged in with.",
    ),
    "conflict.account_disabled": ("사용이 중지된 계정입니다.", "This account is disabled."),
    "conflict.account_active": ("이미 사용 중인 계정입니다.", "This account is already active."),
    "conflict.inquiry_used": (
        "이 전화상담은 이미 사례로 등록되었습니다.",
        "This inquiry has already become a case.",
    ),
    "conflict.consent_withdrawn": (
        "이미 철회된 동의입니다.",
        "This consent was already withdrawn.",
    ),
    "illegal_transition": (
        "지금 단계에서는 이 변경을 할 수 없습니다.",
        "This change is not possible at the current stage.",
    ),
    "consent_required": (
        "이 기관에 정보를 보낼 유효한 동의가 없습니다. 동의를 먼저 받아 기록해 주세요.",
        "There is no valid consent to share with this agency. Obtain and record consent first.",
    ),
    "consent_required.named": (
        "{agency}에 정보를 보낼 유효한 동의가 없습니다. 동의를 먼저 받아 기록해 주세요.",
        "There is no valid consent to share with {agency}. Obtain and record consent first.",
    ),
    "store": ("데이터베이스를 열 수 없습니다.", "The database cannot be opened."),
    "store.too_new": (
        "더 새 버전의 프로그램이 만든 데이터베이스입니다. 프로그램을 업데이트하세요.",
        "The database was made by a newer version of the program. Please update the program.",
    ),
    "store.wrong_key": (
        "이 키로 열리지 않는 데이터베이스입니다(다른 센터의 파일이거나 손상됨).",
        "The database does not open with this key (another center's file, or damaged).",
    ),
    "store.server_url": (
        "센터 서버 주소가 올바르지 않습니다. postgresql:// 주소이어야 하고, 인증서를 확인하는 "
        "암호화 연결(sslmode=verify-full)만 쓸 수 있습니다.",
        "The center server address is not valid: it must be a postgresql:// address, and only "
        "encrypted connections that verify the certificate (sslmode=verify-full) are allowed.",
    ),
    "store.server_ca_file": (
        "센터 CA 인증서 파일이 없습니다. 관리자에게 받은 인증서 파일을 골라 주세요.",
        "The center's CA certificate file is missing. Choose the certificate file the "
        "administrator gave you.",
    ),
    "store.server_certificate": (
        "센터 서버의 인증서를 센터 CA 인증서로 확인할 수 없어 연결하지 않았습니다. 서버 주소와 "
        "CA 인증서 파일을 확인하세요.",
        "The center server's certificate does not match the center's CA certificate, so no "
        "connection was made. Check the server address and the CA certificate file.",
    ),
    "store.server_no_tls": (
        "센터 서버가 암호화 연결(TLS)을 받지 않습니다. 암호화 없이는 연결하지 않습니다.",
        "The center server does not accept encrypted (TLS) connections. It will not be used "
        "without encryption.",
    ),
    "store.server_login": (
        "센터 서버가 데이터베이스 계정의 비밀번호를 받아들이지 않았습니다.",
        "The center server did not accept the database account's password.",
    ),
    "store.server_unreachable": (
        "센터 서버가 응답하지 않습니다. 네트워크와 서버 상태를 확인하세요.",
        "The center server does not answer. Check the network and the server.",
    ),
    # --- accounts and login (services/auth.py) ------------------------------------------------
    "auth": ("로그인하지 못했습니다.", "Could not log in."),
    "auth.invalid_credentials": (
        "사용자 이름 또는 비밀번호가 맞지 않습니다.",
        "Login failed: wrong user name or password.",
    ),
    "auth.locked": (
        "로그인 실패가 많아 계정이 잠겼습니다.",
        "The account is locked after too many failed logins.",
    ),
    "auth.disabled": (
        "사용이 중지된 계정입니다. 관리자에게 문의하세요.",
        "This account is disabled. Please ask an administrator.",
    ),
    "auth.password_change_required": (
        "관리자가 정해 준 비밀번호입니다. 먼저 본인의 비밀번호로 바꾸세요.",
        "This password was set by an administrator. Change it to your own first.",
    ),
    "auth.account_changed": (
        "로그인한 뒤 계정의 역할이 바뀌었습니다. 다시 로그인하세요.",
        "The account's role changed after you logged in. Please log in again.",
    ),
    "auth.no_keyring": (
        "키 파일 없이는 계정을 바꿀 수 없습니다.",
        "Accounts cannot be changed without the key file.",
    ),
    "auth.not_set_up": (
        "아직 설정되지 않았습니다. 처음 설정(init)을 먼저 하세요.",
        "Not set up yet: run the first-time setup (init) first.",
    ),
    "auth.server_not_set_up": (
        "센터 서버에 아직 센터가 없습니다. 관리자가 서버를 준비하는 PC에서 "
        "onestop-desk-admin server init 을 먼저 실행해야 합니다.",
        "The center server holds no center yet. An administrator must first run "
        "onestop-desk-admin server init.",
    ),
    "auth.already_set_up": (
        "이 데이터 폴더는 이미 설정되어 있습니다.",
        "This data folder is already set up.",
    ),
    "auth.keyring_corrupt": (
        "키 파일(keyring.json)이 손상되었습니다. 관리자에게 문의하세요.",
        "The key file (keyring.json) is damaged. Please ask an administrator.",
    ),
    # --- security primitives (domain/security) ------------------------------------------------
    "security": ("보안 정보를 처리하지 못했습니다.", "The security data could not be processed."),
    "security.error": (
        "보안 정보를 처리하지 못했습니다.",
        "The security data could not be processed.",
    ),
    "security.wrong_secret": (
        "복구 키가 틀렸거나 이 센터의 것이 아닙니다.",
        "The recovery key is wrong or belongs to another center.",
    ),
    "security.corrupt_data": (
        "저장된 보안 정보가 손상되었습니다. 관리자에게 문의하세요.",
        "Stored security data is damaged. Please ask an administrator.",
    ),
    "recovery_key": ("복구 키 형식이 맞지 않습니다.", "The recovery key is malformed."),
    "recovery_key.invalid": ("복구 키 형식이 맞지 않습니다.", "The recovery key is malformed."),
    "recovery_key.empty": ("복구 키를 입력하세요.", "Enter the recovery key."),
    "recovery_key.hangul_input": (
        "한글 입력 상태입니다. 한/영 키를 눌러 주세요.",
        "The keyboard is in Hangul mode. Press the Han/Eng key.",
    ),
    "recovery_key.invalid_character": (
        "복구 키에 쓰이지 않는 글자가 있습니다.",
        "The recovery key contains a character that is never used in keys.",
    ),
    "recovery_key.wrong_length": ("복구 키는 30글자입니다.", "A recovery key has 30 characters."),
    "recovery_key.checksum_mismatch": (
        "복구 키에 잘못 읽은 글자(오타)가 있습니다.",
        "Some character of the recovery key was misread (a typo).",
    ),
    "password": ("비밀번호가 규칙에 맞지 않습니다.", "The password does not meet the rule."),
    "password.empty": ("비밀번호를 입력하세요.", "Enter the password."),
    "password.too_short": (
        "비밀번호는 8자 이상이어야 합니다.",
        "A password needs at least 8 characters.",
    ),
    "password.too_long": ("비밀번호가 너무 깁니다.", "The password is too long."),
    "password.too_few_classes": (
        "8~9자 비밀번호는 영문·한글·숫자·기호 중 2종류 이상이 필요합니다.",
        "A password of 8–9 characters needs at least 2 kinds of letters, Hangul, digits or "
        "symbols.",
    ),
    "password.reused": (
        "지금 쓰는 비밀번호와 다른 비밀번호를 정하세요.",
        "Choose a password different from the current one.",
    ),
    "password.mismatch": ("두 번 입력한 비밀번호가 다릅니다.", "The two passwords do not match."),
    "wrong": ("현재 비밀번호가 맞지 않습니다.", "The current password is wrong."),
    # --- field errors (FieldError.code) -------------------------------------------------------
    "required": ("꼭 입력해 주세요.", "Please fill this in."),
    "too_long": ("{max}자 이내로 줄여 주세요.", "Please shorten to {max} characters."),
    "unprintable": (
        "인쇄용 글꼴에 없는 글자라 인쇄물에는 �로 나옵니다: {chars}",
        "The print font has no glyph for these, so they print as �: {chars}",
    ),
    "in_future": ("오늘 이후 날짜는 쓸 수 없습니다.", "A date after today is not allowed."),
    "too_early": ("1900년 이후 날짜를 입력해 주세요.", "Please enter a date after 1900."),
    "invalid_phone": (
        "전화번호는 숫자 8~12자리로 입력해 주세요.",
        "A phone number has 8 to 12 digits.",
    ),
    "invalid_email": ("이메일 주소 형식이 아닙니다.", "This is not an email address."),
    "invalid_date": ("날짜는 2024-07-22 처럼 입력해 주세요.", "Enter dates like 2024-07-22."),
    "unknown_code": ("목록에 없는 값입니다.", "This value is not in the list."),
    "duplicate": ("같은 값이 두 번 선택되었습니다.", "The same value was chosen twice."),
    "before_incident": (
        "사건 발생일보다 앞설 수 없습니다.",
        "Cannot be before the date of the crime.",
    ),
    "before_given": ("동의일보다 앞설 수 없습니다.", "Cannot be before the consent date."),
    "not_after_reply": (
        "회신 받은 날보다 뒤의 날짜여야 합니다.",
        "Must be a date after the reply was received.",
    ),
    "below_risk": (
        "위험도가 높은 사례의 연계는 긴급도를 낮출 수 없습니다.",
        "A referral of a high-risk case cannot be made less urgent.",
    ),
    "unknown_user": ("등록되지 않은 상담원입니다.", "Unknown counselor."),
    "not_a_counselor": (
        "사용 중인 상담원이나 팀장에게만 사례를 맡길 수 있습니다.",
        "A case can only be given to an active counselor or team lead.",
    ),
    "year_full": (
        "올해 사례 번호를 더 만들 수 없습니다. 관리자에게 알려 주세요.",
        "No more case numbers this year. Please tell the administrator.",
    ),
    "not_offered": (
        "이 기관이 제공하지 않는 프로그램이 있습니다.",
        "Some programmes are not offered by this agency.",
    ),
    "wrong_area": (
        "지원 영역과 프로그램이 맞지 않습니다.",
        "The programme does not belong to this support area.",
    ),
    "invalid_code": (
        "영문, 숫자, 밑줄(_)만 쓸 수 있습니다.",
        "Only Latin letters, digits and underscores (_).",
    ),
    "invalid": ("올바르지 않은 값입니다.", "Invalid value."),
    "check_value": ("입력값을 확인해 주세요.", "Please check this value."),
    "invalid_range": (
        "시작일이 종료일보다 늦습니다.",
        "The start date is after the end date.",
    ),
    "out_of_range": ("허용 범위를 벗어난 값입니다.", "The value is outside the allowed range."),
    "consent_items_required": (
        "동의한 항목을 하나 이상 선택해 주세요.",
        "Choose at least one item the person agreed to.",
    ),
    "no_open_referral": (
        "이 기관으로 진행 중인 연계가 없습니다.",
        "There is no open referral to this agency.",
    ),
    "chain_broken": (
        "접속기록 사슬이 손상되어 있어 지울 수 없습니다. 먼저 점검해 주세요.",
        "The access log chain is damaged, so nothing may be removed. Verify it first.",
    ),
    "not_a_list": ("목록([ … ])이어야 합니다.", "Must be a list ([ … ])."),
    "not_an_object": ("항목({ … })이어야 합니다.", "Must be an object ({ … })."),
    "not_text": ('글자("…")여야 합니다.', 'Must be text ("…").'),
    "not_a_number": ("숫자여야 합니다.", "Must be a number."),
    "not_yes_no": ("true 또는 false 여야 합니다.", "Must be true or false."),
    "unknown_field": (
        "알 수 없는 항목입니다(철자를 확인해 주세요).",
        "Unknown field (check the spelling).",
    ),
    # --- documents (reports/errors.py) --------------------------------------------------------
    "document_error": ("문서를 만들지 못했습니다.", "The document could not be made."),
    "consent_not_valid": (
        "의뢰서 날짜에 유효한 동의가 없어 출력할 수 없습니다.",
        "No consent is valid on the letter's date, so it cannot be printed.",
    ),
    "discreet_wording": (
        "눈에 띄지 않는 안내문에 범죄나 피해를 드러내는 말이 있습니다. 고쳐 주세요.",
        "The discreet sheet contains words that reveal a crime or a victim. Please reword them.",
    ),
    # --- exports to USB (services/export.py) --------------------------------------------------
    "export": (
        "파일을 저장하지 못했습니다. 다시 시도해 주세요.",
        "The file could not be saved. Please try again.",
    ),
    "export.io_error": (
        "파일을 저장하지 못했습니다. 다시 시도해 주세요.",
        "The file could not be saved. Please try again.",
    ),
    "export.disk_full": (
        "USB 저장 공간이 부족합니다. 파일은 만들어지지 않았습니다. "
        "공간을 비우거나 다른 USB를 사용해 주세요.",
        "The USB drive is full. The file was not created. Free up space or use another USB drive.",
    ),
    "export.device_gone": (
        "USB가 분리되었거나 읽을 수 없습니다. 파일은 만들어지지 않았습니다. "
        "USB를 다시 꽂고 다시 시도해 주세요.",
        "The USB drive was removed or cannot be read. The file was not created. Plug the USB "
        "drive back in and try again.",
    ),
    "export.not_writable": (
        "이 위치에는 저장할 수 없습니다(쓰기 금지 또는 권한 없음). 다른 곳을 골라 주세요.",
        "Files cannot be saved here (write-protected or no permission). Please choose another "
        "location.",
    ),
    "export.target_missing": (
        "저장할 폴더가 없습니다. USB가 꽂혀 있는지 확인해 주세요.",
        "The folder to save to is not there. Check that the USB drive is plugged in.",
    ),
    "export.verify_failed": (
        "저장한 파일을 확인하지 못해 지웠습니다. USB 상태를 확인하고 다시 시도해 주세요.",
        "The saved file could not be verified, so it was deleted. Check the USB drive and try "
        "again.",
    ),
    # --- backups (services/backups.py) --------------------------------------------------------
    "backup": ("백업 작업 중 오류가 났습니다.", "An error occurred during the backup."),
    "backup.io_error": ("백업 작업 중 오류가 났습니다.", "An error occurred during the backup."),
    "backup.not_found": (
        "백업 파일이나 폴더를 찾을 수 없습니다.",
        "The backup file or folder cannot be found.",
    ),
    "backup.wrong_key": (
        "이 센터의 데이터베이스 키로 열리지 않는 백업입니다.",
        "This backup does not open with this center's database key.",
    ),
    "backup.damaged": (
        "백업 파일이 손상되어 복원할 수 없습니다.",
        "The backup file is damaged and cannot be restored.",
    ),
    "backup.too_new": (
        "더 새 버전의 프로그램이 만든 백업입니다. 프로그램을 업데이트해 주세요.",
        "This backup was made by a newer version of the program. Please update the program.",
    ),
    "backup.disk_full": (
        "저장 공간이 부족해 백업하지 못했습니다.",
        "Not enough storage space: the backup was not made.",
    ),
    "backup.not_writable": (
        "이 위치에는 백업을 저장할 수 없습니다.",
        "Backups cannot be saved in this location.",
    ),
    # --- backups of the center server (services/backups.py, db/server_backup.py) -----------
    "backup.wrong_store": (
        "이 백업은 다른 종류의 저장소(이 PC만 사용 / 센터 서버)의 백업입니다.",
        "This backup belongs to the other kind of store (this PC only / center server).",
    ),
    "backup.pg_tool_missing": (
        "PostgreSQL 클라이언트 프로그램({tool})을 찾을 수 없습니다. "
        "postgresql-client를 설치해 주세요.",
        "The PostgreSQL client program ({tool}) cannot be found. Install postgresql-client.",
    ),
    "backup.pg_tool_too_old": (
        "{tool} 버전({tool_version})이 센터 서버의 PostgreSQL 버전({server_version})보다 "
        "낮습니다. 서버와 같거나 새 버전의 postgresql-client를 설치해 주세요.",
        "{tool} version {tool_version} is older than the center server's PostgreSQL "
        "({server_version}). Install postgresql-client of the server's version or newer.",
    ),
    "backup.dump_failed": (
        "센터 서버 데이터베이스를 내보내지 못했습니다(pg_dump). 백업은 만들어지지 않았습니다.",
        "The center server's database could not be dumped (pg_dump): no backup was made.",
    ),
    "backup.restore_failed": (
        "백업을 새 데이터베이스에 복원하지 못했습니다. 사용 중인 데이터베이스는 그대로입니다.",
        "The backup could not be restored into a new database. The database in use is unchanged.",
    ),
    "backup.restore_unverified": (
        "복원한 데이터베이스가 확인을 통과하지 못해 전환하지 않았습니다. "
        "사용 중인 데이터베이스는 그대로입니다.",
        "The restored database did not pass its checks, so nothing was switched. The "
        "database in use is unchanged.",
    ),
    "backup.in_use": (
        "다른 연결({connections}개)이 아직 센터 서버 데이터베이스를 쓰고 있어 전환하지 "
        "않았습니다. 모든 PC에서 프로그램을 닫고 다시 시도해 주세요. 사용 중인 "
        "데이터베이스는 그대로입니다.",
        "Other connections ({connections}) still use the center server's database, so "
        "nothing was switched. Close the program on every PC and try again. The database in "
        "use is unchanged.",
    ),
    "backup.no_createdb": (
        "데이터베이스 역할에 새 데이터베이스를 만들거나 이름을 바꿀 권한이 없습니다"
        "(CREATEDB, 데이터베이스 소유자). 관리자 안내서의 센터 서버 백업을 보세요.",
        "The database role may not create or rename databases (CREATEDB, database owner). "
        "See the admin guide on center server backups.",
    ),
    "backup.database_exists": (
        "복원할 데이터베이스 {database}이(가) 이미 있습니다. 다른 이름을 정해 주세요.",
        "A database named {database} already exists. Choose another name to restore into.",
    ),
    "backup.bad_database_name": (
        "데이터베이스 이름 {database}은(는) 쓸 수 없습니다(영문 소문자, 숫자, _만).",
        "The database name {database} cannot be used (lower-case letters, digits and _ only).",
    ),
    # --- moving a single-PC store into the center server (services/server_import.py) -------
    "import": (
        "PC 자료를 센터 서버로 가져오지 못했습니다. 서버에는 아무것도 바뀌지 않았습니다.",
        "The PC's data could not be imported into the center server. Nothing changed on the "
        "server.",
    ),
    "import.source_missing": (
        "가져올 데이터베이스(onestop.db)와 그 옆의 keyring.json을 찾을 수 없습니다.",
        "The database to import (onestop.db) and the keyring.json beside it were not found.",
    ),
    "import.source_keyring": (
        "가져올 PC의 keyring.json을 읽을 수 없습니다(손상되었거나 다른 파일).",
        "The source PC's keyring.json cannot be read (damaged, or another file).",
    ),
    "import.source_wrong_secret": (
        "가져올 PC의 관리자 계정·비밀번호 또는 복구 키가 맞지 않습니다.",
        "The source PC's administrator name and password, or its recovery key, do not match.",
    ),
    "import.source_not_admin": (
        "가져올 PC에서 관리자인 활성 계정으로만 가져올 수 있습니다.",
        "Only an active administrator account of the source PC can import it.",
    ),
    "import.source_damaged": (
        "가져올 데이터베이스가 손상되어 있어 가져오지 않았습니다. 그 PC의 백업을 확인하세요.",
        "The database to import is damaged, so it was not imported. Check that PC's backups.",
    ),
    "import.source_tampered": (
        "가져올 PC의 접속기록이 변조되었거나 일부가 없어 가져오지 않았습니다.",
        "The source PC's access log has been altered or is missing rows, so it was not imported.",
    ),
    "import.source_too_new": (
        "가져올 데이터베이스를 더 새 버전의 프로그램이 만들었습니다. 프로그램을 업데이트하세요.",
        "The database to import was made by a newer version of the program. Please update.",
    ),
    "import.already_imported": (
        "이 PC의 자료는 이미 센터 서버로 가져왔습니다. 두 번 가져오지 않습니다.",
        "This PC's data has already been imported into the center server; it is not imported "
        "twice.",
    ),
    "import.numbers_full": (
        "{year}년의 사례번호 또는 문서번호가 모두 쓰여 가져올 수 없습니다.",
        "No case or document number is left in {year}, so the data cannot be imported.",
    ),
    "import.not_server": (
        "이 데이터 폴더는 센터 서버에 연결되어 있지 않습니다. 서버에 연결된 데이터 폴더에서 "
        "가져오세요.",
        "This data folder is not connected to the center server. Import from a data folder "
        "connected to the server.",
    ),
    # --- why the access log's chain does not verify (services/access_log.py) ------------------
    "audit": ("기록 사슬이 맞지 않습니다.", "The log chain does not match."),
    "audit.row_edited": (
        "기록 내용이 작성 후에 바뀌었습니다.",
        "An entry was changed after it was written.",
    ),
    "audit.row_missing": (
        "기록이 빠졌습니다(번호가 건너뜁니다).",
        "An entry is missing (a number is skipped).",
    ),
    "audit.row_inserted": (
        "기록이 끼워 넣어졌습니다(같은 번호).",
        "An entry was inserted (duplicate number).",
    ),
    "audit.out_of_order": ("기록 순서가 뒤바뀌었습니다.", "Entries are out of order."),
    "audit.link_broken": (
        "앞 기록과의 연결이 끊겼습니다(앞 기록이 고쳐졌거나 지워졌습니다).",
        "The link to the previous entry is broken (the previous entry was altered or deleted).",
    ),
    "audit.head_mismatch": (
        "마지막으로 확인한 기록까지 이어지지 않습니다(끝부분이 잘렸습니다).",
        "The chain does not reach the last verified entry (the end was cut off).",
    ),
    "audit.head_invalid": (
        "keyring.json에 기억해 둔 접속기록의 끝이 고쳐졌거나 다른 데이터베이스의 것입니다.",
        "The end of the access log remembered in keyring.json was altered or belongs to "
        "another database.",
    ),
    # --- the administration command (cli/) ----------------------------------------------------
    "secret.server_missing": (
        "센터 서버 비밀번호가 없습니다(ONESTOP_DESK_SERVER_PASSWORD 또는 표준 입력).",
        "No center server password given (ONESTOP_DESK_SERVER_PASSWORD or standard input).",
    ),
    "secret.missing": (
        "비밀번호가 없습니다(ONESTOP_DESK_PASSWORD 또는 표준 입력).",
        "No password given (ONESTOP_DESK_PASSWORD or standard input).",
    ),
    "secret.new_missing": (
        "새 비밀번호가 없습니다(ONESTOP_DESK_NEW_PASSWORD 또는 표준 입력의 다음 줄).",
        "No new password given (ONESTOP_DESK_NEW_PASSWORD or the next line of standard input).",
    ),
    "file": ("파일을 쓸 수 없습니다.", "The file cannot be written."),
    "demo.unavailable": (
        "이 설치본에는 데모 데이터 생성기가 없습니다.",
        "This installation has no demo data generator.",
    ),
    "demo.real_data": (
        "실제 사례가 있는 데이터베이스에는 데모 자료를 넣을 수 없습니다.",
        "Refusing to add demo data to a database with real cases.",
    ),
    "demo.flag": (
        "데모 자료는 --yes-this-is-a-demo-database 를 붙여야 넣습니다.",
        "Demo data needs --yes-this-is-a-demo-database.",
    ),
    "purge.confirm": ("--dry-run 또는 --yes 중 하나를 지정하세요.", "Give --dry-run or --yes."),
    "intake.unreadable": (
        "접수 파일을 읽을 수 없습니다.",
        "The intake file cannot be read.",
    ),
    "intake.not_json": (
        "접수 파일이 JSON 형식이 아닙니다({line}번째 줄, {column}번째 글자).",
        "The intake file is not valid JSON (line {line}, column {column}).",
    ),
    "intake.not_utf8": (
        "접수 파일은 UTF-8로 저장해야 합니다.",
        "The intake file must be saved as UTF-8.",
    ),
}

# Where a field gives a general code a narrower meaning, its words say so.
FIELD_MESSAGES: dict[tuple[str, str], Words] = {
    ("user.username", "invalid"): (
        "사용자 이름은 글자, 숫자, 점(.), 밑줄(_)만 쓸 수 있습니다.",
        "A user name may contain only letters, digits, dots (.) and underscores (_).",
    ),
    ("user.role", "invalid"): (
        "목록에 있는 역할을 골라 주세요.",
        "Choose one of the listed roles.",
    ),
    ("audit.month", "invalid"): (
        "달은 2026-11 처럼 입력해 주세요.",
        "Enter the month like 2026-11.",
    ),
}

# ConflictError carries its reason as a fixed English phrase; these give it a code.
_CONFLICT_CODES = {
    "username taken": "conflict.username_taken",
    "last administrator": "conflict.last_administrator",
    "cannot disable yourself": "conflict.self_disable",
    "account is disabled": "conflict.account_disabled",
    "account is active": "conflict.account_active",
    "inquiry already became a case": "conflict.inquiry_used",
    "consent already withdrawn": "conflict.consent_withdrawn",
}

# NotFoundError says what was looked for by the key of its params.
_NOT_FOUND_CODES = {
    "number": "not_found.document_number",
    "case_number": "not_found.case",
    "username": "not_found.account",
    "code": "not_found.agency",
}


def words(code: str, field: str = "") -> Words:
    """Korean and English for ``code`` (see the module docstring for the lookup order)."""
    found = FIELD_MESSAGES.get((field, code)) if field else None
    return found or MESSAGES.get(code) or MESSAGES.get(code.split(".", 1)[0]) or GENERAL


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def text(
    code: str,
    language: Language = Language.KO,
    *,
    field: str = "",
    params: Mapping[str, Any] | None = None,
) -> str:
    """The words for ``code`` in one language, placeholders filled from ``params``."""
    ko, en = words(code, field)
    template = en if language is Language.EN else ko
    return template.format_map(_Params({k: str(v) for k, v in (params or {}).items()}))


def error_code(exc: BaseException) -> str:
    """The most specific code this table has words for, for any exception."""
    if isinstance(exc, NotFoundError):
        for key, code in _NOT_FOUND_CODES.items():
            if key in exc.params:
                return code
    if isinstance(exc, ConflictError):
        return _CONFLICT_CODES.get(str(exc), exc.code)
    if isinstance(exc, DomainError | SecurityError):
        return str(exc.code)
    # Documents refuse to render with coded errors that are not DomainErrors.
    raw = getattr(exc, "code", None)
    return raw if isinstance(raw, str) and raw in MESSAGES else "internal"


def error_text(exc: BaseException, language: Language = Language.KO) -> str:
    """One text for any exception: each field error's words, or the error's own."""
    if isinstance(exc, ValidationError):
        return " ".join(
            dict.fromkeys(
                text(e.code, language, field=e.field, params=e.params) for e in exc.errors
            )
        )
    params = exc.params if isinstance(exc, DomainError) else {}
    return text(error_code(exc), language, params=params)
