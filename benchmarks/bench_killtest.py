"""kill -9 in the middle of an ingest, then re-run: the final database must equal a clean run's.

    python -m benchmarks.bench_killtest [../shared/corpora/tg-ru-2024/posts.jsonl] [--at 0.3 0.6]

1. Clean run: ``svodka ingest POSTS --no-nlp --no-stories`` into a fresh database; its count and time.
2. Killed runs: the same command into another fresh database, killed with SIGKILL once the database holds
   the given share of the clean count (``--at``, one kill per value, each run resuming the last); after
   each kill the database must open, pass ``PRAGMA integrity_check``, and have a search row for every
   article and no duplicate.
3. A final re-run completes the job: same count and same ids as the clean run, no duplicates.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import write_section

DEFAULT_POSTS = "../shared/corpora/tg-ru-2024/posts.jsonl"
SVODKA = str(Path(sys.executable).with_name("svodka"))


@dataclass(frozen=True, slots=True)
class State:
    articles: int
    searchable: int
    orphans: int
    duplicates: int
    integrity: str

    @property
    def consistent(self) -> bool:
        return (
            self.integrity == "ok"
            and self.articles == self.searchable
            and not self.orphans
            and not self.duplicates
        )


def command(posts: Path, db: Path) -> list[str]:
    return [SVODKA, "ingest", str(posts), "--db", str(db), "--no-nlp", "--no-stories", "--json", "-q"]


def state(db: Path) -> State:
    conn = sqlite3.connect(db)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731 - a local shorthand for five counts
        return State(
            articles=one("SELECT count(*) FROM articles"),
            searchable=one("SELECT count(*) FROM article_search"),
            orphans=one("SELECT count(*) FROM articles WHERE seq NOT IN (SELECT rowid FROM article_search)"),
            duplicates=one(
                "SELECT count(*) FROM (SELECT source, external_id FROM articles "
                "GROUP BY source, external_id HAVING count(*) > 1)"
            ),
            integrity=one("PRAGMA integrity_check"),
        )
    finally:
        conn.close()


def count_now(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet, or its schema not yet migrated


def full_run(posts: Path, db: Path) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    done = subprocess.run(command(posts, db), capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - started, json.loads(done.stdout)


def killed_run(posts: Path, db: Path, kill_at: int) -> tuple[float, int]:
    """Start the ingest and SIGKILL it once the database holds ``kill_at`` articles; (seconds, count seen)."""
    started = time.perf_counter()
    child = subprocess.Popen(command(posts, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = 0
    while child.poll() is None:
        seen = count_now(db)
        if seen >= kill_at:
            child.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    status = child.wait()
    if status != -signal.SIGKILL:
        sys.exit(f"the ingest ended ({status}) before it could be killed at {kill_at}: lower --at")
    return time.perf_counter() - started, seen


def ids(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("posts", nargs="?", default=DEFAULT_POSTS)
    parser.add_argument("--at", type=float, nargs="+", default=[0.3, 0.6], help="shares of the clean count")
    args = parser.parse_args()
    posts = Path(args.posts)
    if not posts.is_file():
        sys.exit(f"no corpus at {posts}: pass the path to tg-ru-2024/posts.jsonl")

    rows: list[str] = []
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        clean_db, killed_db = work / "clean.db", work / "killed.db"
        clean_seconds, clean_summary = full_run(posts, clean_db)
        clean = state(clean_db)
        print(f"clean: {clean} in {clean_seconds:.1f} s")
        rows.append(
            f"| clean run | {clean_seconds:.1f} | {clean_summary['stored']} | {clean.articles:,} | "
            f"{'yes' if clean.consistent else 'NO'} |"
        )
        checks = []
        for share in sorted(args.at):
            seconds, seen = killed_run(posts, killed_db, int(clean.articles * share))
            after = state(killed_db)
            checks.append(after.consistent and after.articles >= seen)
            print(f"killed at {share:.0%}: saw {seen}, {after} in {seconds:.1f} s")
            verdict = (
                f"{'yes' if after.consistent else 'NO'} (integrity {after.integrity}, search rows "
                f"{after.searchable:,}, orphans {after.orphans}, duplicates {after.duplicates})"
            )
            rows.append(
                f"| killed (SIGKILL) at ≥{share:.0%} | {seconds:.1f} | — | {after.articles:,} | {verdict} |"
            )
        rerun_seconds, rerun_summary = full_run(posts, killed_db)
        final = state(killed_db)
        same_ids = ids(killed_db) == ids(clean_db)
        print(f"re-run: {final} in {rerun_seconds:.1f} s; same ids as clean: {same_ids}")
        rows.append(
            f"| re-run to completion | {rerun_seconds:.1f} | {rerun_summary['stored']} "
            f"(+{rerun_summary['duplicate']} already there) | {final.articles:,} | "
            f"{'yes' if final.consistent else 'NO'} |"
        )

    ok = all(checks) and final.consistent and final.articles == clean.articles and same_ids
    body = "\n".join(
        [
            f"Corpus: `{posts}`. Command: `svodka ingest POSTS --no-nlp --no-stories` (batches of 256,",
            "one transaction each); a killed run is stopped with SIGKILL once the database holds the given",
            "share of the clean run's articles (a reader polls while it writes); the next run resumes it.",
            f"Load average at start: {load:.1f} (2 cores shared with other work: timings are noisy).",
            "",
            "| run | seconds | stored by the run | articles in the database | consistent |",
            "|---|---:|---:|---:|---|",
            *rows,
            "",
            f"Final count after kill + re-run: **{final.articles:,}**; clean run: **{clean.articles:,}**; "
            f"same article ids: {same_ids}. Verdict: **{'passed' if ok else 'FAILED'}**.",
        ]
    )
    write_section("killtest", "kill -9 during ingest (tg-ru-2024, no NLP)", body)
    print(body)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
