"""`spil zoek` and `spil eval` (filled in by the search work)."""


def register(subparsers) -> None:
    pass
