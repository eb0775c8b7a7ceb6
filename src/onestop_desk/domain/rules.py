"""Rules a counselor is warned about while ticking needs, at intake and on the case file.

The rules read only the facts they need (``CaseFacts``), so the intake asks them about the
case as typed (``CaseInput``) and the case view about the saved case (``CaseDetail``): one
rule, one set of words in the UI, never a copy of the arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from onestop_desk.domain.records import (
    DeadlineRule,
    DeadlineWarning,
    IntakeWarnings,
    KinExclusionWarning,
    ProgrammeRecord,
)

WARN_DAYS_BEFORE_DEADLINE = 180


class CaseFacts(Protocol):
    @property
    def incident_date(self) -> date | None: ...

    @property
    def harm_known_date(self) -> date | None: ...

    @property
    def offender_is_kin(self) -> bool: ...


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def filing_deadline(
    rule: DeadlineRule, *, incident: date | None, known: date | None
) -> date | None:
    """The earlier of N years from learning of the harm and M years from the crime (§25)."""
    candidates = []
    if known is not None:
        candidates.append(_add_years(known, rule.years_from_knowledge))
    if incident is not None:
        candidates.append(_add_years(incident, rule.years_from_crime))
        if known is None:
            # Not knowing when the person learned of the harm, assume the day of the crime.
            candidates.append(_add_years(incident, rule.years_from_knowledge))
    return min(candidates) if candidates else None


def deadline_warnings(
    case: CaseFacts, programmes: Iterable[ProgrammeRecord], today: date
) -> list[DeadlineWarning]:
    """Programmes whose filing deadline is past or at most ``WARN_DAYS_BEFORE_DEADLINE`` away."""
    warnings = []
    for programme in programmes:
        if programme.deadline is None:
            continue
        deadline = filing_deadline(
            programme.deadline, incident=case.incident_date, known=case.harm_known_date
        )
        if deadline is None:
            continue
        days_left = (deadline - today).days
        if days_left <= WARN_DAYS_BEFORE_DEADLINE:
            warnings.append(
                DeadlineWarning(
                    programme_code=programme.code,
                    deadline=deadline,
                    days_left=days_left,
                    basis=programme.deadline.basis,
                )
            )
    return warnings


def relief_money_excluded_for_kin(case: CaseFacts, programme: ProgrammeRecord) -> bool:
    """구조금 is generally not paid where the offender is kin: flag it, the 심의회 decides."""
    return case.offender_is_kin and programme.deadline is not None


def need_warnings(
    case: CaseFacts, programmes: Iterable[ProgrammeRecord], today: date
) -> IntakeWarnings:
    """Everything to warn about for the needed ``programmes`` of ``case``, in their order."""
    chosen = list(programmes)
    return IntakeWarnings(
        deadlines=tuple(deadline_warnings(case, chosen, today)),
        kin_exclusions=tuple(
            KinExclusionWarning(p.code) for p in chosen if relief_money_excluded_for_kin(case, p)
        ),
    )
