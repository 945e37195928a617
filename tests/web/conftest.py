"""Stores for the web tests, built once per session from our own fixture articles (web_fixtures.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_fixtures import ALL, HOSTILE

from svodka.ingest.jsonl import FieldMap, record_to_document
from svodka.pipeline import IngestOptions, ingest_documents
from svodka.store import Store
from svodka.web.app import create_app

TOKEN = "test-token-1234"


def build_store(path: Path, records: tuple[dict[str, Any], ...], analyzer: Any = None) -> Path:
    documents = [record_to_document(r, f"fixture[{i}]", FieldMap()) for i, r in enumerate(records)]
    with Store(path) as store:
        report = ingest_documents(store, documents, IngestOptions(analyzer=analyzer))
    assert report.stored == len(records), report.to_dict()
    return path


@pytest.fixture(scope="session")
def plain_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture articles and the hostile one, stored without NLP (fast): stories, search, no entities."""
    return build_store(tmp_path_factory.mktemp("plain") / "plain.db", (*ALL, HOSTILE))


@pytest.fixture(scope="session")
def analyzer() -> Any:
    from svodka.nlp.analyzer import make_analyzer

    return make_analyzer(workers=1)


@pytest.fixture(scope="session")
def nlp_db(tmp_path_factory: pytest.TempPathFactory, analyzer: Any) -> Path:
    """The fixture articles analysed: entities, quotes, and a comparison with a difference."""
    return build_store(tmp_path_factory.mktemp("nlp") / "nlp.db", (*ALL, HOSTILE), analyzer)


@pytest.fixture(scope="session")
def client(plain_db: Path) -> Iterator[TestClient]:
    """A read-only client over the plain store (tests must not write through it)."""
    with TestClient(create_app(str(plain_db), token=TOKEN, word_vectors=False)) as test_client:
        yield test_client


@pytest.fixture
def fresh_db(plain_db: Path, tmp_path: Path) -> Path:
    """A copy of the plain store that a test may write to."""
    target = tmp_path / "fresh.db"
    shutil.copy(plain_db, target)
    return target


@pytest.fixture
def writer(fresh_db: Path) -> Iterator[TestClient]:
    """A client over a writable copy, with the token configured."""
    with TestClient(create_app(str(fresh_db), token=TOKEN, word_vectors=False)) as test_client:
        yield test_client


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
