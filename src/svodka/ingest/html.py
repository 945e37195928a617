"""HTML pages → their article: main text, title, date and site (the one module importing trafilatura,
htmldate and lxml).

Everything is read from the bytes given: the page is parsed here and trafilatura and htmldate only see
the parsed tree, so neither of them ever fetches anything.
"""

from __future__ import annotations

import copy
import logging
import re
import string
from datetime import datetime
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError

from svodka.errors import BadInput
from svodka.ingest.dates import parse_date_value, parse_russian_date
from svodka.ingest.decode import decode, normalize_newlines
from svodka.model import Published, RawDocument

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_DATE_CLASS = ["date", "time", "publish", "posted", "created", "byline", "meta", "dateline"]
_DATE_ELEMENTS = "|".join(
    [".//time"]
    + [
        f".//*[contains(translate(@class, '{string.ascii_uppercase}', '{string.ascii_lowercase}'), '{c}')]"
        for c in _DATE_CLASS
    ]
)
_PUBLISHED_META = (
    ".//meta[@property='article:published_time' or @itemprop='datePublished' or @name='pubdate'"
    " or @name='publish-date' or @property='og:published_time']/@content"
)
_QUICK_DATES = {"extensive_search": False, "original_date": True}
"""htmldate without its extensive search: that search hands text to dateparser, whose first call
compiles the patterns of 200 locales (seconds per process). ``parse_russian_date`` reads dates in text."""
_TOP_CHARS = 3000
"""How far into the page text a «30 июля 2015» counts as the publication date (further down, a date
is more likely one the article mentions)."""
_PROSE_WORDS = 6
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "pre",
}

# trafilatura and htmldate log every page they find odd at WARNING; that is noise for a batch reader.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def read_html(data: bytes, *, origin: str, url: str | None = None) -> RawDocument:
    """The article of a page: text, title, publication date, source (site name or host), URL.

    ``url`` is where the page was fetched from (after redirects); without it, the page's canonical URL
    is used when it names an article (not a site's home page). Raises ``BadInput`` when the page cannot be
    decoded or holds no article text.
    """
    tree = _parse(decode_page(data, origin), origin)
    page_url = url or _canonical_url(tree)
    found = trafilatura.bare_extraction(
        copy.deepcopy(tree),
        url=page_url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_QUICK_DATES,  # the date is found below; this only keeps trafilatura quick
    )
    title = _clean(getattr(found, "title", None))
    text = _body(normalize_newlines(getattr(found, "text", None) or ""), title)
    if not any(len(line.split()) >= _PROSE_WORDS for line in text.splitlines()):
        # Menus, forms and link lists come out as short lines; an article has at least one sentence.
        raise BadInput(f"{origin}: no article text found (a page of links, a form or a script-only page?)")
    return RawDocument(
        text=text,
        origin=origin,
        external_id=page_url,
        source=_site_name(tree) or host_of(page_url),
        url=page_url,
        published=find_published(tree, text, page_url),
        title=title,
    )


def decode_page(data: bytes, origin: str) -> str:
    """The page as text: in the charset it declares when that reads it, else as ``decode`` guesses."""
    match = _CHARSET.search(data[:4096])
    if match:
        charset = match.group(1).decode("ascii").lower()
        try:
            return data.decode("utf-8-sig" if charset in ("utf-8", "utf8") else charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration is common: guess instead
    return decode(data, origin)


def find_published(tree: lxml.html.HtmlElement, text: str, url: str | None) -> Published | None:
    """The publication date, most reliable first.

    A timezone-aware ``article:published_time``; else the date htmldate reads from markup and URL; else a
    Russian date («30 июля 2015») in a date-like element or near the top of the page, which htmldate does
    not read.
    """
    for value in tree.xpath(_PUBLISHED_META):
        try:
            moment = parse_date_value(str(value))
        except ValueError:
            continue
        if isinstance(moment, datetime) and moment.tzinfo is not None:
            return moment
    found = _htmldate(tree, url)
    if found:
        return found
    for element in tree.xpath(_DATE_ELEMENTS)[:50]:
        russian = parse_russian_date(element.text_content()[:200])
        if russian:
            return russian
    body = tree.find("body")
    top = (body.text_content() if body is not None else text)[:_TOP_CHARS]
    return parse_russian_date(top)


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment (a feed entry's summary): block elements become line breaks."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return markup.strip()
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def host_of(url: str | None) -> str | None:
    """``https://www.example.com/a`` → ``example.com``."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _parse(text: str, origin: str) -> lxml.html.HtmlElement:
    # lxml refuses a str that declares an encoding; the text is decoded already, so drop the declaration.
    tree = trafilatura.load_html(_XML_DECLARATION.sub("", text, count=1))
    if tree is None:
        raise BadInput(f"{origin}: not an HTML page")
    return tree


def _htmldate(tree: lxml.html.HtmlElement, url: str | None) -> Published | None:
    found = htmldate.find_date(copy.deepcopy(tree), url=url, extensive_search=False, original_date=True)
    if not found:
        return None
    return datetime.strptime(found, "%Y-%m-%d").date()


def _site_name(tree: lxml.html.HtmlElement) -> str | None:
    for value in tree.xpath(".//meta[@property='og:site_name' or @name='og:site_name']/@content"):
        name = _clean(str(value))
        if name:
            return name
    return None


def _canonical_url(tree: lxml.html.HtmlElement) -> str | None:
    candidates = tree.xpath(".//link[@rel='canonical']/@href") + tree.xpath(
        ".//meta[@property='og:url']/@content"
    )
    for value in candidates:
        parts = urlsplit(str(value).strip())
        # Sites that point every page's canonical URL at the home page would merge all their articles.
        if parts.scheme in ("http", "https") and parts.hostname and parts.path.strip("/"):
            return str(value).strip()
    return None


def _body(text: str, title: str | None) -> str:
    """The extracted text without the headline and a bare date line above it (fields of their own)."""
    lines = text.strip().split("\n")
    while lines and (
        (title and _clean(lines[0]) == title)
        or (len(lines[0]) <= 60 and parse_russian_date(lines[0]) and len(lines[0].split()) <= 6)
    ):
        lines.pop(0)
    return "\n".join(lines).strip()


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    return text or None
