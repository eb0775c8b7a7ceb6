"""The consent form: every PIPA §17 element per recipient, and §23's separate consent."""

from __future__ import annotations

import dataclasses

import pytest

from helpers.pdf_probe import metadata_values, squeezed, text_of
from onestop_desk.reports import ConsentFormEntry, render_consent_form, samples


def _form(**changes: object) -> samples.ConsentForm:
    entries = (
        ConsentFormEntry(
            "기관가-1101", "목적가-1102", ("항목가-1103", "항목가-1104"), "기간가-1105"
        ),
        ConsentFormEntry("기관나-2201", "목적나-2202", ("항목나-2203",), "기간나-2205"),
    )
    return dataclasses.replace(samples.consent_form(), **{"entries": entries, **changes})


def test_each_recipient_has_purpose_items_retention_and_right_to_refuse() -> None:
    text = squeezed(text_of(render_consent_form(_form())))
    for value in ("기관가-1101", "목적가-1102", "항목가-1103,항목가-1104", "기간가-1105"):
        assert value in text
    for value in ("기관나-2201", "목적나-2202", "항목나-2203", "기간나-2205"):
        assert value in text
    # Per recipient: the right to refuse, what refusing costs, and a yes/no to tick.
    assert text.count("동의를거부할권리가있습니다") == 3  # two recipients + sensitive data
    assert "센터를통해기관가-1101의지원을연계받으실수없습니다" in text
    assert text.count("□동의함□동의하지않음") == 3


def test_sensitive_data_needs_its_own_consent() -> None:
    text = squeezed(text_of(render_consent_form(_form())))
    assert "민감정보제공에대한별도동의" in text and "제23조" in text
    assert "범죄피해에관한사실" in text
    assert "기관가-1101,기관나-2201" in text


def test_no_sensitive_items_leaves_the_block_out() -> None:
    text = squeezed(text_of(render_consent_form(_form(sensitive_items=()))))
    assert "민감정보" not in text
    assert text.count("□동의함□동의하지않음") == 2


def test_signature_and_date_lines() -> None:
    text = squeezed(text_of(render_consent_form(_form())))
    for expected in ("작성일년월일", "정보주체김하늘(서명또는인)", "법정대리인", "설명한상담원"):
        assert expected in text
    assert "1994.5.17." in text


def test_person_name_stays_out_of_metadata() -> None:
    pdf = render_consent_form(_form())
    assert not any("김하늘" in value for value in metadata_values(pdf))


def test_a_form_without_recipients_is_rejected() -> None:
    with pytest.raises(ValueError, match="recipient"):
        _form(entries=())
