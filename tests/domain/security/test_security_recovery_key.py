import re

import pytest

from onestop_desk.domain.security import (
    InvalidRecoveryKeyError,
    new_recovery_key,
    normalize_recovery_key,
)
from onestop_desk.domain.security.recovery_key import ALPHABET

KEY_SHAPE = re.compile(r"([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}")


def test_new_key_format() -> None:
    key = new_recovery_key()
    assert KEY_SHAPE.fullmatch(key), key
    assert not set(key) & set("ILOU")
    assert normalize_recovery_key(key) == key


def test_new_keys_differ() -> None:
    assert len({new_recovery_key() for _ in range(50)}) == 50


def test_random_part_uses_the_whole_alphabet() -> None:
    # 130 random bits means the first character is not confined to part of the alphabet.
    seen = {new_recovery_key()[0] for _ in range(400)}
    assert seen == set(ALPHABET)


def test_forgiving_input() -> None:
    key = new_recovery_key()
    compact = key.replace("-", "")
    assert normalize_recovery_key(key.lower()) == key
    assert normalize_recovery_key(compact) == key
    assert normalize_recovery_key(" ".join(key.split("-"))) == key
    assert normalize_recovery_key(f"  {key}\n") == key
    assert (
        normalize_recovery_key(key.replace("-", "\u2013")) == key
    )  # en dash from a word processor


def test_lookalike_letters_read_as_digits() -> None:
    key = new_recovery_key()
    misread = key.replace("0", "O").replace("1", "l")
    assert normalize_recovery_key(misread) == key
    assert normalize_recovery_key(key.replace("1", "I")) == key


def test_full_width_input_from_a_korean_ime() -> None:
    key = new_recovery_key()
    full_width = "".join(chr(ord(ch) + 0xFEE0) if ch != "-" else "－" for ch in key)
    assert normalize_recovery_key(full_width) == key


def _code(text: str) -> str:
    with pytest.raises(InvalidRecoveryKeyError) as caught:
        normalize_recovery_key(text)
    return caught.value.code


def test_a_known_key_still_reads_the_same() -> None:
    # Keys are printed once and typed years later: the check must never change.
    assert normalize_recovery_key("ystmx s386a kzbfp ndnxy 9q8qv kasyq") == (
        "YSTMX-S386A-KZBFP-NDNXY-9Q8QV-KASYQ"
    )


def test_every_single_misread_character_is_caught() -> None:
    chars = new_recovery_key().replace("-", "")
    for position in range(len(chars)):
        for wrong in ALPHABET.replace(chars[position], ""):
            typo = chars[:position] + wrong + chars[position + 1 :]
            assert _code(typo) == "recovery_key.checksum_mismatch"


def test_every_swapped_pair_is_caught() -> None:
    chars = new_recovery_key().replace("-", "")
    for first in range(len(chars)):
        for second in range(first + 1, len(chars)):
            if chars[first] == chars[second]:
                continue
            swapped = list(chars)
            swapped[first], swapped[second] = swapped[second], swapped[first]
            assert _code("".join(swapped)) == "recovery_key.checksum_mismatch"


def test_several_misread_characters_are_caught() -> None:
    chars = new_recovery_key().replace("-", "")
    shifted = {ch: ALPHABET[(ALPHABET.index(ch) + 7) % len(ALPHABET)] for ch in ALPHABET}
    for positions in [(0, 29), (3, 4, 5), (1, 10, 20, 28), (25, 26, 27, 28)]:
        typo = "".join(shifted[ch] if i in positions else ch for i, ch in enumerate(chars))
        assert _code(typo) == "recovery_key.checksum_mismatch"


def test_malformed_input_codes() -> None:
    key = new_recovery_key()
    assert _code("") == "recovery_key.empty"
    assert _code(" - ") == "recovery_key.empty"
    assert _code(key[:-1]) == "recovery_key.wrong_length"
    assert _code(key + "0") == "recovery_key.wrong_length"
    assert _code(key.replace(key[0], "U", 1)) == "recovery_key.invalid_character"
    assert _code(key[:-1] + "?") == "recovery_key.invalid_character"
    # The 한/영 key left in 한글 mode turns "ETBGJ" into jamo and syllables.
    assert _code("ㄷㅅㅠㅎㅓ-" + key[6:]) == "recovery_key.hangul_input"
    assert _code("듀ㅠ허") == "recovery_key.hangul_input"
