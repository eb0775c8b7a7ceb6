"""What a timeline event says, read back from the compact text the services store.

The services write events as codes ("R2026-000002 draft -> sent", "consent legal_aid:
identity,contact", "received -> initial_consult: 메모") so that the stored row never depends on
the language of the screen that made it. ``read`` turns that text back into facts once, here;
the case view and the printed case summary each put the facts into their own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from onestop_desk.domain.vocab import (
    CaseStatus,
    ConsentItem,
    IntakeChannel,
    ReferralStatus,
    TimelineKind,
)


@dataclass(frozen=True)
class TimelineFacts:
    kind: TimelineKind
    # Status changes of the case, or of a referral (document_number set).
    case_statuses: tuple[CaseStatus, ...] = ()
    referral_statuses: tuple[ReferralStatus, ...] = ()
    document_number: str = ""
    agency_code: str = ""
    consent_items: frozenset[ConsentItem] = frozenset()
    consent_withdrawn: bool = False
    channel: IntakeChannel | None = None
    need_count: int | None = None
    # Free text a person wrote (a note, or the note given with a change).
    note: str = ""


def _enums(words: list[str], enum: type) -> tuple | None:  # type: ignore[type-arg]
    try:
        return tuple(enum(w) for w in words)
    except ValueError:
        return None


def read(kind: TimelineKind, text: str) -> TimelineFacts:
    """The facts of one stored event; text that does not parse is kept as the note."""
    if kind is TimelineKind.NOTE:
        return TimelineFacts(kind, note=text)
    head, sep, note = text.partition(": ")
    if kind is TimelineKind.STATUS:
        statuses = _enums(head.split(" -> "), CaseStatus)
        if statuses is not None:
            return TimelineFacts(kind, case_statuses=statuses, note=note)
    elif kind is TimelineKind.REFERRAL:
        tokens = head.split()
        if len(tokens) == 3 and tokens[2] == "draft":  # "R… agency draft"
            return TimelineFacts(
                kind,
                document_number=tokens[0],
                agency_code=tokens[1],
                referral_statuses=(ReferralStatus.DRAFT,),
                note=note,
            )
        if len(tokens) == 4 and tokens[2] == "->":  # "R… from -> to"
            statuses = _enums([tokens[1], tokens[3]], ReferralStatus)
            if statuses is not None:
                return TimelineFacts(
                    kind, document_number=tokens[0], referral_statuses=statuses, note=note
                )
    elif kind is TimelineKind.CONSENT:
        tokens = text.split()
        if len(tokens) == 3 and tokens[0] == "consent" and tokens[2] == "withdrawn":
            return TimelineFacts(kind, agency_code=tokens[1], consent_withdrawn=True)
        if tokens and tokens[0] == "consent" and sep:
            items = _enums([i for i in note.split(",") if i], ConsentItem)
            if items is not None:
                return TimelineFacts(
                    kind, agency_code=head.split()[-1], consent_items=frozenset(items)
                )
    elif kind is TimelineKind.NEED:
        count = head.split()[0] if head.split() else ""
        if count.isdigit():
            return TimelineFacts(kind, need_count=int(count))
    elif kind is TimelineKind.INTAKE:
        channel = _enums([text], IntakeChannel)
        if channel is not None:
            return TimelineFacts(kind, channel=channel[0])
    return TimelineFacts(kind, note=text)
