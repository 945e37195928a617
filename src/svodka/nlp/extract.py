"""The extraction interface: entities, quotes and dates of a text as plain JSON-ready dicts.

Used by ``svodka extract`` and by anyone integrating Svodka::

    >>> import svodka
    >>> result = svodka.extract("«Мы готовы», — сказал Владимир Путин.")
    >>> result["quotes"][0]["speaker"]
    'Владимир Путин'

Offsets are Python string indices into the text as given; a quote's parts leave out the quote marks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from svodka.errors import BadInput
from svodka.ingest.decode import decode_exact
from svodka.nlp.analyzer import analyse_text
from svodka.nlp.types import Analysis


def extract(text: str, lang: str | None = None, date: date | None = None) -> dict[str, Any]:
    """Entities, quotes and dates of ``text``.

    ``lang`` is detected when not given ("ru", "en"; anything else gets the English heuristics);
    ``date`` is the text's own date, against which "вчера" or "11 ноября" are resolved.

    Returns ``{"lang", "entities": [{"start", "stop", "type", "text", "normal", "entity"}], "quotes":
    [{"parts", "kind", "speaker_span", "speaker", "speaker_type"}], "dates": [{"start", "stop", "value"}]}``
    where ``entity`` is the canonical name of the entity a mention refers to.
    """
    if not isinstance(text, str):
        raise BadInput(f"extract() takes the text as str, not {type(text).__name__}")
    return analysis_dict(analyse_text(text, lang, date))


def analysis_dict(analysis: Analysis) -> dict[str, Any]:
    """The JSON form of an analysis (the ``svodka extract`` record without its ``path``)."""
    names = {e.key: e.name for e in analysis.entities}
    return {
        "lang": analysis.lang,
        "entities": [
            {
                "start": m.start,
                "stop": m.stop,
                "type": m.type,
                "text": m.text,
                "normal": m.normal,
                "entity": names.get(m.entity, m.normal),
            }
            for m in analysis.mentions
        ],
        "quotes": [
            {
                "parts": [[start, stop] for start, stop in q.parts],
                "kind": q.kind,
                "speaker_span": list(q.speaker_span) if q.speaker_span else None,
                "speaker": q.speaker,
                "speaker_type": q.speaker_type,
            }
            for q in analysis.quotes
        ],
        "dates": [{"start": d.start, "stop": d.stop, "value": d.value} for d in analysis.dates],
    }


def extract_file(path: str | Path, lang: str | None = None, date: date | None = None) -> dict[str, Any]:
    """``extract`` over a file read as plain text (decoded, a BOM removed, nothing else changed)."""
    target = Path(path)
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    text = decode_exact(data, str(path))
    return {"path": str(path), **extract(text, lang, date)}
