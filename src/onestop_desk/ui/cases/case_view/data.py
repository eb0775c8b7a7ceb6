"""What the case view shows, loaded in one database job: the case and the directory names."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from onestop_desk.domain.records import (
    AgencyRecord,
    CaseDetail,
    ConsentRecord,
    DeadlineWarning,
    NeedRecord,
    ProgrammeRecord,
    ReferralRecord,
    SupportAreaRecord,
    TimelineEntry,
)
from onestop_desk.services import Services
from onestop_desk.ui.kit.messages import localized_name


@dataclass(frozen=True)
class CaseBundle:
    detail: CaseDetail | None
    timeline: list[TimelineEntry]
    needs: list[NeedRecord]
    consents: list[ConsentRecord]
    referrals: list[ReferralRecord]
    warnings: list[DeadlineWarning]


@dataclass(frozen=True)
class Directory:
    """The directory the panels name codes with, in the UI's language."""

    agencies: list[AgencyRecord]
    programmes: list[ProgrammeRecord]
    areas: list[SupportAreaRecord]
    crimes: dict[str, str]

    def agency_name(self, code: str) -> str:
        for agency in self.agencies:
            if agency.code == code:
                return localized_name(agency)
        # An agency taken out of the directory since: never show its code.
        return code and QCoreApplication.translate("CaseView", "다른 기관")

    def programme_name(self, code: str | None) -> str:
        for programme in self.programmes:
            if programme.code == code:
                return localized_name(programme)
        return ""

    def area_name(self, code: str) -> str:
        for area in self.areas:
            if area.code == code:
                return localized_name(area)
        return ""

    def agency_names(self) -> dict[str, str]:
        return {a.code: localized_name(a) for a in self.agencies}


EMPTY_DIRECTORY = Directory(agencies=[], programmes=[], areas=[], crimes={})
"""Until the directory has loaded: codes stay hidden, names come on the next show."""


def load_bundle(services: Services, case_id: int, *, with_detail: bool) -> CaseBundle:
    return CaseBundle(
        detail=services.cases.get(case_id) if with_detail else None,
        timeline=services.cases.timeline(case_id),
        needs=services.needs.list(case_id),
        consents=services.consents.list(case_id),
        referrals=services.referrals.list(case_id),
        warnings=services.cases.warnings(case_id),
    )


def load_directory(services: Services) -> Directory:
    """The one catalogue the intake reads too, with its names in the UI's language."""
    catalogue = services.directory.catalogue()
    return Directory(
        agencies=list(catalogue.agencies),
        programmes=list(catalogue.programmes),
        areas=list(catalogue.areas),
        crimes={c.code: localized_name(c) for c in catalogue.crime_types},
    )
