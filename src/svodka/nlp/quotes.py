"""Quotes: direct speech in quote marks and indirect (reported) speech, each with its resolved speaker.

The flow: pair the quote marks of each paragraph; keep the quoted spans that are speech (an attribution
after them, a colon or a reporting verb before them, a whole sentence of their own, or a fragment inside
reported speech) and drop names, titles and scare quotes; find reported speech by its constructions
(``svodka.nlp.indirect``); then resolve every speaker in text order, so that "he" and "the previous
speaker" mean what they meant to the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from svodka.nlp.cues import (
    ENGLISH_SPEECH,
    NAME_NOUNS,
    OPINION_ADJECTIVES,
    OPINION_VERBS,
    PARTIAL_CUES,
    RELATIVE_WORDS,
    SPEECH_VERBS,
)
from svodka.nlp.indirect import Candidate, SpeakerThunk, find_indirect, overlap, speaker_of_verb, strip_span
from svodka.nlp.quote_context import Context, Speaker, can_be
from svodka.nlp.speakers import candidates, context_speaker, find_speaker
from svodka.nlp.types import Entity, Mention, Quote, Sentence, Token

_MARKS = re.compile(r"[«»“”„\"\n]")
_OPENING_BEFORE = frozenset(" \t\n([{«„—–-:;/")
_SENTENCE_END = re.compile(r"[.!?…]")
_CITING = frozenset({"цитировать", "процитировать", "quote", "quoted", "quotes"})
_CLAUSE_PUNCT = re.compile(r"[.!?…,:;]")
# After a closing mark: optional punctuation, optional dash, then the attribution clause.
_AFTER = re.compile(r"[ \t]*(?P<punct>[,.!?…]?)[ \t]*(?P<dash>[—–-]{1,2})?[ \t]*")
# The attribution ends with its sentence ("infox.ru" is no end), a dash or the line.
_ATTRIBUTION_END = re.compile(r"[.!?;](?=\s|$)|\s[—–-]\s|:\s*[«“„\"]|\n")
# «A, — сказал он. — B»: an attribution inside one pair of quote marks.
_INSIDE = re.compile(
    r"(?P<punct>[,.!?…]?)[ \t]*[—–-]{1,2}[ \t]+(?P<attr>[^—–«»“”\n]{2,120}?)[.,:][ \t]*[—–-]{1,2}[ \t]+"
)
_COMPLEMENT = re.compile(r"(?:,\s*|\s)(?:что|чтобы|будто|that)\s*$", re.IGNORECASE)
_BY_WORDS = re.compile(
    r"(?:по\s+(?:\w+\s+)?(?:словам|мнению)|как\s+\w+(?:л|ла|ли|ет|ит|ют|ят)|according\s+to)\b"
    r"(?:[^.!?\n]|\b[A-ZА-ЯЁ]\.)*,\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
REPORTING = PARTIAL_CUES | SPEECH_VERBS | OPINION_VERBS | OPINION_ADJECTIVES
_TURN = re.compile(r"^(?P<name>[A-ZА-ЯЁ][\w.\- ]{1,40}?):[ \t]+(?P<rest>[^\n]+)", re.MULTILINE)


def find_quotes(
    text: str,
    sentences: Sequence[Sentence],
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    lang: str,
) -> list[Quote]:
    """Direct and indirect quotes of ``text`` with their speakers, in text order.

    ``tokens`` need lemmas (``svodka.nlp.morph.lemma``); ``mentions`` and ``entities`` come from the
    entity linker and give speakers their canonical names (without them speakers are roles, pronouns
    or UNKNOWN). Parts of a quote cover the quoted words without the quote marks.
    """
    ctx = Context.build(text, sentences, tokens, mentions, entities, lang)
    spans = quote_spans(text)
    ctx.quoted = spans
    direct, fragments = _direct_candidates(ctx, spans)
    turns = interview_turns(ctx)
    direct = [d for d in direct if not any(_inside(d.parts[0], t.parts) for t in turns)] + turns
    # Speech reported inside a quote or an interview turn belongs to it: no quote of its own.
    quoted = spans + [(t.parts[0][0] - 1, t.parts[-1][1]) for t in turns]
    indirect = find_indirect(ctx, quoted)
    kept: list[Candidate] = list(direct)
    # A quote-marked clause that is the whole complement ("заявил, что «…»") is direct: the reported
    # speech found around it by its verb is the same quote.
    for candidate in indirect:
        if not any(overlap(candidate.parts, d.parts) * 2 >= _length(candidate.parts) for d in direct):
            kept.append(candidate)
    # Fragments quoted inside reported speech are partial quotes of the same speaker.
    for start, stop in fragments:
        host = next((c for c in kept if c.kind == "indirect" and _inside((start, stop), c.parts)), None)
        if host is not None and (stop - start) * 5 >= _length(host.parts) * 4:
            # "как сообщил X, «…»": the quote marks hold the whole reported content, so it is direct
            host.kind, host.parts = "direct", [(start, stop)]
        elif host is not None:
            kept.append(Candidate([(start, stop)], "direct", host.speak, nested_in=host))
    return _resolve(ctx, kept)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Top-level pairs of quote marks as (opening index, closing index), within one line each.

    «» nest («ООО „Ромашка“»), „“ and “” pair with each other the Russian or English way, straight
    quotes open after a space or bracket and close otherwise. Unclosed marks are dropped at the line end.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in _MARKS.finditer(text):
        mark, i = match.group(), match.start()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        closed: int | None = None
        if mark == "\n":
            stack.clear()
        elif mark == "«":
            stack.append((mark, i))
        elif mark == "»":
            while stack and stack[-1][0] != "«":
                stack.pop()
            if stack:
                closed = stack.pop()[1]
        elif mark == "„":
            stack.append((mark, i))
        elif mark == "“":
            if stack and stack[-1][0] == "„":
                closed = stack.pop()[1]
            elif prev in _OPENING_BEFORE and not nxt.isspace():
                stack.append((mark, i))
            elif stack and stack[-1][0] == "“":
                closed = stack.pop()[1]
        elif mark == "”":
            if stack and stack[-1][0] in "“„":
                closed = stack.pop()[1]
        elif stack and stack[-1][0] == '"' and not (prev in _OPENING_BEFORE and nxt.isalnum()):
            closed = stack.pop()[1]
        elif prev in _OPENING_BEFORE and not nxt.isspace():
            stack.append((mark, i))
        if closed is not None and not stack:
            spans.append((closed, i))
    return spans


def _direct_candidates(
    ctx: Context, spans: list[tuple[int, int]]
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Quote-marked spans that are speech, and the leftover fragments that may sit inside reported speech."""
    found: list[Candidate] = []
    fragments: list[tuple[int, int]] = []
    text = ctx.text
    for opening, closing in spans:
        inner = strip_span(text, opening + 1, closing)
        if inner is None or _name_before(ctx, opening, ctx.paragraph(opening)[0]):
            continue  # «ООО «Ромашка»», фильм «Брат»: names, not speech
        para_start, para_end = ctx.paragraph(opening)
        words = len(_WORD.findall(text[inner[0] : inner[1]]))
        if words == 0:
            continue
        sentence_like = words >= 3 and (
            _CLAUSE_PUNCT.search(text, inner[0], inner[1]) is not None
            or text[inner[0]].islower()
            or words >= 5
        )
        named = _name_like(text, inner, words)
        parts, inside = _split_inside(ctx, inner)
        after = _attribution_after(ctx, closing, para_end, sentence_like, named)
        if after is not None:
            verb, attr = after
            found.append(Candidate(parts, "direct", _after_speaker(ctx, verb, attr), attribution=attr))
            continue
        if inside is not None:
            found.append(Candidate(parts, "direct", _after_speaker(ctx, inside[0], inside[1])))
            continue
        if named:
            continue
        before = text[para_start:opening]
        clause_start = _clause_start(text, para_start, opening)
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.attribution is None
            and re.fullmatch(r"\s*[,;]\s*", text[previous.parts[-1][1] + 1 : opening])
        ):
            # «…», «…», «…»: a list of slogans or demands after one attribution
            found.append(Candidate([inner], "direct", previous.speak, nested_in=previous))
            continue
        if before.rstrip().endswith(":"):
            speaker = _colon_speaker(ctx, clause_start, len(before.rstrip()) + para_start - 1, sentence_like)
            if speaker is not None:
                found.append(Candidate([inner], "direct", speaker))
                continue
        if (_COMPLEMENT.search(before) or _BY_WORDS.search(text, clause_start, opening)) and _ends_sentence(
            text, closing, para_end
        ):
            verb_speaker = _cue_speaker(ctx, clause_start, opening, 12, cues=REPORTING)
            if verb_speaker is not None:
                found.append(Candidate([inner], "direct", verb_speaker))
                continue
        if words >= 2 and (text[inner[0]].islower() or words >= 4):
            cue = _cue_speaker(ctx, clause_start, opening, 4, stop_at_complement=True)
            if cue is not None:
                found.append(Candidate([inner], "direct", cue))
                continue
        if (
            sentence_like
            and not text[clause_start:opening].strip()
            and _ends_sentence(text, closing, para_end)
            and _has_verb(ctx, inner)
        ):
            found.append(
                Candidate([inner], "direct", partial(context_speaker, ctx, opening), standalone=True)
            )
            continue
        if words >= 2 and text[inner[0]].islower():
            fragments.append(inner)
    return _merge_continuations(ctx, found), fragments


def interview_turns(ctx: Context) -> list[Candidate]:
    """ "Мустафа Джемилев: Да, всё верно…": a paragraph opened by a person's name and a colon is his turn."""
    found = []
    for match in _TURN.finditer(ctx.text):
        name = match.span("name")
        people = [m for m in ctx.mentions_in(*name) if m.type == "PER"]
        if not people or people[0].start != name[0] or people[-1].stop != name[1]:
            continue
        content = strip_span(ctx.text, match.start("rest"), match.end("rest"))
        if content is None or len(_WORD.findall(ctx.text[content[0] : content[1]])) < 3:
            continue
        person = people[0]
        found.append(Candidate([content], "direct", partial(ctx.from_mention, person)))
    return found


def _has_verb(ctx: Context, span: tuple[int, int]) -> bool:
    """Speech has a verb; a title alone in its paragraph («Субкультуры: потенциал развития») has none."""
    return any(
        ctx.tokens[i].pos in ("VERB", "AUX") or can_be(ctx.tokens[i].text, "VERB")
        for i in ctx.token_range(*span)
        if ctx.tokens[i].text[:1].isalpha()
    )


def _name_like(text: str, inner: tuple[int, int], words: int) -> bool:
    """«Единая Россия», «Союз ТМА-11», «Голосу Америки»: a few capitalised words and no punctuation."""
    quoted = text[inner[0] : inner[1]]
    return words <= 3 and quoted[:1].isupper() and not re.search(r"[.,!?…:;]", quoted)


def _name_before(ctx: Context, opening: int, para_start: int) -> bool:
    """A name noun right before the quote: «компания «Газпром»», «фильм «Брат»», "the film "Brother""."""
    tokens = ctx.token_range(max(para_start, opening - 40), opening)
    if not tokens:
        return False
    last = ctx.tokens[tokens[-1]]
    return last.lemma in NAME_NOUNS or (last.text.isupper() and last.text.lower() in NAME_NOUNS)


def _attribution_after(
    ctx: Context, closing: int, para_end: int, sentence_like: bool, named: bool
) -> tuple[int | None, tuple[int, int]] | None:
    """The attribution following a quote ("», — сказал он", "," he said"): (verb token index, clause span).

    Without a dash or comma between them the words after a quote are its sentence going on («Газпром»
    заявил…) or a new sentence. A short capitalised quote («Нет») needs a dash and the verb right after.
    """
    text = ctx.text
    match = _AFTER.match(text, closing + 1)
    if match is None:
        return None
    start = match.end()
    if start >= para_end or not text[start].isalpha():
        return None
    dash = bool(match.group("dash"))
    inner_punct = text[closing - 1] in ",.!?…"
    if not (dash or match.group("punct") == "," or (inner_punct and ctx.lang != "ru")):
        return None
    if named and not dash:
        return None
    end_match = _ATTRIBUTION_END.search(text, start, para_end)
    end = end_match.start() if end_match else para_end
    tokens = list(ctx.token_range(start, end))
    if not tokens or ctx.tokens[tokens[0]].lemma in RELATIVE_WORDS:
        return None  # «…», который…: the sentence goes on about the quoted thing
    for i in tokens[: 1 if named else 5]:
        token = ctx.tokens[i]
        if token.lemma in SPEECH_VERBS or token.text.lower() in ENGLISH_SPEECH or token.lemma in PARTIAL_CUES:
            return i, (start, end)
    if dash and text[start].islower() and sentence_like:
        return None, (start, end)
    return None


def _split_inside(
    ctx: Context, inner: tuple[int, int]
) -> tuple[list[tuple[int, int]], tuple[int, tuple[int, int]] | None]:
    """«A, — сказал он. — B» is one quote in two parts; the attribution between them is not quoted.

    Returns the parts and the first inner attribution as (verb token index, span), if any.
    """
    text = ctx.text
    parts: list[tuple[int, int]] = []
    attribution: tuple[int, tuple[int, int]] | None = None
    start = inner[0]
    for match in _INSIDE.finditer(text, inner[0], inner[1]):
        attr = match.span("attr")
        if not text[attr[0]].islower():
            continue
        verbs = [
            i
            for i in ctx.token_range(*attr)
            if ctx.tokens[i].lemma in SPEECH_VERBS or ctx.tokens[i].text.lower() in ENGLISH_SPEECH
        ]
        if not verbs:
            continue
        stop = match.start() if match.group("punct") == "," else match.start() + len(match.group("punct"))
        part = strip_span(text, start, stop)
        if part:
            parts.append(part)
        attribution = attribution or (verbs[0], attr)
        start = match.end()
    last = strip_span(text, start, inner[1])
    if last:
        parts.append(last)
    return parts or [inner], attribution


def _after_speaker(ctx: Context, verb: int | None, attr: tuple[int, int]) -> SpeakerThunk:
    def speak() -> Speaker:
        if verb is None:
            found = find_speaker(ctx, attr[0], attr[1], (attr[0], attr[0]))
        else:
            token = ctx.tokens[verb]
            if token.lemma in _CITING:
                # "— цитирует ИА Regnum Минченко": the one quoted spoke, not the outlet
                people = [c for c in candidates(ctx, token.stop, attr[1], False) if c.type == "PER"]
                if people:
                    return people[-1]
            found = find_speaker(ctx, attr[0], attr[1], (token.start, token.stop))
        return found if found is not None else context_speaker(ctx, attr[0])

    return speak


def _colon_speaker(ctx: Context, clause_start: int, colon: int, sentence_like: bool) -> SpeakerThunk | None:
    """ "Бхутто заявила агентству: «…»", "Белов оказался дипломатичнее: «…»", "Мустафа Джемилев: «…»"."""
    cue = _cue_speaker(ctx, clause_start, colon, 40)
    if cue is not None:
        return cue
    tokens = ctx.token_range(clause_start, colon)
    if ctx.mentions_in(clause_start, colon) and (sentence_like or 0 < len(tokens) <= 5):

        def speak() -> Speaker:
            found = find_speaker(ctx, clause_start, colon, (colon, colon))
            return found if found is not None else context_speaker(ctx, colon)

        return speak
    if sentence_like:
        return partial(context_speaker, ctx, colon)
    return None


def _cue_speaker(
    ctx: Context,
    start: int,
    stop: int,
    window: int,
    *,
    stop_at_complement: bool = False,
    cues: frozenset[str] = PARTIAL_CUES,
) -> SpeakerThunk | None:
    """The speaker of the nearest reporting word within ``window`` tokens before ``stop``, as a thunk."""
    tokens = list(ctx.token_range(start, stop))[-window:]
    for i in reversed(tokens):
        token = ctx.tokens[i]
        if stop_at_complement and token.text.lower() in ("что", "чтобы", "that"):
            return None
        if (
            token.lemma in cues
            or token.text.lower() in ENGLISH_SPEECH
            or token.text.lower()
            in (
                "словам",
                "according",
            )
        ):
            return partial(speaker_of_verb, ctx, i, start, stop)
    return None


def _clause_start(text: str, para_start: int, offset: int) -> int:
    """Where the sentence holding ``offset`` starts (after the last .!? of the paragraph before it)."""
    start = para_start
    for match in _SENTENCE_END.finditer(text, para_start, offset):
        nxt = text[match.end() : match.end() + 2]
        before = text[max(0, match.start() - 2) : match.start()]
        initial = len(before) == 2 and before[1].isupper() and not before[0].isalpha()  # "А. Кудрин"
        if (nxt[:1].isspace() or nxt[:1] in '«“„"') and not initial:
            start = match.end()
    return start


def _ends_sentence(text: str, closing: int, para_end: int) -> bool:
    rest = text[closing + 1 : min(para_end, closing + 4)]
    stripped = rest.lstrip(".!?…) \t")
    return not stripped or stripped[0].isupper() or stripped[0] in '«“„"—–-'


def _merge_continuations(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """«A», — сказал X. «B». — B, with no attribution of its own, continues A as its second part."""
    merged: list[Candidate] = []
    for candidate in found:
        previous = merged[-1] if merged else None
        if (
            candidate.standalone
            and previous is not None
            and previous.attribution is not None
            and ctx.paragraph(previous.parts[0][0]) == ctx.paragraph(candidate.parts[0][0])
            and not ctx.text[previous.attribution[1] : candidate.parts[0][0]].strip(' \t.,—–-«“„"')
        ):
            previous.parts.extend(candidate.parts)
            continue
        merged.append(candidate)
    return merged


def _length(parts: Sequence[tuple[int, int]]) -> int:
    return sum(b - a for a, b in parts)


def _inside(span: tuple[int, int], parts: Sequence[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in parts)


def _resolve(ctx: Context, candidates: list[Candidate]) -> list[Quote]:
    """Speakers in text order, so that a pronoun or "the previous speaker" sees the quotes before it."""
    quotes: list[Quote] = []
    resolved: dict[int, Speaker] = {}
    for candidate in sorted(candidates, key=lambda c: (c.parts[0][0], c.nested_in is not None)):
        if candidate.nested_in is not None and id(candidate.nested_in) in resolved:
            speaker = resolved[id(candidate.nested_in)]
        else:
            speaker = candidate.speak()
        resolved[id(candidate)] = speaker
        if speaker.name is not None:
            ctx.said.append((candidate.parts[0][0], speaker))
        quotes.append(
            Quote(
                parts=tuple(candidate.parts),
                kind=candidate.kind,
                speaker_span=speaker.span,
                speaker=speaker.name,
                speaker_type=speaker.type,
                speaker_entity=speaker.entity,
            )
        )
    return quotes
