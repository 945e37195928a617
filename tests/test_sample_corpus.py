"""Checks the shipped sample corpus (src/svodka/sample) against its manifest, events.json.

The corpus is a fixture for story clustering, cross-source comparison and quote extraction, so the
manifest must describe the files exactly: every article listed once, every quoted span present verbatim.
Deliberately independent of the svodka package: only the standard library and pytest.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parents[1] / "src/svodka/sample"
ARTICLES = SAMPLE / "articles"
NAME_RE = re.compile(r"^(\d{3})_([a-z0-9]+(?:-[a-z0-9]+)*)\.txt$")
DATE_LINE_RE = re.compile(r"^ date (\d{4}-\d{2}-\d{2})(?: (.*))?$")
SOURCE_PREFIX = "Источник: "
DIFFERENCE_KINDS = {"number", "place", "date", "order", "speaker", "person", "wording"}


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads((SAMPLE / "events.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(ARTICLES.glob("*.txt"))}


@pytest.fixture(scope="module")
def texts(raw: dict[str, bytes]) -> dict[str, str]:
    return {name: data.decode("utf-8") for name, data in raw.items()}


def _groups(manifest: dict) -> list[dict]:
    """Events and singletons alike: everything that owns articles, quotes and entities."""
    singles = [
        {
            "id": f"singleton:{s['article']}",
            "articles": [s["article"]],
            "quotes": s.get("quotes", []),
            "entities": s.get("entities", []),
        }
        for s in manifest["singletons"]
    ]
    return manifest["events"] + singles


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


# ---------------------------------------------------------------------------------------------- files


def test_there_are_about_forty_articles(raw: dict[str, bytes]) -> None:
    assert 30 <= len(raw) <= 50, f"expected about 40 articles, found {len(raw)}"


def test_files_are_valid_utf8(raw: dict[str, bytes]) -> None:
    for name, data in raw.items():
        try:
            data.decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:  # pragma: no cover - failure path
            pytest.fail(f"{name} is not valid UTF-8: {exc}")
        assert not data.startswith(b"\xef\xbb\xbf"), f"{name} starts with a BOM"


def test_file_names_are_numbered_and_unique(raw: dict[str, bytes], manifest: dict) -> None:
    slugs = {o["slug"] for o in manifest["outlets"]}
    numbers = []
    for name in raw:
        m = NAME_RE.match(name)
        assert m, f"{name} does not look like NNN_<outlet-slug>.txt"
        numbers.append(int(m.group(1)))
        assert m.group(2) in slugs, f"{name}: unknown outlet slug {m.group(2)!r}"
    assert sorted(numbers) == list(range(1, len(raw) + 1)), "article numbers must be 001..N without gaps"


def test_articles_are_not_grouped_by_event(manifest: dict) -> None:
    event_of = {a: e["id"] for e in manifest["events"] for a in e["articles"]}
    ordered = [event_of.get(name) for name in sorted(manifest["articles"])]
    same_neighbour = sum(1 for a, b in itertools.pairwise(ordered) if a is not None and a == b)
    assert same_neighbour <= len(ordered) // 4, "numbering should not follow the events"


def test_article_lengths(texts: dict[str, str]) -> None:
    for name, text in texts.items():
        assert 600 <= len(text.replace("\r\n", "\n")) <= 1800, f"{name}: {len(text)} characters"


# ---------------------------------------------------------------------------------------------- coverage


def test_every_article_is_listed_exactly_once(raw: dict[str, bytes], manifest: dict) -> None:
    listed = [a for e in manifest["events"] for a in e["articles"]]
    listed += [s["article"] for s in manifest["singletons"]]
    counts = Counter(listed)
    twice = sorted(a for a, n in counts.items() if n > 1)
    assert not twice, f"listed more than once: {twice}"
    assert set(counts) == set(raw), (
        f"not listed: {sorted(set(raw) - set(counts))}; listed but missing: {sorted(set(counts) - set(raw))}"
    )
    assert set(manifest["articles"]) == set(raw), "the 'articles' metadata must cover exactly the files"


def test_every_event_has_at_least_three_articles(manifest: dict) -> None:
    assert 6 <= len(manifest["events"]) <= 8
    for e in manifest["events"]:
        assert 3 <= len(e["articles"]) <= 8, f"event {e['id']} has {len(e['articles'])} articles"
    ids = [e["id"] for e in manifest["events"]]
    assert len(ids) == len(set(ids)), "event ids must be unique"


def test_singletons(manifest: dict) -> None:
    singles = manifest["singletons"]
    assert 3 <= len(singles) <= 5
    event_ids = {e["id"] for e in manifest["events"]}
    for s in singles:
        assert s["why"].strip(), f"{s['article']}: say why it is a separate story"
        assert s["related_event"] in event_ids
    assert any(s["kind"] == "reaction" for s in singles), "need a reaction article among the distractors"
    assert sum(s["kind"] == "same_topic" for s in singles) >= 2


# ---------------------------------------------------------------------------------------------- spans


def _span_cases(manifest: dict):
    for e in manifest["events"]:
        for d in e["differences"]:
            for article, span in d["spans"].items():
                yield e["id"], "difference", article, span
        for d in e.get("non_differences", []):
            for article, span in d["spans"].items():
                yield e["id"], "non-difference", article, span
        for o in e["only_in"]:
            for article in [o["article"], *o.get("copies", [])]:
                yield e["id"], "only_in", article, o["text"]
        for n in e.get("not_quotes", []):
            yield e["id"], "not_quote", n["article"], n["text"]
    for g in _groups(manifest):
        for qt in g["quotes"]:
            yield g["id"], "quote", qt["article"], qt["text"]
            if "continuation" in qt:
                yield g["id"], "quote continuation", qt["article"], qt["continuation"]
    for m in manifest.get("date_mentions", []):
        yield "-", "date mention", m["article"], m["text"]


def test_every_exact_substring_occurs_in_its_file(manifest: dict, texts: dict[str, str]) -> None:
    missing = []
    for group, what, article, span in _span_cases(manifest):
        assert span, f"{group}: empty {what} span in {article}"
        if article not in texts or span not in texts[article]:
            missing.append(f"{group}: {what} {span!r} not in {article}")
    assert not missing, "\n".join(missing)


def test_spans_belong_to_their_own_event(manifest: dict) -> None:
    for g in _groups(manifest):
        own = set(g["articles"])
        refs = [qt["article"] for qt in g["quotes"]]
        if "differences" in g:
            refs += [a for d in g["differences"] for a in d["spans"]]
            refs += [a for d in g.get("non_differences", []) for a in d["spans"]]
            refs += [a for o in g["only_in"] for a in [o["article"], *o.get("copies", [])]]
            refs += [c[k] for c in g["copies"] for k in ("original", "copy")]
            refs += [a for arts in g["tone"].values() for a in arts]
        strangers = sorted(set(refs) - own)
        assert not strangers, f"{g['id']} refers to articles of other stories: {strangers}"


def test_quotes_are_well_formed(manifest: dict, texts: dict[str, str]) -> None:
    for g in _groups(manifest):
        for qt in g["quotes"]:
            assert qt["kind"] in {"direct", "indirect"}, qt
            assert qt["text"][:1] not in '«»“”„"', f"quote text must exclude the quote marks: {qt['text']!r}"
            if qt["kind"] == "direct":
                text = texts[qt["article"]]
                start = text.index(qt["text"])
                before = text[max(0, start - 1) : start]
                assert before in ("«", "“", "„"), f"no opening quote mark before {qt['text']!r}"
                assert qt["speaker"], f"direct quote without a speaker: {qt['text']!r}"


def test_entity_aliases_occur_in_the_story(manifest: dict, texts: dict[str, str]) -> None:
    for g in _groups(manifest):
        story = "\n".join(texts[a] for a in g["articles"])
        for ent in g["entities"]:
            assert ent["type"] in {"PER", "ORG", "LOC", "EVENT", "PRODUCT"}, ent
            for alias in ent["aliases"]:
                assert alias in story, f"{g['id']}: alias {alias!r} of {ent['canonical']} not found"


def test_quote_speakers_are_known_entities(manifest: dict) -> None:
    for g in _groups(manifest):
        known = {ent["canonical"] for ent in g["entities"]}
        for qt in g["quotes"]:
            sp = qt["speaker"]
            if sp is None or sp.startswith("источник"):
                continue  # anonymous sources are deliberately not entities
            assert sp in known, f"{g['id']}: speaker {sp!r} is not among the entities"


# ---------------------------------------------------------------------------------------------- phenomena


def test_required_difference_kinds(manifest: dict) -> None:
    kinds: Counter[str] = Counter()
    for e in manifest["events"]:
        for d in e["differences"]:
            assert d["kind"] in DIFFERENCE_KINDS, d["kind"]
            assert len(d["spans"]) >= 2, f"{e['id']}: a difference needs at least two sides"
            assert d["about"].strip()
            kinds[d["kind"]] += 1
    for needed in ("number", "place", "speaker"):
        assert kinds[needed] >= 1, f"no difference of kind {needed!r}"
    assert kinds["date"] + kinds["order"] >= 1, "need a date or order difference"


def test_copies_are_near_verbatim(manifest: dict, texts: dict[str, str]) -> None:
    copies = [c for e in manifest["events"] for c in e["copies"]]
    assert copies, "need at least one syndicated copy"
    for c in copies:
        a, b = _lines(texts[c["original"]]), _lines(texts[c["copy"]])
        ratio = difflib.SequenceMatcher(None, a, b).ratio()
        assert ratio >= 0.6, f"{c['copy']} is not a near copy of {c['original']} (line ratio {ratio:.2f})"
        orig_out = manifest["articles"][c["original"]]["outlet"]
        copy_out = manifest["articles"][c["copy"]]["outlet"]
        assert orig_out != copy_out, "a copy is reprinted by another outlet"


def test_tone_has_a_laudatory_and_a_neutral_version(manifest: dict) -> None:
    both = [e["id"] for e in manifest["events"] if e["tone"]["laudatory"] and e["tone"]["neutral"]]
    assert both, "need an event with both a laudatory and a neutral article"
    for e in manifest["events"]:
        toned = e["tone"]["laudatory"] + e["tone"]["neutral"]
        assert sorted(toned) == sorted(e["articles"]), f"{e['id']}: tone must classify each article once"


def test_languages_and_outlets(manifest: dict, texts: dict[str, str]) -> None:
    langs = Counter(m["lang"] for m in manifest["articles"].values())
    assert langs["en"] >= 5, f"only {langs['en']} English articles"
    assert langs["ru"] > langs["en"], "the corpus is mostly Russian"
    for name, meta in manifest["articles"].items():
        letters = re.findall(r"[A-Za-zА-Яа-яЁё]", texts[name])
        latin = sum(ch.isascii() for ch in letters) / len(letters)
        assert (latin > 0.8) if meta["lang"] == "en" else (latin < 0.2), f"{name}: lang {meta['lang']}?"
    used = {m["outlet"] for m in manifest["articles"].values()}
    assert len(used) >= 6, f"only {len(used)} outlets"


def test_each_outlet_is_always_named_the_same_way(manifest: dict, texts: dict[str, str]) -> None:
    names = {o["slug"]: o["name"] for o in manifest["outlets"]}
    assert len(set(names.values())) == len(names)
    for name, meta in manifest["articles"].items():
        m = NAME_RE.match(name)
        assert m and m.group(2) == meta["outlet"], name
        last = [ln for ln in _lines(texts[name]) if ln.strip()][-1]
        if last.startswith(SOURCE_PREFIX):
            assert last[len(SOURCE_PREFIX) :] == names[meta["outlet"]], f"{name}: source line {last!r}"
            assert meta["source_line"] == names[meta["outlet"]]
        else:
            assert meta["source_line"] is None, name
        assert not last.startswith("Source:"), f"{name}: 'Source:' lines are not part of the seed format"


# ---------------------------------------------------------------------------------------------- seed format


def test_metadata_matches_the_files(manifest: dict, raw: dict[str, bytes], texts: dict[str, str]) -> None:
    for name, meta in manifest["articles"].items():
        assert (b"\r\n" in raw[name]) == meta["crlf"], f"{name}: crlf flag"
        if meta["crlf"]:
            assert raw[name].count(b"\n") == raw[name].count(b"\r\n"), f"{name}: mixed line endings"
        first = _lines(texts[name])[0]
        m = DATE_LINE_RE.match(first)
        assert bool(m) == meta["date_line"], f"{name}: date line flag"
        if m:
            assert m.group(1) == meta["date"], f"{name}: date line {m.group(1)} vs manifest {meta['date']}"
            assert bool(m.group(2)) == meta["date_line_continues"], name
        else:
            assert not first.lstrip().startswith("date"), f"{name}: malformed date line {first!r}"
        assert meta["date"].startswith("2026-03"), name
        if meta["headline"] is not None:
            assert meta["headline"] in _lines(texts[name])[:3], f"{name}: headline not on its own line"
            assert not meta["headline"].endswith("."), f"{name}: headline ends with a period"
    arts = manifest["articles"].items()
    assert sorted(manifest["crlf"]) == sorted(n for n, m in arts if m["crlf"])
    assert sorted(manifest["undated"]) == sorted(n for n, m in arts if not m["date_line"])
    assert sorted(manifest["untitled"]) == sorted(n for n, m in arts if m["headline"] is None)
    assert 1 <= len(manifest["crlf"]) <= 2
    assert manifest["undated"] and manifest["untitled"]


def test_undated_articles_state_their_date_in_the_text(manifest: dict, texts: dict[str, str]) -> None:
    months = {"03": ("марта", "March")}
    for name in manifest["undated"]:
        meta = manifest["articles"][name]
        day = str(int(meta["date"][8:]))
        month_words = months[meta["date"][5:7]]
        text = texts[name]
        found = any(re.search(rf"\b{day} {w}\b|\b{w} {day}\b", text) for w in month_words)
        # an undated article may name the day of its event rather than its own publication day
        found = found or bool(re.search(r"\b\d{1,2} (марта|March)\b|\bMarch \d{1,2}\b", text))
        assert found, f"{name} has no date line and no date in the text"


def test_events_span_about_three_weeks(manifest: dict) -> None:
    dates = sorted(e["date"] for e in manifest["events"])
    assert dates[0].startswith("2026-") and dates[-1].startswith("2026-")
    first, last = int(dates[0][8:]), int(dates[-1][8:])
    assert dates[0][:7] == dates[-1][:7] == "2026-03" and last - first >= 14
