"""The `spil netwerk analyse --json` report: from classified occurrences to organisations,
sector minutes, concentration, forms and introductions, without storage. Pure: no Django."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from spil.agenda.analysis import Item, Thresholds, minutes_by_day

from . import analysis
from .derive import AgendaRecord, derive
from .rules import SECTOR_LABELS


def clipped_minutes(record: AgendaRecord, van: date, tot: date, thresholds: Thresholds) -> int:
    """The minutes the agenda-spiegel counts for this occurrence on days in [van, tot]."""
    item = Item(
        uid=record.key,
        start=record.start,
        end=record.end,
        title=record.title,
        domain=record.domain,
        all_day=record.all_day,
        availability=record.availability,
        personal=record.personal,
    )
    return sum(m for d, m in minutes_by_day(item, thresholds) if van <= d <= tot)


def network_report(
    records: list[AgendaRecord],
    own_domains: list[str],
    *,
    van: date,
    tot: date,
    thresholds: Thresholds | None = None,
    top: int = 10,
) -> dict:
    thresholds = thresholds or Thresholds()
    derived = derive(records, own_domains)
    contacts = {c.key: c for c in derived.contacts}
    organisations = {
        domain: analysis.Organisation(
            domain,
            proposal.name,
            SECTOR_LABELS.get(proposal.sector) if proposal.sector else None,
        )
        for domain, proposal in derived.proposals.items()
    }
    people = {
        address: analysis.Person(address, name, domain)
        for address, (name, domain) in derived.people.items()
    }
    moments = []
    for record in records:
        minutes = clipped_minutes(record, van, tot, thresholds)
        contact = contacts.get(record.key)
        if contact is None and record.domain != "omgeving":
            continue
        if not (van <= record.start.date() <= tot) and not minutes:
            continue
        moments.append(
            analysis.Moment(
                key=record.key,
                day=max(van, record.start.date()),
                minutes=minutes,
                domain=record.domain,
                form=contact.form if contact else _form(record),
                people=contact.people if contact else (),
                organisations=contact.domains if contact else (),
                title=record.title,
            )
        )
    figures = analysis.kerncijfers(moments, organisations, van=van, tot=tot)
    count: dict[str, int] = defaultdict(int)
    last: dict[str, date] = {}
    for moment in moments:
        for domain in moment.organisations:
            count[domain] += 1
            last[domain] = max(last.get(domain, moment.day), moment.day)
    org_rows = []
    for domain, proposal in sorted(derived.proposals.items()):
        org_rows.append(
            {
                "naam": proposal.name,
                "domeinen": [domain],
                "sector": SECTOR_LABELS.get(proposal.sector) if proposal.sector else None,
                "reden": proposal.reason,
                "intern": proposal.intern,
                "contacten": count.get(domain, 0),
                "minuten": figures.organisaties.get(domain, 0),
                "laatste_contact": last[domain].isoformat() if domain in last else None,
            }
        )
    graph = analysis.co_attendance_graph(m for m in moments if m.people)
    intros = analysis.introductions(graph, people, organisations, today=tot, top=top)
    return {
        "van": van.isoformat(),
        "tot": tot.isoformat(),
        "organisaties": org_rows,
        "sectoren": figures.sectoren,
        "concentratie": {
            "top5_aandeel": round(figures.top5_aandeel, 4),
            "hhi": round(figures.hhi, 4),
        },
        "vormen": figures.vormen,
        "introducties": [{"a": i.a, "b": i.b, "reden": i.reason} for i in intros],
        "deelnemers_zonder_adres": derived.without_address,
        "onleesbare_deelnemers": derived.unreadable,
    }


def _form(record: AgendaRecord) -> str:
    from .rules import meeting_form

    return meeting_form(title=record.title, location=record.location, recurring=record.recurring)[0]
