"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1251 and KOI8-R (detected)."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from svodka.errors import BadInput
from svodka.nlp.morph import analyzer

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
"""A single article larger than this is not an article (a 50 MB "text" is a dump or a mistake)."""

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LOWER_CYRILLIC = re.compile(r"[а-яё]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]{2,}")


def decode(data: bytes, origin: str) -> str:
    """Decode a document; raises ``BadInput`` for binary data or bytes no supported encoding reads.

    Line endings are normalized to ``\\n`` and a BOM is removed; nothing else is changed.
    """
    return normalize_newlines(decode_exact(data, origin))


def decode_exact(data: bytes, origin: str) -> str:
    """Like ``decode`` but keeps the line endings (for ``svodka extract``: its offsets are into the file)."""
    if not data.strip():
        raise BadInput(f"{origin}: empty file")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom) :].decode(codec), origin)
            except UnicodeDecodeError as exc:
                raise BadInput(
                    f"{origin}: undecodable bytes after a {codec} byte-order mark ({exc.reason})"
                ) from exc
    if b"\x00" in data[:4096]:
        raise BadInput(f"{origin}: binary data (NUL bytes), not text")
    try:
        return _check_text(data.decode("utf-8"), origin)
    except UnicodeDecodeError:
        pass
    return _check_text(_decode_cyrillic_8bit(data, origin), origin)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_cyrillic_8bit(data: bytes, origin: str) -> str:
    # KOI8-R read as Windows-1251 turns lowercase letters into uppercase ones and vice versa, and turns
    # words into letter salad. The right reading is the one whose words the Russian dictionary knows;
    # where it knows as many either way (names, short texts), the one where more letters are lowercase,
    # as in any running text.
    readings: list[tuple[float, float, str]] = []
    for codec in ("cp1251", "koi8_r"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = _CYRILLIC.findall(text)
        if letters:
            lower = len(_LOWER_CYRILLIC.findall(text)) / len(letters)
            readings.append((_known_share(text), lower, text))
    if not readings or max(r[0] + r[1] for r in readings) < 0.5:
        raise BadInput(f"{origin}: undecodable bytes: not UTF-8, Windows-1251 or KOI8-R text")
    return max(readings, key=lambda r: r[:2])[2]


def _known_share(text: str, sample: int = 200) -> float:
    """The share of the text's first Cyrillic words that the Russian dictionary knows."""
    found = _CYRILLIC_WORD.findall(text[:20000])[:sample]
    if not found:
        return 0.0
    return sum(_is_known(w.lower()) for w in found) / len(found)


@lru_cache(maxsize=50_000)
def _is_known(word: str) -> bool:
    return bool(analyzer().word_is_known(word))


def _check_text(text: str, origin: str) -> str:
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise BadInput(f"{origin}: binary data (control characters), not text")
    if not text.strip():
        raise BadInput(f"{origin}: empty file")
    return text
