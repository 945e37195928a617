"""A reader's ``RawDocument`` → an ``Article`` (ids, content hash, language) or a ``Rejection`` (why not)."""

from __future__ import annotations

from svodka.model import Article, RawDocument, Rejection, article_id, content_hash
from svodka.nlp.lang import detect_language

LANGS = ("ru", "en", "other")
MIN_TEXT_CHARS = 3


def to_article(raw: RawDocument) -> Article | Rejection:
    text = raw.text.strip()
    if len(text) < MIN_TEXT_CHARS:
        return Rejection(raw.origin, "no text" if not text else f"text too short ({len(text)} characters)")
    digest = content_hash(text)
    given = (raw.lang or "").strip().lower()[:2]
    lang = given if given in ("ru", "en") else detect_language(text)
    return Article(
        id=article_id(
            url=raw.url,
            source=raw.source,
            key_id=raw.external_id if raw.keyed_by_external_id else None,
            text_hash=digest,
        ),
        external_id=raw.external_id,
        source=raw.source,
        url=raw.url,
        published=raw.published,
        title=raw.title,
        text=text,
        lang=lang,
        content_hash=digest,
        origin=raw.origin,
    )
