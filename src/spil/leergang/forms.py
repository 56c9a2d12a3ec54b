"""Forms of the leergang (Dutch labels; NL Design System classes from core.forms)."""

from __future__ import annotations

from django import forms

from spil.core.forms import DateInput, UtrechtFormMixin

from . import matching
from .models import Gastgemeente

NIVEAUS = [(n, str(n)) for n in range(1, 6)]
GEWICHTEN = [(0, "telt niet"), (1, "telt mee"), (2, "belangrijk"), (3, "zeer belangrijk")]


class CohortForm(UtrechtFormMixin, forms.Form):
    leergang = forms.CharField(label="Leergang", max_length=200, initial="Leergang")
    naam = forms.CharField(label="Naam van het cohort", max_length=200)
    startdatum = forms.DateField(label="Startdatum", widget=DateInput())
    groepsgrootte = forms.IntegerField(label="Groepsgrootte intervisie", min_value=2, initial=5)


class DeelnemerForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(label="Naam", max_length=200)
    email = forms.EmailField(label="E-mailadres")
    werkgever = forms.CharField(label="Werkgever", max_length=200, required=False)
    solliciteert_bij = forms.CharField(
        label="Solliciteert bij (gemeenten, komma's ertussen)", max_length=500, required=False
    )


class ImportForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label="Deelnemers (CSV)",
        help_text="Kolommen: naam, e-mail, werkgever; eventueel eerdere werkgevers, "
        "solliciteert bij, achtergrond, stijl, geslacht.",
    )


class ModuleForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(label="Module", max_length=200)
    competentie = forms.CharField(label="Competentie", max_length=200, required=False)
    min_plaatsen = forms.IntegerField(label="Minimaal", min_value=0, initial=4)
    max_plaatsen = forms.IntegerField(label="Maximaal", min_value=1, initial=8)


class CoachForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(label="Coach", max_length=200)
    organisatie = forms.CharField(label="Organisatie", max_length=200, required=False)
    capaciteit = forms.IntegerField(label="Aantal deelnemers", min_value=0, initial=5)
    intervisie = forms.BooleanField(label="Begeleidt intervisie", required=False)
    email = forms.EmailField(
        label="E-mailadres (optioneel)",
        required=False,
        help_text="Dan ziet de coach na publicatie de eigen intervisiegroep in Spil.",
    )


class GastgemeenteForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(label="Gastgemeente", max_length=200)
    grootte = forms.ChoiceField(label="Grootteklasse", choices=Gastgemeente.Grootte.choices)
    regio = forms.CharField(label="Regio", max_length=100)
    plaatsen_per_ronde = forms.IntegerField(label="Plaatsen per ronde", min_value=1, initial=2)
    email = forms.EmailField(
        label="E-mailadres stagesecretaris (optioneel)",
        required=False,
        help_text="Die ziet na publicatie de namen en leervragen van de stagiairs.",
    )


class CommissielidForm(UtrechtFormMixin, forms.Form):
    email = forms.EmailField(label="E-mailadres van het commissielid")


class LeervraagForm(UtrechtFormMixin, forms.Form):
    tekst = forms.CharField(
        label="Nieuwe leervraag", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ProfielForm(UtrechtFormMixin, forms.Form):
    """Per question area a level (and for a vacancy a weight) and a short explanation."""

    def __init__(self, *args, vacancy: bool, initial_profile: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        profile = initial_profile or {}
        for key, label, vraag in matching.GEBIEDEN:
            current = profile.get(key, {})
            if vacancy:
                self.fields[f"{key}_gewicht"] = forms.TypedChoiceField(
                    label=f"{label}: hoe zwaar weegt dit?",
                    help_text=vraag,
                    choices=GEWICHTEN,
                    coerce=int,
                    initial=current.get("gewicht", 1),
                )
            self.fields[f"{key}_niveau"] = forms.TypedChoiceField(
                label=f"{label}: {'gevraagd niveau' if vacancy else 'mijn ervaring'} (1–5)",
                help_text="" if vacancy else vraag,
                choices=NIVEAUS,
                coerce=int,
                initial=current.get("niveau", 3),
            )
            self.fields[f"{key}_toelichting"] = forms.CharField(
                label=f"{label}: toelichting",
                required=False,
                max_length=1000,
                initial=current.get("toelichting", ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        _classes(self)
        self.vacancy = vacancy

    def profile(self) -> dict:
        data = self.cleaned_data
        out = {}
        for key in matching.GEBIED_KEYS:
            entry = {"niveau": data[f"{key}_niveau"], "toelichting": data[f"{key}_toelichting"]}
            if self.vacancy:
                entry["gewicht"] = data[f"{key}_gewicht"]
            out[key] = entry
        return out


def _classes(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if "class" in widget.attrs:
            continue
        if isinstance(widget, forms.Select):
            widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
        elif isinstance(widget, forms.Textarea):
            widget.attrs["class"] = "utrecht-textarea utrecht-textarea--html-textarea"


class VacatureForm(ProfielForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, vacancy=True, **kwargs)
        self.fields = {
            "gemeente": forms.CharField(
                label="Gemeente",
                max_length=200,
                widget=forms.TextInput(
                    attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}
                ),
            ),
            **self.fields,
        }
