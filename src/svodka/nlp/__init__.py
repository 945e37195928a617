"""The NLP layer: entities with canonical names, quotes with speakers, dates (see ``types``)."""
