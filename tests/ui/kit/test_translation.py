from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.vocab import CaseStatus
from onestop_desk.paths import resource
from onestop_desk.ui.intake.intake_dialog import IntakeDialog
from onestop_desk.ui.kit import messages


def test_english_comes_from_the_compiled_catalogue(qtbot, world, window):
    translator = QTranslator()
    assert translator.load(str(resource("i18n", "onestop_en.qm")))
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert messages.case_status_label(CaseStatus.INITIAL_CONSULT) == "First consultation"
        error = FieldError("person.phone", "invalid_phone")
        assert messages.field_error_text(error) == "A phone number has 8 to 12 digits."
        dialog = IntakeDialog(world.c1, window.runner, window)
        qtbot.waitUntil(dialog.isEnabled)
        assert dialog.windowTitle() == "New walk-in"
        assert dialog.next_button.text() == "&Next >"
        crimes = dialog.case_page.crime_list
        names = [crimes.item(i).text() for i in range(crimes.count())]
        assert "Homicide" in names  # directory rows show their English names
        dialog.discard()
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    assert messages.case_status_label(CaseStatus.INITIAL_CONSULT) == "초기상담"
