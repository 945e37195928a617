"""Text with highlighted spans, rendered from character offsets: every piece of the text is escaped.

Marks may nest (an entity inside a quote); a mark that crosses the end of an enclosing one is cut at that
end, so the HTML is always well formed. Offsets outside the text are clipped, empty marks dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the text to wrap: ``<a>`` when ``href`` is given, else ``<mark>``."""

    start: int
    stop: int
    cls: str
    href: str | None = None
    title: str | None = None
    anchor: str | None = None
    """An element id, so that a list elsewhere on the page can link to this span."""


@dataclass(slots=True)
class _Node:
    mark: Mark
    stop: int
    children: list[_Node] = field(default_factory=list)


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as HTML with each mark wrapped; plain text between marks is escaped."""
    size = len(text)
    clipped = []
    for m in marks:
        start, stop = max(0, min(m.start, size)), max(0, min(m.stop, size))
        if start < stop:
            clipped.append((start, stop, m))
    clipped.sort(key=lambda item: (item[0], -item[1]))
    root = _Node(Mark(0, size, ""), size)
    stack = [root]
    for start, stop, mark in clipped:
        while stack[-1] is not root and stack[-1].stop <= start:
            stack.pop()
        parent = stack[-1]
        node = _Node(
            Mark(start, min(stop, parent.stop), mark.cls, mark.href, mark.title, mark.anchor),
            min(stop, parent.stop),
        )
        parent.children.append(node)
        stack.append(node)
    return Markup("".join(_render(text, root, 0, size)))


def _render(text: str, node: _Node, start: int, stop: int) -> Iterable[str]:
    position = start
    for child in node.children:
        if child.mark.start > position:
            yield str(escape(text[position : child.mark.start]))
        yield _open(child.mark)
        yield from _render(text, child, child.mark.start, child.stop)
        yield "</a>" if child.mark.href else "</mark>"
        position = child.stop
    if position < stop:
        yield str(escape(text[position:stop]))


def _open(mark: Mark) -> str:
    attributes = [f'class="{escape(mark.cls)}"']
    if mark.href:
        attributes.append(f'href="{escape(mark.href)}"')
    if mark.title:
        attributes.append(f'title="{escape(mark.title)}"')
    if mark.anchor:
        attributes.append(f'id="{escape(mark.anchor)}"')
    tag = "a" if mark.href else "mark"
    return f"<{tag} {' '.join(attributes)}>"


def bracketed(snippet: str) -> Markup:
    """A search snippet with its match in [brackets] (as the store writes it) → the match in ``<mark>``."""
    opening = snippet.find("[")
    closing = snippet.find("]", opening + 1)
    if opening < 0 or closing < 0:
        return Markup(escape(snippet))
    return Markup(
        f"{escape(snippet[:opening])}<mark>{escape(snippet[opening + 1 : closing])}</mark>"
        f"{escape(snippet[closing + 1 :])}"
    )
