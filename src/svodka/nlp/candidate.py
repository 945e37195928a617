"""``Candidate``: an entity mention before linking (what ``entities`` finds and ``linking`` groups)."""

from __future__ import annotations

from dataclasses import dataclass

from svodka.nlp.types import EntityType

RoleKey = tuple[str, str | None]
"""(office, country): ("president", "Россия"); country None where the text does not say it."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention before linking: ``normal`` is its nominative form, ``role`` set for roles and titles."""

    start: int
    stop: int
    type: EntityType
    text: str
    normal: str
    nominative: bool = True
    """Whether the text was in the nominative already (its spelling is then the better canonical form)."""
    role: RoleKey | None = None
