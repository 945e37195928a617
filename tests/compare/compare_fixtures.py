"""Hand-made articles and analyses for the comparison tests (our own sentences; no NLP models needed).

``article(text, mentions=[(surface, type, name)], quotes=[(surface, speaker, kind)])`` builds an Article
and an Analysis whose tokens are lemmatized words (no parts of speech), sentences split at full stops,
mentions and quotes placed at the first occurrence of their surface text.
"""

from __future__ import annotations

from datetime import date

from svodka.compare.claims import _split_sentences
from svodka.model import Article, content_hash
from svodka.nlp import morph
from svodka.nlp.dates import find_dates
from svodka.nlp.types import Analysis, Entity, Mention, Quote, Token

BASE = date(2026, 3, 12)


def article(
    text: str,
    *,
    source: str,
    mentions: list[tuple[str, str, str]] | None = None,
    quotes: list[tuple[str, ...]] | list[tuple[str, str | None, str]] | None = None,
    lang: str = "ru",
    published: date | None = BASE,
) -> tuple[Article, Analysis]:
    tokens = tuple(Token(m.start(), m.end(), m.group(), morph.lemma(m.group())) for m in morph.words(text))
    found_mentions = []
    entities = {}
    for surface, type_, name in mentions or []:
        start = text.index(surface)
        key = f"{type_}:{name}"
        entities[key] = Entity(key, type_, name)  # type: ignore[arg-type]
        found_mentions.append(Mention(start, start + len(surface), type_, surface, name, key))  # type: ignore[arg-type]
    found_quotes = []
    for surface, speaker, kind, *type_ in quotes or []:
        start = text.index(surface)
        speaker_type = type_[0] if type_ else ("PER" if speaker else "UNKNOWN")
        found_quotes.append(Quote(((start, start + len(surface)),), kind, None, speaker, speaker_type))  # type: ignore[arg-type]
    analysis = Analysis(
        lang=lang,
        sentences=_split_sentences(text),
        tokens=tokens,
        mentions=tuple(found_mentions),
        entities=tuple(entities.values()),
        quotes=tuple(found_quotes),
        dates=tuple(find_dates(text, published, lang)),
    )
    doc = Article(
        id=source,
        external_id=source + ".txt",
        source=source,
        url=None,
        published=published,
        title=None,
        text=text,
        lang=lang,
        content_hash=content_hash(text),
    )
    return doc, analysis
