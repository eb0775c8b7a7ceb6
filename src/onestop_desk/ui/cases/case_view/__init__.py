"""The case view, split along its seams: a header and one panel per tab (see ``view.py``)."""

from onestop_desk.ui.cases.case_view.view import CaseView, Ui_CaseView

__all__ = ["CaseView", "Ui_CaseView"]
