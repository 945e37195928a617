"""Fixtures shared by every layer's tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp_models():  # type: ignore[no-untyped-def]
    """natasha's models, built once for the whole test session (about 2 s)."""
    from svodka.nlp.natasha_adapter import Models

    return Models().warm()
