"""The QApplication as OneStop Desk needs it: bundled Hangul font, translations, styles.

Center PCs may have no Korean font at all, so the bundled NanumGothic is registered and made
the application font before any widget exists; otherwise Hangul renders as empty boxes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from onestop_desk.paths import resource
from onestop_desk.ui.kit.screen import install_screen_fitter
from onestop_desk.ui.kit.settings import DEFAULT_LANGUAGE

QT_TRANSLATION_CATALOGS = ("qtbase",)
"""Qt's own words (file, print and message dialogs, standard buttons) live in qtbase."""
FONT_FAMILY_FALLBACK = "NanumGothic"
BASE_POINT_SIZE = 10


def register_fonts() -> str:
    """Register the bundled fonts; returns the family name to use."""
    family = FONT_FAMILY_FALLBACK
    for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id < 0:
            raise RuntimeError(f"bundled font {name} could not be loaded")
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and name == "NanumGothic.ttf":
            family = families[0]
    return family


def qt_translation_dirs() -> list[Path]:
    """Where Qt's ``.qm`` files may be: where Qt says, then inside the PySide6 package (a
    bundle that carries them but reports another Qt prefix)."""
    candidates = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]
    return [folder for folder in dict.fromkeys(candidates) if folder.is_dir()]


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our strings are written in Korean; English comes from ``resources/i18n/*.qm``.

    Qt's own dialogs (file, print, message boxes) use Qt's translations for the chosen
    language, so a Korean screen never opens a half-English file dialog.
    """
    translators: list[QTranslator] = []
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Korean if language == "ko" else QLocale.Language.English,
            QLocale.Country.SouthKorea if language == "ko" else QLocale.Country.UnitedStates,
        )
    )
    for catalog in QT_TRANSLATION_CATALOGS:
        for folder in qt_translation_dirs():
            qt_translator = QTranslator(app)
            if qt_translator.load(QLocale(), catalog, "_", str(folder)):
                app.installTranslator(qt_translator)
                translators.append(qt_translator)
                break
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(resource("i18n", f"onestop_{language}.qm"))):
            app.installTranslator(ours)
            translators.append(ours)
    return translators


def create_application(
    argv: list[str] | None = None, *, language: str = DEFAULT_LANGUAGE
) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OneStop Desk")
    app.setOrganizationName("OneStopDesk")
    family = register_fonts()
    app.setFont(QFont(family, BASE_POINT_SIZE))
    install_translators(app, language)
    install_screen_fitter(app)
    return app
