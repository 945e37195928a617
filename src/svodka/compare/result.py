"""The records a comparison returns, and their JSON form (the one ``--json`` and the HTTP API print)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from svodka.compare.claims import Doc
from svodka.compare.words import lexicon

Language = Literal["ru", "en"]

# What a difference is about, in each language a story can be shown in: {kind} and {a}, {b} are event
# kinds (named in Russian from lexicon/kinds.tsv), {text} a stretch of an article, {kinds} a list of kinds.
_ABOUT: dict[str, tuple[str, str]] = {
    "where": ("where", "где"),
    "where_event": ("where the {kind} took place", "где проходило событие ({kind})"),
    "when": ("when", "когда"),
    "when_event": ("when ({kinds})", "когда ({kinds})"),
    "who": ("who", "кто"),
    "figure": ("the figure in «{text}»", "число во фразе «{text}»"),
    "order": ("which came first: the {a} or the {b}", "что было раньше: {a} или {b}"),
    "first": ("whose {kind} came first", "кто был первым ({kind})"),
    "last": ("whose {kind} came last", "кто был последним ({kind})"),
    # for ``quotes``: a speaker and a wording difference
    "who_said": ("who said «{text}»", "кто сказал «{text}»"),
    "wording": ("the words of the same quote", "слова одной и той же цитаты"),
}
_KIND_FIELDS = ("kind", "a", "b")


def story_language(docs: Sequence[Doc]) -> Language:
    """Russian when most of the story's articles are Russian, English otherwise."""
    russian = sum(1 for doc in docs if doc.article.lang == "ru")
    return "ru" if russian * 2 > len(docs) else "en"


def kind_name(kind: str, lang: Language) -> str:
    """An event kind as a reader of ``lang`` calls it (the kind itself in English)."""
    return lexicon("kinds").get(kind, kind) if lang == "ru" else kind


def about(key: str, lang: Language, *, kinds: Sequence[str] = (), **fields: str) -> str:
    """The ``about`` of a difference in ``lang``: ``about("where_event", "ru", kind="meeting")``.

    Event kinds given as ``kind``, ``a``, ``b`` or ``kinds`` are named in the story's language.
    """
    english, russian = _ABOUT[key]
    named = {k: kind_name(v, lang) if k in _KIND_FIELDS else v for k, v in fields.items()}
    named["kinds"] = ", ".join(kind_name(k, lang) for k in kinds)
    return (russian if lang == "ru" else english).format(**named)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of one article's stored text: a claim, a quote or a phrase."""

    doc: int
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class Difference:
    kind: str
    """place, number, date, person, order, speaker, wording."""
    about: str
    """What differs, for a reader, in the story's language: «где», "where the meeting took place"."""
    spans: tuple[Span, ...]
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    speaker: str | None
    versions: tuple[Span, ...]
    match: str
    """How the versions relate: single, verbatim, shortened, paraphrased."""
    speakers: tuple[str | None, ...]
    """Each version's speaker as its article resolves it."""


@dataclass(frozen=True, slots=True)
class Tone:
    doc: int
    score: float
    """Evaluative words per 100 of the outlet's own words (reported speech left out), weighted."""
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    text: Span
    claims: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """How the articles of one story tell it."""

    story: str | None
    docs: tuple[Doc, ...]
    summary: tuple[Span, ...]
    timeline: tuple[TimelineEntry, ...]
    shared: tuple[tuple[Span, ...], ...]
    only_in: tuple[Span, ...]
    differences: tuple[Difference, ...]
    quotes: tuple[QuoteGroup, ...]
    tone: tuple[Tone, ...]

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(d.label for d in self.docs))

    def claim(self, span: Span) -> dict[str, object]:
        """``{"article", "source", "start", "stop", "text"}`` with offsets into the stored text."""
        doc = self.docs[span.doc]
        return {
            "article": doc.article.external_id or doc.article.id,
            "source": doc.label,
            "start": span.start,
            "stop": span.stop,
            "text": doc.text(span.start, span.stop),
        }

    def summary_text(self) -> str:
        return " ".join(self.docs[s.doc].text(s.start, s.stop) for s in self.summary)

    def to_dict(self) -> dict[str, object]:
        """The JSON form described in the README (issue 5): nothing more, nothing less."""
        return {
            "story": self.story,
            "sources": self.sources,
            "summary": self.summary_text(),
            "timeline": [
                {
                    "date": t.date,
                    "text": self.docs[t.text.doc].text(t.text.start, t.text.stop),
                    "claims": [self.claim(s) for s in t.claims],
                }
                for t in self.timeline
            ],
            "shared": [{"claims": [self.claim(s) for s in group]} for group in self.shared],
            "only_in": [self.claim(s) for s in self.only_in],
            "differences": [
                {
                    "kind": d.kind,
                    "about": d.about,
                    "claims": [self.claim(s) for s in d.spans],
                    "values": list(d.values),
                }
                for d in self.differences
            ],
            "quotes": [
                {"speaker": q.speaker, "versions": [self.claim(s) for s in q.versions]} for q in self.quotes
            ],
            "tone": [
                {
                    "article": self.docs[t.doc].article.external_id or self.docs[t.doc].article.id,
                    "source": self.docs[t.doc].label,
                    "score": t.score,
                    "evidence": [self.claim(s) for s in t.evidence],
                }
                for t in self.tone
            ],
        }
