"""The recovery-key sheet: one page printed at setup and kept in the center's safe.

It is the only copy of the key that opens the database when every password is lost, so the
page says what it is, where it must be kept and what losing it means, in plain Korean. The
key is set large, one group of five per box, because it will be typed back from paper years
later by someone under pressure (its alphabet has no I, L, O or U to misread).
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from onestop_desk.reports._doc import FRAME_WIDTH, DocumentPart, Footer, Metadata, build_pdf
from onestop_desk.reports._text import markup
from onestop_desk.reports.fonts import FONT_BOLD, register_fonts
from onestop_desk.reports.styles import BODY, HEADING, RULE, SMALL, TITLE, WARNING

KEY_STYLE = ParagraphStyle(
    "RecoveryKey",
    parent=BODY,
    # The bundled face, embedded like every other text: a PDF viewer's built-in Courier is
    # one more thing the sheet would depend on.
    fontName=FONT_BOLD,
    fontSize=22,
    leading=28,
    alignment=TA_CENTER,
)


def render_recovery_sheet(
    *, center_name: str, recovery_key: str, administrator: str, created_at: datetime
) -> bytes:
    """The sheet as PDF bytes. Not encrypted: it goes straight to a printer and a safe, and a
    password on it would only be one more thing to lose."""
    register_fonts()
    width = FRAME_WIDTH
    groups = recovery_key.split("-")
    per_row = 3  # wide boxes: even WWWWW fits on one line at this size
    rows = [groups[i : i + per_row] for i in range(0, len(groups), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    key_table = Table(
        [[Paragraph(markup(group), KEY_STYLE) for group in row] for row in rows],
        colWidths=[width / per_row] * per_row,
    )
    key_table.setStyle(
        TableStyle(
            [
                # Table cells start from Helvetica unless told: it would be declared unembedded.
                ("FONTNAME", (0, 0), (-1, -1), FONT_BOLD),
                ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 14),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
            ]
        )
    )
    facts = Table(
        [
            [Paragraph("센터", BODY), Paragraph(markup(center_name), BODY)],
            [Paragraph("만든 날", BODY), Paragraph(f"{created_at:%Y-%m-%d %H:%M}", BODY)],
            [Paragraph("만든 관리자", BODY), Paragraph(markup(administrator), BODY)],
        ],
        colWidths=[35 * mm, width - 35 * mm],
    )
    facts.setStyle(
        TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), FONT_BOLD), ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE)]
        )
    )
    story = [
        Paragraph("원스톱 데스크 복구 키", TITLE),
        Paragraph("기밀 · 센터 금고에 보관", WARNING),
        Spacer(1, 8 * mm),
        facts,
        Spacer(1, 8 * mm),
        key_table,
        Spacer(1, 8 * mm),
        Paragraph("이 종이는 무엇인가요", HEADING),
        Paragraph(
            "원스톱 데스크의 모든 자료는 암호화되어 있습니다. 이 복구 키는 관리자 비밀번호를 "
            "모두 잊었을 때 자료를 다시 열 수 있는 유일한 방법입니다. 로그인 화면의 "
            "「복구 키로 열기」에서 입력하면 관리자 비밀번호를 새로 정할 수 있습니다.",
            BODY,
        ),
        Paragraph("보관 방법", HEADING),
        Paragraph(
            "· 센터 금고 등 잠금장치가 있는 곳에 보관하고, 복사하거나 사진을 찍지 마세요.", BODY
        ),
        Paragraph("· 컴퓨터, USB, 메일, 메신저에 저장하지 마세요.", BODY),
        Paragraph("· 누가 언제 꺼내 보았는지 기록해 두세요.", BODY),
        Paragraph("잃어버리면", HEADING),
        Paragraph(
            "<b>모든 비밀번호와 이 복구 키를 함께 잃으면 자료는 영구히 열 수 없습니다.</b> "
            "제조사도 복구할 수 없습니다. 키가 남의 손에 들어갔다고 생각되면 즉시 "
            "관리자에게 알리세요.",
            BODY,
        ),
        Spacer(1, 6 * mm),
        Paragraph(
            "Recovery key for OneStop Desk. Keep it in the center's safe. If every password "
            "and this key are lost, the data cannot be recovered by anyone.",
            SMALL,
        ),
    ]
    footer = Footer(printed_by=administrator, printed_at=created_at, notice="기밀", label="복구 키")
    return build_pdf(
        [DocumentPart(story, footer)],
        Metadata(title="복구 키 / Recovery key", author="OneStop Desk"),
    )
