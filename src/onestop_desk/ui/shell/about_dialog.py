"""도움말 → 정보: the version, and the licences of the bundled font and libraries.

Both texts are read from ``resources/`` (``licenses/THIRD_PARTY.md`` and the font's
``fonts/OFL-NanumGothic.txt``), the files the bundle ships, so what the dialog shows is what
is distributed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import onestop_desk
from onestop_desk.paths import resource
from onestop_desk.ui.kit.widgets import button_row, heading, make_button

THIRD_PARTY = ("licenses", "THIRD_PARTY.md")
FONT_LICENCE = ("fonts", "OFL-NanumGothic.txt")


def _read(*parts: str) -> str:
    try:
        return resource(*parts).read_text(encoding="utf-8")
    except OSError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("원스톱 데스크 정보"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        self.title_label = heading(self.tr("원스톱 데스크"), "title_label", self)
        layout.addWidget(self.title_label)
        self.version_label = QLabel(
            self.tr("버전 %1 · 범죄피해자 원스톱 솔루션센터의 접수·연계 프로그램").replace(
                "%1", onestop_desk.__version__
            ),
            self,
        )
        self.version_label.setObjectName("version_label")
        layout.addWidget(self.version_label)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.licenses_browser = QTextBrowser(self.tabs)
        self.licenses_browser.setObjectName("licenses_browser")
        self.licenses_browser.setOpenExternalLinks(False)
        self.licenses_browser.setMarkdown(_read(*THIRD_PARTY))
        self.font_license_text = QPlainTextEdit(_read(*FONT_LICENCE), self.tabs)
        self.font_license_text.setObjectName("font_license_text")
        self.font_license_text.setReadOnly(True)
        self.tabs.addTab(self.licenses_browser, self.tr("사용한 소프트웨어"))
        self.tabs.addTab(self.font_license_text, self.tr("글꼴 라이선스(OFL)"))
        layout.addWidget(self.tabs, 1)
        self.close_button = make_button(self.tr("닫기"), "close_button", self)
        self.close_button.setDefault(True)
        layout.addLayout(button_row(self.close_button))
        self.close_button.clicked.connect(self.accept)
