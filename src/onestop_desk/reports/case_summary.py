"""사례 요약: one case on paper, for the encrypted USB export."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from onestop_desk.reports import styles
from onestop_desk.reports._doc import (
    FRAME_WIDTH,
    DocumentPart,
    Footer,
    Metadata,
    build_pdf,
)
from onestop_desk.reports._layout import field_table, grid_table, para, section
from onestop_desk.reports._sections import case_section, person_section
from onestop_desk.reports._text import DASH, fmt_date, fmt_datetime, fmt_list
from onestop_desk.reports.fonts import register_fonts
from onestop_desk.reports.model import CaseSummary

TITLE = "사례 요약"
NOTICE = "개인정보 포함·취급주의 · 목적 외 사용·재제공 금지"
_NONE = "기록 없음"


def render_case_summary(summary: CaseSummary) -> bytes:
    return build_pdf([case_summary_part(summary)], case_summary_metadata(summary))


def case_summary_metadata(summary: CaseSummary) -> Metadata:
    return Metadata(title=f"{TITLE} {summary.case_number}", author=summary.center.name)


def case_summary_part(summary: CaseSummary) -> DocumentPart:
    register_fonts()  # text is measured while the story is built
    story: list[Flowable] = [
        para(TITLE, styles.TITLE),
        field_table(
            [
                ("사례번호", summary.case_number),
                ("센터", summary.center.name),
                ("담당 상담원", summary.counselor_name),
                ("상태", summary.status),
                ("접수일", fmt_date(summary.opened_on)),
            ]
        ),
        *section("1. 대상자"),
        *person_section(summary.person),
        *section("2. 사건"),
        *case_section(summary.case),
        *section("3. 욕구 및 지원"),
        *_table(
            ("영역", "지원 제도", "상태", "메모"),
            [(n.area, n.programme, n.status, _or_dash(n.note)) for n in summary.needs],
            (0.18, 0.3, 0.14, 0.38),
        ),
        *section("4. 동의 내역"),
        *_table(
            ("제공받는 기관", "동의 항목", "동의일", "철회일"),
            [
                (
                    c.agency_name,
                    fmt_list(c.items),
                    fmt_date(c.given_on),
                    fmt_date(c.withdrawn_on),
                )
                for c in summary.consents
            ],
            (0.28, 0.44, 0.14, 0.14),
        ),
        *section("5. 연계 내역"),
        *_table(
            ("문서번호", "기관", "상태", "의뢰일", "회신일", "회신 내용"),
            [
                (
                    r.document_number,
                    r.agency_name,
                    r.status,
                    fmt_date(r.sent_on),
                    fmt_date(r.replied_on),
                    _or_dash(r.reply),
                )
                for r in summary.referrals
            ],
            (0.17, 0.2, 0.1, 0.13, 0.13, 0.27),
        ),
        *section("6. 경과 기록"),
        *_table(
            ("일시", "구분", "내용"),
            [(fmt_datetime(e.at), e.kind, e.text) for e in summary.timeline],
            (0.2, 0.14, 0.66),
        ),
    ]
    footer = Footer(summary.printed_by, summary.printed_at, NOTICE, summary.case_number)
    return DocumentPart(story=story, footer=footer)


def _table(
    header: Sequence[str], rows: list[tuple[str, ...]], shares: Sequence[float]
) -> list[Flowable]:
    if not rows:
        return [para(_NONE)]
    widths = [share * FRAME_WIDTH for share in shares]
    return [grid_table(header, rows, widths)]


def _or_dash(value: str | None) -> str:
    return DASH if value is None else value
