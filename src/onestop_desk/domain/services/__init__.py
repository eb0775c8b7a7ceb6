"""The services the UI and the CLI use, bound to one actor (the logged-in account)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from ..clock import Clock
from ..records import Actor
from .audit import AuditTrail
from .base import ServiceContext
from .cases import CaseService
from .center import CenterService
from .consent import ConsentService
from .directory import DirectoryService
from .documents import DocumentService
from .drafts import DraftService
from .inquiries import InquiryService
from .needs import NeedInput, NeedService
from .referrals import ReferralService
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


def build_services(
    sessions: sessionmaker[Session],
    actor: Actor,
    *,
    clock: Clock | None = None,
    audit_key: bytes | None = None,
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
    )
