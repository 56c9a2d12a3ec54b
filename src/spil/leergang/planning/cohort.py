"""The planning input: a cohort file read into typed records, with Dutch messages for bad input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DOELEN = ("verdiepen", "nieuw")


class CohortError(ValueError):
    """Input that cannot be planned as it is; the message is Dutch and names the problem."""


@dataclass(frozen=True)
class Modulevoorkeur:
    rang: int
    doel: str  # "verdiepen" or "nieuw"


@dataclass(frozen=True)
class Deelnemer:
    id: str
    naam: str
    werkgever: str
    eerdere_werkgevers: tuple[str, ...] = ()
    solliciteert_bij: tuple[str, ...] = ()
    achtergrond: str = ""
    stijl: str = ""
    geslacht: str = ""
    modules: Mapping[str, Modulevoorkeur] = field(default_factory=dict)
    coaches: tuple[str, ...] = ()

    def excluded_hosts(self) -> frozenset[str]:
        """Municipalities where an internship would not be independent (by name, folded)."""
        names = (self.werkgever, *self.eerdere_werkgevers, *self.solliciteert_bij)
        return frozenset(name_key(n) for n in names if n)

    def choice_order(self, doel: str) -> list[str]:
        """Module ids this participant marked with `doel`, best rank first."""
        marked = [(pref.rang, mid) for mid, pref in self.modules.items() if pref.doel == doel]
        return [mid for _rang, mid in sorted(marked)]


@dataclass(frozen=True)
class Module:
    id: str
    naam: str
    min: int
    max: int


@dataclass(frozen=True)
class Coach:
    id: str
    naam: str
    organisatie: str
    capaciteit: int
    intervisie: bool = False
    selectiecommissies: tuple[str, ...] = ()
    # How many intervisie groups this coach can lead (only when `intervisie`).
    max_groepen: int = 1

    def conflicts_with(self, deelnemer: Deelnemer) -> str | None:
        """Why this coach may not coach or lead this participant, or None."""
        if self.organisatie and name_key(self.organisatie) == name_key(deelnemer.werkgever):
            return f"{self.naam} werkt bij {deelnemer.werkgever}, de werkgever van {deelnemer.naam}"
        applying = {name_key(g): g for g in deelnemer.solliciteert_bij}
        for gemeente in self.selectiecommissies:
            if name_key(gemeente) in applying:
                return (
                    f"{self.naam} zit in de selectiecommissie van {gemeente}, "
                    f"waar {deelnemer.naam} solliciteert"
                )
        return None


@dataclass(frozen=True)
class Gastgemeente:
    id: str
    naam: str
    grootte: str
    regio: str
    plaatsen_per_ronde: int


@dataclass(frozen=True)
class Instellingen:
    groepsgrootte: int = 5
    stagerondes: int = 2


@dataclass(frozen=True)
class Vastgezet:
    """Assignments that staff locked; the solver keeps them and plans the rest around them."""

    groepen: Mapping[str, int] = field(default_factory=dict)  # deelnemer -> groep number
    groepcoaches: Mapping[int, str] = field(default_factory=dict)  # groep number -> coach
    modules: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # -> (verdiepen, nieuw)
    stages: Mapping[tuple[str, int], str] = field(
        default_factory=dict
    )  # (deelnemer, ronde) -> host
    coaching: Mapping[str, str] = field(default_factory=dict)  # deelnemer -> coach


@dataclass(frozen=True)
class Cohort:
    deelnemers: tuple[Deelnemer, ...]
    modules: tuple[Module, ...]
    coaches: tuple[Coach, ...]
    gastgemeenten: tuple[Gastgemeente, ...]
    instellingen: Instellingen = Instellingen()
    vastgezet: Vastgezet = Vastgezet()

    def deelnemer(self, deelnemer_id: str) -> Deelnemer:
        return next(d for d in self.deelnemers if d.id == deelnemer_id)


def name_key(name: str) -> str:
    """Names compared without case and surrounding space ('Gemeente X' and 'gemeente x' match)."""
    return " ".join(name.casefold().split())


def _text(record: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = record.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str | int):
        raise CohortError(f"{where}: '{key}' moet tekst zijn.")
    value = str(value).strip()
    if required and not value:
        raise CohortError(f"{where}: '{key}' ontbreekt.")
    return value


def _count(record: Mapping[str, Any], key: str, where: str, *, default: int | None = None) -> int:
    value = record.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CohortError(f"{where}: '{key}' moet een heel getal zijn.")
    if value < 0:
        raise CohortError(f"{where}: '{key}' mag niet negatief zijn.")
    return value


def _names(record: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = record.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CohortError(f"{where}: '{key}' moet een lijst met namen zijn.")
    return tuple(v.strip() for v in value if v.strip())


def _records(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise CohortError(f"'{key}' ontbreekt of is leeg.")
    if not all(isinstance(item, dict) for item in value):
        raise CohortError(f"'{key}' moet een lijst met objecten zijn.")
    return value


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise CohortError(f"{what} '{item}' komt twee keer voor.")
        seen.add(item)


def cohort_from_dict(data: Any) -> Cohort:
    """Read the cohort file's JSON structure; raise CohortError naming the first problem."""
    if not isinstance(data, dict):
        raise CohortError("Het bestand moet één JSON-object bevatten.")

    modules = []
    for i, record in enumerate(_records(data, "modules"), start=1):
        where = f"module {i}"
        module_id = _text(record, "id", where)
        where = f"module '{module_id}'"
        lo, hi = _count(record, "min", where, default=0), _count(record, "max", where)
        if hi == 0 or lo > hi:
            raise CohortError(f"{where}: 'min' ({lo}) moet kleiner zijn dan 'max' ({hi}).")
        modules.append(Module(module_id, _text(record, "naam", where), lo, hi))
    _unique([m.id for m in modules], "Module")
    module_ids = {m.id for m in modules}

    coaches = []
    for i, record in enumerate(_records(data, "coaches"), start=1):
        coach_id = _text(record, "id", f"coach {i}")
        where = f"coach '{coach_id}'"
        intervisie = record.get("intervisie", False)
        if not isinstance(intervisie, bool):
            raise CohortError(f"{where}: 'intervisie' moet true of false zijn.")
        coaches.append(
            Coach(
                id=coach_id,
                naam=_text(record, "naam", where),
                organisatie=_text(record, "organisatie", where, required=False),
                capaciteit=_count(record, "capaciteit", where),
                intervisie=intervisie,
                selectiecommissies=_names(record, "selectiecommissies", where),
                max_groepen=_count(record, "max_groepen", where, default=1),
            )
        )
    _unique([c.id for c in coaches], "Coach")
    coach_ids = {c.id for c in coaches}

    hosts = []
    for i, record in enumerate(_records(data, "gastgemeenten"), start=1):
        host_id = _text(record, "id", f"gastgemeente {i}")
        where = f"gastgemeente '{host_id}'"
        hosts.append(
            Gastgemeente(
                id=host_id,
                naam=_text(record, "naam", where),
                grootte=_text(record, "grootte", where, required=False),
                regio=_text(record, "regio", where, required=False),
                plaatsen_per_ronde=_count(record, "plaatsen_per_ronde", where, default=2),
            )
        )
    _unique([h.id for h in hosts], "Gastgemeente")

    deelnemers = []
    for i, record in enumerate(_records(data, "deelnemers"), start=1):
        deelnemer_id = _text(record, "id", f"deelnemer {i}")
        where = f"deelnemer '{deelnemer_id}'"
        prefs_raw = record.get("modules") or {}
        if not isinstance(prefs_raw, dict):
            raise CohortError(
                f"{where}: 'modules' moet een object zijn (module-id → rang en doel)."
            )
        prefs = {}
        for module_id, pref in prefs_raw.items():
            if module_id not in module_ids:
                raise CohortError(f"{where}: onbekende module '{module_id}'.")
            if not isinstance(pref, dict):
                raise CohortError(f"{where}: voorkeur voor '{module_id}' moet rang en doel hebben.")
            doel = pref.get("doel")
            if doel not in DOELEN:
                raise CohortError(
                    f"{where}: doel voor '{module_id}' moet 'verdiepen' of 'nieuw' zijn."
                )
            rang = _count(pref, "rang", f"{where}, module '{module_id}'")
            prefs[module_id] = Modulevoorkeur(rang=rang, doel=doel)
        coach_prefs = _names(record, "coaches", where)
        for coach_id in coach_prefs:
            if coach_id not in coach_ids:
                raise CohortError(f"{where}: onbekende coach '{coach_id}'.")
        deelnemers.append(
            Deelnemer(
                id=deelnemer_id,
                naam=_text(record, "naam", where),
                werkgever=_text(record, "werkgever", where),
                eerdere_werkgevers=_names(record, "eerdere_werkgevers", where),
                solliciteert_bij=_names(record, "solliciteert_bij", where),
                achtergrond=_text(record, "achtergrond", where, required=False),
                stijl=_text(record, "stijl", where, required=False),
                geslacht=_text(record, "geslacht", where, required=False),
                modules=prefs,
                coaches=coach_prefs,
            )
        )
    _unique([d.id for d in deelnemers], "Deelnemer")

    settings_raw = data.get("instellingen") or {}
    if not isinstance(settings_raw, dict):
        raise CohortError("'instellingen' moet een object zijn.")
    instellingen = Instellingen(
        groepsgrootte=_count(settings_raw, "groepsgrootte", "instellingen", default=5),
        stagerondes=_count(settings_raw, "stagerondes", "instellingen", default=2),
    )
    if instellingen.groepsgrootte < 2:
        raise CohortError("instellingen: 'groepsgrootte' moet minstens 2 zijn.")
    if instellingen.stagerondes < 1:
        raise CohortError("instellingen: 'stagerondes' moet minstens 1 zijn.")

    cohort = Cohort(
        deelnemers=tuple(deelnemers),
        modules=tuple(modules),
        coaches=tuple(coaches),
        gastgemeenten=tuple(hosts),
        instellingen=instellingen,
    )
    return _with_locks(cohort, data.get("vastgezet"))


def _with_locks(cohort: Cohort, raw: Any) -> Cohort:
    if not raw:
        return cohort
    if not isinstance(raw, dict):
        raise CohortError("'vastgezet' moet een object zijn.")
    people = {d.id for d in cohort.deelnemers}
    coaches = {c.id for c in cohort.coaches}
    modules = {m.id for m in cohort.modules}
    hosts = {h.id for h in cohort.gastgemeenten}

    def known(value: Any, pool: set[str], what: str) -> str:
        if value not in pool:
            raise CohortError(f"vastgezet: onbekende {what} '{value}'.")
        return value

    groepen, groepcoaches = {}, {}
    for item in raw.get("intervisiegroepen", []):
        groep = _count(item, "groep", "vastgezet intervisiegroep")
        if item.get("coach"):
            groepcoaches[groep] = known(item["coach"], coaches, "coach")
        for person in item.get("deelnemers", []):
            groepen[known(person, people, "deelnemer")] = groep
    mods = {
        known(item.get("deelnemer"), people, "deelnemer"): (
            known(item.get("verdiepen"), modules, "module"),
            known(item.get("nieuw"), modules, "module"),
        )
        for item in raw.get("modules", [])
    }
    stages = {
        (
            known(item.get("deelnemer"), people, "deelnemer"),
            _count(item, "ronde", "vastgezet stage"),
        ): known(item.get("gastgemeente"), hosts, "gastgemeente")
        for item in raw.get("stages", [])
    }
    coaching = {
        known(item.get("deelnemer"), people, "deelnemer"): known(
            item.get("coach"), coaches, "coach"
        )
        for item in raw.get("coaching", [])
    }
    return Cohort(
        deelnemers=cohort.deelnemers,
        modules=cohort.modules,
        coaches=cohort.coaches,
        gastgemeenten=cohort.gastgemeenten,
        instellingen=cohort.instellingen,
        vastgezet=Vastgezet(groepen, groepcoaches, mods, stages, coaching),
    )


def group_sizes(n: int, size: int) -> list[int]:
    """Sizes of the intervisie groups: all `size` when it divides n, else within size ± 1.

    Raises CohortError when no such split exists (e.g. 3 people with groups of 5).
    """
    if n % size == 0:
        return [size] * (n // size)
    for groups in sorted(
        {max(1, round(n / size)), n // size, n // size + 1}, key=lambda g: abs(g * size - n)
    ):
        if groups and (size - 1) * groups <= n <= (size + 1) * groups:
            base, extra = divmod(n, groups)
            return [base + 1] * extra + [base] * (groups - extra)
    raise CohortError(
        f"Intervisiegroepen: {n} deelnemers zijn niet te verdelen in groepen van "
        f"{size - 1} tot {size + 1}."
    )
