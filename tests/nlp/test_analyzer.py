"""The NLP step: ``make_analyzer`` in process and over worker processes, and ``svodka analyze``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from svodka.cli.main import app
from svodka.errors import UsageError
from svodka.model import Article
from svodka.nlp.analyzer import LocalAnalyzer, PoolAnalyzer, make_analyzer
from svodka.pipeline import analyse_stored
from svodka.store import Store

TEXTS = [
    ("ru", "Вечером в Анкару прилетел Сергей Лавров. Лавров проведёт там переговоры."),
    ("ru", "«Вопрос решён», — сказал вчера губернатор Александр Беглов."),
    ("en", 'Prime Minister Keir Starmer visited Paris. "It was useful," Starmer said.'),
]


def _articles() -> list[Article]:
    return [
        Article(
            id=f"x{n}",
            external_id=None,
            source="test",
            url=None,
            published=date(2025, 11, 11),
            title=None,
            text=text,
            lang=lang,
            content_hash=str(n),
        )
        for n, (lang, text) in enumerate(TEXTS)
    ]


@pytest.mark.parametrize(
    ("workers", "kind"), [(1, LocalAnalyzer), (2, PoolAnalyzer), (None, (LocalAnalyzer, PoolAnalyzer))]
)
def test_factory(workers: int | None, kind: type | tuple[type, ...]) -> None:
    analyzer = make_analyzer(workers)
    try:
        assert isinstance(analyzer, kind)
    finally:
        analyzer.close()


def test_factory_rejects_nonsense() -> None:
    with pytest.raises(UsageError, match="at least 1"):
        make_analyzer(0)


@pytest.mark.slow
def test_local_analysis(nlp_models) -> None:  # type: ignore[no-untyped-def]
    results = LocalAnalyzer(nlp_models).analyse(_articles())
    assert [r.lang for r in results] == ["ru", "ru", "en"]
    lavrov = results[0]
    assert {e.name for e in lavrov.entities if e.type == "PER"} == {"Сергей Лавров"}
    assert sum(m.entity == "PER:Сергей Лавров" for m in lavrov.mentions) == 2
    assert [d.value for d in results[1].dates] == ["2025-11-10"]  # "вчера" against the article's date
    assert results[1].quotes[0].speaker == "Александр Беглов"
    assert {e.name for e in results[2].entities if e.type == "PER"} == {"Keir Starmer"}


@pytest.mark.slow
def test_pool_gives_the_same_results(nlp_models) -> None:  # type: ignore[no-untyped-def]
    articles = _articles()
    pool = make_analyzer(2)
    try:
        assert pool.analyse(articles) == LocalAnalyzer(nlp_models).analyse(articles)
        assert pool.analyse([]) == []
    finally:
        pool.close()


@pytest.mark.slow
def test_analyse_stored_and_cli(tmp_path: Path, nlp_models) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add_articles(_articles())  # ingested with --no-nlp
        assert store.analysis("x0") is None
        assert analyse_stored(store, LocalAnalyzer(nlp_models)) == 3
        assert store.analysis("x0") is not None
        assert analyse_stored(store, LocalAnalyzer(nlp_models)) == 0  # nothing new
        assert [e.name for e in store.entities_of("x0") if e.type == "PER"] == ["Сергей Лавров"]
    result = CliRunner().invoke(app, ["analyze", "--db", str(db), "--all", "--workers", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert "analysed 3" in result.stdout
