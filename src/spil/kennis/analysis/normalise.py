"""Character-level normalisation shared by indexing and querying."""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u00ad": "",  # soft hyphen
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u00b4": "'",
        "`": "'",
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\u0133": "ij",
        "\u0132": "IJ",
    }
)

# A word broken over a line end: "gemeente-\nsecretaris". A hyphen followed by a space and
# "en"/"of" ("zorg- en welzijn") is a real elision and stays.
_LINE_BREAK_HYPHEN = re.compile(r"(\w)-[ \t]*\n[ \t]*([a-zà-ÿ])")


def dehyphenate(text: str) -> str:
    """Rejoin words that PDF line wrapping split with a hyphen."""
    return _LINE_BREAK_HYPHEN.sub(r"\1\2", text)


def _latin_table() -> dict[int, str]:
    # Accented Latin letters map to their base letter in one translate() step (the common
    # case); anything else still goes through NFD below.
    table = {}
    for code in range(0x00C0, 0x0180):
        base = "".join(
            ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch)
        )
        if len(base) == 1 and base.isascii():
            table[code] = base
    return table


_TRANSLATE.update(_latin_table())


def fold(text: str) -> str:
    """NFC, typographic variants to ASCII, diacritics removed (é -> e, ë -> e). Keeps case."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )
