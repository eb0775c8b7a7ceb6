"""The life of one demo case, told in dates: how far it got, when each referral moved.

Pure: a random source, the intake date and today in; a :class:`CaseStory` out. The story
keeps the invariants a real center's data has, so that screenshots, benchmarks and training
show plausible queues:

- a case moves 접수 → 초기상담 → 욕구사정 → 연계 → 모니터링 → 종결 (some then 사후관리), and how
  far it got depends on its age: a case received today is never closed;
- referrals are made once the case reaches 연계, are sent the day they are made (a few
  recent ones still wait as drafts), and the agencies answer within days;
- every referral of a closed case was answered and finished (완료/반려/철회) by the closing
  date, and carries no follow-up date;
- open work carries follow-up dates after the referral date and near today: a week after
  sending while unanswered, a few weeks after the answer once support has started.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from onestop_desk.domain.vocab import CaseStatus, ReferralStatus

# Days from intake at which an open case reaches each step (the earliest it may).
STEP_DAYS = (
    (CaseStatus.INITIAL_CONSULT, 0),
    (CaseStatus.NEEDS_ASSESSMENT, 1),
    (CaseStatus.REFERRAL, 2),
    (CaseStatus.MONITORING, 10),
)
AFTERCARE_SHARE = 0.15
AFTERCARE_DAYS = 90
UNANSWERED_FOLLOW_UP_DAYS = 7
# A few agencies are slow: their letters stay unanswered for weeks.
SLOW_AGENCY_SHARE = 0.08
REJECTED_SHARE = 0.05
WITHDRAWN_SHARE = 0.03


@dataclass(frozen=True)
class ReferralStory:
    status: ReferralStatus
    created_on: date
    sent_on: date | None = None
    acknowledged_on: date | None = None
    support_started_on: date | None = None
    completed_on: date | None = None
    rejected_on: date | None = None
    withdrawn_on: date | None = None
    follow_up_due: date | None = None

    @property
    def replied_on(self) -> date | None:
        """The day the agency's answer came (접수확인 or 반려), if it came."""
        return self.acknowledged_on or self.rejected_on


@dataclass(frozen=True)
class CaseStory:
    intake: date
    status: CaseStatus
    # (status, day) in order, from 접수 on the intake day.
    steps: tuple[tuple[CaseStatus, date], ...]
    closed_on: date | None
    referral_day: date | None
    referrals: list[ReferralStory] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.closed_on is not None


def case_duration(rng: random.Random) -> int:
    """Days from intake to closing: most cases close within one to six weeks, a few run for
    months (median about three weeks)."""
    return max(5, min(240, int(rng.lognormvariate(3.05, 0.6))))


def case_story(rng: random.Random, intake: date, today: date, n_referrals: int) -> CaseStory:
    """How far a case received on ``intake`` got by ``today``, with ``n_referrals`` planned
    referrals (fewer are made if the case has not reached 연계 yet)."""
    age = (today - intake).days
    duration = case_duration(rng)
    steps: list[tuple[CaseStatus, date]] = [(CaseStatus.RECEIVED, intake)]
    closed_on: date | None = None
    if age >= duration:
        closed_on = intake + timedelta(days=duration)
        steps += [(s, intake + timedelta(days=day)) for s, day in STEP_DAYS if day < duration]
        steps.append((CaseStatus.CLOSED, closed_on))
        if (today - closed_on).days < AFTERCARE_DAYS and rng.random() < AFTERCARE_SHARE:
            steps.append((CaseStatus.AFTERCARE, closed_on))
    else:
        # Some of today's cases are still waiting for their first consultation.
        if not (age == 0 and rng.random() < 0.4):
            for status, day in STEP_DAYS:
                if day <= age:
                    steps.append((status, intake + timedelta(days=day)))
    status = steps[-1][0]
    reached_referral = any(s is CaseStatus.REFERRAL for s, _ in steps)
    referral_day = (
        next(day for s, day in steps if s is CaseStatus.REFERRAL) if reached_referral else None
    )
    story = CaseStory(intake, status, tuple(steps), closed_on, referral_day)
    if referral_day is not None:
        for _ in range(n_referrals):
            story.referrals.append(_referral_story(rng, referral_day, today, closed_on))
    return story


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


def _referral_story(
    rng: random.Random, made: date, today: date, closed_on: date | None
) -> ReferralStory:
    if closed_on is not None:
        return _finished_referral(rng, made, closed_on)
    # Open case: the referral has moved as far as the days since it was made allow.
    if made == today and rng.random() < 0.5:
        return ReferralStory(ReferralStatus.DRAFT, made)
    sent = made
    slow = rng.random() < SLOW_AGENCY_SHARE
    acknowledged = sent + (_days(rng, 12, 40) if slow else _days(rng, 1, 6))
    if acknowledged > today:
        return ReferralStory(
            ReferralStatus.SENT,
            made,
            sent_on=sent,
            follow_up_due=sent + timedelta(days=UNANSWERED_FOLLOW_UP_DAYS),
        )
    if rng.random() < REJECTED_SHARE:
        return ReferralStory(ReferralStatus.REJECTED, made, sent_on=sent, rejected_on=acknowledged)
    support = acknowledged + _days(rng, 1, 5)
    if support > today:
        return ReferralStory(
            ReferralStatus.ACKNOWLEDGED,
            made,
            sent_on=sent,
            acknowledged_on=acknowledged,
            follow_up_due=acknowledged + _days(rng, 3, 10),
        )
    completed = support + _days(rng, 10, 60)
    if completed > today:
        return ReferralStory(
            ReferralStatus.IN_SUPPORT,
            made,
            sent_on=sent,
            acknowledged_on=acknowledged,
            support_started_on=support,
            follow_up_due=_next_check(rng, support, today),
        )
    return ReferralStory(
        ReferralStatus.COMPLETED,
        made,
        sent_on=sent,
        acknowledged_on=acknowledged,
        support_started_on=support,
        completed_on=completed,
    )


def _next_check(rng: random.Random, support: date, today: date) -> date:
    """The counselor checks on running support every two to five weeks; the next check is
    the first one not yet done, so it lies near today (a few are some days late)."""
    every = _days(rng, 14, 35)
    late = _days(rng, 0, 14) if rng.random() < 0.1 else _days(rng, 0, 2)
    due = support + every
    while due < today - late:
        due += every
    return due


def _finished_referral(rng: random.Random, made: date, closed_on: date) -> ReferralStory:
    """A referral of a closed case: answered and finished by the closing date."""
    span = max(0, (closed_on - made).days)

    def within(low: int, high: int, after: date) -> date:
        return min(closed_on, after + _days(rng, low, high))

    draw = rng.random()
    if draw < WITHDRAWN_SHARE:
        return ReferralStory(ReferralStatus.WITHDRAWN, made, withdrawn_on=within(0, span, made))
    sent = made
    acknowledged = within(1, 5, sent)
    if draw < WITHDRAWN_SHARE + REJECTED_SHARE:
        return ReferralStory(ReferralStatus.REJECTED, made, sent_on=sent, rejected_on=acknowledged)
    support = within(0, 4, acknowledged)
    return ReferralStory(
        ReferralStatus.COMPLETED,
        made,
        sent_on=sent,
        acknowledged_on=acknowledged,
        support_started_on=support,
        completed_on=within(3, 40, support),
    )
