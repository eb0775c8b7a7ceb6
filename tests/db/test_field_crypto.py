"""Field encryption (AES-256-GCM, versioned) and blind-index tokens: db/field_crypto.py."""

from __future__ import annotations

import base64
import os

import pytest
from sqlalchemy import create_engine, select, text

from onestop_desk.db import models
from onestop_desk.db.field_crypto import (
    TOKEN_BYTES,
    EncryptedText,
    FieldCipher,
    field_cipher,
    install_field_cipher,
)
from onestop_desk.db.store import open_store
from onestop_desk.domain.errors import StoreError, WrongKeyError

KEY = bytes(range(32))

TEXTS = [
    "홍길동",
    "ㅎㄱㄷ",
    "서울특별시 동작구 여의대방로 1, 101동 1203호",
    "010-1234-5678",
    "a",
    "줄 바꿈이\n있는 메모\t탭도",
    "이모지 🙂 와 결합 문자 \u1112\u1169\u11bc",
    "x" * 5000,
]


@pytest.mark.parametrize("plain", TEXTS)
def test_round_trip(plain):
    cipher = FieldCipher(KEY)
    sealed = cipher.encrypt(plain)
    assert sealed.isascii()  # base64: no Hangul, and a long text never shows through
    if len(plain) >= 8:
        assert plain not in sealed
    assert "\x00" not in sealed
    assert cipher.decrypt(sealed) == plain


def test_every_encryption_is_different_and_versioned():
    cipher = FieldCipher(KEY)
    first, second = cipher.encrypt("홍길동"), cipher.encrypt("홍길동")
    assert first != second  # a fresh nonce each time: equal names do not show as equal
    assert base64.b64decode(first)[0] == 1


def test_a_wrong_key_fails_loudly():
    sealed = FieldCipher(KEY).encrypt("홍길동")
    with pytest.raises(WrongKeyError):
        FieldCipher(os.urandom(32)).decrypt(sealed)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]),  # the tag
        lambda raw: raw[:20] + bytes([raw[20] ^ 1]) + raw[21:],  # the ciphertext
        lambda raw: bytes([2]) + raw[1:],  # an unknown version
        lambda raw: raw[:10],  # cut short
    ],
)
def test_a_damaged_value_fails_loudly(damage):
    cipher = FieldCipher(KEY)
    raw = base64.b64decode(cipher.encrypt("홍길동의 메모"))
    with pytest.raises(WrongKeyError):
        cipher.decrypt(base64.b64encode(damage(raw)).decode())


@pytest.mark.parametrize("stored", ["홍길동", "not base64!", "AAAA"])
def test_plaintext_where_ciphertext_belongs_fails_loudly(stored):
    with pytest.raises(WrongKeyError):
        FieldCipher(KEY).decrypt(stored)


def test_tokens_are_keyed_deterministic_and_separate_per_kind():
    cipher = FieldCipher(KEY)
    token = cipher.token("g2", "길동")
    assert len(token) == TOKEN_BYTES
    assert token == FieldCipher(KEY).token("g2", "길동")
    assert token != cipher.token("n3", "길동")
    assert token != FieldCipher(os.urandom(32)).token("g2", "길동")


def test_neither_the_data_key_nor_the_token_key_decrypts_a_field():
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cipher = FieldCipher(KEY)
    raw = base64.b64decode(cipher.encrypt("홍길동"))
    for other in (KEY, cipher._index_key):
        with pytest.raises(InvalidTag):
            AESGCM(other).decrypt(raw[1:13], raw[13:], raw[:1])


def test_a_data_key_must_be_32_bytes():
    with pytest.raises(ValueError):
        FieldCipher(b"short")


def test_the_column_type_on_sqlite_is_plain_without_a_cipher():
    engine = create_engine("sqlite://")
    kind = EncryptedText()
    assert field_cipher(engine) is None
    assert kind.process_bind_param("홍길동", engine.dialect) == "홍길동"
    assert kind.process_result_value("홍길동", engine.dialect) == "홍길동"


def test_the_column_type_refuses_a_server_without_its_key():
    from sqlalchemy.dialects import postgresql

    dialect = postgresql.dialect()
    kind = EncryptedText()
    with pytest.raises(StoreError):
        kind.process_bind_param("홍길동", dialect)
    with pytest.raises(StoreError):
        kind.process_result_value("c2VjcmV0", dialect)
    # Nothing to hide in an empty value: it passes either way (statistics count them).
    assert kind.process_bind_param("", dialect) == ""
    assert kind.process_bind_param("   ", dialect) == "   "
    assert kind.process_bind_param(None, dialect) is None


def test_the_cipher_belongs_to_one_engine():
    first, second = create_engine("sqlite://"), create_engine("sqlite://")
    install_field_cipher(first, KEY)
    assert field_cipher(first) is not None
    assert field_cipher(second) is None


def _raw(store, sql):  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        return connection.execute(text(sql)).all()


def test_a_store_with_field_encryption_holds_ciphertext_and_reads_plaintext(tmp_path):
    from helpers.world import World

    key = os.urandom(32)
    store = open_store(tmp_path / "f.db", key=key, field_encryption=True)
    try:
        world = World(store)
        case = world.new_case(
            name="\u202e나쁜\x00이름", phone="010-3141-5926", summary="상담 요약: 야간 귀가 중"
        )
        raw_name, raw_phone, raw_digits, raw_address = _raw(
            store, "SELECT name, phone, phone_digits, address FROM persons"
        )[0]
        (raw_summary,) = _raw(store, "SELECT summary FROM cases")[0]
        for raw, plain in [
            (raw_name, "나쁜이름"),
            (raw_phone, "3141"),
            (raw_digits, "01031415926"),
            (raw_address, "동작구"),
            (raw_summary, "야간"),
        ]:
            assert plain not in raw
            assert FieldCipher(key).decrypt(raw)  # each is a value sealed with the key
        # Read back cleaned (text_guard runs before encryption) and decrypted.
        detail = world.c1.cases.get(case.id)
        assert detail.person.name == "나쁜이름"
        assert detail.summary == "상담 요약: 야간 귀가 중"
        # The plaintext indexes of the embedded store stay empty; the blind index holds tokens.
        assert _raw(store, "SELECT count(*) FROM search_grams")[0][0] == 0
        assert _raw(store, "SELECT count(*) FROM case_search")[0][0] == 0
        tokens = _raw(store, "SELECT token FROM blind_tokens")
        assert tokens and all(len(t[0]) == TOKEN_BYTES for t in tokens)
        (names_doc,) = _raw(store, "SELECT names FROM search_docs")[0]
        assert "나쁜" not in names_doc
    finally:
        store.close()


def test_a_store_opened_with_another_key_refuses_to_read_fields(tmp_path):
    from helpers.world import World

    key = os.urandom(32)
    store = open_store(tmp_path / "f.db", key=key, field_encryption=True)
    try:
        World(store).new_case(name="홍길동")
    finally:
        store.close()
    # Same file key (SQLCipher opens), another field key: the fields do not decrypt.
    store = open_store(tmp_path / "f.db", key=key, field_encryption=False)
    try:
        install_field_cipher(store.engine, os.urandom(32))
        with store.sessions() as s, pytest.raises(WrongKeyError):
            s.scalars(select(models.Person.name)).all()
    finally:
        store.close()
