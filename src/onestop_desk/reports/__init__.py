"""Documents: pure functions from records to PDF bytes (reportlab, pypdf; no Qt, no DB)."""

from onestop_desk.reports._text import unprintable
from onestop_desk.reports.case_summary import render_case_summary
from onestop_desk.reports.consent_form import render_consent_form
from onestop_desk.reports.encrypt import encrypt_pdf
from onestop_desk.reports.errors import ConsentNotValidError, DiscreetWordingError, DocumentError
from onestop_desk.reports.fonts import register_fonts
from onestop_desk.reports.letter import render_referral_letter
from onestop_desk.reports.model import (
    AgencyInfo,
    CaseSection,
    CaseSummary,
    CenterInfo,
    ConsentForm,
    ConsentFormEntry,
    ConsentSection,
    PersonSection,
    ReferralLetter,
    SummaryConsent,
    SummaryEvent,
    SummaryNeed,
    SummaryReferral,
    TakeHomeSheet,
    TakeHomeStop,
)
from onestop_desk.reports.packet import render_letters, render_packet
from onestop_desk.reports.take_home import discreet_wording_problems, render_take_home

__all__ = [
    "AgencyInfo",
    "CaseSection",
    "CaseSummary",
    "CenterInfo",
    "ConsentForm",
    "ConsentFormEntry",
    "ConsentNotValidError",
    "ConsentSection",
    "DiscreetWordingError",
    "DocumentError",
    "PersonSection",
    "ReferralLetter",
    "SummaryConsent",
    "SummaryEvent",
    "SummaryNeed",
    "SummaryReferral",
    "TakeHomeSheet",
    "TakeHomeStop",
    "discreet_wording_problems",
    "encrypt_pdf",
    "register_fonts",
    "render_case_summary",
    "render_consent_form",
    "render_letters",
    "render_packet",
    "render_referral_letter",
    "render_take_home",
    "unprintable",
]
