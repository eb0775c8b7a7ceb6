"""The service registry: every service bound to one actor (the logged-in account)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db.store import Store
from onestop_desk.domain.access import Permission, allowed
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.records import Actor
from onestop_desk.services.audit_trail import AuditTrail
from onestop_desk.services.backups import BackupService
from onestop_desk.services.base import ServiceContext
from onestop_desk.services.cases import CaseService
from onestop_desk.services.center import CenterService
from onestop_desk.services.consent import ConsentService
from onestop_desk.services.demo import DemoService
from onestop_desk.services.directory import DirectoryService
from onestop_desk.services.documents import DocumentService
from onestop_desk.services.drafts import DraftService, LocalDrafts
from onestop_desk.services.export import ExportService
from onestop_desk.services.inquiries import InquiryService
from onestop_desk.services.intake import IntakeService
from onestop_desk.services.needs import NeedService
from onestop_desk.services.queues import QueueService
from onestop_desk.services.referrals import ReferralService
from onestop_desk.services.retention import RetentionService
from onestop_desk.services.statistics import StatisticsService
from onestop_desk.services.users import UserService

__all__ = ["Services", "build_services"]


@dataclass(frozen=True)
class Services:
    actor: Actor
    cases: CaseService
    needs: NeedService
    consents: ConsentService
    referrals: ReferralService
    directory: DirectoryService
    inquiries: InquiryService
    users: UserService
    audit: AuditTrail
    context: ServiceContext
    drafts: DraftService
    documents: DocumentService
    center: CenterService
    statistics: StatisticsService
    export: ExportService
    retention: RetentionService
    intake: IntakeService
    queues: QueueService
    demo: DemoService
    # Only when build_services was given the store (backups need its engine and key).
    backups: BackupService | None = None

    def may(self, permission: Permission) -> bool:
        """What the UI asks before it offers an action; the service checks again on the call."""
        return allowed(self.actor.role, permission)


def _local_drafts(store: Store | None) -> LocalDrafts | None:
    """Where a server store keeps an intake draft while the server does not answer: this
    PC's data folder (the folder of ``server.json``), under the center's data key."""
    if store is None or store.server is None or store.key is None:
        return None
    return LocalDrafts(store.path.parent, store.key, store.server.describe())


def build_services(
    sessions: sessionmaker[Session],
    actor: Actor,
    *,
    clock: Clock | None = None,
    audit_key: bytes | None = None,
    store: Store | None = None,
    key_copies: Any = None,
    password_change_required: bool = False,
) -> Services:
    """``key_copies`` and ``password_change_required``: see :class:`.ServiceContext`."""
    clock = clock or Clock()
    audit = AuditTrail(clock, audit_key)
    ctx = ServiceContext(
        sessions=sessions,
        actor=actor,
        clock=clock,
        audit=audit,
        key_copies=key_copies,
        password_change_required=password_change_required,
    )
    cases, needs = CaseService(ctx), NeedService(ctx)
    consents, referrals = ConsentService(ctx), ReferralService(ctx)
    drafts = DraftService(ctx, _local_drafts(store))
    return Services(
        actor=actor,
        cases=cases,
        needs=needs,
        consents=consents,
        referrals=referrals,
        directory=DirectoryService(ctx),
        inquiries=InquiryService(ctx),
        users=UserService(ctx),
        audit=audit,
        context=ctx,
        drafts=drafts,
        documents=DocumentService(ctx),
        center=CenterService(ctx),
        statistics=StatisticsService(ctx),
        export=ExportService(ctx),
        retention=RetentionService(ctx),
        intake=IntakeService(
            ctx,
            cases=cases,
            needs=needs,
            consents=consents,
            referrals=referrals,
            drafts=drafts,
        ),
        queues=QueueService(ctx),
        demo=DemoService(ctx),
        backups=BackupService(ctx, store) if store is not None else None,
    )
