"""Screenshots of each main screen, from the real app on demo data, for docs/screenshots/.

Needs a real X server so that what the picture shows is what a counselor sees::

    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots.py

The database is a throwaway one in a temporary folder (demo people invented by Faker);
each picture is taken with ImageMagick's ``import -window root``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox

from onestop_desk.db.store import open_store
from onestop_desk.demo import generate_demo
from onestop_desk.domain.access import SYSTEM_ACTOR
from onestop_desk.domain.clock import KST, fixed_clock
from onestop_desk.domain.records import (
    Actor,
    CaseInput,
    InquiryInput,
    PersonInput,
    SafeContact,
)
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.vocab import (
    CallerType,
    Gender,
    IntakeChannel,
    ReferralStatus,
    Role,
)
from onestop_desk.services import build_services
from onestop_desk.services.auth import AuthService, InvalidCredentialsError
from onestop_desk.ui.kit.item_roles import CodeRole
from onestop_desk.ui.shell.main_window import MainWindow
from onestop_desk.ui.shell.qtapp import create_application

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
NOW = datetime(2026, 11, 25, 10, 40, tzinfo=KST)


def pump(app: QApplication, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, name: str) -> None:
    pump(app)
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["import", "-window", "root", str(OUT / name)], check=True)
    print("saved", OUT / name)


def build_world(folder: Path):  # type: ignore[no-untyped-def]
    store = open_store(folder / "onestop.db", key=os.urandom(32))
    clock = fixed_clock(NOW)
    system = build_services(store.sessions, SYSTEM_ACTOR, clock=clock)
    lead = system.users.create("kim.lead", "김지현", Role.TEAM_LEAD, "demo-pass-2026")
    generate_demo(store.sessions, 400, clock=clock, seed=1701)
    services = build_services(
        store.sessions,
        Actor(lead.id, lead.username, Role.TEAM_LEAD, "desk-1"),
        clock=clock,
    )
    today_people = [
        ("박서윤", date(1994, 4, 12), "010-3141-5926", ("stalking",)),
        ("이도현", date(1979, 9, 30), "010-2718-2818", ("injury",)),
        ("최유나", date(2001, 1, 5), "010-1618-0339", ("digital_sex_crime",)),
    ]
    for name, birth, phone, crimes in today_people:
        services.cases.create_case(
            PersonInput(
                name=name,
                birth_date=birth,
                gender=Gender.FEMALE,
                phone=phone,
                safe_contact=SafeContact(may_call=True, safe_hours="평일 12~13시"),
            ),
            CaseInput(
                intake_channel=IntakeChannel.VISIT,
                intake_date=NOW.date(),
                crime_types=crimes,
                incident_date=NOW.date() - timedelta(days=20),
                summary="센터 방문, 초기상담 진행",
            ),
        )
    for caller, topic, outcome, name in (
        (CallerType.VICTIM, "스토킹 피해 신변보호 절차 문의", "방문 예약(내일 10시)", "정하린"),
        (CallerType.FAMILY, "아들 폭행 피해 치료비 지원 문의", "검찰청 피해자지원실 안내", ""),
        (CallerType.AGENCY, "관할 경찰서 사건 연계 가능 여부", "연계 절차 안내", "강남경찰서"),
    ):
        services.inquiries.log(
            InquiryInput(caller_type=caller, topic=topic, outcome=outcome, caller_name=name)
        )
    return store, services


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("run under an X server (see the module docstring)", file=sys.stderr)
        return 2
    app = create_application(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="onestop-shots-"))
    store, services = build_world(folder)
    settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    window.setGeometry(0, 0, 1280, 800)
    window.showMaximized()
    pump(app, 1.5)
    shoot(app, "today.png")

    window.show_cases()
    pump(app, 1.0)
    shoot(app, "cases.png")

    case_id = next(
        cid
        for cid in services.cases.list_ids()
        if any(r.status is ReferralStatus.SENT for r in services.referrals.list(cid))
    )
    window.open_case(case_id)
    pump(app, 1.0)
    view = window.case_view
    assert view is not None
    view.ui.tabs.setCurrentIndex(view.ui.tabs.count() - 1)
    shoot(app, "case_view.png")

    window.nav_list.setCurrentRow(2)
    pump(app, 1.0)
    shoot(app, "inquiries.png")
    window.nav_list.setCurrentRow(4)
    pump(app, 1.0)
    shoot(app, "directory.png")

    window.nav_list.setCurrentRow(0)
    dialog = window.open_intake()
    assert dialog is not None
    pump(app, 1.0)
    person = dialog.person_page
    person.name_edit.setText("한지우")
    person.birth_edit.setText("1990-05-17")
    person.phone_edit.setText("010-4821-7305")
    person.address_edit.setText("서울특별시 영등포구 여의대방로")
    person.confidential_address_check.setChecked(True)
    person.may_call_check.setChecked(True)
    person.safe_hours_edit.setText("평일 12~13시, 문자 금지")
    person.related_box.related_name_edit.setText("한미숙")
    person.related_box.related_phone_edit.setText("010-2233-4455")
    person.related_box.related_add_button.click()
    person.name_edit.setFocus()
    pump(app, 1.0)
    shoot(app, "intake_step1.png")

    dialog.next_button.click()
    pump(app, 1.0)
    case = dialog.case_page
    for i in range(case.crime_list.count()):
        if case.crime_list.item(i).data(CodeRole) in ("injury", "assault"):
            case.crime_list.item(i).setCheckState(Qt.CheckState.Checked)
    case.incident_date_edit.setText("2023-12-20")
    case.offender_relation_edit.setText("전 연인")
    case.police_office_edit.setText("영등포경찰서")
    case.reported_combo.setCurrentIndex(1)
    case.summary_edit.setPlainText("귀가 중 폭행 피해, 전치 6주. 가해자 접근 우려.")
    case.needs_box.check_codes(
        {
            "programme:relief_money_serious_injury",
            "programme:treatment_cost",
            "programme:smartwatch",
            "programme:trauma_therapy",
        }
    )
    pump(app, 0.5)
    shoot(app, "intake_step2.png")

    dialog.next_button.click()
    pump(app, 1.0)
    for code in ("prosecution", "police", "smile_center"):
        check = dialog.findChild(QCheckBox, f"consent_{code}_check")
        if check is not None:
            check.setChecked(True)
    shoot(app, "intake_step3.png")
    dialog.discard()
    pump(app, 0.5)

    window.show_page(window.dashboard_page)
    # The last twelve months: the period is typed like every date in the app.
    window.dashboard_page.from_date_edit.setText((NOW.date() - timedelta(days=365)).isoformat())
    window.dashboard_page.refresh()
    pump(app, 2.0)
    shoot(app, "dashboard.png")
    window.runner.wait()
    window.close()
    store.close()
    admin_screens(app, folder / "center")
    return 0


def admin_screens(app: QApplication, folder: Path) -> None:
    """접속기록, 사용자 and 정보 need an administrator's session: a small real center."""
    auth = AuthService(folder, pc_name="desk-1", kdf_params=lambda: KdfParams(1, 64, 1))
    setup = auth.set_up("서울 원스톱 솔루션센터", "choi.admin", "최관리", "demo-admin-2026!")
    for username, name, role in (
        ("kim.lead", "김지현", Role.TEAM_LEAD),
        ("lee.c", "이상담", Role.COUNSELOR),
        ("park.c", "박상담", Role.COUNSELOR),
    ):
        setup.session.add_user(username, name, role, "demo-pass-2026")
    setup.session.disable_user("park.c")
    setup.session.logout()
    for _ in range(2):
        with contextlib.suppress(InvalidCredentialsError):
            auth.login("lee.c", "wrong-password")
    session = auth.login("choi.admin", "demo-admin-2026!")
    settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session.services, settings, account=session)
    window.setGeometry(0, 0, 1280, 800)
    window.showMaximized()
    pump(app, 1.0)
    page = window.audit_page
    assert page is not None
    window.show_page(page)
    pump(app, 1.0)
    page.ui.verify_button.click()
    pump(app, 1.0)
    shoot(app, "audit.png")
    assert window.users_page is not None
    window.show_page(window.users_page)
    pump(app, 1.0)
    shoot(app, "users.png")
    window.menus.about_action.trigger()
    pump(app, 1.0)
    shoot(app, "about.png")
    window.runner.wait()
    window.close()
    session.logout()


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # see benchmarks/bench_case_list.py: PySide6 teardown can abort at exit
