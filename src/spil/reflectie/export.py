"""The owner's export of reflectie: JSON and Markdown. Only ever built for the owner."""

from __future__ import annotations

from . import selectors
from .ritme import RITME_LABELS
from .spiegel import aspect_regels
from .vragen import ASPECT_BY_KEY, KWALITEIT_BY_KEY, POLARITEIT_BY_KEY, TOONSOORTEN


def export_data(*, user) -> dict:
    momenten = []
    for moment in selectors.moment_list(user=user).order_by("datum", "id"):
        content = selectors.moment_inhoud(moment=moment)
        momenten.append(
            {
                "titel": selectors.moment_titel(moment),
                "ritme": moment.ritme,
                "periode": moment.sleutel,
                "aspect": moment.aspect,
                "datum": moment.datum.isoformat(),
                "status": moment.status,
                "vragen": [
                    {**v, "antwoord": content["antwoorden"].get(v["id"], "")}
                    for v in content["vragen"]
                ],
                "kwaliteiten": content["scores"],
                "toonsoorten": content["toon"],
                "rollen": content["rollen"],
                "spiegel": content["spiegel"],
                "gedeeld_met": [
                    d.ontvanger.get_username()
                    for d in selectors.deling_list(user=user, moment=moment)
                ],
            }
        )
    return {
        "gebruiker": user.get_username(),
        "momenten": momenten,
        "voornemens": [
            {
                "tekst": selectors.voornemen_tekst(v),
                "opvolgdatum": v.opvolgdatum.isoformat(),
                "opgevolgd": v.opgevolgd_in_id is not None,
            }
            for v in selectors.voornemen_list(user=user)
        ],
        "eigen_vragen": [
            {"tekst": tekst, "aspect": v.aspect}
            for v, tekst in selectors.eigenvraag_list(user=user)
        ],
        "toegangslog": [
            {
                "moment": t.object_label,
                "lezer": t.actor_name,
                "tijdstip": t.at.isoformat(),
            }
            for t in selectors.toegang_list(user=user)
        ],
    }


def export_markdown(*, user) -> str:
    data = export_data(user=user)
    lines = [f"# Reflectie van {data['gebruiker']}", ""]
    if not data["momenten"]:
        lines += ["Nog geen reflectiemomenten.", ""]
    for m in data["momenten"]:
        status = "" if m["status"] == "klaar" else " (concept)"
        lines += [f"## {m['titel']}{status}", "", f"Datum: {m['datum']}", ""]
        if m["aspect"]:
            lines += [f"Aspect: {ASPECT_BY_KEY[m['aspect']].label}", ""]
        figures = [
            line
            for key in ("tijdverdeling", "tempo", "script", "actoren", "podia")
            for line in aspect_regels(m["spiegel"], key)
        ]
        if figures:
            lines += [
                f"Cijfers van {m['spiegel']['van']} tot en met {m['spiegel']['tot']}:",
                "",
            ]
            lines += [f"- {line}" for line in figures] + [""]
        for v in m["vragen"]:
            lines += [f"### {v['tekst']}", "", v["antwoord"].strip() or "_(geen antwoord)_", ""]
        if m["kwaliteiten"]:
            lines += ["### Kwaliteiten (-2 te weinig … 0 in balans … +2 te veel)", ""]
            lines += [f"- {KWALITEIT_BY_KEY[k].label}: {v:+d}" for k, v in m["kwaliteiten"].items()]
            lines.append("")
        if m["toonsoorten"]:
            lines += ["### Toonsoorten (100 punten)", ""]
            lines += [f"- {t.label}: {m['toonsoorten'].get(t.key, 0)}" for t in TOONSOORTEN]
            lines.append("")
        if m["rollen"]:
            lines += ["### Rollen (-2 linkerpool … +2 rechterpool)", ""]
            for k, v in m["rollen"].items():
                pol = POLARITEIT_BY_KEY[k]
                lines.append(f"- {pol.links} / {pol.rechts}: {v:+d}")
            lines.append("")
    if data["voornemens"]:
        lines += ["## Voornemens", ""]
        for v in data["voornemens"]:
            done = "opgevolgd" if v["opgevolgd"] else "open"
            lines.append(f"- {v['tekst']} (terugkomen op {v['opvolgdatum']}, {done})")
        lines.append("")
    if data["eigen_vragen"]:
        lines += ["## Eigen vragen", ""] + [f"- {v['tekst']}" for v in data["eigen_vragen"]] + [""]
    if data["toegangslog"]:
        lines += ["## Toegangslog", ""]
        lines += [f"- {t['tijdstip']}: {t['lezer']} las {t['moment']}" for t in data["toegangslog"]]
        lines.append("")
    return "\n".join(lines)


def ritme_label(ritme: str) -> str:
    return RITME_LABELS[ritme]
