from django import forms

from .constants import Modus, Publiek


class StartForm(forms.Form):
    profiel = forms.ChoiceField(label="Gemeenteprofiel", widget=forms.RadioSelect)
    modus = forms.ChoiceField(
        label="Stand", choices=Modus.choices, initial=Modus.OEFENEN, widget=forms.RadioSelect
    )
    timer = forms.BooleanField(
        label=(
            "Met tijdslimiet per situatie (je kunt die tijdens het spelen verlengen of uitzetten)"
        ),
        required=False,
    )

    def __init__(self, *args, scenario, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profiel"].choices = [(p.id, p.naam) for p in scenario.profielen]
        if scenario.profielen:
            self.fields["profiel"].initial = scenario.profielen[0].id


class UitlegForm(forms.Form):
    publiek = forms.ChoiceField(
        label="Voor wie", choices=Publiek.choices, initial=Publiek.COLLEGE, widget=forms.RadioSelect
    )
    tekst = forms.CharField(
        label="Je uitleg in twee zinnen",
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 600}),
    )
