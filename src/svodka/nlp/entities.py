"""Entity mentions in Russian text: slovnet's NER spans, corrected, plus roles that stand for people.

What is added on top of the NER tagger (each measured on factRuEval, see BENCHMARKS.md):
- a PER span holding two names in different cases is split ("Токаев Путину" → Токаев, Путину);
- abbreviations the tagger misses become mentions (РФ, США, МИД, ЦБ …), with canonical forms (РФ → Россия);
- names in «» after an organisation word become ORG («Газпром» after "компания");
- roles and titles ("президент РФ", "российский лидер", "глава государства", "представитель Кремля",
  "пресс-секретарь президента") become PER mentions marked ``role``, resolved later by ``linking``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from svodka.nlp import lexicon, surnames
from svodka.nlp.candidate import Candidate, RoleKey
from svodka.nlp.consistency import drop_common_words, first_names, propagate_people
from svodka.nlp.morph import analyzer
from svodka.nlp.natasha_adapter import Models, Parsed, RawSpan, normalize_tokens
from svodka.nlp.types import EntityType, Token


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Which corrections run (all on by default; the NER benchmark switches them one by one)."""

    clean_spans: bool = True
    type_fixes: bool = True
    split_cases: bool = True
    surnames: bool = True
    abbreviations: bool = True
    quoted_orgs: bool = True
    drop_common: bool = True
    propagate: bool = True
    first_names: bool = True
    roles: bool = True


DEFAULT = Options()


def find_mentions(text: str, parsed: Parsed, models: Models, options: Options = DEFAULT) -> list[Candidate]:
    """Name mentions (corrected NER spans) and role mentions, in text order."""
    found: list[Candidate] = []
    for span in parsed.spans:
        found.extend(_from_span(text, span, parsed, models, options))
    taken = [(c.start, c.stop) for c in found]
    if options.abbreviations:
        found.extend(_abbreviations(text, parsed.tokens, taken))
    if options.quoted_orgs:
        found.extend(_quoted_orgs(text, parsed.tokens, [(c.start, c.stop) for c in found]))
    if options.drop_common:
        found = drop_common_words(found, parsed)
    if options.propagate:
        found = propagate_people(text, found, parsed, models)
    if options.first_names:
        found = first_names(text, found, parsed, models)
    if options.roles:
        found.extend(find_roles(text, parsed, models))
    found.sort(key=lambda c: (c.start, -c.stop))
    return found


def _from_span(text: str, span: RawSpan, parsed: Parsed, models: Models, options: Options) -> list[Candidate]:
    whole = list(range(span.first_token, span.last_token + 1))
    pieces = _pieces(parsed.tokens, whole, span.type) if options.clean_spans else [(whole, False)]
    found: list[Candidate] = []
    for indexes, quoted in pieces:
        kind: EntityType = span.type
        parts = (
            _split_by_case(parsed.tokens, parsed.feats, indexes)
            if kind == "PER" and options.split_cases
            else [indexes]
        )
        for part in parts:
            start, stop = parsed.tokens[part[0]].start, parsed.tokens[part[-1]].stop
            if part == whole:
                normal = span.normal
            elif quoted:
                normal = text[start:stop]
            else:
                normal = normalize_tokens(
                    [parsed.tokens[i] for i in part], [parsed.feats[i] for i in part], models
                )
            nominative = all(parsed.feats[i].get("Case", "") in ("", "Nom") for i in part)
            if kind == "PER" and options.surnames:
                normal = _surname_nominative(normal, parsed, part)
            if kind in ("LOC", "ORG"):
                normal = lexicon.canonical_abbreviation(normal) or normal
            if options.type_fixes:
                if lexicon.fold(normal) in lexicon.NOT_ENTITIES:
                    continue
                kind = lexicon.TYPE_FIXES.get(lexicon.fold(normal), kind)
            found.append(Candidate(start, stop, kind, text[start:stop], normal, nominative))
    return found


def _surname_nominative(normal: str, parsed: Parsed, part: list[int]) -> str:
    """Where the normalizer left a surname in its oblique case, put it in the nominative by its ending."""
    words = normal.split(" ")
    token, feats = parsed.tokens[part[-1]], parsed.feats[part[-1]]
    if not words or lexicon.fold(words[-1]) != lexicon.fold(token.text):
        return normal
    gender = _name_gender(parsed.tokens[part[0]].text) if len(part) > 1 else None
    guess = surnames.nominative(token.text, feats.get("Case", ""), gender or feats.get("Gender", ""))
    return " ".join([*words[:-1], guess]) if guess else normal


@lru_cache(maxsize=20_000)
def _name_gender(word: str) -> str | None:
    """Gender of a first name by the dictionary ("Анна" → Fem), None when it is not a known name."""
    for parse in analyzer().parse(word.lower())[:3]:
        if "Name" in parse.tag:
            return {"masc": "Masc", "femn": "Fem"}.get(str(parse.tag.gender))
    return None


def _pieces(tokens: Sequence[Token], indexes: list[int], kind: str) -> list[tuple[list[int], bool]]:
    """A span cut at separators ("Джоэл Саймон (Joel Simon)", "Монако • Намибия") and stripped of edge
    punctuation; an ORG "ОАО «Газпром»" keeps only the name in quotes. (token indexes, inside quotes)."""
    runs: list[list[int]] = [[]]
    for i in indexes:
        if tokens[i].text in lexicon.SEPARATORS:
            runs.append([])
        else:
            runs[-1].append(i)
    pieces: list[tuple[list[int], bool]] = []
    for run in runs:
        if kind == "ORG" and any(tokens[i].text in '«"„“' for i in run):
            pieces.extend(_quoted_parts(tokens, run))
        else:
            pieces.append((run, False))
    cleaned = []
    for run, quoted in pieces:
        while run and not any(ch.isalnum() for ch in tokens[run[0]].text):
            run = run[1:]
        while run and not any(ch.isalnum() for ch in tokens[run[-1]].text):
            run = run[:-1]
        if run:
            cleaned.append((run, quoted))
    return cleaned


def _quoted_parts(tokens: Sequence[Token], run: list[int]) -> list[tuple[list[int], bool]]:
    opening = next(k for k, i in enumerate(run) if tokens[run[k]].text in '«"„“')
    before, inside = run[:opening], run[opening + 1 :]
    inside = [i for i in inside if tokens[i].text not in '»"“”']
    if all(tokens[i].lemma in lexicon.LEGAL_FORMS or tokens[i].text in lexicon.LEGAL_FORMS for i in before):
        return [(inside, True)]
    return [(before, False), (inside, True)]


def _split_by_case(
    tokens: Sequence[Token], feats: Sequence[dict[str, str]], indexes: list[int]
) -> list[list[int]]:
    """Runs of a PER span's words that agree in case: one run is one name.

    Only where the word before the break reads as a Russian surname ("Токаев Путину"): the tagger often
    gives the two words of a foreign name different cases ("Бадри Патаркацишвили").
    """
    parts: list[list[int]] = [[indexes[0]]]
    for previous, current in pairwise(indexes):
        a, b = feats[previous].get("Case"), feats[current].get("Case")
        word, before = tokens[current].text, tokens[previous].text
        surname = before.lower().endswith(lexicon.SURNAME_ENDINGS)
        if a and b and a != b and word[:1].isupper() and before[:1].isupper() and surname:
            parts.append([current])
        else:
            parts[-1].append(current)
    return parts


def _overlaps(start: int, stop: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < stop for a, b in taken)


def _abbreviations(text: str, tokens: Sequence[Token], taken: Sequence[tuple[int, int]]) -> list[Candidate]:
    found = []
    for token in tokens:
        known = lexicon.ABBREVIATIONS.get(token.text)
        if known and not _overlaps(token.start, token.stop, taken):
            kind, normal = known
            found.append(Candidate(token.start, token.stop, kind, token.text, normal))
    return found


def _quoted_orgs(text: str, tokens: Sequence[Token], taken: Sequence[tuple[int, int]]) -> list[Candidate]:
    """«Name» right after an organisation word (компания «Роснефть», банк «Открытие») is an ORG."""
    found = []
    for i, token in enumerate(tokens):
        if token.text != "«" or i == 0 or tokens[i - 1].lemma not in lexicon.ORG_WORDS:
            continue
        close = next((j for j in range(i + 1, min(i + 8, len(tokens))) if tokens[j].text == "»"), None)
        if close is None or close == i + 1 or not tokens[i + 1].text[:1].isupper():
            continue
        start, stop = tokens[i + 1].start, tokens[close - 1].stop
        if not _overlaps(start, stop, taken):
            found.append(Candidate(start, stop, "ORG", text[start:stop], text[start:stop]))
    return found


def find_roles(text: str, parsed: Parsed, models: Models) -> list[Candidate]:
    """Roles and titles that stand for a person: "президент РФ", "казахстанский лидер"."""
    tokens, feats = parsed.tokens, parsed.feats
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        match = _role_at(tokens, feats, i)
        if match is None:
            i += 1
            continue
        first, last, key, inflected = match
        start, stop = tokens[first].start, tokens[last].stop
        words = [tokens[j] for j in range(first, last + 1)]
        head = normalize_tokens(
            words[:inflected], [feats[j] for j in range(first, first + inflected)], models
        )
        rest = text[words[inflected - 1].stop : stop] if inflected < len(words) else ""
        normal = (head + rest).strip()
        nominative = feats[first + inflected - 1].get("Case", "Nom") == "Nom"
        found.append(Candidate(start, stop, "PER", text[start:stop], normal, nominative, key))
        i = last + 1
    return found


def _role_at(
    tokens: Sequence[Token], feats: Sequence[dict[str, str]], i: int
) -> tuple[int, int, RoleKey, int] | None:
    """(first token, last token, role, how many leading tokens to inflect) of a role starting at ``i``."""
    lemma = tokens[i].lemma
    if feats[i].get("Number") == "Plur" or _plural(tokens[i].text):
        return None
    adjective = lexicon.COUNTRY_ADJECTIVES.get(lemma)
    if adjective and i + 1 < len(tokens):
        office = lexicon.OFFICE_HEADS.get(tokens[i + 1].lemma)
        if office and feats[i + 1].get("Number") != "Plur" and not _plural(tokens[i + 1].text):
            return i, i + 1, (office, adjective), 2
        return None
    if lemma in ("пресс-секретарь", "представитель"):
        return _spokesperson(tokens, i)
    office = lexicon.OFFICE_HEADS.get(lemma)
    if office is None or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1].lemma
    if lemma == "глава" and nxt == "государство":
        return i, i + 1, ("president", None), 1
    if lemma == "глава" and nxt == "правительство":
        country = _country_at(tokens, i + 2)
        return (i, i + 2, ("premier", country), 1) if country else (i, i + 1, ("premier", None), 1)
    if nxt in lexicon.COUNTRY_ADJECTIVES and i + 2 < len(tokens) and tokens[i + 2].lemma == "государство":
        return i, i + 2, ("president", lexicon.COUNTRY_ADJECTIVES[nxt]), 1
    country = _country_at(tokens, i + 1)
    if country:
        return i, i + 1, (office, country), 1
    return None


@lru_cache(maxsize=20_000)
def _plural(word: str) -> bool:
    """pymorphy's best reading is plural (the tagger misreads capitalized words: "Президенты" as singular)."""
    parses = analyzer().parse(word.lower())
    return bool(parses) and "plur" in parses[0].tag


def _spokesperson(tokens: Sequence[Token], i: int) -> tuple[int, int, RoleKey, int] | None:
    """пресс-секретарь президента [России] / российского лидера / Кремля; представитель Кремля."""
    j = i + 1
    if j < len(tokens) and tokens[j].lemma == "кремль":
        return i, j, ("press_secretary", "Россия"), 1
    if tokens[i].lemma != "пресс-секретарь" or j >= len(tokens):
        return None
    if tokens[j].lemma in lexicon.COUNTRY_ADJECTIVES and j + 1 < len(tokens):
        if tokens[j + 1].lemma in ("лидер", "президент"):
            return i, j + 1, ("press_secretary", lexicon.COUNTRY_ADJECTIVES[tokens[j].lemma]), 1
        return None
    if tokens[j].lemma in ("президент", "лидер"):
        country = _country_at(tokens, j + 1)
        return i, (j + 1 if country else j), ("press_secretary", country), 1
    if tokens[j].lemma == "глава" and j + 1 < len(tokens) and tokens[j + 1].lemma == "государство":
        return i, j + 1, ("press_secretary", None), 1
    return None


def _country_at(tokens: Sequence[Token], i: int) -> str | None:
    if i >= len(tokens):
        return None
    return lexicon.COUNTRIES.get(tokens[i].lemma) or lexicon.COUNTRIES.get(tokens[i].text.lower())
