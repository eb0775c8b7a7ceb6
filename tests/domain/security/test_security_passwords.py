import unicodedata

import pytest

from onestop_desk.domain.security import (
    CorruptDataError,
    PasswordProblem,
    character_classes,
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_password,
)


@pytest.mark.parametrize(
    "password",
    [
        "abcdefg1",  # 8 characters, lower + digit
        "Abcdefgh",  # 8, upper + lower
        "abcdefg!",  # 8, lower + symbol
        "비밀번호1234",  # 8, Hangul letters + digits
        "비밀번호abcd",  # 8, Hangul + Latin lower
        "abcdefghij",  # 10 characters of one class
        "0123456789",  # 10 digits
        "가나다라마바사아자차",  # 10 Hangul syllables
        "correct horse",  # spaces count as symbols
        "x" * 256,  # the longest allowed
    ],
)
def test_policy_accepts(password: str) -> None:
    assert check_password_policy(password) == []


@pytest.mark.parametrize(
    ("password", "problems"),
    [
        ("", ["password.empty"]),
        ("aB1!", ["password.too_short"]),
        ("비밀번호123", ["password.too_short"]),  # 7 characters
        ("abcdefgh", ["password.too_few_classes"]),
        ("123456789", ["password.too_few_classes"]),
        ("비밀번호비밀번호", ["password.too_few_classes"]),  # 8 Hangul: one class
        ("x" * 257, ["password.too_long"]),
    ],
)
def test_policy_rejects(password: str, problems: list[str]) -> None:
    assert check_password_policy(password) == problems


def test_codes_are_plain_strings_for_the_ui() -> None:
    (code,) = check_password_policy("short")
    assert code == "password.too_short"
    assert code is PasswordProblem.TOO_SHORT


def test_hangul_counts_one_character_per_syllable_whatever_the_input_form() -> None:
    composed = "한글비밀번호12"
    decomposed = unicodedata.normalize("NFD", composed)
    assert len(decomposed) > len(composed)
    assert check_password_policy(decomposed) == check_password_policy(composed) == []
    assert check_password_policy(unicodedata.normalize("NFD", "한글한글한글1")) == [
        "password.too_short"
    ]


def test_character_classes() -> None:
    assert character_classes("비밀번호1234") == {"letter", "digit"}
    assert character_classes("Aa1!가 ") == {"upper", "lower", "digit", "symbol", "letter"}
    assert character_classes("１２３") == {"digit"}  # full-width digits are digits


def test_reusing_the_current_password_is_refused() -> None:
    current = hash_password("Gwangju2024!")
    assert check_password_policy("Gwangju2024!", current_hash=current) == ["password.reused"]
    assert check_password_policy("Gwangju2025!", current_hash=current) == []


def test_reuse_check_with_a_damaged_hash_is_an_error_not_a_pass() -> None:
    with pytest.raises(CorruptDataError):
        check_password_policy("Gwangju2024!", current_hash="not a hash")


def test_hash_and_verify() -> None:
    stored = hash_password("비밀번호1234")
    assert stored.startswith("$argon2id$")
    assert "비밀번호" not in stored
    assert verify_password(stored, "비밀번호1234")
    assert not verify_password(stored, "비밀번호1235")
    assert not verify_password(stored, "")
    assert not needs_rehash(stored)


def test_hash_is_salted() -> None:
    assert hash_password("Abcdefg1") != hash_password("Abcdefg1")


def test_password_set_as_jamo_verifies_when_typed_precomposed() -> None:
    stored = hash_password(unicodedata.normalize("NFD", "비밀번호1234"))
    assert verify_password(stored, "비밀번호1234")


def test_weaker_old_hash_needs_rehash() -> None:
    from argon2 import PasswordHasher

    old = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("Abcdefg1")
    assert verify_password(old, "Abcdefg1")
    assert needs_rehash(old)


@pytest.mark.parametrize("damaged", ["", "garbage", "$argon2id$v=19$m=65536,t=3,p=4$AAAA$BBBB"])
def test_damaged_hash_raises(damaged: str) -> None:
    with pytest.raises(CorruptDataError):
        verify_password(damaged, "Abcdefg1")


def test_unparseable_hash_cannot_be_checked_for_rehash() -> None:
    with pytest.raises(CorruptDataError):
        needs_rehash("garbage")
