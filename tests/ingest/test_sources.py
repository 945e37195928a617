"""Choosing readers for files and folders; each bad input is one rejection and the rest is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from svodka.errors import UsageError
from svodka.ingest.sources import ReadOptions, read_inputs, sniff
from svodka.model import RawDocument, Rejection

GOOD_TEXT = "Путин встретился с Токаевым\nВстреча прошла в Кремле.\nИсточник: ТАСС\n"


def _read(inputs: list[str], **options: object) -> tuple[list[RawDocument], dict[str, str]]:
    docs: list[RawDocument] = []
    rejected: dict[str, str] = {}
    for item in read_inputs(inputs, ReadOptions(**options)):  # type: ignore[arg-type]
        if isinstance(item, Rejection):
            rejected[item.origin] = item.reason
        else:
            docs.append(item)
    return docs, rejected


def _bad_folder(root: Path) -> dict[str, str]:
    """A folder of good and bad inputs; returns file name → the start of its rejection reason."""
    root.mkdir()
    (root / "good_ru.txt").write_text(GOOD_TEXT, "utf-8")
    (root / "good_en.txt").write_text("Leaders meet in Moscow\nTalks lasted three hours.\n", "utf-8")
    (root / "good_1251.txt").write_bytes("Текст в кодировке Windows-1251.".encode("cp1251"))
    lines = [
        json.dumps({"id": 1, "text": "Первая запись."}),
        "{not json",
        json.dumps({"id": 3, "text": "Третья."}),
    ]
    (root / "posts.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (root / "undecodable.txt").write_bytes(b"Hello \x80\x81\x82\x83\x84\x85 world")
    with (root / "huge.txt").open("wb") as big:  # sparse: 50 MB on paper, nothing written
        big.truncate(50 * 2**20)
    return {
        "empty.txt": "empty file",
        "image.png": "binary data",
        "undecodable.txt": "undecodable bytes",
        "huge.txt": "file of 50.0 MB is larger than",
        "posts.jsonl:2": "malformed JSON",
    }


def test_each_bad_input_is_rejected_with_a_reason_and_the_rest_is_read(tmp_path: Path) -> None:
    expected = _bad_folder(tmp_path / "in")
    missing = str(tmp_path / "missing.txt")
    docs, rejected = _read([str(tmp_path / "in"), missing])
    assert {d.text.split("\n")[0] for d in docs} == {
        "Встреча прошла в Кремле.",
        "Первая запись.",
        "Talks lasted three hours.",
        "Текст в кодировке Windows-1251.",
        "Третья.",
    }
    assert len(docs) == 5
    reasons = {Path(origin).name: reason for origin, reason in rejected.items()}
    assert set(reasons) == {*expected, "missing.txt"}
    for name, start in expected.items():
        assert reasons[name].startswith(start), (name, reasons[name])
    assert reasons["missing.txt"] == "no such file, folder or URL"
    for reason in reasons.values():
        assert "\n" not in reason
        assert str(tmp_path) not in reason  # the origin is said once, in the rejection's origin


def test_a_forced_format_overrides_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text(json.dumps({"id": "x", "text": "Запись из выгрузки."}) + "\n", "utf-8")
    docs, _ = _read([str(path)], format="jsonl")
    assert [d.external_id for d in docs] == ["x"]
    docs, _ = _read([str(path)], format="text")
    assert docs[0].text.startswith("{")


def test_an_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown format 'csv'"):
        ReadOptions(format="csv")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'[{"text": "a"}]', "json"),
        (b'{"text": "a"}', "jsonl"),  # one record on one line reads the same either way
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'{\n  "text": "a",\n  "title": "b"\n}\n', "json"),  # one pretty-printed record
        (b'\xef\xbb\xbf{"text": "a"}\r\n{"text": "b"}\r\n', "jsonl"),
        (b"\xef\xbb\xbf\n<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"<html><body>x</body></html>", "html"),
        ("Просто текст.".encode(), "text"),
        (b"Plain text.", "text"),
    ],
)
def test_sniff_picks_a_reader_for_files_without_a_known_suffix(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


def test_files_without_a_suffix_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "records").write_text('{"id": 1, "text": "Одна."}\n{"id": 2, "text": "Две."}\n', "utf-8")
    (tmp_path / "README").write_text(GOOD_TEXT, "utf-8")
    docs, rejected = _read([str(tmp_path)])
    assert rejected == {}
    assert sorted(d.external_id or "" for d in docs) == ["1", "2", "README"]
