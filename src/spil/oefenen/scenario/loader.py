"""Reading a scenario file: YAML into records, keeping line numbers for Dutch messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .model import (
    Advies,
    Adviseur,
    Einde,
    Keuze,
    Profiel,
    Rol,
    Scenario,
    Situatie,
    Themaverwijzing,
    Variabele,
)

MAX_BYTES = 512 * 1024


class ScenarioError(ValueError):
    """A scenario that cannot be read; the message is Dutch and names the line."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(f"regel {line}: {message}" if line else message)
        self.line = line


class _Map(dict):
    line = 0


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings remember the line they start on."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    mapping = _Map(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line(record: Any) -> int:
    return getattr(record, "line", 0)


def _text(record: dict, key: str, *, required: bool = True, where: str = "") -> str:
    value = record.get(key)
    if value is None or value == "":
        if required:
            raise ScenarioError(f"{where}'{key}' ontbreekt.", _line(record))
        return ""
    if not isinstance(value, str | int | float):
        raise ScenarioError(f"{where}'{key}' moet tekst zijn.", _line(record))
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def _int(value: Any, what: str, line: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(f"{what} moet een heel getal zijn.", line)
    return value


def _mapping(value: Any, what: str, line: int) -> dict:
    if value is None:
        return _Map()
    if not isinstance(value, dict):
        raise ScenarioError(f"{what} moet een lijst van sleutels en waarden zijn.", line)
    return value


def _effects(value: Any, where: str, line: int) -> dict[str, int]:
    return {
        str(key): _int(delta, f"{where}gevolg '{key}'", _line(value) or line)
        for key, delta in _mapping(value, f"{where}'gevolgen'", line).items()
    }


def _list(value: Any, what: str, line: int) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ScenarioError(f"{what} moet een lijst zijn.", line)
    return value


def _keuze(raw: Any, situatie: str, index: int) -> Keuze:
    if not isinstance(raw, dict):
        raise ScenarioError(f"keuze {index} van situatie '{situatie}' moet velden hebben.")
    line = _line(raw)
    where = f"keuze {index} van '{situatie}': "
    themas = []
    for ref in _list(raw.get("themas"), f"{where}'themas'", line):
        themas.append(Themaverwijzing(thema=_int(ref, f"{where}themanummer", line), line=line))
    per_profiel = {
        str(profiel): _effects(effects, f"{where}profiel '{profiel}' ", line)
        for profiel, effects in _mapping(
            raw.get("per_profiel"), f"{where}'per_profiel'", line
        ).items()
    }
    alleen_bij = tuple(str(p) for p in _list(raw.get("alleen_bij"), f"{where}'alleen_bij'", line))
    return Keuze(
        id=_text(raw, "id", where=where) if raw.get("id") else str(index),
        tekst=_text(raw, "tekst", where=where),
        gevolgen=_effects(raw.get("gevolgen"), where, line),
        per_profiel=per_profiel,
        volgende=_text(raw, "volgende", required=False) or None,
        einde=_text(raw, "einde", required=False) or None,
        nieuws=_text(raw, "nieuws", required=False),
        themas=tuple(themas),
        aspect=_text(raw, "aspect", required=False),
        uitleggen=bool(raw.get("uitleggen", False)),
        alleen_bij=alleen_bij,
        rol=_text(raw, "rol", required=False),
        line=line,
    )


def scenario_from_text(text: str, *, source: str = "") -> Scenario:
    """Read one scenario. Raises ScenarioError with a line number for anything malformed."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ScenarioError("het bestand is groter dan 512 kB.")
    try:
        raw = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else 0
        raise ScenarioError(f"geen geldige YAML ({error.problem}).", line) from error
    except yaml.YAMLError as error:
        raise ScenarioError(f"geen geldige YAML ({error}).") from error
    if not isinstance(raw, dict):
        raise ScenarioError(
            "het bestand moet met velden als 'id', 'titel' en 'situaties' beginnen."
        )

    variabelen = []
    for var_id, spec in _mapping(raw.get("variabelen"), "'variabelen'", _line(raw)).items():
        spec = _mapping(spec, f"variabele '{var_id}'", _line(raw))
        variabelen.append(
            Variabele(
                id=str(var_id),
                label=_text(spec, "label", where=f"variabele '{var_id}': "),
                start=_int(spec.get("start"), f"startwaarde van '{var_id}'", _line(spec)),
                line=_line(spec),
            )
        )
    profielen = [
        Profiel(
            id=str(pid),
            naam=_text(
                _mapping(spec, f"profiel '{pid}'", _line(raw)), "naam", where=f"profiel '{pid}': "
            ),
            beschrijving=_text(spec, "beschrijving", where=f"profiel '{pid}': "),
            line=_line(spec),
        )
        for pid, spec in _mapping(raw.get("profielen"), "'profielen'", _line(raw)).items()
    ]
    adviseurs = [
        Adviseur(
            id=str(aid),
            naam=_text(
                _mapping(spec, f"adviseur '{aid}'", _line(raw)), "naam", where=f"adviseur '{aid}': "
            ),
            functie=_text(spec, "functie", where=f"adviseur '{aid}': "),
            line=_line(spec),
        )
        for aid, spec in _mapping(raw.get("adviseurs"), "'adviseurs'", _line(raw)).items()
    ]
    rollen = [
        Rol(
            id=str(rid),
            naam=_text(_mapping(spec, f"rol '{rid}'", _line(raw)), "naam", where=f"rol '{rid}': "),
            briefing=_text(spec, "briefing", where=f"rol '{rid}': "),
            line=_line(spec),
        )
        for rid, spec in _mapping(raw.get("rollen"), "'rollen'", _line(raw)).items()
    ]
    situaties = {}
    for sid, spec in _mapping(raw.get("situaties"), "'situaties'", _line(raw)).items():
        spec = _mapping(spec, f"situatie '{sid}'", _line(raw))
        where = f"situatie '{sid}': "
        adviezen = []
        for advice in _list(spec.get("adviezen"), f"{where}'adviezen'", _line(spec)):
            advice = _mapping(advice, f"{where}advies", _line(spec))
            adviezen.append(
                Advies(
                    adviseur=_text(advice, "adviseur", where=where),
                    tekst=_text(advice, "tekst", where=where),
                    line=_line(advice),
                )
            )
        keuzes = [
            _keuze(choice, str(sid), i)
            for i, choice in enumerate(
                _list(spec.get("keuzes"), f"{where}'keuzes'", _line(spec)), start=1
            )
        ]
        seconds = spec.get("seconden")
        situaties[str(sid)] = Situatie(
            id=str(sid),
            titel=_text(spec, "titel", where=where),
            tekst=_text(spec, "tekst", where=where),
            per_profiel={
                str(k): str(v).strip()
                for k, v in _mapping(
                    spec.get("per_profiel"), f"{where}'per_profiel'", _line(spec)
                ).items()
            },
            adviezen=tuple(adviezen),
            keuzes=tuple(keuzes),
            seconden=_int(seconds, f"{where}'seconden'", _line(spec))
            if seconds is not None
            else None,
            line=_line(spec),
        )
    eindes = {
        str(eid): Einde(
            id=str(eid),
            titel=_text(
                _mapping(spec, f"einde '{eid}'", _line(raw)), "titel", where=f"einde '{eid}': "
            ),
            tekst=_text(spec, "tekst", where=f"einde '{eid}': "),
            line=_line(spec),
        )
        for eid, spec in _mapping(raw.get("eindes"), "'eindes'", _line(raw)).items()
    }
    minutes = raw.get("minuten", 15)
    return Scenario(
        id=_text(raw, "id"),
        titel=_text(raw, "titel"),
        samenvatting=_text(raw, "samenvatting"),
        gemeente=_text(raw, "gemeente"),
        variabelen=tuple(variabelen),
        profielen=tuple(profielen),
        adviseurs=tuple(adviseurs),
        rollen=tuple(rollen),
        start=_text(raw, "start"),
        situaties=situaties,
        eindes=eindes,
        agenda_trefwoorden=tuple(
            str(w).casefold()
            for w in _list(raw.get("agenda_trefwoorden"), "'agenda_trefwoorden'", 0)
        ),
        minuten=_int(minutes, "'minuten'", _line(raw)),
        source=source,
        line_of={"start": _line(raw)},
    )


def scenario_from_file(path: Path) -> Scenario:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ScenarioError(
            f"{path.name}: kan het bestand niet lezen ({error.strerror})."
        ) from error
    if len(data) > MAX_BYTES:
        raise ScenarioError(f"{path.name}: het bestand is groter dan 512 kB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScenarioError(f"{path.name}: het bestand is geen UTF-8-tekst.") from error
    try:
        return scenario_from_text(text, source=path.name)
    except ScenarioError as error:
        raise ScenarioError(f"{path.name}, {error}") from error
