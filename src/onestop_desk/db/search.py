"""Case search over an FTS5 trigram index, with LIKE fallbacks for short queries.

Trigram matching needs at least three characters; two-character queries (길동, ㄱㄷ) use the
``search_grams`` table of name pieces, and a single character is a prefix range on the indexed
name columns. Every path is an index lookup: no query scans 100,000 rows.

Whatever is typed or pasted either searches or is refused with a ``ValidationError``. The
query is cleaned first (:func:`search_text`): a NUL would end FTS5's string early ("unterminated
string"), a lone surrogate cannot even be sent to SQLite, and invisible characters would make
a pasted name miss. FTS5's own syntax (``"``, ``*``, ``^``, ``:``, ``( )``, ``+ -``, NEAR,
AND/OR/NOT) never reaches the parser as syntax: the term is always one quoted phrase. No path
uses LIKE, so ``%``, ``_`` and ``\\`` are ordinary characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.text import digits, initials, is_initials_query, one_line_text

_CASE_NUMBER = re.compile(r"^\d{4}-\d{1,5}$")
_DOCUMENT_NUMBER = re.compile(r"^[A-Za-z]{1,3}\d{4}-\d{1,6}$")
MAX_QUERY = 100
"""Characters a query may have: a name is at most 100, numbers far fewer. A pasted page of
text is a mistake, not a search."""


def search_text(query: str) -> str:
    """The query as searched: cleaned like stored text, on one line, without the joiners
    (a name never needs them, and one pasted between syllables would hide the name).

    Raises ``ValidationError`` (``search.query``, ``too_long``) beyond :data:`MAX_QUERY`.
    """
    text = one_line_text(query).replace("\u200c", "").replace("\u200d", "").strip()
    if len(text) > MAX_QUERY:
        raise ValidationError([FieldError("search.query", "too_long", {"max": MAX_QUERY})])
    return text


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SearchRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def reindex(self, case_id: int) -> None:
        """Rewrite the case's row in the index from the current data."""
        case = self._s.get(models.Case, case_id)
        fts = self._fts_table()
        if fts:
            self._s.execute(text("DELETE FROM case_search WHERE rowid = :id"), {"id": case_id})
        if case is None:
            return
        people = [case.person] + [r.person for r in case.related]
        names = " ".join(f"{p.name} {p.name_initials}" for p in people)
        phones = " ".join(p.phone_digits for p in people if p.phone_digits)
        doc_numbers = self._s.scalars(
            select(models.Referral.document_number).where(models.Referral.case_id == case_id)
        )
        numbers = " ".join([case.case_number, case.police_case_number, *doc_numbers])
        self._s.execute(delete(models.SearchGram).where(models.SearchGram.case_id == case_id))
        grams = name_grams([p.name for p in people])
        if grams:
            self._s.execute(
                insert(models.SearchGram), [{"gram": g, "case_id": case_id} for g in grams]
            )
        if fts:
            self._s.execute(
                text(
                    "INSERT INTO case_search (rowid, names, phones, numbers) "
                    "VALUES (:id, :names, :phones, :numbers)"
                ),
                {"id": case_id, "names": names, "phones": phones, "numbers": numbers},
            )

    def _fts_table(self) -> bool:
        """The FTS5 index exists on the embedded (SQLite) store only."""
        return self._s.get_bind().dialect.name == "sqlite"

    def search(self, query: str, limit: int = 200) -> list[int]:
        """Case ids matching ``query`` (name, 초성, phone digits, case or document number)."""
        query = search_text(query)
        if not query:
            return []
        if _CASE_NUMBER.match(query) or _DOCUMENT_NUMBER.match(query):
            # A whole number typed or scanned means that one case; R2026-000012 also
            # contains "2026-00001", so the substring index alone would list neighbours.
            exact = self._exact_numbers(query.upper())
            if exact:
                return exact[:limit]
            hits = self._fts("numbers", query.upper(), limit)
            # "2222-3333" looks like a case number but is usually the end of a phone number.
            hits += [h for h in self._fts("phones", digits(query), limit) if h not in hits]
            return hits[:limit]
        only_digits = digits(query)
        if only_digits and len(only_digits) >= 4 and re.fullmatch(r"[\d\s()+-]+", query):
            hits = []
            if "-" in query.strip("-"):
                # Police and prosecution case numbers are written with dashes too
                # ("2026-012345"): look them up before taking the digits for a phone.
                hits = self._fts("numbers", query.strip(), limit)
            hits += [h for h in self._fts("phones", only_digits, limit) if h not in hits]
            return hits[:limit]
        compact = query.replace(" ", "")
        if len(compact) >= 3:
            hits = self._fts("names", compact, limit)
            if re.fullmatch(r"[\w-]+", query) and any(ch.isdigit() for ch in query):
                hits += [h for h in self._fts("numbers", query, limit) if h not in hits]
            return hits[:limit]
        if len(compact) == 2:
            return self._gram(compact, limit)
        if is_initials_query(compact):
            return self._prefix(models.Person.name_initials, compact, limit)
        return self._prefix(models.Person.name, compact, limit)

    def _exact_numbers(self, number: str) -> list[int]:
        case_id = self._s.scalar(select(models.Case.id).where(models.Case.case_number == number))
        if case_id is None:
            case_id = self._s.scalar(
                select(models.Referral.case_id).where(models.Referral.document_number == number)
            )
        found = [] if case_id is None else [case_id]
        # Numbers ``server import`` changed: letters handed out earlier carry the old one,
        # which another case may hold now (both are listed, the holder first).
        renamed = self._s.scalars(
            select(models.ImportedNumber.case_id)
            .where(models.ImportedNumber.old_number == number)
            .order_by(models.ImportedNumber.id)
        )
        found += [i for i in renamed if i not in found]
        return found

    def _fts(self, column: str, term: str, limit: int) -> list[int]:
        if len(term) < 3:
            return []
        if not self._fts_table():
            return self._substring(column, term, limit)
        rows = self._s.execute(
            text(
                "SELECT rowid FROM case_search WHERE case_search MATCH :q "
                "ORDER BY rowid DESC LIMIT :limit"
            ),
            {"q": f"{column} : {_fts_phrase(term)}", "limit": limit},
        )
        return [row[0] for row in rows]

    def _substring(self, column: str, term: str, limit: int) -> list[int]:
        """The server store's substring match on the base tables (``strpos``: the term is
        data, never a pattern), for the columns the FTS5 index holds on the embedded store."""
        if column == "numbers":
            doc = select(models.Referral.case_id).where(
                func.strpos(models.Referral.document_number, term) > 0
            )
            own = select(models.Case.id).where(
                (func.strpos(models.Case.case_number, term) > 0)
                | (func.strpos(models.Case.police_case_number, term) > 0)
            )
            stmt = own.union(doc).order_by(text("1 DESC")).limit(limit)
            return [row[0] for row in self._s.execute(stmt)]
        if column == "phones":
            match = func.strpos(models.Person.phone_digits, term) > 0
        else:
            match = (func.strpos(func.replace(models.Person.name, " ", ""), term) > 0) | (
                func.strpos(models.Person.name_initials, term) > 0
            )
        primary = (
            select(models.Case.id)
            .join(models.Person, models.Person.id == models.Case.person_id)
            .where(match)
        )
        related = (
            select(models.CasePerson.case_id)
            .join(models.Person, models.Person.id == models.CasePerson.person_id)
            .where(match)
        )
        stmt = primary.union(related).order_by(text("1 DESC")).limit(limit)
        return [row[0] for row in self._s.execute(stmt)]

    def _gram(self, gram: str, limit: int) -> list[int]:
        stmt = (
            select(models.SearchGram.case_id)
            .where(models.SearchGram.gram == gram)
            .order_by(models.SearchGram.case_id.desc())
            .limit(limit)
        )
        return list(self._s.scalars(stmt))

    def _prefix(self, column, first: str, limit: int) -> list[int]:  # type: ignore[no-untyped-def]
        """One character typed so far: names that start with it (usually the family name),
        found by an index range instead of a scan."""
        in_range = (column >= first) & (column < first + "\U0010ffff")
        primary = (
            select(models.Case.id)
            .join(models.Person, models.Person.id == models.Case.person_id)
            .where(in_range)
        )
        related = (
            select(models.CasePerson.case_id)
            .join(models.Person, models.Person.id == models.CasePerson.person_id)
            .where(in_range)
        )
        stmt = primary.union(related).order_by(text("1 DESC")).limit(limit)
        return [row[0] for row in self._s.execute(stmt)]


def name_grams(names: Sequence[str]) -> set[str]:
    """Every two-character piece of each name and of its 초성, spaces removed."""
    grams: set[str] = set()
    for name in names:
        for text_ in (name.replace(" ", ""), initials(name)):
            grams.update(text_[i : i + 2] for i in range(len(text_) - 1))
    return grams
