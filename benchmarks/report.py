"""Writing figures into BENCHMARKS.md: each benchmark owns one section and replaces only that section.

A section is delimited by ``<!-- begin NAME -->`` and ``<!-- end NAME -->``; it is stamped with the
command that produced it, the date and the machine, so every figure says where it came from.
"""

from __future__ import annotations

import os
import platform
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}"


def write_section(name: str, title: str, body: str, *, command: str | None = None) -> None:
    """Replace (or append) the section ``name`` of BENCHMARKS.md."""
    cmd = command or "python " + " ".join(sys.argv)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = (
        f"<!-- begin {name} -->\n## {title}\n\n"
        f"Command: `{cmd}`  \nMeasured: {stamp} on {machine()}\n\n"
        f"{body.strip()}\n<!-- end {name} -->"
    )
    text = BENCHMARKS_MD.read_text(encoding="utf-8") if BENCHMARKS_MD.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"<!-- begin {re.escape(name)} -->.*?<!-- end {re.escape(name)} -->", re.S)
    text = (
        pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    )
    BENCHMARKS_MD.write_text(text, encoding="utf-8")


def write_judged(
    section: tuple[str, str], explanation: str, rows: list[str], note: str, *, command: str, paths: list[Path]
) -> None:
    """A section of figures read back from dumps judged by hand: how they were judged, the table, a note
    (``command`` is the reading-back command; the dumps' names follow it)."""
    body = explanation.rstrip() + "\n\n" + "\n".join(rows) + ("\n\n" + note if note else "")
    print(body)
    write_section(*section, body, command=f"{command} {' '.join(p.name for p in paths)} --note …")
