<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/about_dialog.py" line="39"/>
        <source>원스톱 데스크 정보</source>
        <translation>About OneStop Desk</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/about_dialog.py" line="42"/>
        <source>원스톱 데스크</source>
        <translation>OneStop Desk</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/about_dialog.py" line="45"/>
        <source>버전 %1 · 범죄피해자 원스톱 솔루션센터의 접수·연계 프로그램</source>
        <translation>Version %1 · Intake and referral program for crime victim one-stop centers</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/about_dialog.py" line="61"/>
        <source>사용한 소프트웨어</source>
        <translation>Software used</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/about_dialog.py" line="62"/>
        <source>글꼴 라이선스(OFL)</source>
        <translation>Font licence (OFL)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/about_dialog.py" line="64"/>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="140"/>
        <source>첫 관리자 계정</source>
        <translation>First administrator account</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="142"/>
        <source>관리자는 계정과 접속기록을 관리합니다. 한 사람이 한 계정을 씁니다.</source>
        <translation>The administrator manages accounts and the access log. Each person uses their own account.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="152"/>
        <source>사용자 이름</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="153"/>
        <source>표시 이름</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="174"/>
        <source>암호화된 데이터베이스를 만드는 중…</source>
        <translation>Creating the encrypted database…</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="62"/>
        <source>기관 정보 수정</source>
        <translation>Edit agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="62"/>
        <source>기관 추가</source>
        <translation>Add agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="82"/>
        <source>코드(영문)</source>
        <translation>Code (Latin letters)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="85"/>
        <source>기관명</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="87"/>
        <source>영문 기관명</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="88"/>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="89"/>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="90"/>
        <source>팩스</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="91"/>
        <source>이메일</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="93"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="94"/>
        <source>센터 상주 기관은 비워 두면 센터 주소</source>
        <translation>Resident partners: leave empty to use the center&apos;s address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="95"/>
        <source>찾아갈 곳</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="96"/>
        <source>층·호실·창구 (예: 3층 301호)</source>
        <translation>Floor, room or desk (e.g. 3F room 301)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="97"/>
        <source>운영 시간</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="100"/>
        <source>조용한 안내문 이름</source>
        <translation>Name on a discreet sheet</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="102"/>
        <source>기관의 목적이 드러나지 않는 이름</source>
        <translation>A name that does not reveal what the agency is for</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="104"/>
        <source>조용한 안내문 전화</source>
        <translation>Phone on a discreet sheet</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="106"/>
        <source>비워 두면 센터의 일반 전화로 안내</source>
        <translation>Leave empty to print the center&apos;s ordinary line</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="111"/>
        <source>하는 일</source>
        <translation>What it does</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="122"/>
        <source>지원 영역</source>
        <translation>Support areas</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="124"/>
        <source>센터 상주 기관</source>
        <translation>Resident at the center</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="127"/>
        <source>사용 중</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="136"/>
        <source>오늘 확인함</source>
        <translation>Verified today</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="141"/>
        <source>정보 확인일</source>
        <translation>Verified on</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="458"/>
        <source>담당 변경</source>
        <translation>Change counselor</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="466"/>
        <source>%1 · 지금 담당: %2</source>
        <translation>%1 · Current counselor: %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="468"/>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="481"/>
        <source>새 담당자</source>
        <translation>New counselor</translation>
    </message>
</context>
<context>
    <name>AuditEventModel</name>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="108"/>
        <source>번호</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="109"/>
        <source>일시</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="110"/>
        <source>사용자</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="111"/>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="112"/>
        <source>사례번호</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="113"/>
        <source>작업</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="114"/>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="115"/>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="175"/>
        <source>접속기록</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="182"/>
        <source>사용자 아이디</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="185"/>
        <source>사례번호</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="188"/>
        <source>모든 작업</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="194"/>
        <source>조회</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="214"/>
        <source>체인 검증</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="223"/>
        <source>월간 점검</source>
        <translation>Monthly review</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="231"/>
        <source>점검표 보기</source>
        <translation>Show review</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="234"/>
        <source>점검할 달</source>
        <translation>Month to review</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="244"/>
        <source>사용자</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="245"/>
        <source>작업</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="246"/>
        <source>건수</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="264"/>
        <source>내보내는 사유(필수, 접속기록에 남습니다)</source>
        <translation>Reason for export (required, recorded in the access log)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="267"/>
        <source>CSV 내보내기…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="270"/>
        <source>점검표 CSV 내보내기…</source>
        <translation>Export review as CSV…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="335"/>
        <source>날짜는 2026-11-01 처럼 입력해 주세요.</source>
        <translation>Enter dates like 2026-11-01.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="374"/>
        <source>%1건</source>
        <translation>Entries: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="376"/>
        <source>(가장 최근 %1건만 가져왔습니다. 기간을 좁혀 주세요.)</source>
        <translation>(only the latest %1 loaded; narrow the period)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="390"/>
        <source>검증하는 중…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="395"/>
        <source>접속기록을 검증하는 중입니다…</source>
        <translation>Verifying the access log…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="403"/>
        <source>기록 %1건의 사슬이 모두 온전합니다.</source>
        <translation>Chain intact: all entries checked (%1).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="433"/>
        <source>월간 점검표를 만드는 중입니다…</source>
        <translation>Preparing the monthly review…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="444"/>
        <source>%1: 기록 %2건</source>
        <translation>Entries in %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="447"/>
        <source>눈여겨볼 점이 없습니다.</source>
        <translation>Nothing needs attention.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="460"/>
        <source>내보내는 사유를 적어 주세요.</source>
        <translation>Please write the reason for the export.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="467"/>
        <source>CSV로 저장</source>
        <translation>Save as CSV</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="467"/>
        <source>CSV 파일 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_page.py" line="515"/>
        <source>저장했습니다: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="49"/>
        <source>사용자 %1번</source>
        <translation>user #%1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="53"/>
        <source>문서번호 없음</source>
        <translation>no document number</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="58"/>
        <source>안내문</source>
        <translation>take-home sheet</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="59"/>
        <source>연계 의뢰서</source>
        <translation>referral letters</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="60"/>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="61"/>
        <source>안내문과 연계 의뢰서</source>
        <translation>take-home sheet and referral letters</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="73"/>
        <source>사례를 등록했습니다.</source>
        <translation>Case registered.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="74"/>
        <source>사례를 열람했습니다.</source>
        <translation>Case opened for viewing.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="75"/>
        <source>사례 정보를 수정했습니다.</source>
        <translation>Case details edited.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="77"/>
        <source>단계를 바꿨습니다: %1 → %2</source>
        <translation>Stage changed: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="81"/>
        <source>담당 상담원을 바꿨습니다: %1</source>
        <translation>Counselor in charge changed to %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="83"/>
        <source>메모를 추가했습니다.</source>
        <translation>Note added.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="84"/>
        <source>가려진 이름을 보았습니다.</source>
        <translation>Masked name shown in full.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="85"/>
        <source>욕구 체크리스트를 저장했습니다.</source>
        <translation>Needs checklist saved.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="87"/>
        <source>욕구 항목(%1번)의 상태를 바꿨습니다: %2</source>
        <translation>Need item #%1 set to: %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="92"/>
        <source>연계 의뢰 %1을(를) 작성했습니다.</source>
        <translation>Referral %1 drafted.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="95"/>
        <source>연계 의뢰 %1의 상태를 바꿨습니다: %2</source>
        <translation>Referral %1 set to: %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="100"/>
        <source>연계 의뢰 %1의 회신을 기록했습니다.</source>
        <translation>Reply to referral %1 recorded.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="103"/>
        <source>연계 의뢰 %1의 긴급도를 바꿨습니다: %2</source>
        <translation>Urgency of referral %1 set to: %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="109"/>
        <source>연계 의뢰 %1의 후속 확인일을 정했습니다: %2</source>
        <translation>Follow-up of referral %1 set for %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="115"/>
        <source>연계 의뢰 %1의 후속 확인일을 지웠습니다.</source>
        <translation>Follow-up date of referral %1 cleared.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="119"/>
        <source>%1에 대한 정보 제공 동의를 기록했습니다 (%2).</source>
        <translation>Consent to share with %1 recorded (%2).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="121"/>
        <source>항목 없음</source>
        <translation>no items</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="124"/>
        <source>%1에 대한 정보 제공 동의 철회를 기록했습니다.</source>
        <translation>Consent to share with %1 withdrawn.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="128"/>
        <source>%1을(를) 만들었습니다 (%2).</source>
        <translation>Prepared the %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="131"/>
        <source>%1 (%2) → %3</source>
        <translation>%1 (%2) → %3</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="134"/>
        <source>사례 요약을 암호화한 파일로 내보냈습니다: %1</source>
        <translation>Case summary exported as an encrypted file: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="136"/>
        <source>사례 요약을 연계 의뢰서와 함께 암호화한 파일로 내보냈습니다: %1</source>
        <translation>Case summary with referral letters exported as an encrypted file: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="142"/>
        <source>사례 요약을 내보내지 못했습니다 (%1): %2</source>
        <translation>Case summary export failed (%1): %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="145"/>
        <source>%1 ~ %2 통계를 %3 파일로 내보냈습니다.</source>
        <translation>Statistics %1 to %2 exported as a %3 file.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="150"/>
        <source>접속기록을 CSV 파일로 내보냈습니다.</source>
        <translation>Access log exported as a CSV file.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="154"/>
        <source>%1 월간 점검표를 CSV 파일로 저장했습니다.</source>
        <translation>Monthly review for %1 saved as a CSV file.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="156"/>
        <source>복구 키 용지를 출력했습니다.</source>
        <translation>Recovery key sheet printed.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="160"/>
        <source>명령줄에서 검색했습니다: %1건 표시</source>
        <translation>Searched from the command line: %1 rows shown</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="163"/>
        <source>센터를 설치했습니다 (첫 관리자: %1).</source>
        <translation>Center set up (first administrator: %1).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="166"/>
        <source>계정 %1을(를) 만들었습니다 (역할: %2).</source>
        <translation>Account %1 created (role: %2).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="171"/>
        <source>%1 님이 자신의 비밀번호를 바꿨습니다.</source>
        <translation>%1 changed their own password.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="174"/>
        <source>계정 %1의 비밀번호를 새로 정했습니다.</source>
        <translation>Password of account %1 reset.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="177"/>
        <source>계정 %1을(를) 다시 사용하게 했습니다.</source>
        <translation>Account %1 enabled again.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="180"/>
        <source>계정 %1의 사용을 중지했습니다.</source>
        <translation>Account %1 disabled.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="183"/>
        <source>계정 %1의 역할을 바꿨습니다: %2 → %3</source>
        <translation>Role of account %1 changed: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="189"/>
        <source>복구 키로 계정 %1의 비밀번호를 새로 정했습니다.</source>
        <translation>Password of account %1 reset with the recovery key.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="191"/>
        <source>데이터베이스가 키 파일보다 오래되어 저장된 비밀번호를 새로 맞췄습니다.</source>
        <translation>The database was older than the key file: the stored password was brought up to date.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="195"/>
        <source>잠금 규칙: 로그인 %1회 실패 시 %2분 잠금, %3분 입력이 없으면 화면 잠금</source>
        <translation>Lock rules: %1 failed logins lock the account for %2 min; the screen locks after %3 min without input</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="200"/>
        <source>비밀번호가 틀렸습니다.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="201"/>
        <source>없는 아이디입니다.</source>
        <translation>No such username.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="202"/>
        <source>잠긴 계정으로 로그인하려 했습니다.</source>
        <translation>Login tried while the account was locked.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="205"/>
        <source>사용이 중지된 계정입니다.</source>
        <translation>The account is disabled.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="206"/>
        <source>이 데이터베이스에 없는 계정입니다 (더 오래된 백업에서 복원했을 수 있습니다).</source>
        <translation>The account is not in this database (it may have been restored from an older backup).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="209"/>
        <source>복구 키가 틀렸습니다.</source>
        <translation>Wrong recovery key.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="210"/>
        <source>화면 잠금을 풀 때 비밀번호가 틀렸습니다.</source>
        <translation>Wrong password at the lock screen.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="214"/>
        <source>기록을 기다리던 로그인 실패 %1건은 대기열이 가득 차 남기지 못했습니다.</source>
        <translation>%1 earlier failed logins could not be kept (the queue was full).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="219"/>
        <source>입력이 없어 화면이 잠겼습니다.</source>
        <translation>Screen locked after a time without input.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="220"/>
        <source>사용자가 화면을 잠갔습니다.</source>
        <translation>Screen locked by the user.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="221"/>
        <source>사용자가 로그아웃했습니다.</source>
        <translation>Logged out by the user.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="222"/>
        <source>다른 사용자로 바꿨습니다.</source>
        <translation>Switched to another user.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="223"/>
        <source>비밀번호를 바꾸지 않아 로그인을 끝냈습니다.</source>
        <translation>Session ended: the password was not changed.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="226"/>
        <source>프로그램을 닫았습니다.</source>
        <translation>Program closed.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="227"/>
        <source>잠금 화면에서 로그아웃했습니다.</source>
        <translation>Logged out at the lock screen.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="230"/>
        <source>백업에서 복원하려고 로그아웃했습니다.</source>
        <translation>Logged out to restore from a backup.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="233"/>
        <source>설치 점검을 마쳤습니다.</source>
        <translation>Installation self-test finished.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="234"/>
        <source>명령줄 작업을 마쳤습니다.</source>
        <translation>Command-line task finished.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="235"/>
        <source>센터 정보를 수정했습니다.</source>
        <translation>Center details edited.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="237"/>
        <source>기관 정보를 저장했습니다: %1</source>
        <translation>Agency details saved: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="240"/>
        <source>자동 백업을 %1일치 보관하도록 정했습니다.</source>
        <translation>Automatic backups now kept for %1 days.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="243"/>
        <source>종결 사례 보존 기간을 바꿨습니다: %1년 → %2년</source>
        <translation>Retention of closed cases changed: %1 years → %2 years</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="246"/>
        <source>데이터베이스를 백업했습니다: %1</source>
        <translation>Database backed up: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="249"/>
        <source>데이터베이스 점검에서 문제가 나왔습니다: %1</source>
        <translation>The database check found a problem: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="252"/>
        <source>백업 %1에서 데이터베이스를 복원했습니다 (이전 파일은 %2로 보관).</source>
        <translation>Database restored from backup %1 (the previous file kept as %2).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="257"/>
        <source>파기 대상을 확인했습니다: %1건</source>
        <translation>Cases due for destruction checked: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="260"/>
        <source>%1에 종결된 사례를 보존 기간 %2년이 지나 파기했습니다.</source>
        <translation>Case closed on %1 destroyed after its %2-year retention period.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="265"/>
        <source>보존 기간이 지난 접속기록 %1건을 지웠습니다 (%2번부터 남음).</source>
        <translation>%1 access-log rows past their retention removed (kept from row %2).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="269"/>
        <source>연습용 사례 %1건을 만들었습니다.</source>
        <translation>%1 practice cases created.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/audit_words.py" line="272"/>
        <source>전화 상담을 기록했습니다 (%1번).</source>
        <translation>Phone inquiry recorded (#%1).</translation>
    </message>
</context>
<context>
    <name>AuthMessages</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/fields.py" line="41"/>
        <source>8자 이상, 2종류 이상의 문자(10자 이상이면 1종류)로 정하세요.</source>
        <translation>Use at least 8 characters of 2 or more kinds (1 kind is enough from 10 characters).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/messages.py" line="38"/>
        <source>%1에 풀립니다.</source>
        <translation>Unlocks at %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/onestop_desk/ui/auth/messages.py" line="43"/>
        <source>%n번 더 틀리면 계정이 잠깁니다.</source>
        <translation>
            <numerusform>%n more wrong try locks the account.</numerusform>
            <numerusform>%n more wrong tries lock the account.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="82"/>
        <source>백업과 복원</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="84"/>
        <source>백업은 데이터베이스와 같은 키로 암호화됩니다. 프로그램을 닫을 때와 하루 한 번 자동으로 만들어집니다.</source>
        <translation>Backups are encrypted with the same key as the database. They are made automatically when the program closes and once a day.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="92"/>
        <source>만든 때</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="93"/>
        <source>크기</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="94"/>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="97"/>
        <source>지금 백업</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="98"/>
        <source>다른 곳에 백업…</source>
        <translation>Back up to another location…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="100"/>
        <source>선택한 백업으로 복원…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="127"/>
        <source>이 화면에서는 백업을 사용할 수 없습니다.</source>
        <translation>Backups are not available here.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="145"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="147"/>
        <source>자동</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="147"/>
        <source>이전 버전</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="168"/>
        <source>백업하는 중입니다…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="173"/>
        <source>백업을 저장할 폴더</source>
        <translation>Folder for the backup</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="185"/>
        <source>백업했습니다: %1</source>
        <translation>Backed up: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="196"/>
        <source>복원할 백업을 골라 주세요.</source>
        <translation>Please choose a backup to restore.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="201"/>
        <source>백업을 검사하는 중입니다…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="207"/>
        <source>%1에 만든 백업(사례 %2건)으로 되돌립니다.
그 뒤에 입력한 내용은 지금 데이터베이스의 사본으로만 남습니다. 계속할까요?</source>
        <translation>The data will go back to the backup made on %1 (cases: %2).
Anything entered after that will be kept only in a copy of the current database. Continue?</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="215"/>
        <source>복원 확인</source>
        <translation>Confirm restore</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="221"/>
        <source>복원하지 않았습니다.</source>
        <translation>Nothing was restored.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/backup_dialog.py" line="223"/>
        <source>프로그램이 데이터베이스를 닫고 복원합니다…</source>
        <translation>The program is closing the database to restore it…</translation>
    </message>
</context>
<context>
    <name>CaseFactFields</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="239"/>
        <source>사건 정보</source>
        <translation>Case facts</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="251"/>
        <source>입력해 찾기 (예: 상해, ㅅㅎ)</source>
        <translation>Type to find (e.g. injury)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="271"/>
        <source>경찰서</source>
        <translation>Police station</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="273"/>
        <source>검찰청</source>
        <translation>Prosecution office</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="275"/>
        <source>사건번호</source>
        <translation>Case reference</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="277"/>
        <source>가해자가 친족</source>
        <translation>Offender is kin</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="289"/>
        <source>통계 작성에 쓰는 것에 동의함</source>
        <translation>Agrees to be counted in the statistics</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="293"/>
        <source>접수 경로</source>
        <translation>Intake channel</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="294"/>
        <source>접수일</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="299"/>
        <source>범죄 유형(&amp;T)</source>
        <translation>Crime &amp;types</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="326"/>
        <source>위험도(&amp;K)</source>
        <translation>Ris&amp;k level</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="305"/>
        <source>피해를 안 날</source>
        <translation>Harm known on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="307"/>
        <source>사건 발생일</source>
        <translation>Date of the crime</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="310"/>
        <source>사건 장소</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="311"/>
        <source>신고 여부</source>
        <translation>Reported?</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="321"/>
        <source>수사기관</source>
        <translation>Police / prosecution</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="325"/>
        <source>가해자와의 관계</source>
        <translation>Relation to offender</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="330"/>
        <source>사건 요약</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="331"/>
        <source>이미 받은 지원</source>
        <translation>Support already received</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="197"/>
        <source>찾기(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="202"/>
        <source>이름(두 글자 이상), 초성(ㅎㄱㄷ), 전화번호, 사례번호, 문서번호</source>
        <translation>Name (2+ syllables), initial consonants (ㅎㄱㄷ), phone, case or document number</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="213"/>
        <source>모든 단계</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="214"/>
        <source>진행 중인 사례</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="219"/>
        <source>모든 담당자</source>
        <translation>All counselors</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="222"/>
        <source>모든 범죄 구분</source>
        <translation>All crime groups</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="225"/>
        <source>후속 확인 기한 지난 사례만</source>
        <translation>Only overdue follow-ups</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="239"/>
        <source>모든 사례 보기</source>
        <translation>Show all cases</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="253"/>
        <source>이름 보기</source>
        <translation>Show name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="256"/>
        <source>선택한 사례의 이름 전체를 보여 줍니다(접속기록에 남습니다).</source>
        <translation>Shows the selected case&apos;s full name (recorded in the access log).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="258"/>
        <source>사례 열기</source>
        <translation>Open case</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="408"/>
        <source>%n건</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/case_page.py" line="76"/>
        <source>신고 여부 모름</source>
        <translation>Reported: unknown</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/case_page.py" line="77"/>
        <source>경찰에 신고함</source>
        <translation>Reported to police</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/case_page.py" line="78"/>
        <source>신고하지 않음</source>
        <translation>Not reported</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="71"/>
        <source>사례번호</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="72"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="73"/>
        <source>접수일</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="74"/>
        <source>단계</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="75"/>
        <source>담당</source>
        <translation>Counselor</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="77"/>
        <source>범죄 구분</source>
        <translation>Crime group</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_list.py" line="80"/>
        <source>후속 확인일</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/data.py" line="48"/>
        <source>다른 기관</source>
        <translation>Another agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="117"/>
        <source>단계: %1 · 담당: %2 · 위험도: %3</source>
        <translation>Stage: %1 · Counselor: %2 · Risk: %3</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="119"/>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="45"/>
        <source>전화 가능</source>
        <translation>may call</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="47"/>
        <source>메시지 가능</source>
        <translation>may leave a message</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="49"/>
        <source>우편 가능</source>
        <translation>may send mail</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="51"/>
        <source>먼저 연락하지 말 것</source>
        <translation>do not contact first</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="58"/>
        <source>(비공개 주소: 이름 보기를 누르면 표시)</source>
        <translation>(confidential address: press Show name to see it)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="60"/>
        <source>생년월일</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="61"/>
        <source>성별</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="62"/>
        <source>전화번호</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="63"/>
        <source>안전한 연락</source>
        <translation>Safe contact</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="64"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="66"/>
        <source>국적·언어</source>
        <translation>Nationality · language</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="68"/>
        <source> (통역 필요)</source>
        <translation> (interpreter needed)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="70"/>
        <source>장애</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="72"/>
        <source>관계인</source>
        <translation>Related persons</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="81"/>
        <source>접수</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="85"/>
        <source>범죄 유형</source>
        <translation>Crime types</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="88"/>
        <source>사건 발생일</source>
        <translation>Date of the crime</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="89"/>
        <source>피해를 안 날</source>
        <translation>Harm known on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="90"/>
        <source>신고</source>
        <translation>Reported to police</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="92"/>
        <source>수사기관</source>
        <translation>Police / prosecution</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="98"/>
        <source>가해자와의 관계</source>
        <translation>Relation to offender</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="100"/>
        <source> (친족)</source>
        <translation> (kin)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="102"/>
        <source>사건 요약</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="103"/>
        <source>이미 받은 지원</source>
        <translation>Support already received</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/summary.py" line="107"/>
        <source>종결 결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="136"/>
        <source>%1: 신청 기한(%2)이 지났습니다.</source>
        <translation>%1: the filing deadline (%2) has passed.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="142"/>
        <source>%1: 신청 기한 %2까지 %3일 남았습니다.</source>
        <translation>%1: %3 days left until the filing deadline %2.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="77"/>
        <source>%1 동의 철회</source>
        <translation>%1 consent withdrawn</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="78"/>
        <source>%1 동의 기록</source>
        <translation>%1 consent recorded</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="80"/>
        <source>욕구 체크리스트 저장</source>
        <translation>Needs checklist saved</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="82"/>
        <source>사례 접수</source>
        <translation>Case received</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="73"/>
        <source>철회 %1</source>
        <translation>Withdrawn %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="77"/>
        <source>유효</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="79"/>
        <source>만료</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="30"/>
        <source>← 사례 목록</source>
        <translation>← Case list</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="35"/>
        <source>이름 보기</source>
        <translation>Show name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="38"/>
        <source>이름과 비공개 주소를 보여 줍니다(접속기록에 남습니다).</source>
        <translation>Shows the name and the confidential address (recorded in the access log).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="41"/>
        <source>정보 수정…</source>
        <translation>Edit details…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="43"/>
        <source>인적 사항과 사건 정보를 고칩니다(관계인은 그대로 둡니다).</source>
        <translation>Correct the person&apos;s details and the case facts (related persons stay as they are).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="47"/>
        <source>담당 변경…</source>
        <translation>Change counselor…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="57"/>
        <source>다음 단계</source>
        <translation>Next stage</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/header.py" line="64"/>
        <source>단계 바꾸기</source>
        <translation>Change stage</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/view.py" line="48"/>
        <source>요약</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/view.py" line="49"/>
        <source>경과</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/view.py" line="50"/>
        <source>욕구</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/view.py" line="51"/>
        <source>동의</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/view.py" line="52"/>
        <source>연계</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="40"/>
        <source>일시</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="41"/>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="42"/>
        <source>내용</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="43"/>
        <source>작성</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="51"/>
        <source>상담 메모를 쓰고 Enter</source>
        <translation>Type a note and press Enter</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/timeline.py" line="53"/>
        <source>메모 남기기</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/needs.py" line="32"/>
        <source>지원 영역</source>
        <translation>Support areas</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/needs.py" line="33"/>
        <source>프로그램</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="38"/>
        <location filename="../../src/onestop_desk/ui/cases/case_view/needs.py" line="34"/>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="63"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/needs.py" line="35"/>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/needs.py" line="45"/>
        <source>선택한 욕구 상태 바꾸기</source>
        <translation>Set status of selected need</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="34"/>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="62"/>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="35"/>
        <source>항목</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="36"/>
        <source>방법</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="37"/>
        <source>동의일</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="46"/>
        <source>동의 기록…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/consents.py" line="49"/>
        <source>선택한 동의 철회</source>
        <translation>Withdraw selected consent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="61"/>
        <source>문서번호</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="64"/>
        <source>만든 날</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="65"/>
        <source>후속 확인일</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="66"/>
        <source>회신</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="68"/>
        <source>긴급도</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="74"/>
        <source>발송 처리</source>
        <translation>Mark sent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="75"/>
        <source>회신 기록…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="77"/>
        <source>연계 철회</source>
        <translation>Withdraw referral</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="79"/>
        <source>긴급도…</source>
        <translation>Urgency…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="83"/>
        <source>후속 확인일 정하기</source>
        <translation>Set follow-up date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="97"/>
        <source>새 연계</source>
        <translation>New referral</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_view/referrals.py" line="103"/>
        <source>연계 만들기</source>
        <translation>Create referral</translation>
    </message>
</context>
<context>
    <name>CenterDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="26"/>
        <source>센터 정보</source>
        <translation>Center details</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="34"/>
        <source>센터 이름</source>
        <translation>Center name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="35"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="36"/>
        <source>대표 전화</source>
        <translation>Main phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="37"/>
        <source>팩스</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="38"/>
        <source>운영 시간</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="39"/>
        <source>일반 전화 (조용한 안내문용)</source>
        <translation>Ordinary line (for discreet sheets)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="49"/>
        <source>예: 서울특별시 동작구 여의대방로54길 18</source>
        <translation>e.g. 18 Yeouidaebang-ro 54-gil, Dongjak-gu, Seoul</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="51"/>
        <source>센터의 목적이 드러나지 않는 번호 (대표 전화와 달라야 함)</source>
        <translation>A number that does not reveal what the center is for (not the main line)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="58"/>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/center_dialog.py" line="60"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/change_password.py" line="39"/>
        <source>비밀번호 변경</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/change_password.py" line="45"/>
        <source>관리자가 정해 준 비밀번호입니다. 본인만 아는 비밀번호로 바꿔야 계속할 수 있습니다.</source>
        <translation>This password was set by the administrator. To continue, change it to one only you know.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/change_password.py" line="48"/>
        <source>새 비밀번호는 지금 쓰는 비밀번호와 달라야 합니다.</source>
        <translation>The new password must be different from the current one.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/change_password.py" line="60"/>
        <source>로그아웃</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/change_password.py" line="60"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/change_password.py" line="62"/>
        <source>변경</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="408"/>
        <source>사례 종결</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="411"/>
        <source>종결 결과를 적어 주세요(예: 지원 완료, 본인 요청).</source>
        <translation>Write the outcome (e.g. support completed, at the person&apos;s request).</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="86"/>
        <source>기관별 정보 제공 동의</source>
        <translation>Consent to share with an agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="96"/>
        <source>받는 기관</source>
        <translation>Recipient agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="105"/>
        <source>보낼 항목</source>
        <translation>Items to share</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="112"/>
        <source>동의 방법</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="116"/>
        <source>동의일</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="120"/>
        <source>만료일(없으면 비움)</source>
        <translation>Expires on (leave empty if none)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="123"/>
        <source>범죄피해자 지원 연계</source>
        <translation>Referral for crime victim support</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="125"/>
        <source>목적</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="128"/>
        <source>지원 종료 후 3년</source>
        <translation>3 years after support ends</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="130"/>
        <source>보유 기간</source>
        <translation>Retention</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/consent_page.py" line="135"/>
        <source>동의한 기관</source>
        <translation>Consenting agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/consent_page.py" line="135"/>
        <source>보낼 항목</source>
        <translation>Items to share</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/consent_page.py" line="135"/>
        <source>방법</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/consent_page.py" line="135"/>
        <source>동의일</source>
        <translation>Consent date</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="206"/>
        <source>조회</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="214"/>
        <source>화면의 수는 가리지 않은 내부 집계입니다. 통계 활용에 동의하지 않은 사례는 빠져 있습니다. 내보내는 파일에는 5 미만의 수가 &apos;&lt;5&apos;로 표시됩니다.</source>
        <translation>The numbers on screen are unmasked internal counts. Cases without consent to statistical use are left out. In exported files, numbers below 5 are shown as &apos;&lt;5&apos;.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="223"/>
        <source>기간</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="276"/>
        <source>시작일이 종료일보다 늦습니다.</source>
        <translation>The start date is after the end date.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="279"/>
        <source>집계하는 중…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="286"/>
        <source>통계를 집계하는 중입니다…</source>
        <translation>Compiling the statistics…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="301"/>
        <source>{0} 기준</source>
        <translation>As of {0}</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="303"/>
        <source>요약</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="331"/>
        <source>이용자(기간 중 지원)</source>
        <translation>Clients supported in the period</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="332"/>
        <source>신규 이용자</source>
        <translation>New clients</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="333"/>
        <source>계속 이용자</source>
        <translation>Continuing clients</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="334"/>
        <source>신규 접수 사례</source>
        <translation>New cases</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="335"/>
        <source>전화 문의</source>
        <translation>Phone inquiries</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="336"/>
        <source>사례로 전환된 전화 문의</source>
        <translation>Phone inquiries that became cases</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="338"/>
        <source>첫 연계 발송까지 일수(중앙값, {0}건 기준)</source>
        <translation>Days to first referral sent (median over {0} cases)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="344"/>
        <source>후속 확인 기한 경과 연계(오늘 기준)</source>
        <translation>Referrals with overdue follow-up (as of today)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="352"/>
        <source>범죄 구분별 사례(복수 선택)</source>
        <translation>Cases by crime group (may overlap)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="353"/>
        <source>범죄 유형별 사례(복수 선택)</source>
        <translation>Cases by crime type (may overlap)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="354"/>
        <source>접수 경로별 사례</source>
        <translation>Cases by intake channel</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="355"/>
        <source>지원 영역별 사례(복수 선택)</source>
        <translation>Cases by support area (may overlap)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="356"/>
        <source>지원 제도별 사례(복수 선택)</source>
        <translation>Cases by support programme (may overlap)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="357"/>
        <source>기관별 연계</source>
        <translation>Referrals by agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="358"/>
        <source>연계 결과(현재 상태)</source>
        <translation>Referral outcomes (current status)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="359"/>
        <source>접수 시 연령대</source>
        <translation>Age at intake</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="360"/>
        <source>성별</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="361"/>
        <source>국적</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="362"/>
        <source>장애</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="384"/>
        <source>0–13세</source>
        <translation>0–13</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="385"/>
        <source>14–18세</source>
        <translation>14–18</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="386"/>
        <source>19–29세</source>
        <translation>19–29</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="387"/>
        <source>30–39세</source>
        <translation>30–39</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="388"/>
        <source>40–49세</source>
        <translation>40–49</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="389"/>
        <source>50–64세</source>
        <translation>50–64</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="390"/>
        <source>65세 이상</source>
        <translation>65 and over</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="391"/>
        <source>미상</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="392"/>
        <source>대한민국</source>
        <translation>Republic of Korea</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="393"/>
        <source>외국 국적</source>
        <translation>Foreign national</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="394"/>
        <source>장애 있음</source>
        <translation>Has a disability</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="395"/>
        <source>장애 없음·미기재</source>
        <translation>No disability / not recorded</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="400"/>
        <source>제도 미지정(영역만)</source>
        <translation>No programme given (area only)</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="219"/>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="223"/>
        <source>기관</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="224"/>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="225"/>
        <source>지원 영역</source>
        <translation>Support areas</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="226"/>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="280"/>
        <source>상주</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="227"/>
        <source>운영 시간</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="228"/>
        <source>정보 확인일</source>
        <translation>Verified on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="241"/>
        <source>기관 추가…</source>
        <translation>Add agency…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="243"/>
        <source>선택한 기관 수정…</source>
        <translation>Edit selected agency…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="275"/>
        <source> (사용 안 함)</source>
        <translation> (not in use)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/directory.py" line="282"/>
        <source>확인 안 됨</source>
        <translation>not verified</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="69"/>
        <source>사례 정보 수정</source>
        <translation>Edit case details</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="100"/>
        <source>다른 PC에서 먼저 저장함</source>
        <translation>Saved first on another PC</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="117"/>
        <source>현재 값 불러오기(&amp;R)</source>
        <translation>&amp;Reload the current values</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="121"/>
        <source>내가 입력한 내용으로 다시 저장(&amp;M)</source>
        <translation>Save &amp;my text again</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="198"/>
        <source>신고 여부 모름</source>
        <translation>Reported: unknown</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="199"/>
        <source>경찰에 신고함</source>
        <translation>Reported to police</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="200"/>
        <source>신고하지 않음</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="247"/>
        <source>관계인 %1명은 이 화면에서 바뀌지 않습니다.</source>
        <translation>The %1 related person(s) are not changed here.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="253"/>
        <source>사례 정보 수정 – %1 (접수 %2)</source>
        <translation>Edit case details – %1 (intake %2)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="337"/>
        <source>사례 정보를 저장하는 중…</source>
        <translation>Saving the case details…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="344"/>
        <source>인쇄되지 않는 글자</source>
        <translation>Characters that will not print</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="366"/>
        <source>다른 PC에서 바뀐 항목 (지금 저장된 값):</source>
        <translation>Changed on the other PC (values now stored):</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="371"/>
        <source>이 화면에 보이는 항목은 바뀌지 않았습니다.</source>
        <translation>None of the fields on this form changed.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="382"/>
        <source>(없음)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="393"/>
        <source>(비어 있음)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="438"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="439"/>
        <source>생년월일</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="440"/>
        <source>성별</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="441"/>
        <source>국적</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="442"/>
        <source>사용 언어</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="443"/>
        <source>통역 필요</source>
        <translation>Interpreter needed</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="444"/>
        <source>장애</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="445"/>
        <source>전화번호</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="446"/>
        <source>다른 전화번호</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="447"/>
        <source>이메일</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="448"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="449"/>
        <source>주소 비공개</source>
        <translation>Address confidential</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="450"/>
        <source>전화해도 됨</source>
        <translation>May call</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="451"/>
        <source>메시지 남겨도 됨</source>
        <translation>May leave a message</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="452"/>
        <source>우편 보내도 됨</source>
        <translation>May send mail</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="453"/>
        <source>연락 가능한 시간</source>
        <translation>Safe hours to call</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="454"/>
        <source>연락 시 주의</source>
        <translation>Contact caution</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="455"/>
        <source>접수 경로</source>
        <translation>Intake channel</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="456"/>
        <source>접수일</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="457"/>
        <source>범죄 유형</source>
        <translation>Crime types</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="458"/>
        <source>사건 발생일</source>
        <translation>Incident date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="459"/>
        <source>피해를 안 날</source>
        <translation>Date harm became known</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="460"/>
        <source>사건 장소</source>
        <translation>Incident place</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="461"/>
        <source>신고 여부</source>
        <translation>Reported to police</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="462"/>
        <source>경찰서</source>
        <translation>Police station</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="463"/>
        <source>검찰청</source>
        <translation>Prosecution office</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="464"/>
        <source>사건번호</source>
        <translation>Case reference</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="465"/>
        <source>가해자와의 관계</source>
        <translation>Relation to offender</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="466"/>
        <source>가해자가 친족</source>
        <translation>Offender is kin</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="467"/>
        <source>위험도</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="468"/>
        <source>사건 요약</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="469"/>
        <source>이미 받은 지원</source>
        <translation>Support already received</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/edit_case_dialog.py" line="470"/>
        <source>통계 작성 동의</source>
        <translation>Statistics consent</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="49"/>
        <source>그 전에 저장된 파일 %1개는 온전합니다.</source>
        <translation>Files saved before that are intact (%1).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="56"/>
        <source>내보내는 사유를 입력해 주세요.</source>
        <translation>Please enter the reason for the export.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="58"/>
        <source>비밀번호는 8자 이상이면 2종류 이상, 10자 이상이면 1종류 이상의 문자가 필요합니다.</source>
        <translation>A password of 8 or 9 characters needs 2 or more kinds of characters; from 10 characters, 1 kind is enough.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="155"/>
        <source>암호 PDF로 내보내기</source>
        <translation>Export as encrypted PDF</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="156"/>
        <source>저장 위치</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="157"/>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="158"/>
        <source>폴더 선택…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="159"/>
        <source>사유 (기록됨)</source>
        <translation>Reason (recorded)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="161"/>
        <source>예: 피해자 본인 요청, 법률 상담 지참</source>
        <translation>e.g. requested by the victim, to take to legal counselling</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="164"/>
        <source>파일 비밀번호</source>
        <translation>File password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="166"/>
        <source>직접 입력</source>
        <translation>Enter my own</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="167"/>
        <source>자동 생성</source>
        <translation>Generate one</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="168"/>
        <source>비밀번호</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="169"/>
        <source>비밀번호 확인</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="170"/>
        <source>연계 의뢰서 포함</source>
        <translation>Include referral letters</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="171"/>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="322"/>
        <source>내보내기</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="172"/>
        <source>멈추기</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="199"/>
        <source>사례 %1건의 요약을 AES-256 암호 PDF로 저장합니다.</source>
        <translation>Cases: %1. Each summary is saved as an AES-256 encrypted PDF.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="220"/>
        <source>%1 (USB, 남은 공간 %2 MB)</source>
        <translation>%1 (USB, %2 MB free)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="226"/>
        <source>꽂힌 USB를 찾지 못했습니다. USB를 꽂고 새로 고치거나 폴더를 골라 주세요.</source>
        <translation>No USB drive found. Plug one in and press Refresh, or choose a folder.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="246"/>
        <source>저장할 폴더</source>
        <translation>Folder to save to</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="265"/>
        <source>비밀번호: %1
이 화면에서 한 번만 보여 드립니다. 받는 분께 파일과 따로 전해 주세요.</source>
        <translation>Password: %1
It is shown only once, on this screen. Give it to the recipient separately from the file.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="283"/>
        <source>비밀번호 확인이 일치하지 않습니다.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="293"/>
        <source>저장 위치를 골라 주세요.</source>
        <translation>Please choose where to save.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="303"/>
        <source>저장하는 중입니다… USB를 빼지 마세요.</source>
        <translation>Saving… Do not remove the USB drive.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="341"/>
        <source>지금 파일까지 저장하고 멈춥니다…</source>
        <translation>Stopping after the current file…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="347"/>
        <source>%1개 파일을 저장했습니다: %2</source>
        <translation>Files saved (%1): %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/export_dialog.py" line="349"/>
        <source>사용자가 멈춰서 나머지는 저장하지 않았습니다.</source>
        <translation>Stopped by the user; the rest were not saved.</translation>
    </message>
</context>
<context>
    <name>InquiryPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="57"/>
        <source>전화상담</source>
        <translation>Phone inquiries</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="59"/>
        <source>통화 기록</source>
        <translation>Call log</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="69"/>
        <source>이름(말한 경우)</source>
        <translation>Name (if given)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="72"/>
        <source>전화번호(말한 경우)</source>
        <translation>Phone (if given)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="75"/>
        <source>범죄 유형 모름</source>
        <translation>Crime type unknown</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="80"/>
        <source>누가</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="83"/>
        <source>무엇을 물었나요</source>
        <translation>What did they ask?</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="84"/>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="110"/>
        <source>상담 주제</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="89"/>
        <source>예: 방문 예약, 기관 안내</source>
        <translation>e.g. visit booked, referred to an agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="90"/>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="111"/>
        <source>안내 결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="93"/>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="98"/>
        <source>통화 기록 저장(&amp;S)</source>
        <translation>&amp;Save call</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="107"/>
        <source>받은 시각</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="108"/>
        <source>구분</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="109"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="112"/>
        <source>사례</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/inquiries.py" line="120"/>
        <source>사례로 만들기</source>
        <translation>Make a case</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="146"/>
        <source>Tab: 다음 칸 · Alt+L: 안전한 연락 방법 · Space: 체크 · Enter: 다음 단계</source>
        <translation>Tab: next field · Alt+L: safe contact · Space: tick · Enter: next step</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="150"/>
        <source>범죄 유형과 지원은 이름을 입력해 찾고 ↓로 목록에 들어가 Space로 체크합니다 · Alt+T: 범죄 유형 · Alt+F: 지원 찾기 · Alt+K: 위험도 · Enter: 다음 단계</source>
        <translation>Find crime types and support by typing their name, ↓ into the list, Space to tick · Alt+T: crime types · Alt+F: find support · Alt+K: risk level · Enter: next step</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="153"/>
        <source>↑↓: 기관 사이 이동 · Space: 동의 체크 · Tab: 보낼 항목 · Enter: 등록</source>
        <translation>↑↓: move between agencies · Space: tick consent · Tab: items to share · Enter: register</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="160"/>
        <source>사람과 연락</source>
        <translation>Person and contact</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="161"/>
        <source>사건과 필요한 지원</source>
        <translation>Case and needs</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="162"/>
        <source>기관별 동의와 연계</source>
        <translation>Consent and referrals</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="266"/>
        <source>사례를 등록하는 중…</source>
        <translation>Registering the case…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="351"/>
        <source>임시 저장됨 %1</source>
        <translation>Draft saved %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="358"/>
        <source>서버 응답 없음: 이 PC에 임시 저장함 %1</source>
        <translation>Server not answering: draft kept on this PC %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="388"/>
        <location filename="../../src/onestop_desk/ui/intake/intake_layout.py" line="83"/>
        <source>작성 내용 버리기</source>
        <translation>Discard form</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="389"/>
        <source>지금까지 입력한 내용을 모두 지울까요? 되돌릴 수 없습니다.</source>
        <translation>Delete everything typed so far? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_layout.py" line="47"/>
        <source>새 방문 접수</source>
        <translation>New walk-in</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_layout.py" line="85"/>
        <source>나중에 이어 쓰기</source>
        <translation>Continue later</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_layout.py" line="87"/>
        <source>&lt; 이전(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_layout.py" line="89"/>
        <source>다음(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_layout.py" line="92"/>
        <source>사례 등록 및 연계 만들기(&amp;R)</source>
        <translation>Register case and create &amp;referrals</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="52"/>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="67"/>
        <source>전화번호</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="42"/>
        <source>관계인(보호자·가족)</source>
        <translation>Related persons (guardian, family)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="47"/>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="65"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="53"/>
        <source>추가</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="66"/>
        <source>관계</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="76"/>
        <source>선택한 관계인 빼기</source>
        <translation>Remove selected person</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/duplicate_panel.py" line="32"/>
        <source>이미 등록된 사람일 수 있습니다</source>
        <translation>This person may already be registered</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/duplicate_panel.py" line="42"/>
        <source>기존 사례 열기</source>
        <translation>Open existing case</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/needs_panel.py" line="42"/>
        <source>필요한 지원(욕구 체크리스트)</source>
        <translation>Needs checklist</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/needs_panel.py" line="45"/>
        <source>지원 찾기(&amp;F)</source>
        <translation>&amp;Find support</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/needs_panel.py" line="50"/>
        <source>입력해 찾기 (예: 치료비, 경찰)</source>
        <translation>Type to find (e.g. treatment, police)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/needs_panel.py" line="60"/>
        <source>지원 영역 / 프로그램</source>
        <translation>Support area / programme</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/needs_panel.py" line="61"/>
        <source>제공 기관</source>
        <translation>Offered by</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/consent_page.py" line="63"/>
        <source>체크한 지원을 제공하는 기관입니다. 기관마다 본인이 동의한 항목만 보냅니다. 동의하지 않은 기관에는 연계 의뢰서를 만들지 않습니다.</source>
        <translation>These agencies offer the ticked support. Each receives only the items the person agreed to; no referral letter is made for an agency without consent.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/consent_page.py" line="79"/>
        <source>2단계에서 지원 프로그램을 체크하면 해당 기관이 여기에 나옵니다.</source>
        <translation>Tick programmes in step 2 and their agencies appear here.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/intake_dialog.py" line="275"/>
        <source>인쇄되지 않는 글자</source>
        <translation>Characters that will not print</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/lock_screen.py" line="44"/>
        <source>원스톱 데스크 - 화면 잠김</source>
        <translation>OneStop Desk - Screen locked</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/lock_screen.py" line="64"/>
        <source>화면이 잠겨 있습니다</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/lock_screen.py" line="73"/>
        <source>%1 님이 비밀번호를 입력하면 작업하던 화면으로 돌아갑니다.</source>
        <translation>When %1 enters their password, the screen returns to where they left off.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/lock_screen.py" line="86"/>
        <source>다른 사용자로 로그인</source>
        <translation>Log in as another user</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/lock_screen.py" line="88"/>
        <source>잠금 해제</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="58"/>
        <source>원스톱 데스크 로그인</source>
        <translation>OneStop Desk login</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="62"/>
        <source>원스톱 데스크에 로그인하세요.</source>
        <translation>Log in to OneStop Desk.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="71"/>
        <source>사용자 이름</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="72"/>
        <source>비밀번호</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="82"/>
        <source>센터 서버: %1</source>
        <translation>Center server: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="87"/>
        <source>서버 계정 비밀번호</source>
        <translation>Server account password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="100"/>
        <source>복구 키로 열기…</source>
        <translation>Open with recovery key…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="102"/>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="104"/>
        <source>로그인</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="132"/>
        <source>확인하는 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="145"/>
        <source>사용자 이름과 비밀번호를 입력하세요.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="149"/>
        <source>센터 서버 계정의 비밀번호를 입력하세요.</source>
        <translation>Enter the center server account's password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="109"/>
        <source>원스톱 데스크</source>
        <translation>OneStop Desk</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="135"/>
        <source>이어서 작성</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="177"/>
        <source>오늘</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="178"/>
        <source>사례</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="179"/>
        <source>전화상담</source>
        <translation>Phone inquiries</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="180"/>
        <source>연계 현황</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="195"/>
        <source>통계</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="201"/>
        <source>접속기록</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="204"/>
        <source>사용자</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="207"/>
        <source>보관·파기</source>
        <translation>Retention and destruction</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="209"/>
        <source>기관</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="321"/>
        <source>센터 서버가 응답하지 않습니다. 입력 중인 내용은 이 PC에 암호화해 두고, 다시 연결되면 서버로 옮깁니다.</source>
        <translation>The center server does not answer. What you are typing is kept encrypted on this PC and moved to the server when it answers again.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="329"/>
        <source>센터 서버에 다시 연결했습니다.</source>
        <translation>Connected to the center server again.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="506"/>
        <source>(센터 서버가 응답하지 않아 이 PC에 암호화해 보관 중)</source>
        <translation>(kept encrypted on this PC: the center server does not answer)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="542"/>
        <source>내보낼 사례를 사례 목록에서 고르거나 열어 주세요.</source>
        <translation>Select or open the cases to export in the case list.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="562"/>
        <source>비밀번호를 바꿨습니다.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="568"/>
        <source>센터 정보를 저장했습니다.</source>
        <translation>Center details saved.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="579"/>
        <source>언어를 바꿨습니다. 다음에 프로그램을 시작할 때 적용됩니다.</source>
        <translation>Language changed. It takes effect the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="284"/>
        <source>작업</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="414"/>
        <source>통계에서 고른 사례</source>
        <translation>Cases chosen in Statistics</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="464"/>
        <source>사례 %1을 등록했습니다. 연계 %2건을 만들었습니다.</source>
        <translation>Case %1 registered; %2 referral(s) created.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="498"/>
        <source>작성 중이던 접수가 있습니다: %1 (%2 저장). 이어서 작성할 수 있습니다.</source>
        <translation>There is an unfinished intake: %1 (saved %2). You can continue it.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_window.py" line="499"/>
        <source>이름 없음</source>
        <translation>no name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="48"/>
        <source>파일(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="53"/>
        <source>백업·복원…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="59"/>
        <source>끝내기</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="67"/>
        <source>새 방문 접수</source>
        <translation>New walk-in</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="73"/>
        <source>사례 찾기</source>
        <translation>Find a case</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="79"/>
        <source>안내문·의뢰서 인쇄</source>
        <translation>Print sheet and letters</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="84"/>
        <source>USB로 내보내기…</source>
        <translation>Export to USB…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="88"/>
        <source>사례(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="98"/>
        <source>계정(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="105"/>
        <source>비밀번호 변경…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="111"/>
        <source>잠그기</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="115"/>
        <source>로그아웃</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="120"/>
        <source>설정(&amp;T)</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="123"/>
        <source>언어</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="140"/>
        <source>센터 정보…</source>
        <translation>Center details…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="144"/>
        <source>도움말(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/main_menus.py" line="147"/>
        <source>정보…</source>
        <translation>About…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="233"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="234"/>
        <source>생년월일</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="235"/>
        <source>전화번호</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="236"/>
        <source>다른 전화번호</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="237"/>
        <source>이메일</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="238"/>
        <source>접수일</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="239"/>
        <source>사건 발생일</source>
        <translation>Date of the crime</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="240"/>
        <source>피해를 안 날</source>
        <translation>Harm known on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="241"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="258"/>
        <source>범죄 유형</source>
        <translation>Crime types</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="242"/>
        <source>담당 상담원</source>
        <translation>Counselor</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="243"/>
        <source>종결 결과</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="244"/>
        <source>내용</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="245"/>
        <source>동의 항목</source>
        <translation>Consent items</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="246"/>
        <source>동의일</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="247"/>
        <source>만료일</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="248"/>
        <source>목적</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="249"/>
        <source>기관</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="250"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="251"/>
        <source>지원 프로그램</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="252"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="253"/>
        <source>지원 영역</source>
        <translation>Support areas</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="254"/>
        <source>회신 받은 날</source>
        <translation>Reply received on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="255"/>
        <source>회신 내용</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="256"/>
        <source>후속 확인일</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="257"/>
        <source>상담 주제</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="259"/>
        <source>기관 코드</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="260"/>
        <source>확인일</source>
        <translation>Verified on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="276"/>
        <source>긴급도</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="278"/>
        <source>입력값</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="280"/>
        <source>관계인 %1</source>
        <translation>Related person: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="372"/>
        <source>근무 시간 외 사례 열람·변경</source>
        <translation>Cases viewed or changed outside working hours</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="373"/>
        <source>다른 사람보다 훨씬 많은 사례 열람</source>
        <translation>Far more cases viewed than by others</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="374"/>
        <source>로그인 실패 5회 이상</source>
        <translation>5 or more failed logins</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="375"/>
        <source>내보내기·다운로드</source>
        <translation>Exports and downloads</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="376"/>
        <source>접속기록 사슬 손상</source>
        <translation>Access log chain damaged</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="261"/>
        <source>검색어</source>
        <translation>Search text</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="262"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="263"/>
        <source>국적</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="264"/>
        <source>사용 언어</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="265"/>
        <source>장애</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="266"/>
        <source>안전한 연락 방법</source>
        <translation>Safe contact</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="267"/>
        <source>연락 가능한 시간</source>
        <translation>Safe hours</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="268"/>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="269"/>
        <source>사건 장소</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="270"/>
        <source>관할 경찰서</source>
        <translation>Police station</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="271"/>
        <source>관할 검찰청</source>
        <translation>Prosecution office</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="272"/>
        <source>사건번호</source>
        <translation>Case reference</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="273"/>
        <source>가해자와의 관계</source>
        <translation>Relation to offender</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="274"/>
        <source>사건 경위</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="275"/>
        <source>이미 받은 지원</source>
        <translation>Support already received</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="304"/>
        <source>저장했습니다. 다음 글자는 인쇄물에서 �로 바뀝니다.</source>
        <translation>Saved. These characters will print as �:</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="357"/>
        <source>접속기록 %1번이 없습니다: %2</source>
        <translation>Access-log entries no. %1 are missing: %2</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="364"/>
        <source>%1번 기록에서 사슬이 끊겼습니다: %2</source>
        <translation>The chain breaks at entry no. %1: %2</translation>
    </message>
</context>
<context>
    <name>NeedsPanel</name>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/needs_panel.py" line="171"/>
        <source>%1: 신청 기한(%2)이 지났습니다. 예외 사유를 확인해 주세요.</source>
        <translation>%1: the filing deadline (%2) has passed. Check for exceptions.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/needs_panel.py" line="177"/>
        <source>%1: 신청 기한 %2까지 %3일 남았습니다.</source>
        <translation>%1: %3 days left until the filing deadline %2.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/needs_panel.py" line="188"/>
        <source>가해자가 친족이면 범죄피해구조금(%1)이 지급되지 않을 수 있습니다(구조심의회가 판단).</source>
        <translation>If the offender is a relative, crime victim relief money (%1) may not be paid (the relief council decides).</translation>
    </message>
</context>
<context>
    <name>PacketDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="85"/>
        <source>연계 안내문 인쇄</source>
        <translation>Print referral take-home sheet</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="87"/>
        <source>대상자 안내문</source>
        <translation>Take-home sheet</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="88"/>
        <source>기관 의뢰서</source>
        <translation>Letters to agencies</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="89"/>
        <source>안내문과 의뢰서 모두</source>
        <translation>Sheet and letters together</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="94"/>
        <source>조용한 안내문 (범죄·피해 단어 없이)</source>
        <translation>Discreet sheet (no mention of crime or harm)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="97"/>
        <source>제3자 제공 동의서 포함</source>
        <translation>Include third-party provision consent form</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="99"/>
        <source>인쇄…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="100"/>
        <source>PDF로 저장…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="149"/>
        <source>안내문을 만드는 중입니다…</source>
        <translation>Preparing the take-home sheet…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="164"/>
        <source>안내문 만들기</source>
        <translation>Preparing the take-home sheet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="190"/>
        <source>안내문: 찾아갈 곳 %n곳</source>
        <translation>
            <numerusform>Take-home sheet: %n place</numerusform>
            <numerusform>Take-home sheet: %n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="192"/>
        <source>의뢰서 %n건</source>
        <translation>
            <numerusform>%n referral letter</numerusform>
            <numerusform>%n referral letters</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="194"/>
        <source>동의가 없어 제외된 기관: %1</source>
        <translation>Left out for lack of consent: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="222"/>
        <source>인쇄하지 못했습니다: %1</source>
        <translation>Could not print: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="232"/>
        <source>인쇄를 보냈습니다: %1</source>
        <translation>Sent to the printer: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="240"/>
        <source>PDF로 저장</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="240"/>
        <source>PDF 파일 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="246"/>
        <source>저장 사유</source>
        <translation>Reason for saving</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="247"/>
        <source>파일로 저장하는 사유를 적어 주세요 (접속기록에 남습니다).</source>
        <translation>Please write why you are saving this as a file (recorded in the access log).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="260"/>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="272"/>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="295"/>
        <source>파일 비밀번호</source>
        <translation>File password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="274"/>
        <source>파일은 암호화해 저장합니다. 비밀번호를 정해 주세요 (비워 두면 새로 만들어 한 번만 보여 드립니다).</source>
        <translation>The file is saved encrypted. Please choose a password (leave it empty and one will be generated and shown once).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="262"/>
        <source>이 비밀번호는 다시 보여 드리지 않습니다. 받는 분께 따로 알려 주세요:

%1</source>
        <translation>This password will not be shown again. Give it to the recipient separately:

%1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="285"/>
        <source>파일 비밀번호 확인</source>
        <translation>Confirm the file password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="286"/>
        <source>확인을 위해 같은 비밀번호를 한 번 더 입력해 주세요.</source>
        <translation>Type the same password once more to confirm it.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="296"/>
        <source>두 비밀번호가 일치하지 않습니다. 다시 정해 주세요.</source>
        <translation>The two passwords do not match. Please set the password again.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="304"/>
        <source>저장 사유를 적어 주세요.</source>
        <translation>Please write the reason for saving.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="316"/>
        <source>저장하지 못했습니다: %1</source>
        <translation>Could not save: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/packet_dialog.py" line="331"/>
        <source>암호화해 저장했습니다: %1</source>
        <translation>Saved encrypted: %1</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/password_form.py" line="39"/>
        <source>현재 비밀번호</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/password_form.py" line="47"/>
        <source>새 비밀번호</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/password_form.py" line="53"/>
        <source>새 비밀번호 확인</source>
        <translation>Confirm new password</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="71"/>
        <source>피해자(내담자)</source>
        <translation>Victim (client)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="82"/>
        <source>예: 010-1234-5678</source>
        <translation>e.g. 010-1234-5678</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="90"/>
        <source>주소 비공개(가해자에게 알려지면 안 됨)</source>
        <translation>Confidential address (the offender must not learn it)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="95"/>
        <source>통역 필요</source>
        <translation>Interpreter needed</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="98"/>
        <source>이름(&amp;A)</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="100"/>
        <source>생년월일</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="102"/>
        <source>성별</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="103"/>
        <source>전화번호</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="105"/>
        <source>다른 전화번호</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="107"/>
        <source>이메일</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="109"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="115"/>
        <source>국적·언어</source>
        <translation>Nationality · language</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="116"/>
        <source>장애</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="136"/>
        <source>안전한 연락 방법(&amp;L)</source>
        <translation>Safe contact ru&amp;les</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="147"/>
        <source>전화해도 됨</source>
        <translation>May call</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="149"/>
        <source>메시지 남겨도 됨</source>
        <translation>May leave a message</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="151"/>
        <source>우편 보내도 됨</source>
        <translation>May send mail</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="160"/>
        <source>연락 방법을 본인에게 확인함</source>
        <translation>Asked the person how we may contact them</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="167"/>
        <source>예: 평일 12~13시</source>
        <translation>e.g. weekdays 12–13</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="170"/>
        <source>예: 가해자와 같이 살고 있음, 문자 금지</source>
        <translation>e.g. lives with the offender, no text messages</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="172"/>
        <source>연락 가능한 시간</source>
        <translation>Safe hours</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_fields.py" line="173"/>
        <source>연락 시 주의</source>
        <translation>Contact caution</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/person_page.py" line="74"/>
        <source>대한민국</source>
        <translation>Republic of Korea</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/person_page.py" line="75"/>
        <source>한국어</source>
        <translation>Korean</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/person_page.py" line="112"/>
        <source>연락 방법을 본인에게 묻고 표시해 주세요. 어떤 연락도 원하지 않으면 &apos;연락 방법을 본인에게 확인함&apos;을 체크하세요.</source>
        <translation>Ask the person how we may contact them and tick it. If they want no contact at all, tick &apos;Asked the person how we may contact them&apos;.</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/queue_model.py" line="63"/>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="74"/>
        <source>기한 지남</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="72"/>
        <source>회신 대기</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="73"/>
        <source>후속 확인(기한 도래·경과)</source>
        <translation>Follow-ups due or overdue</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="75"/>
        <source>발송 대기</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="76"/>
        <source>7일 넘게 회신 없음</source>
        <translation>No reply for over 7 days</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="82"/>
        <source>보냈지만 아직 회신이 없는 연계입니다. 오늘 보낸 연계도 여기 있습니다.</source>
        <translation>Referrals sent and not yet answered, including those sent today.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="85"/>
        <source>후속 확인일이 오늘이거나 지났고, 그 뒤로 회신이 없는 연계입니다.</source>
        <translation>Referrals whose follow-up date is today or past, with no reply since.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="88"/>
        <source>후속 확인일이 지났는데 회신이 없는 연계입니다.</source>
        <translation>Referrals past their follow-up date with no reply.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="89"/>
        <source>작성만 하고 아직 보내지 않은 연계입니다. 하루가 지나면 기한 지남입니다.</source>
        <translation>Referral letters written but not sent yet; overdue after one day.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="92"/>
        <source>보낸 지 7일이 넘도록 회신이 없는 연계입니다.</source>
        <translation>Referrals sent more than 7 days ago with no reply.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="203"/>
        <source>복구 키로 열기</source>
        <translation>Open with recovery key</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="210"/>
        <source>금고에 보관한 복구 키 용지의 30글자를 입력하고, 관리자 계정의 새 비밀번호를 정하세요. 이 작업은 접속기록에 남습니다.</source>
        <translation>Enter the 30 characters from the recovery key sheet kept in the safe, then set a new password for the administrator account. This is recorded in the access log.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="224"/>
        <source>복구 키</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="225"/>
        <source>관리자 사용자 이름</source>
        <translation>Administrator username</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="233"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="235"/>
        <source>열기</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/login_dialog.py" line="266"/>
        <source>확인하는 중…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="190"/>
        <source>복구 키 - 지금 한 번만 보여 드립니다</source>
        <translation>Recovery key - shown only this once</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="194"/>
        <source>센터를 만들었습니다. 이제는 이전 단계로 돌아가거나 설정을 취소할 수 없습니다. 복구 키를 보관한 뒤 시작하세요.</source>
        <translation>The center has been created. You can no longer go back or cancel the setup. Keep the recovery key safe, then start.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="204"/>
        <source>모든 비밀번호를 잊었을 때 자료를 여는 방법은 이 복구 키뿐입니다. 비밀번호와 복구 키를 모두 잃으면 자료는 영구히 사라지며, 누구도 되살릴 수 없습니다. 인쇄하거나 PDF로 저장한 뒤 센터 금고에 보관하세요.</source>
        <translation>If every password is forgotten, this recovery key is the only way to open the data. If both the passwords and the recovery key are lost, the data is gone for good and no one can bring it back. Print it or save it as a PDF, then keep it in the center&apos;s safe.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="228"/>
        <source>PDF로 저장…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="230"/>
        <source>인쇄…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="241"/>
        <source>복구 키를 인쇄하거나 저장했고, 안전한 곳에 보관하겠습니다.</source>
        <translation>I have printed or saved the recovery key and will keep it in a safe place.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="259"/>
        <source>복구 키 PDF 저장</source>
        <translation>Save recovery key as PDF</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="269"/>
        <source>저장하지 못했습니다. 다른 위치를 고르세요.</source>
        <translation>Could not save. Please choose another location.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="272"/>
        <source>저장했습니다: %1 - 인쇄한 뒤에는 파일을 지우세요.</source>
        <translation>Saved: %1 - delete the file once it is printed.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="284"/>
        <source>인쇄하지 못했습니다. 프린터를 확인하세요.</source>
        <translation>Could not print. Please check the printer.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="286"/>
        <source>인쇄를 보냈습니다.</source>
        <translation>Sent to the printer.</translation>
    </message>
</context>
<context>
    <name>ReferralPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="123"/>
        <source>연계 현황</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="125"/>
        <source>회신서 문서번호(&amp;D)</source>
        <translation>Reply slip &amp;document no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="130"/>
        <source>스캐너로 읽거나 입력 후 Enter (예: R2026-000123)</source>
        <translation>Scan or type, then Enter (e.g. R2026-000123)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="139"/>
        <source>목록(&amp;L)</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="162"/>
        <source>기한</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="163"/>
        <source>문서번호</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="164"/>
        <source>사례번호</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="165"/>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="166"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="167"/>
        <source>발송</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="168"/>
        <source>후속 확인일</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="170"/>
        <source>회신</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="185"/>
        <source>후속 확인일(&amp;U)</source>
        <translation>Follow-&amp;up date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="190"/>
        <source>후속 확인일 정하기</source>
        <translation>Set follow-up date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="196"/>
        <source>발송 처리</source>
        <translation>Mark sent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="198"/>
        <source>회신 기록…</source>
        <translation>Record reply…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="200"/>
        <source>사례 열기</source>
        <translation>Open case</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/onestop_desk/ui/desk/referrals.py" line="252"/>
        <source>%n건</source>
        <translation>
            <numerusform>%n referral</numerusform>
            <numerusform>%n referrals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <location filename="../../src/onestop_desk/ui/intake/related_panel.py" line="111"/>
        <source>관계인 이름</source>
        <translation>Related person name</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="195"/>
        <source>기관 회신 기록</source>
        <translation>Record the agency&apos;s reply</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="211"/>
        <source>회신 받은 날</source>
        <translation>Reply received on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="216"/>
        <source>기관 담당자</source>
        <translation>Agency contact</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="219"/>
        <source>예: 접수, 상담 일정 안내함</source>
        <translation>e.g. accepted, appointment given</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="220"/>
        <source>회신 내용</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="227"/>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="230"/>
        <source>상태 그대로 두기</source>
        <translation>Keep status</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="243"/>
        <source>연계 상태</source>
        <translation>Referral status</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="247"/>
        <source>비워 두면 이 연계는 후속 확인 목록에 다시 나오지 않습니다.</source>
        <translation>Leave empty and this referral will not appear in the follow-up lists again.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="249"/>
        <source>다음 후속 확인일</source>
        <translation>Next follow-up date</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="322"/>
        <source>다음 후속 확인 %1</source>
        <translation>next follow-up %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="325"/>
        <source>회신 기록</source>
        <translation>Reply recorded</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="326"/>
        <source>회신을 기록했습니다.</source>
        <translation>The reply has been recorded.</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="62"/>
        <source>보관·파기</source>
        <translation>Retention and destruction</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="68"/>
        <source>년</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="69"/>
        <source>보관 기간 저장</source>
        <translation>Save retention period</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="70"/>
        <source>종결한 사례의 보관 기간</source>
        <translation>Retention period for closed cases</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="76"/>
        <source>파기 대상(미리 보기)</source>
        <translation>Due for destruction (preview)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="79"/>
        <source>파기 대상 찾기</source>
        <translation>Find cases due</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="88"/>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="110"/>
        <source>사례번호</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="88"/>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="111"/>
        <source>종결일</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="94"/>
        <source>파기하려면 &apos;%1&apos;을 입력하세요</source>
        <translation>Type &apos;%1&apos; to destroy</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="96"/>
        <source>목록의 사례 파기</source>
        <translation>Destroy listed cases</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="104"/>
        <source>파기 대장</source>
        <translation>Destruction register</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="112"/>
        <source>파기 일시</source>
        <translation>Destroyed at</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="113"/>
        <source>처리자</source>
        <translation>Destroyed by</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="114"/>
        <source>근거</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="115"/>
        <source>보관 기간</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="134"/>
        <source>파기</source>
        <translation>destroy</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="163"/>
        <source>%1년</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="183"/>
        <source>보관 기간을 %1년으로 정했습니다.</source>
        <translation>Retention period set to %1 years.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="200"/>
        <source>%1 이전에 종결한 사례 %2건 (보관 기간 %3년)</source>
        <translation>Cases closed before %1: %2 (retention %3 years)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="230"/>
        <source>파기하는 중입니다…</source>
        <translation>Destroying…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/retention_page.py" line="239"/>
        <source>사례 %1건을 파기했습니다. 파기 대장에 기록했습니다.</source>
        <translation>Cases destroyed: %1. Recorded in the destruction register.</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="100"/>
        <source>센터 서버에 연결</source>
        <translation>Connect to the center server</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="102"/>
        <source>관리자에게 받은 서버 주소, 데이터베이스, 계정과 센터 CA 인증서 파일을 입력하세요. 연결은 항상 암호화되고 서버의 인증서를 확인합니다.</source>
        <translation>Enter the server address, database, account and the center's CA certificate file your administrator gave you. The connection is always encrypted and the server's certificate is checked.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="113"/>
        <source>예: desk-server.center.local</source>
        <translation>e.g. desk-server.center.local</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="114"/>
        <source>서버 주소</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="119"/>
        <source>포트</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="124"/>
        <source>데이터베이스</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="128"/>
        <source>데이터베이스 계정</source>
        <translation>Database account</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="130"/>
        <source>계정 비밀번호</source>
        <translation>Account password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="134"/>
        <source>찾아보기…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="138"/>
        <source>센터 CA 인증서</source>
        <translation>Center CA certificate</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="141"/>
        <source>계정 비밀번호는 이 PC에 저장하지 않습니다. 프로그램을 시작할 때마다 로그인 화면에서 한 번 묻습니다.</source>
        <translation>The account password is not stored on this PC. The login window asks for it once each time the program starts.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="152"/>
        <source>연결 시험</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="236"/>
        <source>센터 CA 인증서 파일</source>
        <translation>Center CA certificate file</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="238"/>
        <source>인증서 (*.crt *.pem *.cer);;모든 파일 (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="249"/>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="280"/>
        <source>연결하는 중…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="256"/>
        <source>연결했습니다. 서버 인증서를 확인했고, 센터가 준비되어 있습니다.</source>
        <translation>Connected. The server certificate was verified and the center is ready.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="262"/>
        <source>연결은 되지만 서버에 아직 센터가 없습니다. 관리자가 onestop-desk-admin server init 을 먼저 실행해야 합니다.</source>
        <translation>The connection works, but the server holds no center yet. An administrator must run onestop-desk-admin server init first.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="423"/>
        <source>자동 백업을 만들지 못했습니다. 백업·복원 화면에서 확인해 주세요.</source>
        <translation>The automatic backup could not be made. Please check in Backup and restore.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="474"/>
        <source>데이터베이스 파일에 손상이 발견되었습니다. 지금까지 입력한 내용을 잃지 않도록 새 작업을 멈추고 관리자에게 알려 주세요.</source>
        <translation>Damage was found in the database file. To avoid losing what has been entered, stop new work and tell an administrator.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="478"/>
        <source>검증된 백업이 없습니다. 관리자에게 바로 알려 주세요.</source>
        <translation>There is no verified backup. Tell an administrator at once.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="479"/>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="484"/>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="489"/>
        <source>데이터베이스 점검</source>
        <translation>Database check</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="483"/>
        <source>가장 최근의 정상 백업: %1</source>
        <translation>Newest good backup: %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="487"/>
        <source>가장 최근의 정상 백업(%1)으로 복원할까요? 그 뒤에 입력한 내용은 복원되지 않습니다.</source>
        <translation>Restore the newest good backup (%1)? Anything entered after it will not come back.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="516"/>
        <source>백업으로 복원하는 중입니다…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="526"/>
        <source>백업으로 복원했습니다. 복원 전 데이터베이스는 %1 파일로 보관했습니다.</source>
        <translation>Restored from the backup. The database from before the restore is kept as the file %1.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="545"/>
        <source>백업으로 복원했습니다. 복원한 데이터에 이 관리자 계정이 없어 다시 로그인해야 합니다.</source>
        <translation>Restored from the backup. This administrator account is not in the restored data, so please log in again.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="549"/>
        <source>다시 로그인해 주세요.</source>
        <translation>Please log in again.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="460"/>
        <source>접속기록의 마지막 부분이 지워졌을 수 있습니다.</source>
        <translation>The newest entries of the access log may have been erased.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="179"/>
        <source>센터 서버 %1에 연결했습니다. 로그인하세요.</source>
        <translation>Connected to the center server %1. Please log in.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="463"/>
        <source>접속기록 화면에서 체인 검증을 실행해 확인해 주세요.</source>
        <translation>Run the chain check on the access-log page to see more.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="465"/>
        <source>관리자에게 바로 알려 주세요.</source>
        <translation>Please tell an administrator right away.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/controller.py" line="466"/>
        <source>접속기록 점검</source>
        <translation>Access-log check</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="46"/>
        <source>원스톱 데스크를 처음 설정합니다</source>
        <translation>Setting up OneStop Desk for the first time</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="48"/>
        <source>이 PC의 자료는 모두 암호화되어 저장됩니다. 먼저 센터 이름과 주소, 대표 전화를 입력하세요.</source>
        <translation>All data on this PC is stored encrypted. First, enter the center&apos;s name, address and main phone number.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="60"/>
        <source>예: 범죄피해자 원스톱 솔루션센터</source>
        <translation>e.g. Crime Victim One-Stop Solution Center</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="62"/>
        <source>센터 이름</source>
        <translation>Center name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="67"/>
        <source>예: 서울특별시 동작구 여의대방로54길 18</source>
        <translation>e.g. 18 Yeouidaebang-ro 54-gil, Dongjak-gu, Seoul</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="69"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="73"/>
        <source>예: 02-123-4567</source>
        <translation>e.g. 02-123-4567</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="74"/>
        <source>대표 전화</source>
        <translation>Main phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="77"/>
        <source>주소와 대표 전화는 피해자가 가져가는 안내문에 인쇄됩니다. 비워 두면 나중에 설정 → 센터 정보에서 입력할 수 있습니다.</source>
        <translation>The address and main phone number are printed on the sheets people take home. Left empty, they can be entered later in Settings → Center details.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="315"/>
        <source>원스톱 데스크 설정</source>
        <translation>OneStop Desk setup</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="318"/>
        <source>다음</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="319"/>
        <source>이전</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="320"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="321"/>
        <source>시작하기</source>
        <translation>Get started</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/setup_wizard.py" line="322"/>
        <source>센터 만들기</source>
        <translation>Create center</translation>
    </message>
</context>
<context>
    <name>StatTableModel</name>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="81"/>
        <source>항목</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="85"/>
        <source>수</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="86"/>
        <source>비율</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/dashboard.py" line="77"/>
        <source>두 번 누르면 해당 사례 목록을 엽니다</source>
        <translation>Double-click to open the list of these cases</translation>
    </message>
</context>
<context>
    <name>StoreLabel</name>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/server_link.py" line="45"/>
        <source>저장소: 이 PC</source>
        <translation>Store: this PC</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/server_link.py" line="56"/>
        <source>센터 서버 {name}: 응답 없음 · 다시 연결하는 중</source>
        <translation>Center server {name}: not answering · reconnecting</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/server_link.py" line="61"/>
        <source>센터 서버가 응답하지 않습니다. 입력 중인 내용은 이 PC에 남아 있으며, 서버가 다시 응답하면 저장할 수 있습니다.</source>
        <translation>The center server does not answer. What you are typing stays on this PC and can be saved when the server answers again.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/server_link.py" line="66"/>
        <source>센터 서버 {name}: 연결됨</source>
        <translation>Center server {name}: connected</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/shell/server_link.py" line="68"/>
        <source>다른 PC에서 바뀐 내용이 이 화면에 바로 나타납니다.</source>
        <translation>Changes made on other PCs appear on this screen at once.</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="45"/>
        <source>원스톱 데스크를 처음 설정합니다</source>
        <translation>Setting up OneStop Desk for the first time</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="46"/>
        <source>이 PC의 자료를 어디에 둘지 고르세요.</source>
        <translation>Choose where this PC keeps its data.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="48"/>
        <source>이 PC만 사용</source>
        <translation>This PC only</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="53"/>
        <source>이 PC에 암호화된 저장소를 만들고 센터와 첫 관리자를 정합니다. 설치할 것이 없습니다.</source>
        <translation>Creates an encrypted store on this PC and sets up the center and its first administrator. Nothing to install.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="64"/>
        <source>센터 서버에 연결</source>
        <translation>Connect to the center server</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/auth/server_page.py" line="68"/>
        <source>센터의 모든 PC가 하나의 서버를 함께 씁니다. 관리자가 서버를 준비하고 주소와 CA 인증서 파일을 알려 줍니다.</source>
        <translation>All of the center's PCs share one server. An administrator prepares it and gives you its address and CA certificate file.</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/tasks.py" line="134"/>
        <source>잠시만 기다려 주세요</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/tasks.py" line="135"/>
        <source>처리하는 중입니다…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="108"/>
        <source>오늘</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="110"/>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="115"/>
        <source>작성 중인 접수</source>
        <translation>Unfinished intake</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="120"/>
        <source>이어서 작성</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="128"/>
        <source>오늘 접수한 사례</source>
        <translation>Cases received today</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="133"/>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="151"/>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="168"/>
        <source>사례번호</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="134"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="135"/>
        <source>단계</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="136"/>
        <source>범죄 구분</source>
        <translation>Crime group</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="137"/>
        <source>담당</source>
        <translation>Counselor</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="142"/>
        <source>후속 확인할 연계(기한 도래·경과)</source>
        <translation>Follow-ups due or overdue</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="149"/>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="166"/>
        <source>기한</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="150"/>
        <source>확인일</source>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="152"/>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="169"/>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="153"/>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="170"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="154"/>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="171"/>
        <source>문서번호</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="159"/>
        <source>7일 넘게 회신 없는 연계</source>
        <translation>No reply for more than 7 days</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="167"/>
        <source>발송</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="212"/>
        <source>오늘 %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="234"/>
        <source>오늘 접수한 사례 (%1건)</source>
        <translation>Cases received today (%1)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="237"/>
        <source>후속 확인할 연계(기한 도래·경과) (%1건)</source>
        <translation>Follow-ups due or overdue (%1)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="240"/>
        <source>7일 넘게 회신 없는 연계 (%1건)</source>
        <translation>No reply for more than 7 days (%1)</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="245"/>
        <source>이름 없음</source>
        <translation>no name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/desk/today.py" line="247"/>
        <source>%1 · %2 저장 · %3단계까지 작성</source>
        <translation>%1 · saved %2 · up to step %3</translation>
    </message>
</context>
<context>
    <name>UrgencyDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="357"/>
        <source>긴급도</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="367"/>
        <source>보통</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="368"/>
        <source>긴급</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/cases/case_dialogs.py" line="370"/>
        <source>의뢰서 긴급도</source>
        <translation>Urgency on the letter</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="99"/>
        <source>사용자 추가</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="99"/>
        <source>비밀번호 재설정</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="111"/>
        <source>아이디</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="112"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="113"/>
        <source>역할</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="120"/>
        <source>처음 비밀번호</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="126"/>
        <source>이 비밀번호를 본인에게 직접 알려 주세요. 처음 로그인할 때 본인만 아는 비밀번호로 바꿔야 계속할 수 있습니다.</source>
        <translation>Give this password to the person directly. At their first login they must change it to one only they know before they can continue.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="136"/>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="138"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="206"/>
        <source>사용자</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="209"/>
        <source>아이디</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="209"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="209"/>
        <source>역할</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="209"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="218"/>
        <source>사용자 추가…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="219"/>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="287"/>
        <source>비밀번호 재설정…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="220"/>
        <source>사용 중지…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="222"/>
        <source>역할 바꾸기</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="258"/>
        <source>사용 중</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="258"/>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="321"/>
        <source>사용 중지</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="287"/>
        <source>다시 사용…</source>
        <translation>Re-enable…</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="322"/>
        <source>%1(%2) 계정의 사용을 중지합니다. 이 계정으로는 더 로그인할 수 없습니다.</source>
        <translation>The account of %1 (%2) will be disabled. No one will be able to log in with it any more.</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="344"/>
        <source>%1 계정을 바꿨습니다(접속기록에 남았습니다).</source>
        <translation>Account %1 changed (recorded in the access log).</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/admin/users_page.py" line="351"/>
        <source>%1 계정을 추가했습니다(접속기록에 남았습니다).</source>
        <translation>Account %1 added (recorded in the access log).</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="56"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="174"/>
        <source>접수</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="57"/>
        <source>초기상담</source>
        <translation>First consultation</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="58"/>
        <source>욕구사정</source>
        <translation>Needs assessment</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="59"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="171"/>
        <source>연계</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="60"/>
        <source>모니터링</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="61"/>
        <source>종결</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="62"/>
        <source>사후관리</source>
        <translation>Aftercare</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="68"/>
        <source>방문</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="69"/>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="70"/>
        <source>온라인</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="71"/>
        <source>기관 의뢰</source>
        <translation>Agency referral</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="77"/>
        <source>필요</source>
        <translation>Needed</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="78"/>
        <source>진행 중</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="79"/>
        <source>완료</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="80"/>
        <source>해당 없음</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="86"/>
        <source>작성</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="87"/>
        <source>발송</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="88"/>
        <source>접수 확인</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="89"/>
        <source>지원 중</source>
        <translation>In support</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="90"/>
        <source>지원 완료</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="91"/>
        <source>반려</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="92"/>
        <source>철회</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="98"/>
        <source>인적사항</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="99"/>
        <source>연락처</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="100"/>
        <source>사건 개요</source>
        <translation>Case facts</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="101"/>
        <source>민감정보</source>
        <translation>Sensitive data</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="112"/>
        <source>서면</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="113"/>
        <source>구두</source>
        <translation>Oral</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="119"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="152"/>
        <source>가족</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="120"/>
        <source>유족</source>
        <translation>Bereaved</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="121"/>
        <source>보호자</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="122"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="138"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="154"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="184"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="185"/>
        <source>기타</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="128"/>
        <source>낮음</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="129"/>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="144"/>
        <source>보통</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="130"/>
        <source>높음</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="136"/>
        <source>여성</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="137"/>
        <source>남성</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="139"/>
        <source>미상</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="144"/>
        <source>긴급</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="151"/>
        <source>피해자 본인</source>
        <translation>Victim</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="153"/>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="160"/>
        <source>상담원</source>
        <translation>Counselor</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="161"/>
        <source>팀장</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="162"/>
        <source>관리자</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="163"/>
        <source>시스템</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="169"/>
        <source>단계 변경</source>
        <translation>Stage change</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="170"/>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="172"/>
        <source>동의</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="173"/>
        <source>욕구</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="180"/>
        <source>성폭력</source>
        <translation>Sexual violence</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="181"/>
        <source>살인 등 강력</source>
        <translation>Homicide and violent crime</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="182"/>
        <source>스토킹</source>
        <translation>Stalking</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="183"/>
        <source>재산</source>
        <translation>Property</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="193"/>
        <source>생년월일과 이름이 비슷함</source>
        <translation>same birth date, similar name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="194"/>
        <source>같은 전화번호</source>
        <translation>same phone</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="195"/>
        <source>이름 초성이 같음</source>
        <translation>same initial consonants</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="196"/>
        <source>비슷한 정보</source>
        <translation>similar details</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="201"/>
        <source>모름</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="202"/>
        <source>예</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="202"/>
        <source>아니오</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="325"/>
        <source>조회</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="326"/>
        <source>입력</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="327"/>
        <source>변경</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="328"/>
        <source>삭제</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="329"/>
        <source>출력</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="330"/>
        <source>내보내기</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="331"/>
        <source>다운로드</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="332"/>
        <source>검색</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="333"/>
        <source>이름 보기</source>
        <translation>Show name</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="334"/>
        <source>로그인</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="335"/>
        <source>로그아웃</source>
        <translation>Logout</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="336"/>
        <source>로그인 실패</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="337"/>
        <source>화면 잠금</source>
        <translation>Screen lock</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="338"/>
        <source>잠금 해제</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="339"/>
        <source>계정·권한</source>
        <translation>Accounts and permissions</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="340"/>
        <source>파기·삭제</source>
        <translation>Destruction and deletion</translation>
    </message>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/messages.py" line="341"/>
        <source>PC 자료 가져오기</source>
        <translation>Imported from a PC</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../src/onestop_desk/ui/kit/widgets.py" line="57"/>
        <source>예: 2024-07-22</source>
        <translation>e.g. 2024-07-22</translation>
    </message>
</context>
</TS>
