"""Realistic, entirely fictional records for the benchmark, the tests and layout checks.

The agencies are the 14 resident partners of the Seoul center. Phone numbers other than the
public lines listed in the domain notes, rooms, the person and the case are invented: these
records never reach a real directory.
"""

from __future__ import annotations

from datetime import date, datetime

from onestop_desk.reports.model import (
    URGENCY_NORMAL,
    URGENCY_URGENT,
    AgencyInfo,
    CaseSection,
    CaseSummary,
    CenterInfo,
    ConsentForm,
    ConsentFormEntry,
    ConsentSection,
    PersonSection,
    ReferralLetter,
    SummaryConsent,
    SummaryEvent,
    SummaryNeed,
    SummaryReferral,
    TakeHomeSheet,
    TakeHomeStop,
)

ISSUED_ON = date(2025, 3, 14)
PRINTED_AT = datetime(2025, 3, 14, 15, 2)
COUNSELOR = "박상담"
COUNSELOR_PHONE = "02-6929-0101"

CENTER = CenterInfo(
    name="범죄피해자 원스톱 솔루션센터",
    address="서울특별시 동작구 여의대방로54길 18, 서울여성플라자 3층",
    phone="1577-1701",
    fax="02-6929-0199",
    hours="평일 09:00~18:00",
    discreet_name="원스톱 상담실",
    discreet_phone="02-6929-0100",
)

# (code, name, phone, what the letter asks of them, plain words for the take-home sheet)
_AGENCIES = (
    ("prosecution", "검찰청 피해자지원실", "1577-2584", ("치료비 지원", "생계비 지원"),
     "병원비와 생활비를 신청할 수 있게 도와줍니다"),
    ("police", "경찰", "182", ("신변보호 112 등록", "스마트워치 지급"),
     "집 주변 순찰과 긴급 연락 시계를 준비해 줍니다"),
    ("employment_center", "고용노동부 고용센터", "1350", ("국민취업지원제도 상담",),
     "일자리를 찾도록 상담해 줍니다"),
    ("legal_aid", "대한법률구조공단", "132", ("법률 상담", "소송 구조"),
     "법률 상담과 소송 준비를 도와줍니다"),
    ("victim_support_center", "범죄피해자지원센터", "1577-1295", ("긴급생계비", "법정 동행"),
     "생활비와 법원 동행을 도와줍니다"),
    ("legal_home_doctor", "법률홈닥터", "02-2110-3114", ("무료 법률 상담", "서류 작성 지원"),
     "서류 작성을 도와줍니다"),
    ("finance_center", "서민금융통합지원센터", "1397", ("채무 조정 상담",),
     "빚 정리와 소액 대출을 상담해 줍니다"),
    ("seoul_welfare", "서울시 복지지원팀", "120", ("서울형 긴급복지",),
     "급한 생활비 지원을 상담해 줍니다"),
    ("digital_sex_crime", "서울 디지털성범죄 안심지원센터", "02-815-0382", ("삭제 지원",),
     "인터넷에 올라간 자료를 지워 줍니다"),
    ("stalking_center", "서울시 스토킹 피해자 원스톱지원센터", "02-2135-6370",
     ("이주비 지원", "민간 경호"), "이사 비용과 안전한 이동을 도와줍니다"),
    ("seoul_jobs", "서울일자리센터", "1588-9142", ("취업 상담",), "일자리 상담을 해 줍니다"),
    ("smile_center", "스마일센터", "02-472-1295", ("심리 치료", "임시 숙소"),
     "마음 치료와 머물 곳을 도와줍니다"),
    ("statement_assistant", "진술조력인", "02-2110-3263", ("진술 조력",),
     "조사받을 때 옆에서 도와줍니다"),
    ("victim_attorney", "피해자 국선변호사", "132", ("국선변호사 선정",),
     "변호사를 무료로 연결해 줍니다"),
)  # fmt: skip

# Neutral names for a discreet sheet: the real names of some agencies say what happened.
_DISCREET_NAMES = {
    "prosecution": "지원실 (서울중앙지방검찰청 1층)",
    "victim_support_center": "지원센터 (동작)",
    "digital_sex_crime": "온라인 안심 지원실",
    "stalking_center": "안심 지원실",
    "victim_attorney": "국선변호사 상담",
}

PERSON = PersonSection(
    name="김하늘",
    gender="여",
    birth_date=date(1994, 5, 17),
    safe_contact="문자만 가능, 음성메시지 남기지 말 것",
    guardian="해당 없음",
    language="한국어",
    interpreter_needed=False,
    disability="없음",
    phone="010-1234-5678",
    address="서울특별시 관악구 (상세 주소는 동의 시에만 제공)",
    contact_warning="가해자가 휴대폰을 볼 수 있음. 문자 금지",
)

CASE = CaseSection(
    crime_types=("스토킹", "협박"),
    incident_date=date(2025, 2, 27),
    reported_to_police=True,
    police_office="서울관악경찰서",
    prosecution_office="서울중앙지방검찰청",
    case_reference="2025-형제-12345",
    offender_relation="전 연인",
    sensitive_facts="퇴근길에 반복적으로 기다리고 메시지를 보냄. 2월 27일 집 앞에서 위협.",
)


def agencies() -> tuple[AgencyInfo, ...]:
    return tuple(
        AgencyInfo(
            code=code,
            name=name,
            department="피해자 지원 담당",
            contact="담당자",
            phone=phone,
            fax="02-000-0000",
            email=f"{code}@example.org",
            address="서울특별시 동작구 여의대방로54길 18",
            hours="평일 09:00~18:00",
        )
        for code, name, phone, _services, _plain in _AGENCIES
    )


def letter(agency: AgencyInfo, number: int = 1, *, urgent: bool = False) -> ReferralLetter:
    services = next(s for code, _n, _p, s, _pl in _AGENCIES if code == agency.code)
    return ReferralLetter(
        document_number=f"OSC-2025-{number:04d}",
        issued_on=ISSUED_ON,
        urgency=URGENCY_URGENT if urgent else URGENCY_NORMAL,
        agency=agency,
        center=CENTER,
        counselor_name=COUNSELOR,
        counselor_phone=COUNSELOR_PHONE,
        person=PERSON,
        case=CASE,
        reason=(
            "전 연인의 반복적인 스토킹으로 출퇴근이 어렵고 불안이 심하여 신변 안전 확보와"
            " 생활 안정을 위한 지원이 필요합니다. 대상자는 연락 시 문자만 원합니다."
        ),
        needs=("신변 안전 확보", "주거 이전 검토", "심리 상담"),
        requested_services=services,
        support_received=("경찰 112 신변보호 등록 (2025. 3. 2.)",),
        attachments=("개인정보 제3자 제공 동의서 사본", "초기상담 기록지"),
        consent=ConsentSection(
            given_on=ISSUED_ON,
            method="서면",
            items=("성명", "연락처", "범죄 유형", "사건 개요"),
            purpose=f"{agency.name} 지원 연계",
            expires_on=date(2026, 3, 13),
        ),
        printed_by=COUNSELOR,
        printed_at=PRINTED_AT,
    )


def letters() -> tuple[ReferralLetter, ...]:
    return tuple(
        letter(agency, number, urgent=agency.code == "police")
        for number, agency in enumerate(agencies(), start=1)
    )


def take_home(*, discreet: bool = False) -> TakeHomeSheet:
    stops = []
    for order, (code, name, phone, _services, plain) in enumerate(_AGENCIES, start=1):
        shown = _DISCREET_NAMES.get(code, name) if discreet else name
        stops.append(
            TakeHomeStop(
                order=order,
                agency_name=shown,
                address=CENTER.address,
                location=f"3층 {300 + order}호",
                # A discreet sheet prints no agency line: many say what the agency is for.
                phone=None if discreet else phone,
                hours="평일 오전 9시 ~ 오후 6시",
                purpose=plain,
                what_to_bring=("신분증", "통장 사본"),
            )
        )
    return TakeHomeSheet(
        center=CENTER,
        recipient_name="김하늘",
        discreet=discreet,
        stops=tuple(stops),
        counselor_name=COUNSELOR,
        counselor_phone=COUNSELOR_PHONE,
        issued_on=ISSUED_ON,
        printed_by=COUNSELOR,
        printed_at=PRINTED_AT,
    )


def consent_form() -> ConsentForm:
    return ConsentForm(
        center=CENTER,
        person_name="김하늘",
        birth_date=PERSON.birth_date,
        entries=tuple(
            ConsentFormEntry(
                agency_name=agency.name,
                purpose=f"{agency.name}의 지원 연계",
                items=("성명", "생년월일", "연락처", "범죄 유형", "사건 개요"),
                retention="연계 종료 후 3년",
            )
            for agency in agencies()[:3]
        ),
        issued_on=ISSUED_ON,
        printed_by=COUNSELOR,
        printed_at=PRINTED_AT,
    )


def case_summary() -> CaseSummary:
    return CaseSummary(
        case_number="2025-0314-007",
        center=CENTER,
        counselor_name=COUNSELOR,
        status="연계",
        opened_on=date(2025, 3, 3),
        person=PERSON,
        case=CASE,
        needs=(
            SummaryNeed("신변보호", "스마트워치", "지원 중", "6개월, 2025. 9. 2.까지"),
            SummaryNeed("주거", "주거이전비", "신청 예정"),
        ),
        consents=(
            SummaryConsent("경찰", ("성명", "연락처"), date(2025, 3, 3)),
            SummaryConsent("스마일센터", ("성명",), date(2025, 3, 3), date(2025, 3, 10)),
        ),
        referrals=(
            SummaryReferral(
                "OSC-2025-0002",
                "경찰",
                "회신 완료",
                date(2025, 3, 3),
                date(2025, 3, 4),
                "스마트워치 지급",
            ),
        ),
        timeline=(
            SummaryEvent(datetime(2025, 3, 3, 10, 5), "초기상담", "방문 상담. 안전 계획 수립."),
            SummaryEvent(datetime(2025, 3, 4, 14, 30), "회신", "경찰 회신 접수."),
        ),
        printed_by=COUNSELOR,
        printed_at=PRINTED_AT,
    )
