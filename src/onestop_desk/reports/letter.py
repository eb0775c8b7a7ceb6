"""연계 의뢰서: the referral letter to one partner agency, with its reply slip."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from onestop_desk.reports import styles
from onestop_desk.reports._doc import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    DocumentPart,
    Footer,
    Metadata,
    build_pdf,
)
from onestop_desk.reports._layout import (
    BOX,
    bullets,
    field_table,
    grid_style,
    heading,
    layout_style,
    para,
    section,
    text_row,
    tick_boxes,
    withheld_note,
)
from onestop_desk.reports._qr import QrCode
from onestop_desk.reports._sections import case_section, person_section
from onestop_desk.reports._text import fmt_date, fmt_list, markup, plain
from onestop_desk.reports.errors import ConsentNotValidError
from onestop_desk.reports.fonts import register_fonts
from onestop_desk.reports.model import URGENCY_URGENT, ReferralLetter

TITLE = "연계 의뢰서"
HANDLING = "개인정보 포함·취급주의"
NOTICE = "목적 외 사용·재제공 금지"
# Blanks for the receiving agency to fill in by hand (plain-string cells keep the spaces).
_BLANK_DATE = " " * 20 + "년" + " " * 12 + "월" + " " * 12 + "일"


def render_referral_letter(letter: ReferralLetter) -> bytes:
    """One referral letter as a PDF.

    Raises ConsentNotValidError when the consent was not in force on the issue date.
    """
    return build_pdf([letter_part(letter)], letter_metadata(letter))


def letter_metadata(letter: ReferralLetter) -> Metadata:
    return Metadata(
        title=f"{TITLE} {letter.document_number}",
        author=letter.center.name,
        subject=f"{TITLE} - {letter.agency.name}",
    )


def letter_part(letter: ReferralLetter) -> DocumentPart:
    register_fonts()  # text is measured while the story is built
    _check_consent(letter)
    story: list[Flowable] = [
        *_header(letter),
        Spacer(1, 3 * mm),
        *_addresses(letter),
        *section("3. 대상자"),
        *person_section(letter.person),
        *section("4. 사건 개요 (최소한의 사실만 기재)"),
        *case_section(letter.case),
        *section("5. 의뢰 사유 및 욕구"),
        para(letter.reason),
        *bullets(letter.needs),
        *section("6. 요청 서비스"),
        *bullets(letter.requested_services),
        *section("7. 기존 지원 내역"),
        *_support_received(letter),
        *section("8. 첨부 서류"),
        *_attachments(letter),
        *section("9. 개인정보 제공 동의 확인"),
        *_consent(letter),
        _signature(letter),
        PageBreak(),
        *_reply_slip(letter),
    ]
    footer = Footer(
        letter.printed_by,
        letter.printed_at,
        notice=NOTICE,
        label=f"문서번호 {letter.document_number}",
    )
    return DocumentPart(story=story, footer=footer)


def _check_consent(letter: ReferralLetter) -> None:
    consent = letter.consent
    if consent.given_on > letter.issued_on:
        raise ConsentNotValidError(
            f"{letter.document_number}: consent given {consent.given_on} after the letter"
        )
    if consent.expires_on is not None and consent.expires_on < letter.issued_on:
        raise ConsentNotValidError(
            f"{letter.document_number}: consent expired on {consent.expires_on}"
        )


def _header(letter: ReferralLetter) -> list[Flowable]:
    quarter = FRAME_WIDTH / 4
    widths = (0.7 * quarter, 1.3 * quarter, 0.7 * quarter, 1.3 * quarter)
    cell_styles = (styles.CELL_LABEL, styles.CELL, styles.CELL_LABEL, styles.CELL)
    table = Table(
        [
            text_row(
                ("문서번호", letter.document_number, "발행일", fmt_date(letter.issued_on)),
                widths,
                cell_styles,
            ),
            text_row(("긴급도", letter.urgency, "취급", HANDLING), widths, cell_styles),
        ],
        colWidths=list(widths),
        hAlign="LEFT",
    )
    table_style = grid_style(cell_styles)
    for column in (0, 2):
        table_style.add("BACKGROUND", (column, 0), (column, -1), styles.LABEL_FILL)
    # Urgency and the handling rule are what the receiving desk must see first.
    warned = [(3, 1)]
    if letter.urgency == URGENCY_URGENT:
        warned.append((1, 1))
    for cell in warned:
        table_style.add("FONTNAME", cell, cell, styles.WARNING.fontName)
        table_style.add("TEXTCOLOR", cell, cell, styles.WARNING.textColor)
    table.setStyle(table_style)
    return [para(TITLE, styles.TITLE), table]


def _addresses(letter: ReferralLetter) -> list[Flowable]:
    """받는 기관 and 보내는 기관 side by side: short rows, and it keeps page one for the person.

    A table row cannot continue on the next page, so when unusually long entries make the
    pair tall they are stacked at full width instead, where rows split normally.
    """
    gap = 5 * mm
    half = (FRAME_WIDTH - gap) / 2
    to_table, from_table = _to(letter, half), _from(letter, half)
    tallest = max(t.wrap(half, FRAME_HEIGHT)[1] for t in (to_table, from_table))
    if tallest > FRAME_HEIGHT / 3:
        return [
            *section("1. 받는 기관"),
            _to(letter, FRAME_WIDTH),
            *section("2. 보내는 기관"),
            _from(letter, FRAME_WIDTH),
        ]
    outer = Table(
        [
            [heading("1. 받는 기관"), "", heading("2. 보내는 기관")],
            [to_table, "", from_table],
        ],
        colWidths=[half, gap, half],
        hAlign="LEFT",
    )
    outer.setStyle(layout_style())
    return [outer]


def _to(letter: ReferralLetter, width: float) -> Flowable:
    agency = letter.agency
    rows = [
        ("기관명", agency.name),
        ("부서", agency.department),
        ("담당자", agency.contact),
        ("전화", agency.phone),
        ("팩스", agency.fax),
        ("이메일", agency.email),
    ]
    return _side_table(rows, width)


def _from(letter: ReferralLetter, width: float) -> Flowable:
    center = letter.center
    rows = [
        ("기관명", center.name),
        ("담당 상담원", letter.counselor_name),
        ("직통 전화", letter.counselor_phone.strip() or None),
        ("대표 전화", center.phone.strip() or None),
        ("팩스", center.fax),
        ("주소", center.address),
    ]
    return _side_table(rows, width)


def _side_table(rows: list[tuple[str, str | None]], width: float) -> Flowable:
    shown = [(label, value) for label, value in rows if value is not None]
    return field_table(shown, label_width=24 * mm, width=width)


def _support_received(letter: ReferralLetter) -> list[Flowable]:
    # Withheld is not the same as none: "없음" on a letter whose consent leaves the history
    # out would tell the agency something untrue about the person.
    if letter.support_received is None:
        return [withheld_note()]
    return bullets(letter.support_received, empty="기록 없음")


def callback_phone(counselor_phone: str, center_phone: str) -> str | None:
    """The number to call back on: the counselor's direct line, else the center's."""
    return counselor_phone.strip() or center_phone.strip() or None


def _attachments(letter: ReferralLetter) -> list[Flowable]:
    if not any(a.strip() for a in letter.attachments):
        return [para("첨부 서류 없음")]
    return [
        para("함께 보내는 서류입니다. 받으신 서류의 네모 칸에 표시해 주십시오.", styles.NOTE),
        *bullets(letter.attachments, mark=BOX),
    ]


def _consent(letter: ReferralLetter) -> list[Flowable]:
    consent = letter.consent
    agency = markup(letter.agency.name)
    expires = fmt_date(consent.expires_on) if consent.expires_on is not None else "목적 달성 시까지"
    return [
        Paragraph(
            f"대상자는 아래 개인정보를 <b>{agency}</b>에 제공하는 것에 동의하였습니다"
            " (「개인정보 보호법」 제17조). 이 의뢰서에는 동의한 항목만 기재하였습니다.",
            styles.BODY,
        ),
        field_table(
            [
                ("제공받는 기관", letter.agency.name),
                ("동의일", fmt_date(consent.given_on)),
                ("동의 방법", consent.method),
                ("동의 항목", fmt_list(consent.items)),
                ("이용 목적", consent.purpose),
                ("동의 유효기간", expires),
            ]
        ),
    ]


def _signature(letter: ReferralLetter) -> Flowable:
    widths = (28 * mm, 72 * mm)
    cell_styles = (styles.CELL_LABEL, styles.CELL)
    signer = Table(
        [
            text_row(("의뢰 기관", letter.center.name), widths, cell_styles),
            text_row(
                ("담당 상담원", f"{plain(letter.counselor_name)}   (서명)"), widths, cell_styles
            ),
        ],
        colWidths=list(widths),
        hAlign="RIGHT",
    )
    signer.setStyle(grid_style(cell_styles, ruled=False))
    return KeepTogether(
        [
            Spacer(1, 8 * mm),
            para("위와 같이 연계를 의뢰합니다.", styles.CENTER),
            para(fmt_date(letter.issued_on), styles.CENTER),
            Spacer(1, 4 * mm),
            signer,
        ]
    )


def _reply_slip(letter: ReferralLetter) -> list[Flowable]:
    """The page the agency fills in and sends back.

    It carries the document number (as text and as a QR code the center scans) but no
    personal data, so it can travel back by fax without exposing the person.
    """
    center = letter.center
    return_to = f"{markup(center.name)} 담당 상담원 {markup(letter.counselor_name)}"
    phone = callback_phone(letter.counselor_phone, center.phone)
    contacts = [f"전화 {markup(phone)}"] if phone else []
    if center.fax:
        contacts.insert(0, f"팩스 {markup(center.fax)}")
    code_size = 32 * mm
    left = FRAME_WIDTH - code_size - 4 * mm
    identity = Table(
        [
            [
                field_table(
                    [
                        (
                            "문서번호",
                            Paragraph(markup(letter.document_number), styles.CELL_EMPHASIS),
                        ),
                        ("회신 기관", letter.agency.name),
                        ("의뢰일", fmt_date(letter.issued_on)),
                    ],
                    label_width=26 * mm,
                    width=left,
                ),
                QrCode(letter.document_number, code_size),
            ]
        ],
        colWidths=[left + 4 * mm, code_size],
        hAlign="LEFT",
    )
    identity.setStyle(layout_style())
    return [
        para("회신서", styles.TITLE),
        Paragraph(
            f"연계 의뢰에 대한 처리 결과를 적어 <b>{return_to}</b>에게 보내 주십시오"
            + (f" ({', '.join(contacts)})." if contacts else "."),
            styles.BODY,
        ),
        Spacer(1, 3 * mm),
        identity,
        Spacer(1, 4 * mm),
        field_table(
            [
                ("접수일", _BLANK_DATE),
                ("담당자", "성명:" + " " * 50 + "연락처:"),
                ("결정", tick_boxes("지원 결정", "추가 확인 필요", "지원 불가")),
                ("결정 사유", Spacer(1, 22 * mm)),
                ("제공(예정) 서비스", Spacer(1, 22 * mm)),
                ("비고", Spacer(1, 14 * mm)),
                ("회신일", _BLANK_DATE),
                ("담당자 서명", " " * 70 + "(서명)"),
            ],
            label_width=34 * mm,
        ),
        Spacer(1, 3 * mm),
        para("회신서에는 개인정보를 적지 마십시오. 문서번호로 의뢰 건을 확인합니다.", styles.NOTE),
    ]
