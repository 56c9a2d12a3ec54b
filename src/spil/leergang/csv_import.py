"""Reading a participants file (CSV) for a cohort: pure, with Dutch messages naming the row.

Columns (header row, in any order, case-insensitive): naam, e-mail, werkgever and optionally
eerdere werkgevers, solliciteert bij, achtergrond, stijl, geslacht. Separator comma or
semicolon (Excel in Dutch uses a semicolon).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

REQUIRED = ("naam", "e-mail")
COLUMNS = {
    "naam": "naam",
    "e-mail": "email",
    "email": "email",
    "e-mailadres": "email",
    "werkgever": "werkgever",
    "eerdere werkgevers": "eerdere_werkgevers",
    "solliciteert bij": "solliciteert_bij",
    "achtergrond": "achtergrond",
    "stijl": "stijl",
    "geslacht": "geslacht",
}
KNOWN = sorted(set(COLUMNS) - {"email", "e-mailadres"})
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_ROWS = 1000


class ImportError_(ValueError):
    """The file cannot be read as a participants list; the message is Dutch."""


@dataclass(frozen=True)
class Rij:
    regel: int
    naam: str
    email: str
    werkgever: str = ""
    eerdere_werkgevers: str = ""
    solliciteert_bij: str = ""
    achtergrond: str = ""
    stijl: str = ""
    geslacht: str = ""


def rows_parse(data: bytes, *, filename: str) -> list[Rij]:
    """All rows, or ImportError_ naming the file, the row and the problem (nothing partial)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportError_(f"{filename}: het bestand is geen UTF-8-tekst.") from error
    if not text.strip():
        raise ImportError_(f"{filename}: het bestand is leeg.")
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().casefold() for h in next(reader)]
    for needed in REQUIRED:
        if needed not in header and not (
            needed == "e-mail" and {"email", "e-mailadres"} & set(header)
        ):
            raise ImportError_(f"{filename}: de kolom '{needed}' ontbreekt in de eerste regel.")
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise ImportError_(
            f"{filename}: onbekende kolom '{unknown[0]}'. Gebruik: {', '.join(KNOWN)}."
        )
    rows: list[Rij] = []
    seen: dict[str, int] = {}
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise ImportError_(f"{filename}, regel {number}: meer velden dan kolommen.")
        record = {COLUMNS[h]: v.strip() for h, v in zip(header, values, strict=False) if h}
        if not record.get("naam"):
            raise ImportError_(f"{filename}, regel {number}: de naam ontbreekt.")
        email = record.get("email", "").casefold()
        if not EMAIL.match(email):
            raise ImportError_(
                f"{filename}, regel {number}: '{record.get('email', '')}' "
                "is geen geldig e-mailadres."
            )
        if email in seen:
            raise ImportError_(
                f"{filename}, regel {number}: {email} staat ook al op regel {seen[email]}."
            )
        seen[email] = number
        record["email"] = email
        rows.append(Rij(regel=number, **record))
        if len(rows) > MAX_ROWS:
            raise ImportError_(f"{filename}: meer dan {MAX_ROWS} deelnemers.")
    if not rows:
        raise ImportError_(f"{filename}: geen deelnemers gevonden onder de kopregel.")
    return rows
