"""개인정보 제3자 제공 동의서: the form the person signs before any letter goes out.

PIPA §17 asks that the person be told, for each recipient, who receives what, why, for how
long, and that they may refuse and what refusing costs them; §23 asks for a separate
consent for sensitive data (crime and health facts). Each recipient therefore has its own
block and its own tick boxes.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from onestop_desk.reports import styles
from onestop_desk.reports._doc import DocumentPart, Footer, Metadata, build_pdf
from onestop_desk.reports._layout import field_table, heading, para, tick_boxes
from onestop_desk.reports._text import fmt_date, fmt_list, plain
from onestop_desk.reports.fonts import register_fonts
from onestop_desk.reports.model import ConsentForm, ConsentFormEntry

TITLE = "개인정보 제3자 제공 동의서"
HANDLING = "개인정보 포함·취급주의"
_YES_NO = ("동의함", "동의하지 않음")
# Blanks filled in by hand; plain-string cells keep the spaces.
_DATE_LINE = "작성일" + " " * 24 + "년" + " " * 12 + "월" + " " * 12 + "일"
_SIGN = " " * 40 + "(서명 또는 인)"


def render_consent_form(form: ConsentForm) -> bytes:
    return build_pdf([consent_form_part(form)], consent_form_metadata(form))


def consent_form_metadata(form: ConsentForm) -> Metadata:
    return Metadata(title=TITLE, author=form.center.name)


def consent_form_part(form: ConsentForm) -> DocumentPart:
    register_fonts()  # text is measured while the story is built
    person_rows = [("성명", form.person_name)]
    if form.birth_date is not None:
        person_rows.append(("생년월일", fmt_date(form.birth_date)))
    story: list[Flowable] = [
        para(TITLE, styles.TITLE),
        para(
            f"{plain(form.center.name).strip()}은(는) 귀하에게 필요한 지원을"
            " 연계하기 위하여 아래 기관에 귀하의 개인정보를 제공하고자 합니다."
            " 「개인정보 보호법」 제17조에 따라 기관마다 동의 여부를 따로 표시해"
            " 주십시오.",
            styles.BODY,
        ),
        field_table(person_rows),
    ]
    for number, entry in enumerate(form.entries, start=1):
        story.append(KeepTogether(_entry(number, entry)))
    if form.sensitive_items:
        story.append(KeepTogether(_sensitive(form)))
    story.append(KeepTogether(_signatures(form)))
    footer = Footer(form.printed_by, form.printed_at, notice=HANDLING)
    return DocumentPart(story=story, footer=footer)


def _entry(number: int, entry: ConsentFormEntry) -> list[Flowable]:
    agency = plain(entry.agency_name).strip()
    refusal = (
        "동의를 거부할 권리가 있습니다. 동의하지 않으시면 이 기관에 의뢰서를 보내지 않으므로"
        f" 센터를 통해 {agency}의 지원을 연계받으실 수 없습니다. 센터 상담과 다른 기관의"
        " 지원에는 영향이 없습니다."
    )
    return [
        heading(f"{number}. {entry.agency_name}"),
        field_table(
            [
                ("제공받는 자", entry.agency_name),
                ("제공 목적", entry.purpose),
                ("제공 항목", fmt_list(entry.items)),
                ("보유·이용 기간", entry.retention),
                ("동의 거부 권리 및 불이익", refusal),
                ("동의 여부", tick_boxes(*_YES_NO)),
            ]
        ),
    ]


def _sensitive(form: ConsentForm) -> list[Flowable]:
    refusal = (
        "동의를 거부할 권리가 있습니다. 동의하지 않으시면 민감정보 없이 의뢰하므로, 이 정보가"
        " 꼭 필요한 지원(예: 치료비·구조금 심사)은 받기 어려울 수 있습니다."
    )
    return [
        heading("민감정보 제공에 대한 별도 동의 (「개인정보 보호법」 제23조)"),
        field_table(
            [
                ("민감정보 항목", fmt_list(form.sensitive_items)),
                ("제공받는 자", fmt_list(e.agency_name for e in form.entries)),
                ("제공 목적", "위 기관별 제공 목적과 같음"),
                ("보유·이용 기간", "위 기관별 보유·이용 기간과 같음"),
                ("동의 거부 권리 및 불이익", refusal),
                ("동의 여부", tick_boxes(*_YES_NO)),
            ]
        ),
    ]


def _signatures(form: ConsentForm) -> list[Flowable]:
    return [
        Spacer(1, 6 * mm),
        para("본인은 위 내용을 설명 듣고 이해하였으며, 기관별로 동의 여부를 표시하였습니다."),
        Spacer(1, 2 * mm),
        para(_DATE_LINE, styles.CENTER),
        Spacer(1, 3 * mm),
        field_table(
            [
                ("정보주체", f"{plain(form.person_name).strip()}{_SIGN}"),
                (
                    "법정대리인 (만 14세 미만인 경우)",
                    "성명:" + " " * 30 + "관계:" + " " * 20 + "(서명 또는 인)",
                ),
                ("설명한 상담원", _SIGN),
            ],
            label_width=44 * mm,
        ),
        para(f"안내일 {fmt_date(form.issued_on)} · {plain(form.center.name).strip()}", styles.NOTE),
    ]
