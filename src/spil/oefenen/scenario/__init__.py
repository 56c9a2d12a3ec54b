"""Scenarios as data: reading (`loader`), checking (`validator`) and playing (`engine`).

Pure Python without Django; the kennisbank is reached through a callback the caller passes in.
"""
