from __future__ import annotations

from django import forms
from django.conf import settings

from spil.agenda.forms import PeriodForm
from spil.core.forms import DateInput, QueryForm, UtrechtFormMixin

from .models import VORM_CHOICES

__all__ = ["PeriodForm"]


class OpschonenForm(QueryForm):
    """`?jaren=`: people not seen for this many years."""

    jaren = forms.IntegerField(label="Jaren", required=False, min_value=1, max_value=20)


class RitmeForm(UtrechtFormMixin, forms.Form):
    streef_dagen = forms.IntegerField(
        label="Streeftermijn (dagen)", required=False, min_value=1, max_value=3650
    )
    max_dagen = forms.IntegerField(
        label="Maximale termijn (dagen)",
        required=False,
        min_value=1,
        max_value=3650,
        help_text="Langer geen contact dan dit: de organisatie of persoon komt op de lijst "
        "‘Te lang geleden’.",
    )
    afbouwen = forms.BooleanField(label="Afbouwen: geen herinneringen meer", required=False)

    def clean(self):
        data = super().clean()
        if (
            data.get("streef_dagen")
            and data.get("max_dagen")
            and data["streef_dagen"] > data["max_dagen"]
        ):
            raise forms.ValidationError("De streeftermijn is langer dan de maximale termijn.")
        return data


class ContactForm(UtrechtFormMixin, forms.Form):
    datum = forms.DateField(label="Datum", widget=DateInput())
    minuten = forms.IntegerField(label="Duur (minuten)", min_value=0, max_value=1440)
    vorm = forms.ChoiceField(label="Vorm", choices=VORM_CHOICES)
    onderwerp = forms.CharField(label="Onderwerp (optioneel)", required=False, max_length=500)


class BesluitForm(forms.Form):
    a = forms.IntegerField()
    b = forms.IntegerField()
    keuze = forms.ChoiceField(
        choices=[
            ("verbinden", "Verbinden"),
            ("confronteren", "Confronteren"),
            ("afwijzen", "Afwijzen"),
        ]
    )
    reden = forms.CharField(required=False, max_length=1000)


class VerbandenForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label="CSV-bestand met samenwerkingsverbanden",
        allow_empty_file=True,
        help_text="Kolommen: naam, rol (deelnemer, opdrachtgever of afnemer), status (opbouw, "
        "lopend of afbouw), organisaties (namen of maildomeinen, gescheiden door |) en overleg "
        "(het onderwerp van het vaste overleg in je agenda).",
    )

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


class SectorForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(label="Naam", max_length=120)
    doel_procent = forms.FloatField(
        label="Eigen doel (% van je externe tijd)", required=False, min_value=0, max_value=100
    )
