"""Named item-data roles shared by the Qt models (never a bare ``UserRole + n``)."""

from __future__ import annotations

from PySide6.QtCore import Qt

CaseIdRole = Qt.ItemDataRole.UserRole + 1
CaseNumberRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3
ReferralIdRole = Qt.ItemDataRole.UserRole + 4
ConsentIdRole = Qt.ItemDataRole.UserRole + 5
NeedIdRole = Qt.ItemDataRole.UserRole + 6
AgencyCodeRole = Qt.ItemDataRole.UserRole + 7
InquiryIdRole = Qt.ItemDataRole.UserRole + 8
CodeRole = Qt.ItemDataRole.UserRole + 9
UsernameRole = Qt.ItemDataRole.UserRole + 10
AuditSeqRole = Qt.ItemDataRole.UserRole + 11
OverdueRole = Qt.ItemDataRole.UserRole + 12
CaseFilterRole = Qt.ItemDataRole.UserRole + 13
CountRole = Qt.ItemDataRole.UserRole + 14
