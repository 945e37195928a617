"""Named exceptions raised by the library.

The CLI turns them into exit codes and the web layer into HTTP statuses; nothing inside the library
catches them silently. Every message says what went wrong and, where it can, what to do.
"""

from __future__ import annotations


class SvodkaError(Exception):
    """Base class of every error Svodka raises on purpose."""


class BadInput(SvodkaError):
    """A document or a record cannot be read: empty, binary, malformed, too large, undecodable."""


class UnsupportedFormat(BadInput):
    """The input is of a kind no reader handles (by extension, content type or content)."""


class FetchError(BadInput):
    """A URL could not be fetched: timeout, connection refused, HTTP error status."""


class NotFound(SvodkaError):
    """An article, story or entity with that id is not in the store."""


class StoreError(SvodkaError):
    """The store cannot be opened or written: not a Svodka database, newer schema, disk full."""


class UsageError(SvodkaError):
    """The caller asked for something that makes no sense (an unknown option value, a bad mapping)."""
