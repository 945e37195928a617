"""A short extractive summary and a timeline, both made only of the articles' own sentences.

The summary takes the shared facts most sources report (ties: the earlier in the articles), each told by
the version closest to the others; with no shared facts it is the lead of the earliest article. The
timeline lists every date the articles write (relative ones resolved against the article's date by the
NLP layer), each with the claims that mention it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from svodka.compare.align import Alignment, ClaimId
from svodka.compare.claims import Doc
from svodka.compare.result import Span, TimelineEntry

SUMMARY_CLAIMS = 3

# A sentence that leans on the one before it in its article («Также …», «При этом …», "However, …") reads
# badly on its own: another article's version of the fact is taken when there is one.
_LEANS_BACK = re.compile(
    r"[\W_]*(?:также|кроме\s+того|помимо\s+этого|при\s+этом|однако|но|а|и|еще|ещё|тем\s+временем|впрочем"
    r"|also|however|but|and|meanwhile|moreover)\b(?!\.)",
    re.IGNORECASE,
)


def summarize(docs: Sequence[Doc], alignment: Alignment, *, size: int = SUMMARY_CLAIMS) -> tuple[Span, ...]:
    """Up to ``size`` claims, one per shared fact, the most widely reported first."""
    scores: dict[ClaimId, float] = {}
    for link in alignment.links:
        for end in (link.a, link.b):
            scores[end] = scores.get(end, 0.0) + link.score

    def breadth(group: tuple[ClaimId, ...]) -> tuple[int, int]:
        first = min(group, key=lambda c: docs[c[0]].claims[c[1]].sentence)
        return (-len({d for d, _ in group}), docs[first[0]].claims[first[1]].sentence)

    chosen = []
    for group in sorted(alignment.groups, key=breadth)[:size]:
        best = max(group, key=lambda c: (not _leans_back(docs, c), scores.get(c, 0.0), -c[0]))
        claim = docs[best[0]].claims[best[1]]
        chosen.append(Span(claim.doc, claim.start, claim.stop))
    if not chosen and docs:
        lead = next((c for d in docs for c in d.claims if not c.heading), None)
        if lead is not None:
            chosen.append(Span(lead.doc, lead.start, lead.stop))
    return tuple(chosen)


def _leans_back(docs: Sequence[Doc], claim_id: ClaimId) -> bool:
    claim = docs[claim_id[0]].claims[claim_id[1]]
    return _LEANS_BACK.match(docs[claim.doc].article.text, claim.start, claim.stop) is not None


def timeline(docs: Sequence[Doc]) -> tuple[TimelineEntry, ...]:
    """Dates the articles mention, earliest first, each with the claims that mention it."""
    by_date: dict[str, list[Span]] = {}
    for doc in docs:
        for claim in doc.claims:
            for value in dict.fromkeys(d.value for d in claim.dates):
                by_date.setdefault(value, []).append(Span(claim.doc, claim.start, claim.stop))
    entries = []
    for value in sorted(by_date):
        spans = list(dict.fromkeys(by_date[value]))
        shortest = min(spans, key=lambda s: s.stop - s.start)
        entries.append(TimelineEntry(value, shortest, tuple(spans)))
    return tuple(entries)
