"""The one module that imports natasha (and through it slovnet and navec): Russian segmentation, morphology,
syntax and NER, converted to Svodka's own records at this boundary.

Models are built lazily, once per ``Models`` object, and passed in; a process keeps one (``shared_models``).
The syntax parser is the expensive part and only ORG normal forms need it ("Совета Федерации" →
"Совет Федерации", not "Совет Федерация"), so ``parse`` runs it only over the sentences that hold a
multi-word ORG span (see BENCHMARKS.md, "NLP speed", for what this saves).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Literal

from threadpoolctl import threadpool_limits

from svodka.nlp.morph import lemma  # registers pymorphy3 as pymorphy2 before natasha imports it
from svodka.nlp.types import EntityType, Sentence, Token

from natasha import (  # isort: skip - must come after svodka.nlp.morph
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.doc import DocToken  # isort: skip
from natasha.norm import normalize, syntax_normalize  # isort: skip

SyntaxMode = Literal["none", "span", "org", "all"]
"""What the syntax parser reads: nothing, each ORG span that needs it on its own, the sentences holding
such spans (default), or every sentence. Parsing the span alone is cheaper but, on factRuEval, gave a
worse normal form for 34 of 728 multi-word ORG spans ("Министерство оборона"), so sentences it is."""


@dataclass(frozen=True, slots=True)
class RawSpan:
    """A span as slovnet's NER tagged it, with natasha's normal form (nominative)."""

    start: int
    stop: int
    type: EntityType
    normal: str
    first_token: int
    """Index into ``Parsed.tokens`` of its first token; its tokens run to ``last_token`` inclusive."""
    last_token: int


@dataclass(frozen=True, slots=True)
class Parsed:
    """What natasha found in one text, as our records. ``cases`` and ``feats`` run parallel to ``tokens``."""

    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    feats: tuple[dict[str, str], ...]
    spans: tuple[RawSpan, ...]


class Models:
    """natasha's models, each built on first use (the embedding ~0.4 s, each slovnet model ~0.1 s).

    Creating one limits BLAS to one thread in this process: slovnet's matrices are small, and on a busy
    machine BLAS threads spinning against each other made tagging 3-4× slower (measured: 40 factRuEval
    texts in 23 s with default threads, 6 s with one). Parallelism comes from worker processes instead.
    """

    def __init__(self) -> None:
        threadpool_limits(limits=1, user_api="blas")

    @cached_property
    def segmenter(self) -> Any:
        return Segmenter()

    @cached_property
    def vocab(self) -> Any:
        return MorphVocab()

    @cached_property
    def embedding(self) -> Any:
        return NewsEmbedding()

    @cached_property
    def morph(self) -> Any:
        return NewsMorphTagger(self.embedding)

    @cached_property
    def syntax(self) -> Any:
        return NewsSyntaxParser(self.embedding)

    @cached_property
    def ner(self) -> Any:
        return NewsNERTagger(self.embedding)

    def warm(self) -> Models:
        """Build every model now (before forking workers, or before timing)."""
        for name in ("segmenter", "vocab", "morph", "syntax", "ner"):
            getattr(self, name)
        return self


@lru_cache(maxsize=1)
def shared_models() -> Models:
    """This process's models (each worker process builds its own on first use)."""
    return Models()


def parse(text: str, models: Models, *, syntax: SyntaxMode = "org") -> Parsed:
    """Sentences, tokens with lemmas and UD tags, and NER spans with normal forms."""
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph)
    doc.tag_ner(models.ner)
    _parse_syntax(doc, models, syntax)
    vocab = models.vocab
    tokens = []
    feats = []
    index = {}
    for i, token in enumerate(doc.tokens):
        # pymorphy's first reading, cached per word (``svodka.nlp.morph.lemma``): the same lemmas search and
        # quotes use, and 8x cheaper than natasha's tag-aware choice, which changed no entity (measured).
        tokens.append(Token(token.start, token.stop, token.text, lemma(token.text), token.pos or ""))
        feats.append(token.feats or {})
        index[token.start] = i
    spans = []
    for span in doc.spans:
        if not span.tokens:
            continue
        if span.type == "ORG" and len(span.tokens) > 1 and (span.tokens[0].feats or {}).get("Case") == "Nom":
            normal = span.text  # its head, the first word, is in the nominative: so is the name as written
        else:
            method = syntax_normalize if span.type == "ORG" and span.tokens[0].id else normalize
            normal = method(vocab, span.tokens)
        first = index[span.tokens[0].start]
        spans.append(RawSpan(span.start, span.stop, span.type, normal, first, first + len(span.tokens) - 1))
    sentences = tuple(Sentence(s.start, s.stop) for s in doc.sents)
    return Parsed(sentences, tuple(tokens), tuple(feats), tuple(spans))


def _needs_syntax(span: Any) -> bool:
    """A multi-word ORG not in the nominative: only the parse tells which of its words to inflect."""
    return bool(
        span.type == "ORG" and len(span.tokens) > 1 and (span.tokens[0].feats or {}).get("Case") != "Nom"
    )


def _parse_syntax(doc: Any, models: Models, mode: SyntaxMode) -> None:
    if mode == "none":
        return
    if mode == "all":
        chosen = [s.tokens for s in doc.sents]
    elif mode == "org":
        chosen = [s.tokens for s in doc.sents if any(_needs_syntax(sp) for sp in s.spans or ())]
    else:
        chosen = [sp.tokens for sp in doc.spans if _needs_syntax(sp)]
    if not chosen:
        return
    markups = models.syntax.map([[t.text for t in tokens] for tokens in chosen])
    for number, (group, markup) in enumerate(zip(chosen, markups, strict=True), 1):
        for target, source in zip(group, markup.tokens, strict=True):
            target.id = f"{number}_{source.id}"
            target.head_id = f"{number}_{source.head_id}"
            target.rel = source.rel


def normalize_tokens(tokens: Sequence[Token], feats: Sequence[dict[str, str]], models: Models) -> str:
    """Tokens (a part of a span) put in the nominative word by word, the way natasha normalizes PER/LOC."""
    words = [
        DocToken(t.start, t.stop, t.text, pos=t.pos, feats=f) for t, f in zip(tokens, feats, strict=True)
    ]
    return str(normalize(models.vocab, words))


def segment(text: str, models: Models) -> tuple[tuple[Sentence, ...], tuple[Token, ...]]:
    """Sentences and tokens only, lemmas by ``svodka.nlp.morph.lemma`` (for English)."""
    sentences = tuple(Sentence(s.start, s.stop) for s in models.segmenter.sentenize(text))
    tokens = tuple(Token(t.start, t.stop, t.text, lemma(t.text)) for t in models.segmenter.tokenize(text))
    return sentences, tokens


def bare_pipeline(text: str, models: Models) -> int:
    """natasha as its README runs it (segment, morph, NER): the speed benchmark's baseline. Returns #spans."""
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph)
    doc.tag_ner(models.ner)
    return len(doc.spans)


def bare_ner(text: str, models: Models) -> list[tuple[int, int, str]]:
    """slovnet's NER spans alone, for the NER benchmark's baseline."""
    markup = models.ner(text)
    return [(s.start, s.stop, s.type) for s in markup.spans]
