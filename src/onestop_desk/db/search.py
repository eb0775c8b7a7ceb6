"""Case search over an FTS5 trigram index, with LIKE fallbacks for short queries.

Trigram matching needs at least three characters; on SQLite 3.40 a LIKE on the FTS table also
misses two-character Hangul patterns, so two-character names and 초성 fall back to LIKE on the
base ``persons`` table (indexed scan of one narrow column: a few ms over 100,000 rows).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from onestop_desk.domain.text import digits, initials, is_initials_query

from . import models as m

_CASE_NUMBER = re.compile(r"^\d{4}-\d{1,5}$")
_DOCUMENT_NUMBER = re.compile(r"^[A-Za-z]{1,3}\d{4}-\d{1,6}$")


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class SearchRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def reindex(self, case_id: int) -> None:
        """Rewrite the case's row in the index from the current data."""
        case = self._s.get(m.Case, case_id)
        self._s.execute(text("DELETE FROM case_search WHERE rowid = :id"), {"id": case_id})
        if case is None:
            return
        people = [case.person] + [r.person for r in case.related]
        names = " ".join(f"{p.name} {p.name_initials}" for p in people)
        phones = " ".join(p.phone_digits for p in people if p.phone_digits)
        doc_numbers = self._s.scalars(
            select(m.Referral.document_number).where(m.Referral.case_id == case_id)
        )
        numbers = " ".join([case.case_number, case.police_case_number, *doc_numbers])
        self._s.execute(
            text(
                "INSERT INTO case_search (rowid, names, phones, numbers) "
                "VALUES (:id, :names, :phones, :numbers)"
            ),
            {"id": case_id, "names": names, "phones": phones, "numbers": numbers},
        )

    def search(self, query: str, limit: int = 200) -> list[int]:
        """Case ids matching ``query`` (name, 초성, phone digits, case or document number)."""
        query = query.strip()
        if not query:
            return []
        if _CASE_NUMBER.match(query) or _DOCUMENT_NUMBER.match(query):
            return self._fts("numbers", query.upper(), limit)
        only_digits = digits(query)
        if only_digits and len(only_digits) >= 4 and re.fullmatch(r"[\d\s()+-]+", query):
            return self._fts("phones", only_digits, limit)
        if is_initials_query(query):
            compact = query.replace(" ", "")
            if len(compact) >= 3:
                return self._fts("names", compact, limit)
            return self._like_person(m.Person.name_initials, compact, limit)
        compact = query.replace(" ", "")
        if len(compact) >= 3:
            hits = self._fts("names", compact, limit)
            if re.fullmatch(r"[\w-]+", query) and any(ch.isdigit() for ch in query):
                hits += [h for h in self._fts("numbers", query, limit) if h not in hits]
            return hits[:limit]
        return self._like_person(m.Person.name, compact, limit)

    def _fts(self, column: str, term: str, limit: int) -> list[int]:
        if len(term) < 3:
            return []
        rows = self._s.execute(
            text(
                "SELECT rowid FROM case_search WHERE case_search MATCH :q "
                "ORDER BY rowid DESC LIMIT :limit"
            ),
            {"q": f"{column} : {_fts_phrase(term)}", "limit": limit},
        )
        return [row[0] for row in rows]

    def _like_person(self, column, term: str, limit: int) -> list[int]:  # type: ignore[no-untyped-def]
        # Primary persons first, then related persons (a guardian's name finds the case too).
        primary = (
            select(m.Case.id)
            .join(m.Person, m.Person.id == m.Case.person_id)
            .where(column.like(_like(term), escape="\\"))
        )
        related = (
            select(m.CasePerson.case_id)
            .join(m.Person, m.Person.id == m.CasePerson.person_id)
            .where(column.like(_like(term), escape="\\"))
        )
        stmt = primary.union(related).order_by(text("1 DESC")).limit(limit)
        return [row[0] for row in self._s.execute(stmt)]


def name_initials_of(names: Sequence[str]) -> str:
    return " ".join(initials(n) for n in names)
