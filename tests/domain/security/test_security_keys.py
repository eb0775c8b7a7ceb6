import dataclasses
import json
from pathlib import Path

import pytest
import sqlcipher3

from onestop_desk.domain.security import (
    CorruptDataError,
    KdfParams,
    SecurityError,
    WrappedKey,
    WrongSecretError,
    derive_kek,
    derive_subkey,
    new_data_key,
    new_recovery_key,
    sqlcipher_key_literal,
    unwrap_key,
    wrap_key,
)


@pytest.fixture
def fast() -> KdfParams:
    """Cheap argon2id settings: these tests are about the envelope, not the cost."""
    return KdfParams(time_cost=1, memory_cost=1024, parallelism=1)


def test_new_data_key_is_random_32_bytes() -> None:
    first, second = new_data_key(), new_data_key()
    assert len(first) == len(second) == 32
    assert first != second


def test_default_kdf_params() -> None:
    params = KdfParams()
    assert (params.time_cost, params.memory_cost, params.parallelism) == (3, 65536, 2)
    assert len(params.salt) == 16
    assert KdfParams().salt != params.salt


def test_kdf_params_json_round_trip() -> None:
    params = KdfParams()
    assert KdfParams.from_json(params.to_json()) == params
    assert KdfParams.from_dict(json.loads(json.dumps(params.to_dict()))) == params
    assert params.to_dict()["algorithm"] == "argon2id"


@pytest.mark.parametrize(
    "change",
    [
        {"algorithm": "argon2i"},
        {"argon2_version": 16},
        {"time_cost": 0},
        {"time_cost": "3"},
        {"memory_cost": 2**40},  # an edited record must not be able to ask for 1 PiB
        {"parallelism": True},
        {"salt": "%%%"},
        {"salt": "AAAA"},  # too short
    ],
)
def test_kdf_params_from_damaged_dict(change: dict[str, object]) -> None:
    data = {**KdfParams().to_dict(), **change}
    with pytest.raises(CorruptDataError):
        KdfParams.from_dict(data)


def test_kdf_params_validate_on_construction() -> None:
    with pytest.raises(ValueError):
        KdfParams(memory_cost=4, parallelism=1)
    with pytest.raises(ValueError):
        KdfParams(salt=b"short")


def test_derive_kek_is_deterministic_per_secret_and_salt(fast: KdfParams) -> None:
    kek = derive_kek("비밀번호1234", fast)
    assert len(kek) == 32
    assert derive_kek("비밀번호1234", fast) == kek
    assert derive_kek("비밀번호1235", fast) != kek
    assert derive_kek("비밀번호1234", dataclasses.replace(fast, salt=b"s" * 16)) != kek


def test_wrap_unwrap_round_trip(fast: KdfParams) -> None:
    data_key = new_data_key()
    wrapped = wrap_key(data_key, "비밀번호1234", params=fast, aad=b"user:3")
    assert data_key not in wrapped.ciphertext
    assert len(wrapped.nonce) == 12
    assert unwrap_key(wrapped, "비밀번호1234", aad=b"user:3") == data_key


def test_wrap_with_default_params_round_trip() -> None:
    data_key = new_data_key()
    wrapped = wrap_key(data_key, "Gwangju2024!", aad=b"user:1")
    assert wrapped.kdf.memory_cost == 65536
    restored = WrappedKey.from_json(wrapped.to_json())
    assert restored == wrapped
    assert unwrap_key(restored, "Gwangju2024!", aad=b"user:1") == data_key


def test_each_wrap_uses_a_fresh_nonce(fast: KdfParams) -> None:
    data_key = new_data_key()
    one = wrap_key(data_key, "pw-abcdefg1", params=fast, aad=b"user:3")
    two = wrap_key(data_key, "pw-abcdefg1", params=fast, aad=b"user:3")
    assert one.nonce != two.nonce
    assert one.ciphertext != two.ciphertext


def test_wrong_password_raises(fast: KdfParams) -> None:
    wrapped = wrap_key(new_data_key(), "비밀번호1234", params=fast, aad=b"user:3")
    with pytest.raises(WrongSecretError) as caught:
        unwrap_key(wrapped, "비밀번호1235", aad=b"user:3")
    assert isinstance(caught.value, SecurityError)
    assert caught.value.code == "security.wrong_secret"


def test_copy_moved_to_another_owner_does_not_open(fast: KdfParams) -> None:
    # Someone who can edit the account table copies their own wrapped key into user 3's row:
    # their password must still not open it as user 3.
    wrapped = wrap_key(new_data_key(), "intruder-pw1", params=fast, aad=b"user:7")
    with pytest.raises(WrongSecretError):
        unwrap_key(wrapped, "intruder-pw1", aad=b"user:3")
    with pytest.raises(WrongSecretError):
        unwrap_key(wrapped, "intruder-pw1", aad=b"recovery")


def _flip_first_bit(data: bytes) -> bytes:
    return bytes([data[0] ^ 0x01]) + data[1:]


def test_tampered_ciphertext_raises(fast: KdfParams) -> None:
    wrapped = wrap_key(new_data_key(), "비밀번호1234", params=fast, aad=b"user:3")
    tampered = dataclasses.replace(wrapped, ciphertext=_flip_first_bit(wrapped.ciphertext))
    with pytest.raises(WrongSecretError):
        unwrap_key(tampered, "비밀번호1234", aad=b"user:3")
    truncated = dataclasses.replace(wrapped, ciphertext=wrapped.ciphertext[:-1])
    with pytest.raises(WrongSecretError):
        unwrap_key(truncated, "비밀번호1234", aad=b"user:3")


def test_tampered_nonce_raises(fast: KdfParams) -> None:
    wrapped = wrap_key(new_data_key(), "비밀번호1234", params=fast, aad=b"user:3")
    tampered = dataclasses.replace(wrapped, nonce=_flip_first_bit(wrapped.nonce))
    with pytest.raises(WrongSecretError):
        unwrap_key(tampered, "비밀번호1234", aad=b"user:3")


def test_edited_kdf_params_raise(fast: KdfParams) -> None:
    wrapped = wrap_key(new_data_key(), "비밀번호1234", params=fast, aad=b"user:3")
    weaker = dataclasses.replace(wrapped, kdf=dataclasses.replace(fast, salt=b"\x00" * 16))
    with pytest.raises(WrongSecretError):
        unwrap_key(weaker, "비밀번호1234", aad=b"user:3")


def test_recovery_key_wraps_the_same_data_key(fast: KdfParams) -> None:
    data_key = new_data_key()
    recovery = new_recovery_key()
    by_user = wrap_key(data_key, "비밀번호1234", params=fast, aad=b"user:3")
    by_paper = wrap_key(data_key, recovery, params=KdfParams(1, 1024, 1), aad=b"recovery")
    assert unwrap_key(by_paper, recovery, aad=b"recovery") == data_key
    assert unwrap_key(by_user, "비밀번호1234", aad=b"user:3") == data_key


@pytest.mark.parametrize(
    ("data_key", "secret", "aad"),
    [
        (b"short", "pw-abcdefg1", b"user:3"),
        (b"k" * 32, "", b"user:3"),
        (b"k" * 32, "pw-abcdefg1", b""),
    ],
)
def test_wrap_refuses_wiring_mistakes(data_key: bytes, secret: str, aad: bytes) -> None:
    with pytest.raises(ValueError):
        wrap_key(data_key, secret, params=KdfParams(1, 1024, 1), aad=aad)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "{}",
        '{"version": 2}',
        '{"version": 1, "kdf": null, "nonce": "", "ciphertext": ""}',
    ],
)
def test_damaged_wrapped_key_json(text: str) -> None:
    with pytest.raises(CorruptDataError):
        WrappedKey.from_json(text)


def test_wrapped_key_with_wrong_nonce_length_is_corrupt(fast: KdfParams) -> None:
    data = json.loads(wrap_key(new_data_key(), "pw-abcdefg1", params=fast, aad=b"a").to_json())
    data["nonce"] = "AAAA"
    with pytest.raises(CorruptDataError):
        WrappedKey.from_json(json.dumps(data))


def test_wrapped_key_json_holds_no_secret(fast: KdfParams) -> None:
    data_key = new_data_key()
    text = wrap_key(data_key, "비밀번호1234", params=fast, aad=b"user:3").to_json()
    assert "비밀번호" not in text
    assert data_key.hex() not in text


def test_subkeys_are_independent_per_purpose() -> None:
    data_key = new_data_key()
    audit = derive_subkey(data_key, "audit-chain")
    assert len(audit) == 32
    assert audit == derive_subkey(data_key, "audit-chain")
    assert audit != derive_subkey(data_key, "export")
    assert audit != data_key
    assert audit != derive_subkey(new_data_key(), "audit-chain")


def test_sqlcipher_key_literal_format() -> None:
    data_key = bytes(range(32))
    assert sqlcipher_key_literal(data_key) == "x'" + data_key.hex() + "'"
    with pytest.raises(ValueError):
        sqlcipher_key_literal(b"too short")


def _open(path: Path, literal: str) -> sqlcipher3.Connection:
    con = sqlcipher3.connect(str(path))
    con.execute(f'PRAGMA key = "{literal}"')
    return con


def test_sqlcipher_database_opens_with_the_raw_key_and_is_unreadable_without(
    tmp_path: Path,
) -> None:
    path = tmp_path / "onestop.db"
    data_key = new_data_key()

    con = _open(path, sqlcipher_key_literal(data_key))
    con.execute("CREATE TABLE victim (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO victim (name) VALUES (?)", ("홍길동",))
    con.commit()
    con.close()

    raw = path.read_bytes()
    assert "홍길동".encode() not in raw
    assert b"SQLite format 3" not in raw

    con = _open(path, sqlcipher_key_literal(data_key))
    assert con.execute("SELECT name FROM victim").fetchall() == [("홍길동",)]
    con.close()

    con = _open(path, sqlcipher_key_literal(new_data_key()))
    with pytest.raises(sqlcipher3.DatabaseError):
        con.execute("SELECT name FROM victim").fetchall()
    con.close()


def test_sqlcipher_database_opens_after_unwrapping(tmp_path: Path, fast: KdfParams) -> None:
    """The whole login path: password -> KEK -> data key -> raw SQLCipher key -> rows."""
    path = tmp_path / "onestop.db"
    data_key = new_data_key()
    stored = wrap_key(data_key, "비밀번호1234", params=fast, aad=b"user:3").to_json()
    con = _open(path, sqlcipher_key_literal(data_key))
    con.execute("CREATE TABLE t (v TEXT)")
    con.execute("INSERT INTO t VALUES ('성폭력 피해 사실')")
    con.commit()
    con.close()

    opened = unwrap_key(WrappedKey.from_json(stored), "비밀번호1234", aad=b"user:3")
    con = _open(path, sqlcipher_key_literal(opened))
    assert con.execute("SELECT v FROM t").fetchone() == ("성폭력 피해 사실",)
    con.close()
