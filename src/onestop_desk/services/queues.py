"""The follow-up queues: which referrals ask for a counselor's action today, in one place.

Every queue lists referrals of **open cases only** (not 종결 or 사후관리), most urgent first:
overdue rows, then urgent letters, then the nearest date. A counselor sees the referrals of
their own cases; a team lead sees the center's.

- **발송 대기** (``TO_SEND``): letters made (작성) but not sent yet. Overdue when made before
  yesterday: a letter should leave the day it is made, the next day at the latest.
- **회신 대기** (``NO_REPLY``): sent and no reply recorded, freshly sent ones included.
  Overdue once the follow-up date has passed.
- **7일 넘게 회신 없음** (``LATE_REPLY``): the part of 회신 대기 sent more than seven days ago.
- **후속 확인** (``DUE_FOLLOW_UPS``): open referrals (발송/접수확인/지원중) whose follow-up date
  is today or past and that were not answered since; a reply received on or after the
  follow-up date answers it, a follow-up date set after the reply asks again.
- **기한 지남** (``OVERDUE``): the part of 후속 확인 whose date is before today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from onestop_desk.db.convert import referral_record
from onestop_desk.db.repositories import ReferralQueueQuery, ReferralQueueRepository
from onestop_desk.domain.access import require_case_work, sees_all_cases
from onestop_desk.domain.clock import KST, Clock, to_utc_naive
from onestop_desk.domain.records import ReferralRecord
from onestop_desk.domain.vocab import ReferralStatus
from onestop_desk.services.base import Service

UNANSWERED_DAYS = 7
SEND_WITHIN_DAYS = 1
_FOLLOWED = (
    ReferralStatus.SENT.value,
    ReferralStatus.ACKNOWLEDGED.value,
    ReferralStatus.IN_SUPPORT.value,
)


class Queue(StrEnum):
    TO_SEND = "to_send"
    NO_REPLY = "no_reply"
    LATE_REPLY = "late_reply"
    DUE_FOLLOW_UPS = "due_follow_ups"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class QueueEntry:
    """One row of a queue: the referral, whether it is overdue, and the agency's English
    name (for an English UI)."""

    referral: ReferralRecord
    overdue: bool
    agency_name_en: str

    @property
    def id(self) -> int:
        return self.referral.id


def queue_query(queue: Queue, clock: Clock) -> ReferralQueueQuery:
    """The database's form of ``queue`` on ``clock``'s today (see the module docstring)."""
    today = clock.today()
    if queue is Queue.TO_SEND:
        start_of_today = to_utc_naive(datetime.combine(today, time.min, KST))
        return ReferralQueueQuery(
            statuses=(ReferralStatus.DRAFT.value,),
            overdue_on=today,
            made_before=start_of_today - timedelta(days=SEND_WITHIN_DAYS),
            by_creation=True,
        )
    if queue in (Queue.NO_REPLY, Queue.LATE_REPLY):
        return ReferralQueueQuery(
            statuses=(ReferralStatus.SENT.value,),
            overdue_on=today,
            unanswered=True,
            sent_before=(
                clock.now_utc() - timedelta(days=UNANSWERED_DAYS)
                if queue is Queue.LATE_REPLY
                else None
            ),
        )
    return ReferralQueueQuery(
        statuses=_FOLLOWED,
        overdue_on=today,
        follow_up_by=today if queue is Queue.DUE_FOLLOW_UPS else today - timedelta(days=1),
    )


class QueueService(Service):
    def _query(self, queue: Queue) -> ReferralQueueQuery:
        return queue_query(queue, self._ctx.clock)

    def _owner(self) -> int | None:
        require_case_work(self.actor)
        return None if sees_all_cases(self.actor) else (self.actor.user_id or -1)

    def ids(self, queue: Queue) -> list[int]:
        """The queue's referral ids, most urgent first."""
        owner = self._owner()
        with self._ctx.transaction() as s:
            return ReferralQueueRepository(s).ids(self._query(queue), owner_id=owner)

    def count(self, queue: Queue) -> int:
        owner = self._owner()
        with self._ctx.transaction() as s:
            return ReferralQueueRepository(s).count(self._query(queue), owner_id=owner)

    def entries(self, queue: Queue, ids: list[int]) -> list[QueueEntry]:
        """The rows of ``ids`` (a page), in the order given; ids that left the queue since
        (answered, case closed) are left out."""
        owner = self._owner()
        with self._ctx.transaction() as s:
            rows = ReferralQueueRepository(s).rows(self._query(queue), ids, owner_id=owner)
            found = {
                r.id: QueueEntry(referral_record(r), overdue, r.agency.name_en or "")
                for r, overdue in rows
            }
        return [found[i] for i in ids if i in found]

    def listing(self, queue: Queue, limit: int | None = None) -> list[QueueEntry]:
        """The first ``limit`` rows of the queue (all without a limit), most urgent first."""
        ids = self.ids(queue)
        return self.entries(queue, ids if limit is None else ids[:limit])
