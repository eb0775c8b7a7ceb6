from datetime import datetime

from helpers.pdf_probe import reader, squeezed, text_of
from onestop_desk.domain.security.recovery_key import new_recovery_key
from onestop_desk.reports.recovery_sheet import render_recovery_sheet


def test_recovery_sheet_shows_every_group_in_the_bundled_font():
    key = new_recovery_key()
    pdf = render_recovery_sheet(
        center_name="서울 원스톱",
        recovery_key=key,
        administrator="admin",
        created_at=datetime(2026, 11, 25, 9, 0),
    )
    text = squeezed(text_of(pdf))
    for group in key.split("-"):
        assert group in text
    assert "금고" in text
    fonts = []
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.append(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded, never Helvetica
    assert fonts and all("NanumGothic" in f for f in fonts)
    assert key not in " ".join(str(v) for v in (reader(pdf).metadata or {}).values())


def test_the_widest_groups_do_not_wrap():
    key = "WWWWW-MMMMM-WMWMW-MWMWM-WWMMW-MMWWM"
    pdf = render_recovery_sheet(
        center_name="서울",
        recovery_key=key,
        administrator="admin",
        created_at=datetime(2026, 11, 25, 9, 0),
    )
    lines = text_of(pdf).split("\n")
    for group in key.split("-"):
        assert any(group in line for line in lines)  # each group whole on one line
