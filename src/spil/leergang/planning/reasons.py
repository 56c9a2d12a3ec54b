"""One Dutch sentence per assignment: why this participant got this group, module, host or coach."""

from __future__ import annotations

from collections import Counter

from .cohort import Coach, Cohort, Deelnemer, Gastgemeente

_ORDINALS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde"}


def ordinal(n: int) -> str:
    return _ORDINALS.get(n, f"{n}e")


def _spread(members: list[Deelnemer], attribute: str, label: str) -> str | None:
    values = Counter(getattr(m, attribute) for m in members if getattr(m, attribute))
    if not values:
        return None
    return f"{len(values)} {label}"


def group_reason(*, members: list[Deelnemer], coach: Coach) -> str:
    employers = {m.werkgever.casefold() for m in members}
    parts = [
        f"{len(members)} deelnemers van {len(employers)} verschillende werkgevers",
        f"coach {coach.naam} werkt bij geen van hun organisaties",
    ]
    spread = [
        s
        for s in (
            _spread(members, "achtergrond", "achtergronden"),
            _spread(members, "stijl", "stijlen"),
        )
        if s
    ]
    genders = Counter(m.geslacht for m in members if m.geslacht)
    if len(genders) > 1:
        spread.append("gemengd naar geslacht")
    if spread:
        parts.append("spreiding: " + ", ".join(spread))
    return "; ".join(parts)


def _module_part(
    *,
    cohort: Cohort,
    deelnemer: Deelnemer,
    doel: str,
    module_id: str,
    counts: dict[str, int],
    running: set[str],
) -> str:
    names = {m.id: m.naam for m in cohort.modules}
    maxima = {m.id: m.max for m in cohort.modules}
    label = "verdiepen" if doel == "verdiepen" else "nieuw"
    order = deelnemer.choice_order(doel)
    choice = order.index(module_id) + 1
    if choice == 1:
        return f"{label}: {names[module_id]}, je eerste keus"
    better = order[: choice - 1]
    why = []
    for mid in better:
        if mid not in running:
            why.append(f"{names[mid]} gaat niet door (te weinig aanmeldingen)")
        elif counts[mid] >= maxima[mid]:
            why.append(f"{names[mid]} zat vol")
        else:
            why.append(f"{names[mid]} ging naar wie anders een slechtere keus kreeg")
    return f"{label}: {names[module_id]}, je {ordinal(choice)} keus; " + ", ".join(why)


def module_reason(
    *,
    cohort: Cohort,
    deelnemer: Deelnemer,
    verdiepen: str,
    nieuw: str,
    counts: dict[str, int],
    running: set[str],
) -> str:
    if not deelnemer.modules:
        return "geen voorkeuren opgegeven; ingedeeld bij twee modules met plaats"
    return "; ".join(
        _module_part(
            cohort=cohort,
            deelnemer=deelnemer,
            doel=doel,
            module_id=module_id,
            counts=counts,
            running=running,
        )
        for doel, module_id in (("verdiepen", verdiepen), ("nieuw", nieuw))
    )


def _describe(host: Gastgemeente) -> str:
    facts = [f for f in (host.grootte, f"regio {host.regio}" if host.regio else "") if f]
    return f"{host.naam} ({', '.join(facts)})" if facts else host.naam


def stage_reason(*, deelnemer: Deelnemer, ronde: int, hosts: list[Gastgemeente]) -> str:
    host = hosts[ronde - 1]
    if ronde == 1:
        return (
            f"eerste stage bij {_describe(host)}; niet je eigen, een vorige of een "
            "sollicitatiegemeente"
        )
    first = hosts[0]
    differs = []
    same = []
    for attribute, word in (("regio", "regio"), ("grootte", "grootte")):
        a, b = getattr(first, attribute), getattr(host, attribute)
        if a and b:
            (differs if a != b else same).append(word)
    if differs and not same:
        contrast = f"andere {' en '.join(differs)} dan je eerste stage ({first.naam})"
    elif differs:
        contrast = (
            f"andere {' en '.join(differs)} dan je eerste stage ({first.naam}); zelfde "
            f"{' en '.join(same)}, meer contrast paste niet binnen de plaatsen"
        )
    elif same:
        contrast = (
            f"zelfde {' en '.join(same)} als je eerste stage ({first.naam}); meer contrast paste "
            "niet binnen de plaatsen"
        )
    else:
        contrast = f"een andere gemeente dan je eerste stage ({first.naam})"
    return f"stage {ronde} bij {_describe(host)}: {contrast}"


def coach_reason(
    *, deelnemer: Deelnemer, coach: Coach, coaches: dict[str, Coach], load: dict[str, int]
) -> str:
    if not deelnemer.coaches:
        return f"geen voorkeur opgegeven; {coach.naam} had plaats"
    if coach.id in deelnemer.coaches:
        rank = deelnemer.coaches.index(coach.id) + 1
        if rank == 1:
            return f"{coach.naam}, je eerste keus"
        better = deelnemer.coaches[: rank - 1]
    else:
        rank = None
        better = list(deelnemer.coaches)
    why = []
    for cid in better:
        other = coaches[cid]
        if conflict := other.conflicts_with(deelnemer):
            why.append(f"{other.naam} is uitgesloten: {conflict}")
        elif load.get(cid, 0) >= other.capaciteit:
            why.append(f"{other.naam} had geen plaats meer")
        else:
            why.append(f"{other.naam} ging naar wie anders een slechtere keus kreeg")
    choice = f"je {ordinal(rank)} keus" if rank else "niet op je lijst"
    return f"{coach.naam}, {choice}; " + "; ".join(why)
