"""The mirror inside an entry: the user's own figures for the four weeks before it.

Agenda figures come from the agenda's own selectors (the same `spiegel_analyse` the
agenda-spiegel page uses), so they equal the mirror's for the same weeks. Network figures come
from the netwerk app through `netwerk_kerncijfers`, the single boundary with that app.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from datetime import date

from spil.agenda import selectors as agenda_selectors
from spil.agenda.classification import WORK_DOMAINS
from spil.agenda.reference import SURVEY_CITATION, SURVEY_RESPONDENTS

GEEN_NETWERK = "nog geen netwerkgegevens"


def _netwerk_provider() -> Callable | None:
    if importlib.util.find_spec("spil.netwerk") is None:
        return None
    try:
        module = importlib.import_module("spil.netwerk.selectors")
    except ImportError:
        return None
    return getattr(module, "netwerk_kerncijfers", None)


def netwerk_kerncijfers(
    *, user, van: date, tot: date, provider: Callable | None = None
) -> dict | None:
    """The netwerk app's key figures for [van, tot], or None when there are none (or no app)."""
    provider = provider or _netwerk_provider()
    if provider is None:
        return None
    figures = provider(user=user, van=van, tot=tot)
    if not figures:
        return None
    return {
        "minuten_extern": int(figures["minuten_extern"]),
        "sectoren": {str(k): int(v) for k, v in figures["sectoren"].items()},
        "top5_aandeel": round(float(figures["top5_aandeel"]), 3),
        "hhi": round(float(figures["hhi"]), 3),
        "organisaties": int(figures["organisaties"]),
        "nieuwe_contacten": int(figures["nieuwe_contacten"]),
        "vormen": {str(k): int(v) for k, v in figures["vormen"].items()},
        "periodiek_aandeel": round(float(figures["periodiek_aandeel"]), 3),
    }


def _agenda_figures(*, user, van: date, tot: date) -> dict | None:
    if not agenda_selectors.afspraak_list(owner=user, van=van, tot=tot).exists():
        return None
    analysis = agenda_selectors.spiegel_analyse(owner=user, van=van, tot=tot)
    work = sum(analysis.totals[d] for d in WORK_DOMAINS)
    weeks = [w.as_dict() for w in analysis.weeks]
    chains = next((s for s in analysis.signals if s.kind == "keten"), None)
    werktijd = sum(w["werktijd_minuten"] for w in weeks)
    geboekt = sum(w["geboekt_minuten"] for w in weeks)
    recurring = one_off = 0
    for row in agenda_selectors.afspraak_list(owner=user, van=van, tot=tot).filter(
        domein__in=WORK_DOMAINS, hele_dag=False
    ):
        if row.reeks:
            recurring += row.minuten
        else:
            one_off += row.minuten
    return {
        "werk_minuten": work,
        "tijdverdeling": analysis.comparison(),
        "bron": SURVEY_CITATION,
        "n": SURVEY_RESPONDENTS,
        "verlof_dagen": analysis.leave_days,
        "tempo": {
            "ketens": len(chains.details) if chains else 0,
            "keten_lengte": analysis.thresholds.chain_length,
            "ongepland_minuten": sum(w["ongepland_minuten"] for w in weeks),
            "werktijd_minuten": werktijd,
            "geboekt_aandeel": round(geboekt / werktijd, 3) if werktijd else 0.0,
        },
        "script": {
            "terugkerend_minuten": recurring,
            "eenmalig_minuten": one_off,
            "terugkerend_aandeel": round(recurring / (recurring + one_off), 3)
            if recurring + one_off
            else 0.0,
        },
    }


def spiegel_cijfers(
    *, user, van: date, tot: date, netwerk_provider: Callable | None = None
) -> dict:
    """Everything an entry freezes: period, agenda figures and network figures (or None)."""
    return {
        "van": van.isoformat(),
        "tot": tot.isoformat(),
        "agenda": _agenda_figures(user=user, van=van, tot=tot),
        "netwerk": netwerk_kerncijfers(user=user, van=van, tot=tot, provider=netwerk_provider),
    }


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _uren(minutes: int) -> str:
    return f"{minutes / 60:.1f}".replace(".", ",")


def aspect_regels(spiegel: dict, aspect: str) -> list[str]:
    """Dutch lines with the figures that belong to one aspect; empty when there are none."""
    agenda = spiegel.get("agenda")
    netwerk = spiegel.get("netwerk")
    lines: list[str] = []
    if aspect == "tijdverdeling" and agenda and agenda["werk_minuten"]:
        for row in agenda["tijdverdeling"]:
            lines.append(
                f"{row['label']}: {row['aandeel']:.0f}% van je tijd (doel {row['doel']:.0f}%, "
                f"enquête ongeveer {row['referentie']}%, n={agenda['n']})"
            )
        lines.append(f"Bron enquête: {agenda['bron']}")
    elif aspect == "tempo" and agenda:
        tempo = agenda["tempo"]
        lines.append(
            f"{tempo['ketens']} keer {tempo['keten_lengte']} of meer afspraken achter elkaar "
            "zonder pauze"
        )
        lines.append(
            f"{_uren(tempo['ongepland_minuten'])} uur ongeplande tijd in blokken, van "
            f"{_uren(tempo['werktijd_minuten'])} uur werktijd ({_pct(tempo['geboekt_aandeel'])} "
            "geboekt)"
        )
    elif aspect == "script":
        if agenda:
            script = agenda["script"]
            lines.append(
                f"Terugkerende afspraken: {_uren(script['terugkerend_minuten'])} uur, eenmalige: "
                f"{_uren(script['eenmalig_minuten'])} uur ({_pct(script['terugkerend_aandeel'])} "
                "terugkerend)"
            )
        if netwerk:
            lines.append(
                f"Contact buiten in vaste overleggen: {_pct(netwerk['periodiek_aandeel'])}"
            )
    elif aspect == "actoren" and netwerk:
        lines.append(
            f"{len(netwerk['sectoren'])} sectoren en {netwerk['organisaties']} organisaties "
            f"gesproken; de vijf grootste namen {_pct(netwerk['top5_aandeel'])} van de tijd"
        )
        lines.append(f"Nieuwe contacten: {netwerk['nieuwe_contacten']}")
    elif aspect == "podia" and netwerk and netwerk["vormen"]:
        vormen = ", ".join(f"{k} {_uren(v)} uur" for k, v in sorted(netwerk["vormen"].items()))
        lines.append(f"Vormen van contact buiten: {vormen}")
    return lines


def netwerk_status(spiegel: dict) -> str | None:
    return None if spiegel.get("netwerk") else GEEN_NETWERK
