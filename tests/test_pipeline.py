"""The ingest pipeline: idempotence, stable ids, bad inputs in a batch, the NLP hook, and kill -9 safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import svodka
from svodka.model import Article, RawDocument, Rejection
from svodka.nlp.types import Analysis, DateMention
from svodka.pipeline import IngestOptions, IngestReport, ingest, ingest_documents
from svodka.store import Store, open_store

FILES = {
    "a/000_kremlin.txt": " date 2025-11-11 Министр транспорта открыл новый вокзал в Казани.\nИсточник: РБК\n",
    "a/001_visit.txt": "Токаев прибыл в Москву\nВизит продлится два дня.\n",
    "a/en/002_talks.txt": "Talks in Moscow\nThe presidents of Russia and Kazakhstan met on Tuesday.\n",
    "b/posts.jsonl": json.dumps(
        {"id": "p1", "source": "Канал", "text": "Пост из канала о встрече."}, ensure_ascii=False
    )
    + "\n"
    + json.dumps({"id": "p2", "source": "Канал", "text": "Второй пост."}, ensure_ascii=False)
    + "\n",
}


def write_files(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def short(origin: str) -> str:
    """``/tmp/…/in/b/bad.jsonl:2`` → ``bad.jsonl:2``."""
    return origin.rsplit("/", 1)[-1]


def ids(store: Store) -> list[str]:
    return sorted(a.id for a in store.articles())


def test_the_same_folder_twice_is_stored_once(tmp_path: Path) -> None:
    root = write_files(tmp_path / "in", FILES)
    with open_store(tmp_path / "s.db") as store:
        first = ingest(store, [str(root)])
        second = ingest(store, [str(root)])
        assert (first.read, first.stored, first.duplicate, first.rejected) == (5, 5, 0, [])
        assert (second.read, second.stored, second.duplicate) == (5, 0, 5)
        assert store.count() == 5
        assert sorted(first.stored_ids) == ids(store)


def test_the_same_text_in_two_folders_is_one_article(tmp_path: Path) -> None:
    text = "Путин встретился с Токаевым\nВстреча прошла в Кремле.\n"
    write_files(tmp_path / "one", {"x.txt": text})
    write_files(tmp_path / "two", {"sub/copy.txt": text.replace("\n", "\r\n")})  # CRLF: same article
    with open_store(tmp_path / "s.db") as store:
        report = ingest(store, [str(tmp_path / "one"), str(tmp_path / "two")])
        assert (report.stored, report.duplicate) == (1, 1)
        assert store.article("x.txt").title == "Путин встретился с Токаевым"


def test_ids_are_stable_across_runs_and_databases(tmp_path: Path) -> None:
    root = write_files(tmp_path / "in", FILES)
    found = []
    for name in ("first.db", "second.db"):
        with open_store(tmp_path / name) as store:
            ingest(store, [str(root)], IngestOptions(batch_size=2))
            found.append(ids(store))
    assert found[0] == found[1]
    assert len(found[0]) == 5


def test_a_batch_with_bad_inputs_stores_the_rest(tmp_path: Path) -> None:
    root = write_files(tmp_path / "in", FILES)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.bin").write_bytes(b"\x00\x01\x02" * 100)
    (root / "b" / "bad.jsonl").write_text('{"id": 1, "text": "Хорошая запись."}\n{oops\n', "utf-8")
    (root / "tiny.txt").write_text("Ок", "utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = ingest(store, [str(root), str(tmp_path / "missing")], IngestOptions(batch_size=3))
        assert report.stored == 6
        assert store.count() == 6
    reasons = {short(r.origin): r.reason for r in report.rejected}
    assert set(reasons) == {"empty.txt", "binary.bin", "bad.jsonl:2", "tiny.txt", "missing"}
    assert reasons["tiny.txt"] == "text too short (2 characters)"
    assert all(reason and "\n" not in reason for reason in reasons.values())
    assert report.read == 6 + 5
    assert report.to_dict()["rejected"] == [{"origin": r.origin, "reason": r.reason} for r in report.rejected]


class RecordingAnalyzer:
    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def analyse(self, articles: Sequence[Article]) -> list[Analysis]:
        self.seen.append([a.id for a in articles])
        return [Analysis(lang=a.lang) for a in articles]


def test_the_analyzer_sees_only_new_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[tuple[str, Analysis]] = []
    monkeypatch.setattr("svodka.store.analyses.insert_analyses", lambda conn, items: written.extend(items))
    docs = [RawDocument(text=f"Статья номер {i}.", origin=f"t:{i}", external_id=str(i)) for i in range(5)]
    analyzer = RecordingAnalyzer()
    with open_store(tmp_path / "s.db") as store:
        ingest_documents(store, docs[:3], IngestOptions(analyzer=analyzer))
        ingest_documents(store, docs, IngestOptions(analyzer=analyzer, batch_size=2))
    assert [len(batch) for batch in analyzer.seen] == [3, 1, 1]
    assert len(written) == 5


def test_progress_is_reported_after_each_batch(tmp_path: Path) -> None:
    docs: list[RawDocument | Rejection] = [
        RawDocument(text=f"Новость номер {i}.", origin=f"t:{i}", external_id=str(i)) for i in range(7)
    ]
    docs.insert(3, Rejection("t:x", "broken"))
    seen: list[tuple[int, int, int]] = []

    def progress(report: IngestReport) -> None:
        seen.append((report.read, report.stored, len(report.rejected)))

    with open_store(tmp_path / "s.db") as store:
        final = ingest_documents(store, docs, IngestOptions(batch_size=3), progress=progress)
    assert seen == [(3, 3, 0), (6, 5, 1), (8, 7, 1)]
    assert final.docs_per_second > 0


def test_the_public_api_names_what_the_readme_uses(tmp_path: Path) -> None:
    root = write_files(tmp_path / "in", FILES)
    with svodka.open_store(tmp_path / "s.db") as store:
        report = svodka.ingest(store, [str(root)])
        assert report.stored == 5
        (hit,) = store.search("Токаева")
        assert hit.article.title == "Токаев прибыл в Москву"


# Crash safety -------------------------------------------------------------------------------------------
WORDS = [
    "президент",
    "министр",
    "губернатор",
    "встреча",
    "переговоры",
    "соглашение",
    "поставки",
    "зерно",
    "нефть",
    "газ",
    "рынок",
    "биржа",
    "выборы",
    "депутат",
    "закон",
    "бюджет",
    "налог",
    "школа",
    "больница",
    "дорога",
    "мост",
    "завод",
    "урожай",
    "погода",
    "снег",
    "дождь",
]
CRASH_BATCH = 40
CRASH_RECORDS = 3000

INGEST_SCRIPT = """
import sys
import threading
import svodka
from svodka.pipeline import IngestOptions

def progress(report):
    print("stored", report.stored, flush=True)

with svodka.open_store(sys.argv[1]) as store:
    options = IngestOptions(batch_size=int(sys.argv[3]), stories=False)  # the foundation: store + index
    svodka.ingest(store, [sys.argv[2]], options, progress=progress)
print("done", flush=True)
"""


def write_records(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            words = " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(30))
            record = {
                "id": f"r{i}",
                "source": f"Канал {i % 5}",
                "date": 1730000000 + i * 60,
                "text": f"{i}. {words}.",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_ingest(db: Path, data: Path, *, kill_after_progress: int | None = None) -> tuple[int, int]:
    """Run the ingest in a child process; returns (its exit status, the last stored count it reported)."""
    child = subprocess.Popen(
        [sys.executable, "-c", INGEST_SCRIPT, str(db), str(data), str(CRASH_BATCH)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    reported = 0
    lines = 0
    for line in child.stdout:
        if line.startswith("stored"):
            reported = int(line.split()[1])
            lines += 1
            if kill_after_progress is not None and lines >= kill_after_progress:
                os.kill(child.pid, signal.SIGKILL)
                break
    child.stdout.close()
    return child.wait(timeout=120), reported


def check_consistent(db: Path) -> int:
    """The database opens, passes its integrity check, has a search row per article; returns the count."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        searchable = conn.execute("SELECT count(*) FROM article_search").fetchone()[0]
        assert articles == searchable
        orphans = conn.execute(
            "SELECT count(*) FROM articles WHERE seq NOT IN (SELECT rowid FROM article_search)"
        ).fetchone()[0]
        assert orphans == 0
        partial = conn.execute(
            "SELECT count(*) FROM articles WHERE text = '' OR content_hash = '' OR external_id IS NULL "
            "OR published IS NULL OR ingested_at IS NULL"
        ).fetchone()[0]
        assert partial == 0
        duplicates = conn.execute(
            "SELECT count(*) FROM (SELECT external_id FROM articles GROUP BY external_id HAVING count(*) > 1)"
        ).fetchone()[0]
        assert duplicates == 0
        return int(articles)
    finally:
        conn.close()


def test_kill_9_mid_ingest_loses_nothing_reported_and_a_rerun_completes(tmp_path: Path) -> None:
    data = tmp_path / "records.jsonl"
    write_records(data, CRASH_RECORDS)

    killed_db = tmp_path / "killed.db"
    status, reported = run_ingest(killed_db, data, kill_after_progress=3)
    assert status == -signal.SIGKILL
    after_kill = check_consistent(killed_db)
    assert reported <= after_kill < CRASH_RECORDS  # nothing reported stored was lost; the job was not done
    assert after_kill % CRASH_BATCH == 0  # whole batches only: no half-written batch survived

    status, _ = run_ingest(killed_db, data)
    assert status == 0
    clean_db = tmp_path / "clean.db"
    run_ingest(clean_db, data)
    assert check_consistent(killed_db) == check_consistent(clean_db) == CRASH_RECORDS
    with open_store(killed_db) as resumed, open_store(clean_db) as clean:
        assert ids(resumed) == ids(clean)
        assert len(resumed.search("губернатора")) > 0


# Analysis runs one batch ahead of storage ---------------------------------------------------------------
class _OrderRecorder:
    """A fake analyzer: each analysis carries its article's first word as a date value, and every call and
    store is logged, so the test sees both the pairing and the overlap."""

    def __init__(self, store: Store, log: list[str]) -> None:
        self.store, self.log = store, log
        self.second_started = threading.Event()
        # Storing the first batch waits (a while at most) for the second batch's analysis to start: on a
        # busy machine the worker thread may otherwise start late, and the log would not show the overlap.
        # A pipeline that analysed only after storing would still fail: the wait runs out, then it logs.
        add = store.add_articles

        def add_articles(*args: Any, **kwargs: Any) -> Any:
            self.second_started.wait(timeout=5)
            return add(*args, **kwargs)

        store.add_articles = add_articles  # type: ignore[method-assign]

    def analyse(self, articles: Sequence[Article]) -> list[Analysis]:
        self.log.append(f"analyse {articles[0].text.split()[0]} stored={self.store.count()}")
        if articles[0].text.startswith("n2"):
            self.second_started.set()
        return [Analysis(lang="ru", dates=(DateMention(0, 1, a.text.split()[0]),)) for a in articles]


def test_the_next_batch_is_analysed_before_this_one_is_stored_and_pairs_stay_right(tmp_path: Path) -> None:
    docs: list[RawDocument | Rejection] = [
        RawDocument(text=f"n{i} — новость номер {i}.", origin=f"t:{i}", external_id=str(i)) for i in range(6)
    ]
    log: list[str] = []
    with open_store(tmp_path / "s.db") as store:
        analyzer = _OrderRecorder(store, log)
        report = ingest_documents(store, docs, IngestOptions(batch_size=2, analyzer=analyzer, stories=False))
        assert report.stored == 6
        # The second batch's analysis starts before the first batch is stored (the store is still empty).
        assert log[:2] == ["analyse n0 stored=0", "analyse n2 stored=0"]
        for article in store.articles():
            analysis = store.analysis(article.id)
            assert analysis is not None
            assert analysis.dates[0].value == article.text.split()[0]
