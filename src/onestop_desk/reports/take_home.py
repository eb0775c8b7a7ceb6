"""The take-home sheet: where to go next, in order, in large plain Korean.

A discreet sheet may be found by the person the victim is hiding from, so it is checked
word by word; rather than print a revealing word, rendering fails and says which field to
reword.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from onestop_desk.reports import styles
from onestop_desk.reports._doc import (
    FRAME_WIDTH,
    DocumentPart,
    Footer,
    Metadata,
    build_pdf,
)
from onestop_desk.reports._layout import CELL_PADDING_X, bullets, field_table, heading, para
from onestop_desk.reports._text import fmt_date, plain
from onestop_desk.reports.errors import DiscreetWordingError
from onestop_desk.reports.fonts import register_fonts
from onestop_desk.reports.model import TakeHomeSheet

TITLE = "도움받을 곳 안내"
DISCREET_TITLE = "방문 안내"

# Words that must never appear on a discreet sheet: crime, victim and offender words, the
# crime types the center records, and names of services known to serve only victims
# (해바라기센터 is the sexual-violence center). Matched ignoring spaces and case.
DISCREET_FORBIDDEN = (
    "범죄", "피해", "가해", "범인", "폭력", "폭행", "성폭", "성범죄", "성추행", "성희롱", "강간",
    "추행", "스토킹", "학대", "살인", "살해", "강도", "방화", "상해", "협박", "감금", "납치",
    "약취", "유인", "인신매매", "사기", "보이스피싱", "수사", "고소", "해바라기",
    "victim", "crime", "abuse", "assault", "violence", "stalking", "rape",
)  # fmt: skip

_LABEL_WIDTH = 40 * mm
_VALUE_WIDTH = FRAME_WIDTH - _LABEL_WIDTH - CELL_PADDING_X


def render_take_home(sheet: TakeHomeSheet) -> bytes:
    """The take-home sheet as a PDF; a discreet one raises DiscreetWordingError if needed."""
    return build_pdf([take_home_part(sheet)], take_home_metadata(sheet))


def take_home_metadata(sheet: TakeHomeSheet) -> Metadata:
    if sheet.discreet:
        return Metadata(title=DISCREET_TITLE, author=sheet.center.discreet_name)
    return Metadata(title=TITLE, author=sheet.center.name)


def discreet_wording_problems(sheet: TakeHomeSheet) -> tuple[str, ...]:
    """Each printed field of the sheet that contains a forbidden word, as "field: word".

    The UI can call this before printing to point the counselor at what to reword.
    """
    problems: list[str] = []
    # The center's main line is a victim hotline to anyone who dials or looks it up.
    main_line = _digits(sheet.center.phone)
    for field, value in _printed_texts(sheet):
        squeezed = "".join(plain(value).split()).casefold()
        problems.extend(f"{field}: {word}" for word in DISCREET_FORBIDDEN if word in squeezed)
        if main_line and main_line in _digits(value):
            problems.append(f"{field}: {sheet.center.phone}")
    return tuple(problems)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def center_line(sheet: TakeHomeSheet) -> str | None:
    """The center number this sheet may print: on a discreet sheet only the neutral line."""
    center = sheet.center
    phone = center.discreet_phone if sheet.discreet else center.phone
    return (phone or "").strip() or None


def counselor_line(sheet: TakeHomeSheet) -> str | None:
    return sheet.counselor_phone.strip() or center_line(sheet)


def take_home_part(sheet: TakeHomeSheet) -> DocumentPart:
    register_fonts()  # text is measured while the story is built
    if sheet.discreet:
        problems = discreet_wording_problems(sheet)
        if problems:
            raise DiscreetWordingError(problems)
    story: list[Flowable] = [para(DISCREET_TITLE if sheet.discreet else TITLE, styles.LARGE_TITLE)]
    if sheet.recipient_name is not None and sheet.recipient_name.strip():
        story.append(para(f"{plain(sheet.recipient_name).strip()} 님께", styles.LARGE))
    story.append(
        para(
            "아래 순서대로 찾아가시면 됩니다. 가시기 전에 전화로 운영 시간을 확인하시면 좋습니다.",
            styles.LARGE,
        )
    )
    for number, stop in enumerate(sorted(sheet.stops, key=lambda s: s.order), start=1):
        rows: list[tuple[str, str | list[Flowable]]] = [("도와주는 일", stop.purpose)]
        if stop.address is not None:
            rows.append(("주소", stop.address))
        if stop.location is not None:
            rows.append(("찾아갈 곳", stop.location))
        ask = center_line(sheet)
        if stop.phone is not None:
            rows.append(("전화", stop.phone))
        elif ask is not None:
            # A stop without a number of its own still needs one to call before going.
            rows.append(("문의", ask if sheet.discreet else f"{ask} (센터 대표 전화)"))
        if stop.hours is not None:
            rows.append(("운영 시간", stop.hours))
        if any(item.strip() for item in stop.what_to_bring):
            items = bullets(stop.what_to_bring, style=styles.LARGE_BULLET, width=_VALUE_WIDTH)
            rows.append(("가져갈 것", items))
        # A stop split over two pages is easy to miss; keep each one whole.
        story.append(
            KeepTogether(
                [
                    heading(f"{number}. {plain(stop.agency_name).strip()}", styles.LARGE_HEADING),
                    field_table(
                        rows,
                        label_width=_LABEL_WIDTH,
                        label_style=styles.LARGE_LABEL,
                        value_style=styles.LARGE_CELL,
                    ),
                ]
            )
        )
    story.append(Spacer(1, 8 * mm))
    story.append(KeepTogether(_contact(sheet)))
    footer = Footer(sheet.printed_by, sheet.printed_at)
    return DocumentPart(story=story, footer=footer)


def _contact(sheet: TakeHomeSheet) -> list[Flowable]:
    center = sheet.center
    counselor = plain(sheet.counselor_name)
    reach = counselor_line(sheet)
    centre = plain(_center_name(sheet))
    line = center_line(sheet)
    rows = [
        ("담당자", f"{counselor}  {plain(reach)}" if reach else counselor),
        ("센터", f"{centre}  {plain(line)}" if line else centre),
    ]
    # Printed once: a sheet whose places are all inside the center already shows it.
    if center.address.strip() and all(stop.address != center.address for stop in sheet.stops):
        rows.append(("센터 주소", center.address))
    if center.hours is not None:
        rows.append(("운영 시간", center.hours))
    rows.append(("안내일", fmt_date(sheet.issued_on)))
    return [
        heading("궁금한 점이 있으면 언제든지 연락 주세요.", styles.LARGE_HEADING),
        field_table(
            rows,
            label_width=_LABEL_WIDTH,
            label_style=styles.LARGE_LABEL,
            value_style=styles.LARGE_CELL,
        ),
    ]


def _center_name(sheet: TakeHomeSheet) -> str:
    return sheet.center.discreet_name if sheet.discreet else sheet.center.name


def _printed_texts(sheet: TakeHomeSheet) -> Iterator[tuple[str, str]]:
    """Every piece of text the sheet prints or puts in its metadata, except people's names.

    Names say nothing about a crime, and real names contain the short words checked for
    (유인나, 강도윤): checking them would refuse a sheet for no reason.
    """
    center = sheet.center
    yield ("center.discreet_name" if sheet.discreet else "center.name"), _center_name(sheet)
    line = center_line(sheet)
    if line is not None:
        yield ("center.discreet_phone" if sheet.discreet else "center.phone"), line
    yield "center.address", center.address
    if center.hours is not None:
        yield "center.hours", center.hours
    yield "counselor_phone", sheet.counselor_phone
    for index, stop in enumerate(sheet.stops):
        where = f"stops[{index}]"
        yield f"{where}.agency_name", stop.agency_name
        yield f"{where}.purpose", stop.purpose
        for name in ("address", "location", "phone", "hours"):
            value = getattr(stop, name)
            if value is not None:
                yield f"{where}.{name}", value
        for item_index, item in enumerate(stop.what_to_bring):
            yield f"{where}.what_to_bring[{item_index}]", item
