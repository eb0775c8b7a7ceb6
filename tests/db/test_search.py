"""Search correctness: 3+ characters through FTS5 trigram, shorter through LIKE fallbacks.

Every test runs on the embedded store, on the server store, and on a file whose victim
fields are encrypted the server's way: there the same queries go through the blind index.
"""

from datetime import date

import pytest

from helpers.world import consent
from onestop_desk.domain.text import initials, is_initials_query, mask_name

pytestmark = pytest.mark.encrypted_fields_too


@pytest.fixture
def people(world):
    made = {
        "홍길동": world.new_case(name="홍길동", phone="010-1234-5678"),
        "김길동": world.new_case(name="김길동", phone="010-5555-1234", birth=date(1970, 1, 1)),
        "남궁민수": world.new_case(name="남궁민수", phone="02-777-8888"),
        "이영희": world.new_case(name="이영희", phone="010-2222-9999"),
    }
    return {name: case.id for name, case in made.items()}


def search(world, query):
    return set(world.lead.cases.search_ids(query))


def test_two_syllable_name_query(world, people):
    assert search(world, "길동") == {people["홍길동"], people["김길동"]}
    assert search(world, "영희") == {people["이영희"]}


def test_one_syllable_and_full_names(world, people):
    assert search(world, "홍길동") == {people["홍길동"]}
    assert search(world, "궁민수") == {people["남궁민수"]}
    assert people["홍길동"] in search(world, "홍")


def test_initials_queries(world, people):
    assert search(world, "ㅎㄱㄷ") == {people["홍길동"]}
    assert search(world, "ㄱㄷ") == {people["홍길동"], people["김길동"]}
    assert search(world, "ㄴㄱㅁㅅ") == {people["남궁민수"]}


def test_phone_queries_any_four_digits(world, people):
    assert search(world, "5678") == {people["홍길동"]}
    assert search(world, "1234") == {people["홍길동"], people["김길동"]}
    assert search(world, "010-2222") == {people["이영희"]}
    assert search(world, "7778888") == {people["남궁민수"]}


def test_case_and_police_numbers(world, people):
    assert search(world, "2026-00003") == {people["남궁민수"]}


def test_a_full_police_case_number_is_not_taken_for_a_phone_number(world, people):
    reported = world.new_case(
        name="최신고", phone="010-3333-4444", police_case_number="2026-012345"
    )
    assert search(world, "2026-012345") == {reported.id}
    # The digits alone still search phones, as before.
    assert search(world, "3333-4444") == {reported.id}


def test_document_number_after_referral(world, people):
    case_id = people["이영희"]
    world.c1.consents.record(case_id, consent("police"))
    ref = world.c1.referrals.create(case_id, "police", ["smartwatch"])
    assert search(world, ref.document_number) == {case_id}


def test_search_follows_edits(world, people):
    detail = world.c1.cases.get(people["홍길동"])
    from dataclasses import replace

    from onestop_desk.domain.records import CaseInput

    case = CaseInput(
        intake_channel=detail.intake_channel,
        intake_date=detail.intake_date,
        crime_types=detail.crime_types,
    )
    world.c1.cases.update_facts(detail.id, replace(detail.person, name="홍순이"), case)
    assert search(world, "순이") == {detail.id}
    assert detail.id not in search(world, "홍길동")


def test_markup_and_fts_syntax_in_queries_are_harmless(world, people):
    for query in ['"', 'a" OR "b', "names:*", "%", "_", "NEAR(", "'; DROP TABLE cases; --"]:
        search(world, query)  # must not raise
    assert search(world, "%") == set()


def test_counselor_search_is_limited_to_own_cases(world, people):
    other = world.new_case(world.c2, name="홍길순")
    assert other.id not in set(world.c1.cases.search_ids("홍길"))
    assert other.id in set(world.c2.cases.search_ids("홍길"))


def test_text_helpers():
    assert initials("홍길동") == "ㅎㄱㄷ"
    assert initials("Kim 김") == "ㄱ"
    assert is_initials_query("ㅎ ㄱ")
    assert not is_initials_query("홍ㄱ")
    assert [mask_name(n) for n in ("홍길동", "김철", "남궁민수", "이", "")] == [
        "홍*동",
        "김*",
        "남**수",
        "*",
        "",
    ]


def test_a_whole_case_number_finds_that_case_only(world):
    cases = [world.new_case(name=f"번호{i}") for i in range(12)]
    for case in cases:
        world.c1.consents.record(case.id, consent("police"))
        world.c1.referrals.create(case.id, "police", ["smartwatch"])
    # R2026-000010 and R2026-000011 contain "2026-00001" too; the exact case wins.
    assert search(world, "2026-00001") == {cases[0].id}
    assert search(world, "R2026-000011") == {cases[10].id}
    assert search(world, "2026-0000") >= {cases[0].id, cases[8].id}  # a partial number


def test_the_end_of_a_phone_number_with_its_dash_is_not_mistaken_for_a_case_number(world, people):
    assert search(world, "1234-5678") == {people["홍길동"]}


# --- hostile queries ------------------------------------------------------------------------

FTS_SYNTAX = ['"', "*", "^", ":", "(", ")", "-", "+", "{", "}", ",", ".", "'", ";"]
FTS_WORDS = ["NEAR", "NEAR(홍길 동)", "AND", "OR", "NOT", "홍 AND 길", "홍 OR 길", "NOT 홍길동"]
LIKE_CHARS = ["%", "_", "\\", "%%", "_%", "홍%", "홍_동", "홍\\길동", "\\%"]
HOSTILE_QUERIES = [
    *FTS_SYNTAX,
    *(c * 3 for c in FTS_SYNTAX),
    *(f"홍{c}길동" for c in FTS_SYNTAX),
    *(f"{c}홍길동{c}" for c in FTS_SYNTAX),
    *FTS_WORDS,
    *LIKE_CHARS,
    'names : "홍길동"',
    "{names phones}: 1234",
    "names:홍*",
    '홍길동" OR "',
    "\x00",
    "\x00\x00\x00",
    "2026-00001\x00",
    "\ud800",
    "\udfff홍길동",
    "\u202e동길홍",
    "\t\r\n\x0b",
    '=HYPERLINK("http://x")',
    "<b>&amp;</b>",
]


def _words_for(error):
    """The refusal reads as words in the shared table (CLI and UI) and names its field."""
    from onestop_desk.domain import messages
    from onestop_desk.ui.kit.messages import field_label

    assert field_label(error.field) != field_label("unknown.leaf"), error.field
    assert messages.words(error.code, error.field) != messages.GENERAL, error.code
    assert error.code in messages.MESSAGES, error.code


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_search_or_are_refused_with_words(world, people, query):
    from onestop_desk.domain.errors import ValidationError

    try:
        found = world.lead.cases.search_ids(query)
    except ValidationError as exc:
        for error in exc.errors:
            _words_for(error)
    else:
        assert isinstance(found, list)
        assert set(found) <= set(people.values())


def test_what_a_paste_carries_along_does_not_hide_the_name(world, people):
    hong = {people["홍길동"]}
    assert search(world, "홍\x00길동") == hong  # "unterminated string" until now
    assert search(world, "홍길\x00") == hong
    assert search(world, "\u202e홍길동\u202c") == hong
    assert search(world, "홍\u200b길\u200d동\ufeff") == hong
    assert search(world, "\u1112\u1169\u11bc\u1100\u1175\u11af\u1103\u1169\u11bc") == hong  # NFD
    assert search(world, "홍\ud800길동") == set()  # half an emoji: searched, found nothing


def test_a_pasted_page_is_refused_with_a_message(world, people):
    from onestop_desk.db.search import MAX_QUERY
    from onestop_desk.domain.errors import ValidationError

    # Spaces do not count: names are searched without them.
    assert search(world, "홍" + " " * 500 + "길동") == {people["홍길동"]}
    with pytest.raises(ValidationError) as caught:
        search(world, "가나다라마" * 1000)
    (error,) = caught.value.errors
    assert (error.field, error.code, error.params["max"]) == ("search.query", "too_long", MAX_QUERY)
    _words_for(error)


def test_a_search_of_cleaned_names_finds_what_was_stored_dirty(world):
    case = world.new_case(name="\u202e나쁜\x00이름\u200b")
    assert world.c1.cases.get(case.id).person.name == "나쁜이름"
    assert search(world, "나쁜이름") == {case.id}
    assert search(world, "쁜이") == {case.id}


def test_a_destroyed_case_leaves_nothing_in_any_index(world, people):
    from sqlalchemy import func, select

    from onestop_desk.db import models
    from onestop_desk.db.retention import RetentionRepository

    gone = people["홍길동"]
    with world.store.sessions.begin() as s:
        RetentionRepository(s).destroy_cases([gone])
    assert search(world, "홍길동") == set()
    assert search(world, "길동") == {people["김길동"]}
    assert search(world, "5678") == set()
    with world.store.sessions() as s:
        for model in (models.SearchGram, models.BlindToken, models.SearchDoc):
            count = s.scalar(select(func.count()).select_from(model).where(model.case_id == gone))
            assert count == 0, model.__tablename__


def test_long_queries_are_confirmed_page_by_page(world, monkeypatch):
    """Trigrams present but apart ("가나다" … "라마바") do not make a match, and a page of
    such candidates does not stop the search before ``limit`` true matches are found."""
    from onestop_desk.db import search as search_module
    from onestop_desk.db.search import SearchRepository, covering_trigrams

    assert covering_trigrams("가나다라마바") == ["가나다", "라마바"]
    assert covering_trigrams("0101234") == ["010", "123", "234"]
    made = []
    for i in range(4):
        made.append(("true", world.new_case(name="가나다라마바").id))
        made.append(("apart", world.new_case(name=f"가나다{i}라마바").id))
    true_ids = sorted((case_id for kind, case_id in made if kind == "true"), reverse=True)
    monkeypatch.setattr(search_module, "_CONFIRM_BATCH", 2)
    with world.store.sessions() as s:
        repo = SearchRepository(s)
        assert repo.search("가나다라마바", limit=3) == true_ids[:3]
        assert repo.search("가나다라마바") == true_ids
