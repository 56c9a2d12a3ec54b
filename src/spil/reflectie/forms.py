from __future__ import annotations

from django import forms

from .vragen import ASPECTEN, BALANS_POSITIES, KWALITEITEN, POLARITEITEN, TOONSOORTEN

BALANS_CHOICES = [(str(v), label) for v, label in BALANS_POSITIES]


class MomentForm(forms.Form):
    """Answers for the entry's questions; monthly adds quality balances, quarterly the tone
    spread and role positions; every entry may add one intention."""

    voornemen = forms.CharField(
        label="Nieuw voornemen (optioneel)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    opvolgdatum = forms.DateField(
        label="Terugkomen op",
        required=False,
        help_text="Op of na deze datum komt het voornemen terug als vraag in je check-in.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, vragen: list[dict], ritme: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.vragen = vragen
        self.ritme = ritme
        for vraag in vragen:
            self.fields[f"antwoord_{vraag['id']}"] = forms.CharField(
                label=vraag["tekst"],
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 4, "data-autosave": vraag["id"]}),
            )
        if ritme == "maand":
            for k in KWALITEITEN:
                self.fields[f"score_{k.key}"] = forms.TypedChoiceField(
                    label=k.label,
                    choices=BALANS_CHOICES,
                    coerce=int,
                    required=False,
                    widget=forms.RadioSelect,
                    help_text=f"Te weinig: {k.te_weinig}. Te veel: {k.te_veel}.",
                )
        if ritme == "kwartaal":
            for t in TOONSOORTEN:
                self.fields[f"toon_{t.key}"] = forms.IntegerField(
                    label=t.label,
                    min_value=0,
                    max_value=100,
                    required=False,
                    help_text=t.omschrijving,
                )
            for p in POLARITEITEN:
                self.fields[f"rol_{p.key}"] = forms.TypedChoiceField(
                    label=f"{p.links} of {p.rechts}",
                    choices=[
                        ("-2", f"duidelijk {p.links.lower()}"),
                        ("-1", f"eerder {p.links.lower()}"),
                        ("0", "in evenwicht"),
                        ("1", f"eerder {p.rechts.lower()}"),
                        ("2", f"duidelijk {p.rechts.lower()}"),
                    ],
                    coerce=int,
                    required=False,
                    widget=forms.RadioSelect,
                )

    def antwoord_fields(self):
        return [self[f"antwoord_{v['id']}"] for v in self.vragen]

    def score_fields(self):
        return [self[name] for name in self.fields if name.startswith("score_")]

    def toon_fields(self):
        return [self[name] for name in self.fields if name.startswith("toon_")]

    def rol_fields(self):
        return [self[name] for name in self.fields if name.startswith("rol_")]

    def clean(self):
        data = super().clean()
        if data.get("voornemen", "").strip() and not data.get("opvolgdatum"):
            self.add_error("opvolgdatum", "Kies een datum waarop je op je voornemen terugkomt.")
        toon = {n: data.get(n) for n in self.fields if n.startswith("toon_")}
        filled = [v for v in toon.values() if v is not None]
        if filled and (len(filled) != len(toon) or sum(filled) != 100):
            raise forms.ValidationError(
                f"Verdeel precies 100 punten over de vijf toonsoorten; nu {sum(filled)}."
            )
        return data

    def collected(self) -> dict:
        data = self.cleaned_data
        out = {
            "antwoorden": {v["id"]: data.get(f"antwoord_{v['id']}", "") for v in self.vragen},
            "voornemen": data.get("voornemen", ""),
            "opvolgdatum": data.get("opvolgdatum"),
        }
        if self.ritme == "maand":
            out["scores"] = {
                n[6:]: data[n]
                for n in self.fields
                if n.startswith("score_") and data.get(n) not in (None, "")
            }
        if self.ritme == "kwartaal":
            toon = {
                n[5:]: data[n]
                for n in self.fields
                if n.startswith("toon_") and data.get(n) is not None
            }
            out["toon"] = toon
            out["rollen"] = {
                n[4:]: data[n]
                for n in self.fields
                if n.startswith("rol_") and data.get(n) not in (None, "")
            }
        return out


class DelingForm(forms.Form):
    gebruikersnaam = forms.CharField(
        label="Gebruikersnaam van de persoon (bijvoorbeeld je coach)", max_length=150
    )


class EigenVraagForm(forms.Form):
    tekst = forms.CharField(
        label="Je eigen vraag", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    aspect = forms.ChoiceField(
        label="Hoort bij aspect",
        required=False,
        choices=[("", "Geen aspect (komt terug in de check-in)")]
        + [(a.key, a.label) for a in ASPECTEN],
    )


class InstellingenForm(forms.Form):
    week_aan = forms.BooleanField(label="Wekelijkse check-in", required=False)
    maand_aan = forms.BooleanField(label="Aspect van de maand", required=False)
    kwartaal_aan = forms.BooleanField(label="Kwartaalterugblik", required=False)
    herinneringen = forms.BooleanField(label="Herinneringen op de startpagina", required=False)
    taalspiegel = forms.BooleanField(
        label="Taalspiegel: tel 'wij' en 'zij' in mijn reflecties (bij Trends)", required=False
    )
