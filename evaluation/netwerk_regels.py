"""What the netwerk rule list proposes on the example calendars, without any correction.

    .venv/bin/python evaluation/netwerk_regels.py [MAP]

MAP defaults to ../shared/agenda (voorbeeld-*.ics). For every calendar: which mail domains
became external organisations, the sector proposed for each against the sector a reader of
the calendar would choose (our own judgement, below), whether the own domain is intern, and
whether the sector minutes add up to the agenda-spiegel's omgeving minutes.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from spil.agenda.classification import Classifier, infer_own_domains  # noqa: E402
from spil.agenda.pipeline import analyse_parsed, classify_all, parse_calendar_file  # noqa: E402
from spil.netwerk.derive import AgendaRecord  # noqa: E402
from spil.netwerk.report import network_report  # noqa: E402
from spil.netwerk.rules import SECTOR_LABELS  # noqa: E402

# The sector we would choose for each external domain of the example calendars, judged from
# the appointment titles (corporation visits, the safety region's board, an ROC director...).
EXPECTED = {
    "regiozuid.nl": "regio",
    "woongoed.nl": "wonen",
    "vrzuid.nl": "veiligheid",
    "rocwest.nl": "onderwijs",
    "zorggroepwest.nl": "zorg",
    "ondernemersdijkveen.nl": "bedrijfsleven",
}
OWN = "dijkveen.nl"


def evaluate(path: Path) -> tuple[int, int, bool]:
    tz = ZoneInfo("Europe/Amsterdam")
    van, tot = date(2025, 1, 1), date(2025, 12, 31)
    parsed = parse_calendar_file(
        path.read_bytes(), filename=path.name, tz=tz, today=tot, van=van, tot=tot
    )
    own = infer_own_domains(parsed.occurrences)
    classified = classify_all(parsed.occurrences, Classifier(own_domains=own))
    mirror = analyse_parsed(parsed, classified)
    records = [
        AgendaRecord(
            key=f"{o.uid}\x1f{o.recurrence_key}",
            start=o.start,
            end=o.end,
            title=o.title,
            location=o.location,
            attendees=o.attendees,
            organizer=o.organizer,
            recurring=o.recurring,
            domain=v.domain,
            all_day=o.all_day,
            availability=o.availability,
            personal=v.personal,
        )
        for o, v in classified
    ]
    report = network_report(records, own, van=van, tot=parsed.window_end - timedelta(days=1))
    print(f"\n{path.name}: eigen domein afgeleid: {', '.join(own) or '—'}")
    correct = total = 0
    intern_ok = False
    external = set()
    for org in report["organisaties"]:
        domain = org["domeinen"][0]
        if org["intern"]:
            intern_ok = domain == OWN
            print(f"  {domain:<26} intern{'' if intern_ok else '  (FOUT)'}")
            continue
        external.add(domain)
        expected = SECTOR_LABELS.get(EXPECTED.get(domain, ""), "?")
        ok = org["sector"] == expected
        total += 1
        correct += ok
        mark = "goed" if ok else f"FOUT, verwacht {expected}"
        print(f"  {domain:<26} {org['sector'] or 'geen sector':<45} {mark}")
    missing = set(EXPECTED) - external
    extra = external - set(EXPECTED)
    if missing or extra:
        print(f"  ontbrekend: {sorted(missing)}; onverwacht: {sorted(extra)}")
    sums_ok = sum(report["sectoren"].values()) == mirror.totals["omgeving"]
    print(
        f"  sectorminuten {sum(report['sectoren'].values())} = omgevingsminuten spiegel "
        f"{mirror.totals['omgeving']}: {'ja' if sums_ok else 'NEE'}; "
        f"{len(report['introducties'])} introducties, bijvoorbeeld:"
    )
    for intro in report["introducties"][:2]:
        print(f"    - {intro['reden']}")
    return correct, total + len(missing), intern_ok and sums_ok and not extra


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO.parent / "shared" / "agenda"
    files = sorted(folder.glob("voorbeeld-*.ics"))
    if not files:
        print(f"Geen voorbeeldagenda's gevonden in {folder}", file=sys.stderr)
        return 2
    all_ok = True
    correct = total = 0
    for path in files:
        c, t, ok = evaluate(path)
        correct += c
        total += t
        all_ok &= ok
    print(f"\nSector goed voorgesteld: {correct} van {total} externe domeinen.")
    return 0 if all_ok and correct == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
