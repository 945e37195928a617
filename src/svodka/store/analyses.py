"""Storing NLP analyses (owned by the NLP layer; replaced when it lands)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from svodka.nlp.types import Analysis


def insert_analyses(conn: sqlite3.Connection, items: Sequence[tuple[str, Analysis]]) -> None:
    raise NotImplementedError("storing analyses arrives with the NLP layer")
