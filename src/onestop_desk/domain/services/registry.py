"""The service registry: every service bound to one actor (the logged-in account)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db.store import Store

from ..clock import Clock
from ..records import Actor
from .audit import AuditTrail
from .backups import BackupService
from .base import ServiceContext
from .cases import CaseService
from .center import CenterService
from .consent import ConsentService
from .directory import DirectoryService
from .documents import DocumentService
from .drafts import DraftService
from .export import ExportService
from .inquiries import InquiryService
from .needs import NeedInput, NeedService
from .referrals import ReferralService
from .retention import RetentionService
from .statistics import StatisticsService
from .users import UserService

__all__ = ["NeedInput", "Services", "build_services"]


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
    # Only when build_services was given the store (backups need its engine and key).
    backups: BackupService | None = None


def build_services(
    sessions: sessionmaker[Session],
    actor: Actor,
    *,
    clock: Clock | None = None,
    audit_key: bytes | None = None,
    store: Store | None = None,
) -> Services:
    clock = clock or Clock()
    audit = AuditTrail(clock, audit_key)
    ctx = ServiceContext(sessions=sessions, actor=actor, clock=clock, audit=audit)
    return Services(
        actor=actor,
        cases=CaseService(ctx),
        needs=NeedService(ctx),
        consents=ConsentService(ctx),
        referrals=ReferralService(ctx),
        directory=DirectoryService(ctx),
        inquiries=InquiryService(ctx),
        users=UserService(ctx),
        audit=audit,
        context=ctx,
        drafts=DraftService(ctx),
        documents=DocumentService(ctx),
        center=CenterService(ctx),
        statistics=StatisticsService(ctx),
        export=ExportService(ctx),
        retention=RetentionService(ctx),
        backups=BackupService(ctx, store) if store is not None else None,
    )
