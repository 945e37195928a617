# ruff: noqa: E501 - the texts of the fixtures read best one a line
"""Small invented news reports for the stories tests: several events, each told by several outlets.

Each document is (key, event, source, published ISO, title, text). ``event`` is what a reader would say:
reports of one event share it; the same topic on another day has an event of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from svodka.model import RawDocument, parse_published
from svodka.pipeline import IngestOptions, ingest_documents
from svodka.store import Store

Doc = tuple[str, str, str, str, str | None, str]

RU: list[Doc] = [
    (
        "ru-bridge-1",
        "bridge",
        "Вестник Севера",
        "2026-03-03T09:00:00+03:00",
        "В Архангельске открыли мост через Северную Двину",
        "Губернатор Алексей Воронцов открыл в Архангельске новый мост через Северную Двину. Длина моста 1,2 километра, "
        "строительство обошлось в 18,4 млрд рублей. Движение по мосту началось в 15:00, первыми по нему проехали автобусы.",
    ),
    (
        "ru-bridge-2",
        "bridge",
        "Лента дня",
        "2026-03-03T12:30:00+03:00",
        "Новый мост через Северную Двину открыт для движения",
        "В Архангельске открыт мост через Северную Двину длиной 1,2 километра. На церемонии открытия губернатор Воронцов "
        "поблагодарил строителей; мост строили четыре года, его стоимость составила 18,4 млрд рублей.",
    ),
    (
        "ru-bridge-3",
        "bridge",
        "Меридиан",
        "2026-03-03T16:10:00+03:00",
        None,
        "Мост через Северную Двину в Архангельске открыли после четырёх лет строительства. Губернатор Алексей Воронцов "
        "назвал мост длиной 1,2 километра главной стройкой региона. Стоимость моста — 18,4 млрд рублей.",
    ),
    (
        "ru-fire-1",
        "fire",
        "Волжская правда",
        "2026-03-05T08:00:00+03:00",
        "Пожар на лакокрасочном заводе в Дзержинске",
        "В Дзержинске ночью загорелся цех лакокрасочного завода «Волжские краски». Пострадали 12 рабочих, двое госпитализированы "
        "в тяжёлом состоянии. Площадь пожара составила 800 квадратных метров, огонь тушили пять часов.",
    ),
    (
        "ru-fire-2",
        "fire",
        "Меридиан",
        "2026-03-05T10:20:00+03:00",
        "В Дзержинске потушили пожар на заводе красок",
        "Пожар на заводе «Волжские краски» в Дзержинске потушен. Огонь охватил цех на площади 800 квадратных метров, "
        "пострадали 12 рабочих завода. Причины возгорания выясняет прокуратура Дзержинска.",
    ),
    (
        "ru-fire-3",
        "fire",
        "Регион-пресс",
        "2026-03-05T11:00:00+03:00",
        "Пожар в Дзержинске: пострадали 12 рабочих",
        "Пожар на заводе «Волжские краски» в Дзержинске потушен. Огонь охватил цех на площади 800 квадратных метров, "
        "пострадали 12 рабочих завода. Причины возгорания выясняет прокуратура Дзержинска.",
    ),
    (
        "ru-court-1",
        "court",
        "Уральский курьер",
        "2026-03-12T14:00:00+05:00",
        "Экс-директора «Городских скверов» приговорили к пяти годам",
        "Ленинский районный суд Екатеринбурга приговорил бывшего директора МУП «Городские скверы» Дмитрия Ковалёва к пяти "
        "годам колонии. Суд признал его виновным в растрате 46 миллионов рублей, выделенных на благоустройство скверов.",
    ),
    (
        "ru-court-2",
        "court",
        "Лента дня",
        "2026-03-12T16:00:00+03:00",
        "Ковалёв получил пять лет колонии за растрату",
        "Бывший директор МУП «Городские скверы» Дмитрий Ковалёв приговорён к пяти годам колонии общего режима. "
        "Ленинский районный суд Екатеринбурга установил, что он растратил 46 миллионов рублей на благоустройство скверов.",
    ),
    (
        "ru-fire-later",
        "fire-kazan",
        "Меридиан",
        "2026-03-12T09:00:00+03:00",
        "В Казани горел склад стройматериалов",
        "В Казани загорелся склад строительных материалов на улице Тэцевской. Площадь пожара составила 300 квадратных метров, "
        "пострадавших нет. Огонь потушили за два часа, причины пожара устанавливают.",
    ),
]

EN: list[Doc] = [
    (
        "en-robot-1",
        "robot",
        "Eurasia Wire",
        "2026-03-18T07:00:00+00:00",
        "Russian start-up unveils delivery robot built for Siberian winters",
        "A Novosibirsk start-up unveiled a delivery robot called Burunduk that can work at minus 40 degrees. The robot carries "
        "up to 25 kilograms and will start delivering parcels in the Akademgorodok district in April.",
    ),
    (
        "en-robot-2",
        "robot",
        "Northern Dispatch",
        "2026-03-18T11:00:00+00:00",
        "Burunduk delivery robot to brave Siberian frost",
        "The Burunduk delivery robot, shown by a Novosibirsk start-up, works at minus 40 degrees and carries parcels of up to "
        "25 kilograms. Deliveries in Akademgorodok begin in April, the start-up said.",
    ),
    (
        "en-bison-1",
        "bison",
        "Eurasia Wire",
        "2026-03-20T08:00:00+00:00",
        "Ice Age bison found almost intact in Yakutia permafrost",
        "Scientists in Yakutsk said a steppe bison found in the permafrost of Yakutia is about 28,000 years old. The carcass "
        "was found by a fisherman on the bank of the Indigirka river and is almost intact, with skin and wool preserved.",
    ),
    (
        "en-bison-2",
        "bison",
        "Baltic Observer",
        "2026-03-20T15:00:00+00:00",
        "Fisherman finds 28,000-year-old bison in Yakutia",
        "A fisherman found a steppe bison carcass about 28,000 years old on the Indigirka river bank in Yakutia, scientists "
        "in Yakutsk said. The bison is almost intact: its skin and wool survived in the permafrost.",
    ),
    (
        "en-bison-3",
        "bison",
        "Pacific Courier",
        "2026-03-21T09:00:00+00:00",
        None,
        "A fisherman found a steppe bison carcass about 28,000 years old on the Indigirka river bank in Yakutia, scientists "
        "in Yakutsk said. The bison is almost intact: its skin and wool survived in the permafrost. Reprinted with permission.",
    ),
]

COPIES = {"ru-fire-3": "ru-fire-2", "en-bison-3": "en-bison-2"}
"""Copy → its original (earliest of the copy group)."""


def raw(doc: Doc, *, dated: bool = True) -> RawDocument:
    key, _, source, published, title, text = doc
    return RawDocument(
        text=text,
        origin=key,
        external_id=key,
        source=source,
        published=parse_published(published) if dated else None,
        title=title,
    )


def events(docs: list[Doc]) -> dict[str, str]:
    return {d[0]: d[1] for d in docs}


def ingest_docs(path: Path, docs: Iterable[Doc], *, dated: bool = True, batch_size: int = 256) -> Store:
    store = Store(path)
    ingest_documents(store, [raw(d, dated=dated) for d in docs], IngestOptions(batch_size=batch_size))
    return store


def grouping(store: Store) -> set[frozenset[str]]:
    """The partition of external ids into stories."""
    return {frozenset(s.articles) for s in store.stories(limit=None)}


def expected_grouping(docs: Iterable[Doc]) -> set[frozenset[str]]:
    by_event: dict[str, set[str]] = {}
    for key, event, *_ in docs:
        by_event.setdefault(event, set()).add(key)
    return {frozenset(v) for v in by_event.values()}
