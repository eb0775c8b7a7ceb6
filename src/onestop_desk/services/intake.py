"""Registering a walk-in: the front desk's one action, saved whole or not at all.

A walk-in is a person, the case facts, the ticked needs, a consent per agency and the referral
drafts those allow. Before, the dialog called five services one after another, and a failure
between them left a case without its consents or referrals. Here the case, needs, consent and
referral services run inside one transaction (they join it, see ``ServiceContext``), so a
failure anywhere rolls every row back, the case number included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from onestop_desk.db.convert import programme_record
from onestop_desk.db.repositories import DirectoryRepository
from onestop_desk.domain.access import require_case_work
from onestop_desk.domain.errors import ValidationError
from onestop_desk.domain.records import (
    CaseInput,
    IntakeWarnings,
    NeedInput,
    RegisteredWalkIn,
    WalkIn,
)
from onestop_desk.domain.rules import need_warnings
from onestop_desk.services.base import Service, ServiceContext
from onestop_desk.services.cases import CaseService
from onestop_desk.services.consent import ConsentService
from onestop_desk.services.drafts import DraftService
from onestop_desk.services.needs import NeedService
from onestop_desk.services.referrals import ReferralService


class IntakeService(Service):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        cases: CaseService,
        needs: NeedService,
        consents: ConsentService,
        referrals: ReferralService,
        drafts: DraftService,
    ) -> None:
        super().__init__(ctx)
        self._cases = cases
        self._needs = needs
        self._consents = consents
        self._referrals = referrals
        self._drafts = drafts

    def register(self, walk_in: WalkIn) -> RegisteredWalkIn:
        """Create the case with its needs, consents and referral drafts; drop the draft form.

        Referral drafts are made for every agency that offers a needed programme and has a
        valid consent; an agency without consent is simply not referred. Field errors of a
        consent come back named ``consents.<index>.<field>`` so a form can point at its row.
        """
        require_case_work(self.actor)
        with self._ctx.transaction():
            detail = self._cases.create_case(
                walk_in.person, walk_in.case, from_inquiry_id=walk_in.from_inquiry_id
            )
            if walk_in.needs:
                self._needs.set_needs(detail.id, list(walk_in.needs))
            for index, consent in enumerate(walk_in.consents):
                try:
                    self._consents.record(detail.id, consent)
                except ValidationError as exc:
                    raise ValidationError(
                        [
                            replace(e, field=e.field.replace("consent.", f"consents.{index}.", 1))
                            for e in exc.errors
                        ]
                    ) from None
            referrals = (
                tuple(self._referrals.create_from_needs(detail.id)) if walk_in.consents else ()
            )
            self._drafts.discard_intake()
            # The saved case as it reads back, with what of it will not print as typed.
            case = replace(self._cases.get(detail.id), print_warnings=detail.print_warnings)
            return RegisteredWalkIn(case=case, referrals=referrals)

    def warnings(self, case: CaseInput, needs: Sequence[NeedInput]) -> IntakeWarnings:
        """What to warn the counselor about for the case as typed and the needs ticked so far
        (filing deadlines, relief money where the offender is kin). Nothing is saved."""
        require_case_work(self.actor)
        wanted = {n.programme_code for n in needs if n.programme_code}
        if not wanted:
            return IntakeWarnings()
        with self._ctx.transaction() as s:
            programmes = [
                programme_record(p) for p in DirectoryRepository(s).programmes() if p.code in wanted
            ]
        return need_warnings(case, programmes, self._ctx.clock.today())
