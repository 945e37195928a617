"""Web benchmark: story page and story list latency with the whole tg corpus stored, and concurrent ingest.

    python -m benchmarks.bench_web [../shared/corpora/tg-ru-2024/posts.jsonl] [--db PATH] [--nlp]

1. Builds a store through the pipeline from the corpus less a held-out share (every 11th post), without
   NLP unless ``--nlp`` (the NLP step runs at a few docs/s on this shared machine: hours for 20k posts).
   ``--db`` keeps the store between runs (it is built only when missing).
2. Starts a real server (``svodka serve``) on 127.0.0.1 and posts the held-out posts to POST /api/articles
   from 20 concurrent clients in small batches; checks every request succeeded and every post was stored.
3. With the whole corpus stored, measures p50/p95 latency of the story list (page and API) and of story
   pages: cold (first view: the comparison is computed) and warm (cached), sequentially over HTTP.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import httpx

from benchmarks.report import write_section
from svodka.ingest.jsonl import FieldMap, record_to_document
from svodka.pipeline import IngestOptions, ingest_documents
from svodka.store import Store

DEFAULT_DATA = "../shared/corpora/tg-ru-2024/posts.jsonl"
HOLD_OUT_EVERY = 11
TARGET_MS = 50.0
TOKEN = "bench-token"


def read_posts(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def build_store(db: Path, posts: list[dict[str, object]], nlp: bool) -> float:
    analyzer = None
    if nlp:
        from svodka.nlp.analyzer import make_analyzer

        analyzer = make_analyzer()
    started = time.perf_counter()
    documents = (record_to_document(p, f"posts.jsonl:{i}", FieldMap()) for i, p in enumerate(posts))
    with Store(db) as store:
        report = ingest_documents(store, documents, IngestOptions(analyzer=analyzer))
    print(f"built {db}: {report.to_dict() | {'rejected': len(report.rejected)}}", file=sys.stderr)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    svodka = Path(sys.executable).with_name("svodka")
    process = subprocess.Popen(
        [str(svodka), "serve", "--db", str(db), "--port", str(port), "--no-nlp"],
        env={**os.environ, "SVODKA_TOKEN": TOKEN},
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start within 60 s")


def concurrent_ingest(
    base: str, posts: list[dict[str, object]], clients: int, batch: int
) -> dict[str, object]:
    batches = [posts[i : i + batch] for i in range(0, len(posts), batch)]
    lock = threading.Lock()
    statuses: dict[int, int] = {}
    errors: list[str] = []
    stored_ids: list[str] = []
    counts = {"stored": 0, "duplicate": 0, "rejected": 0}
    latencies: list[float] = []

    def worker(mine: list[list[dict[str, object]]]) -> None:
        with httpx.Client(base_url=base, timeout=300, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            for body in mine:
                started = time.perf_counter()
                try:
                    response = client.post("/api/articles", json=body)
                except httpx.HTTPError as exc:
                    with lock:
                        errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                    if response.status_code in (200, 201):
                        result = response.json()
                        stored_ids.extend(result["ids"])
                        counts["stored"] += result["stored"]
                        counts["duplicate"] += result["duplicate"]
                        counts["rejected"] += len(result["rejected"])
                    elif response.status_code == 422 and isinstance(response.json()["error"]["detail"], dict):
                        counts["rejected"] += len(
                            response.json()["error"]["detail"]["rejected"]
                        )  # all empty posts
                    else:
                        errors.append(f"{response.status_code}: {response.text[:200]}")

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(batches[i::clients],)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return {
        "requests": len(batches),
        "statuses": statuses,
        "errors": errors,
        "stored_ids": stored_ids,
        "seconds": seconds,
        "latencies": latencies,
        **counts,
    }


def timed(fetch: Callable[[], httpx.Response]) -> float:
    started = time.perf_counter()
    response = fetch()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{response.request.url} answered {response.status_code}: {response.text[:200]}")
    return elapsed


def percentiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", default=DEFAULT_DATA)
    parser.add_argument("--db", help="Store to build (or reuse when it exists); default: a temporary file.")
    parser.add_argument("--nlp", action="store_true", help="Analyse while building the store (slow).")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--batch", type=int, default=10, help="Articles per POST request.")
    parser.add_argument("--stories", type=int, default=60, help="Story pages to time (the top-ranked).")
    parser.add_argument(
        "--repeat", type=int, default=5, help="Timed warm requests per story page (lists: 10×)."
    )
    args = parser.parse_args()

    posts = read_posts(Path(args.data))
    held_out = posts[::HOLD_OUT_EVERY]
    kept = [p for i, p in enumerate(posts) if i % HOLD_OUT_EVERY]
    workdir = tempfile.TemporaryDirectory(prefix="svodka-bench-web-")
    base_db = Path(args.db) if args.db else Path(workdir.name) / "base.db"
    marker = base_db.with_name(base_db.name + ".built")
    if not marker.exists():  # a kept --db is reused only when this benchmark built it completely
        for suffix in ("", "-wal", "-shm"):
            Path(str(base_db) + suffix).unlink(missing_ok=True)
        seconds = build_store(base_db, kept, args.nlp)
        marker.write_text(
            json.dumps({"posts": len(kept), "nlp": args.nlp, "seconds": seconds}), encoding="utf-8"
        )
    built = json.loads(marker.read_text(encoding="utf-8"))
    if built["nlp"] != args.nlp:
        sys.exit(f"{base_db} was built with NLP {'on' if built['nlp'] else 'off'}: remove it or match --nlp")
    # The held-out posts go into a copy, so that the base store can be reused by the next run.
    db = Path(workdir.name) / "web.db"
    shutil.copy(base_db, db)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port)
    try:
        before = httpx.get(base + "/api/status").json()["articles"]
        ingest = concurrent_ingest(base, held_out, args.clients, args.batch)
        after = httpx.get(base + "/api/status").json()["articles"]
        lost = [i for i in ingest["stored_ids"] if httpx.get(f"{base}/api/articles/{i}").status_code != 200]  # type: ignore[attr-defined]

        client = httpx.Client(base_url=base, timeout=60)
        stories = client.get("/api/stories", params={"limit": 200}).json()["items"]
        multi = [s for s in stories if s["independent_sources"] >= 2][: args.stories]
        chosen = multi + [s for s in stories if s not in multi][: max(0, args.stories - len(multi))]
        lists = {
            "story list page `/`": lambda: client.get("/"),
            "story list API `/api/stories`": lambda: client.get("/api/stories"),
            "story list page, filtered (`/?period=7d&language=ru`)": lambda: client.get(
                "/", params={"period": "7d", "language": "ru"}
            ),
        }
        # The first request of each list after the ingest ranks every story (unless the server's warmer
        # did it already for the front page); the rest come from the list cache.
        first_list = {name: timed(fetch) for name, fetch in lists.items()}
        list_times = {name: [timed(fetch) for _ in range(10 * args.repeat)] for name, fetch in lists.items()}
        cold = [timed(partial(client.get, f"/stories/{s['id']}")) for s in chosen]
        warm = [timed(partial(client.get, f"/stories/{s['id']}")) for _ in range(args.repeat) for s in chosen]
        api_story = [timed(partial(client.get, f"/api/stories/{s['id']}")) for s in chosen]
        sizes = [s["size"] for s in chosen]
    finally:
        server.terminate()
        server.wait(timeout=30)

    def row(name: str, values: list[float]) -> str:
        p50, p95, top = percentiles(values)
        verdict = "met" if p95 <= TARGET_MS else "**not met**"
        return f"| {name} | {len(values)} | {p50:.1f} | {p95:.1f} | {top:.1f} | {verdict} |"

    post_p50, post_p95, post_max = percentiles([x * 1000 for x in ingest["latencies"]])  # type: ignore[attr-defined]
    ok = not ingest["errors"] and not lost and after - before == ingest["stored"]
    nlp_note = (
        "on"
        if args.nlp
        else "off: the full corpus through the NLP step would take hours on this shared 2-core machine, "
        "so entities and quotes are absent and the comparison aligns claims by lemmas alone"
    )
    built_note = f"the pipeline stored them in {built['seconds']:.0f} s"
    rows = (
        [row(name, values) for name, values in list_times.items()]
        + [
            f"| {name}: first request after the ingest | 1 | {ms:.1f} | – | – | – |"
            for name, ms in first_list.items()
        ]
        + [
            row("story page `/stories/ID`, first view (comparison computed)", cold),
            row("story page `/stories/ID`, warm (comparison cached)", warm),
            row("story API `/api/stories/ID` (cached comparison)", api_story),
        ]
    )
    rate = len(held_out) / ingest["seconds"]  # type: ignore[operator]
    verdict = "No errors, no lost articles." if ok else "FAILED: see the figures above."
    body = "\n".join(
        [
            f"Store: {len(kept):,} posts of `{Path(args.data).name}` stored through the pipeline,",
            f"stories assigned (**NLP {nlp_note}**; {built_note}). Then {len(held_out):,} held-out posts",
            f"(every {HOLD_OUT_EVERY}th) were posted to the running server, so the latencies are measured",
            f"with the whole corpus ({after:,} articles) stored.",
            "Server: `svodka serve` (uvicorn, one process) on 127.0.0.1; one sequential client over HTTP;",
            f"times include HTTP and HTML rendering. Target: p95 ≤ {TARGET_MS:.0f} ms.",
            "",
            "| request | n | p50 ms | p95 ms | max ms | target |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            f"Story pages timed: the {len(chosen)} top-ranked stories",
            f"({len(multi)} with ≥ 2 independent sources),",
            f"{min(sizes)}–{max(sizes)} articles each.",
            "",
            f"**Concurrent ingest** through `POST /api/articles`: {args.clients} clients,",
            f"{len(held_out):,} posts in",
            f"{ingest['requests']} requests of {args.batch}: {ingest['seconds']:.1f} s ({rate:.0f} posts/s);",
            f"statuses {ingest['statuses']}; stored {ingest['stored']}, duplicate {ingest['duplicate']},",
            f"rejected {ingest['rejected']}; request latency p50 {post_p50:.0f} ms, p95 {post_p95:.0f} ms,",
            f"max {post_max:.0f} ms. Errors: {len(ingest['errors'])}; the store grew by {after - before}",  # type: ignore[arg-type]
            f"(equal to stored: {after - before == ingest['stored']}); stored ids not found afterwards:",
            f"{len(lost)}. **{verdict}**",
        ]
    )
    write_section("web", "Web: story page and story list latency, concurrent API ingest", body)
    print(body)


if __name__ == "__main__":
    main()
