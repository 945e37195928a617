"""Bytes to text: UTF-8 with or without BOM, Windows-1251, KOI8-R (detected), CRLF, and what is not text."""

from __future__ import annotations

import codecs

import pytest

from svodka.errors import BadInput
from svodka.ingest.decode import decode, decode_exact

TEXTS = [
    pytest.param(
        "Губернатор Тверской области открыл новый мост через Волгу.\n"
        # KOI8-R has no «» and no dash
        '"Движение по мосту начнётся в субботу", - отметил губернатор.\nИсточник: www.rbc.ru\n',
        id="ru-article",
    ),
    pytest.param("Путин встретился с Токаевым", id="ru-headline"),
    pytest.param("ТВЕРЬ, 11 ноября. Губернатор прибыл на стройку.", id="ru-dateline"),
    pytest.param("Съешь же ещё этих мягких французских булок, да выпей чаю.", id="ru-pangram-yo"),
    pytest.param("Привет", id="ru-one-word"),
    pytest.param("да", id="ru-two-letters"),
    pytest.param("ТАСС сообщает: встреча завершилась", id="ru-capitals"),
    pytest.param("iPhone 17 Pro: обзор новинки Apple", id="ru-with-latin"),
]
ENGLISH = "The Kazakh president arrived in Moscow on Tuesday.\nTalks lasted three hours.\n"


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r"])
def test_russian_text_decodes_to_the_original(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "a.txt") == text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r", "ascii"])
def test_english_text_decodes_to_the_original(encoding: str) -> None:
    assert decode(ENGLISH.encode(encoding), "a.txt") == ENGLISH


@pytest.mark.parametrize("text", TEXTS[:3])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r"])
def test_crlf_becomes_lf_and_exact_keeps_it(text: str, encoding: str) -> None:
    crlf = text.replace("\n", "\r\n") + "\r\nВторая строка.\r\n"
    data = crlf.encode(encoding)
    assert decode(data, "a.txt") == crlf.replace("\r\n", "\n")
    assert decode_exact(data, "a.txt") == crlf


def test_a_bom_is_removed() -> None:
    assert decode(codecs.BOM_UTF8 + "Текст".encode(), "a.txt") == "Текст"
    assert not decode("Текст".encode("utf-16"), "a.txt").startswith("\ufeff")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b" \r\n\t\n", "empty file", id="white-space"),
        pytest.param(codecs.BOM_UTF8 + b"  \n", "empty file", id="bom-only"),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data (NUL bytes)", id="png-header"
        ),
        pytest.param(bytes(range(1, 32)) * 40, "binary data (control characters)", id="control-bytes"),
        pytest.param(b"Hello \x80\x81\x82\x83\x84 world", "undecodable bytes", id="not-cyrillic-8bit"),
        pytest.param(
            codecs.BOM_UTF8 + b"abc \xff\xfe\xfd", "undecodable bytes after a utf-8", id="bad-after-bom"
        ),
    ],
)
def test_what_is_not_text_is_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as caught:
        decode(data, "bad.txt")
    message = str(caught.value)
    assert message.startswith("bad.txt: ")
    assert reason in message
    assert "\n" not in message
