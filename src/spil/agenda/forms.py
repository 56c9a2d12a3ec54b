from __future__ import annotations

from django import forms
from django.conf import settings

from spil.core.forms import (
    MAX_PERIOD_DAYS,
    BoundedDateField,
    QueryForm,
    UtrechtFormMixin,
    check_period,
)

from .models import DOMAIN_CHOICES, Correctie

GROUND_CHOICES = [
    ("", "Alle"),
    ("correctie", "Eigen correctie"),
    ("categorie", "Categorie"),
    ("deelnemers", "Deelnemers"),
    ("regel", "Onderwerp"),
    ("model", "Geleerd uit correcties"),
    ("standaard", "Standaard"),
]


class ImportForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label="Agendabestand",
        # Django's own "empty file" error does not name the file; clean_bestand does.
        allow_empty_file=True,
        help_text="Een export uit Outlook, Exchange, Google of Apple (.ics) of een "
        "Outlook-export als CSV (.csv).",
    )
    bron = forms.CharField(
        label="Naam van deze agenda (optioneel)",
        required=False,
        max_length=200,
        help_text="Laat leeg om de naam uit het bestand te nemen. Een nieuwere export van "
        "dezelfde agenda vervangt wat de vorige export zei.",
    )

    van = BoundedDateField(
        label="Vanaf (optioneel)",
        help_text="Leeg: vanaf de eerste afspraak in het bestand.",
    )
    tot = BoundedDateField(
        label="Tot en met (optioneel)",
        help_text="Leeg: tot en met de laatste afspraak in het bestand.",
    )

    def clean(self):
        data = super().clean()
        # Recurring series are capped per series and per import, so any length is safe here.
        check_period(data.get("van"), data.get("tot"), max_days=None)
        return data

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        limit = settings.SPIL_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"{upload.name}: het bestand is te groot (hoogstens {limit // (1024 * 1024)} MB)."
            )
        if upload.size == 0:
            raise forms.ValidationError(f"{upload.name}: het bestand is leeg.")
        return upload


class PeriodForm(UtrechtFormMixin, QueryForm):
    """A period from the address: dates Spil can compute with, at most five years long (the
    mirror and the network overview analyse every day of it)."""

    van = BoundedDateField(label="Van")
    tot = BoundedDateField(label="Tot en met")
    # The longest period in days; None for lists that page through any period.
    max_days: int | None = MAX_PERIOD_DAYS

    def clean(self):
        data = super().clean()
        check_period(data.get("van"), data.get("tot"), max_days=self.max_days)
        return data


class FilterForm(PeriodForm):
    max_days = None

    domein = forms.ChoiceField(
        label="Domein", required=False, choices=[("", "Alle"), *DOMAIN_CHOICES]
    )
    grond = forms.ChoiceField(label="Ingedeeld op", required=False, choices=GROUND_CHOICES)
    zoek = forms.CharField(label="Onderwerp bevat", required=False, max_length=200)


class SpiegelCsvForm(PeriodForm):
    tabel = forms.ChoiceField(
        label="Tabel",
        choices=[("verdeling", "Verdeling"), ("weken", "Weken"), ("maanden", "Maanden")],
    )


class CorrectieForm(UtrechtFormMixin, forms.Form):
    domein = forms.ChoiceField(label="Nieuw domein", choices=DOMAIN_CHOICES)
    bereik = forms.ChoiceField(
        label="Geldt voor",
        choices=Correctie.BEREIK_CHOICES,
        initial=Correctie.BEREIK_AFSPRAAK,
    )


class InstellingenForm(UtrechtFormMixin, forms.Form):
    eigen_domeinen = forms.CharField(
        label="Maildomeinen van je eigen organisatie",
        required=False,
        help_text="Gescheiden door komma's, bijvoorbeeld gemeente.nl, werkorganisatie.nl. "
        "Leeg: Spil leidt het af uit de organisator van je afspraken.",
    )
    doel_college = forms.FloatField(label="College (%)", min_value=0, max_value=100)
    doel_organisatie = forms.FloatField(label="Organisatie (%)", min_value=0, max_value=100)
    doel_omgeving = forms.FloatField(label="Omgeving (%)", min_value=0, max_value=100)
    categorieen = forms.CharField(
        label="Outlook-categorieën per domein",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Eén per regel, zoals: Bestuur = college. Domeinen: college, organisatie, "
        "omgeving, overig.",
    )
    werkdag_begin = forms.TimeField(
        label="Werkdag begint om", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    werkdag_eind = forms.TimeField(
        label="Werkdag eindigt om", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    overvolle_dag = forms.IntegerField(
        label="Overvolle dag vanaf (% van de werktijd gepland)", min_value=10, max_value=100
    )
    overvolle_week = forms.IntegerField(
        label="Overvolle week vanaf (% van de werktijd gepland)", min_value=10, max_value=100
    )
    pauze_minuten = forms.IntegerField(
        label="Een echte pauze duurt minstens (minuten)", min_value=0, max_value=240
    )
    keten_lengte = forms.IntegerField(
        label="Signaal bij zoveel afspraken achter elkaar", min_value=2, max_value=20
    )
    externe_reeks = forms.IntegerField(
        label="Signaal bij zoveel externe afspraken direct na elkaar", min_value=2, max_value=20
    )
    min_ongepland = forms.IntegerField(
        label="Te weinig ongeplande tijd onder (% van de werktijd)", min_value=0, max_value=100
    )

    def clean(self):
        data = super().clean()
        shares = [data.get(f"doel_{d}") for d in ("college", "organisatie", "omgeving")]
        if all(v is not None for v in shares) and abs(sum(shares) - 100) > 1:
            raise forms.ValidationError("De drie doelen moeten samen 100 procent zijn.")
        if (
            data.get("werkdag_begin")
            and data.get("werkdag_eind")
            and data["werkdag_eind"] <= data["werkdag_begin"]
        ):
            raise forms.ValidationError("Het einde van de werkdag moet na het begin liggen.")
        return data

    def clean_eigen_domeinen(self):
        raw = self.cleaned_data["eigen_domeinen"]
        return [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]

    def clean_categorieen(self):
        mapping = {}
        valid = {value for value, _label in DOMAIN_CHOICES}
        for number, line in enumerate(self.cleaned_data["categorieen"].splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, domain = line.partition("=")
            domain = domain.strip().lower()
            if not sep or not name.strip() or domain not in valid:
                raise forms.ValidationError(
                    f"Regel {number} ‘{line.strip()}’: schrijf ‘Categorie = domein’, met als "
                    "domein college, organisatie, omgeving of overig."
                )
            mapping[name.strip()] = domain
        return mapping
