"""Readers: text files (seed format), JSON Lines / JSON, HTML pages, RSS/Atom feeds, URLs."""
