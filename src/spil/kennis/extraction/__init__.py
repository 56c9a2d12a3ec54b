"""Turning files into structured documents. Pure Python: nothing here imports Django."""
