"""Helper for the word lists kept as readable blocks of text."""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text."""
    return frozenset(block.split())
