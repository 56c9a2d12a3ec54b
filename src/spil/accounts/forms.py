from __future__ import annotations

from django import forms

from spil.core.access import SCOPED_ROLES, Role
from spil.core.forms import UtrechtFormMixin

GLOBAL_ROLE_CHOICES = [(r.value, r.label) for r in Role if r not in SCOPED_ROLES]


class UserCreateForm(UtrechtFormMixin, forms.Form):
    username = forms.CharField(
        label="Gebruikersnaam",
        max_length=150,
        help_text="Hiermee logt de gebruiker in; letters, cijfers en . @ + - _",
    )
    display_name = forms.CharField(label="Naam", max_length=150, required=False)
    email = forms.EmailField(label="E-mailadres", required=False)
    password = forms.CharField(
        label="Eerste wachtwoord",
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Geef dit persoonlijk door; de gebruiker kan het daarna wijzigen.",
    )
    roles = forms.MultipleChoiceField(
        label="Rollen",
        choices=GLOBAL_ROLE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class RoleGrantForm(UtrechtFormMixin, forms.Form):
    role = forms.ChoiceField(label="Rol", choices=GLOBAL_ROLE_CHOICES)


class AccountDeleteForm(UtrechtFormMixin, forms.Form):
    password = forms.CharField(
        label="Je wachtwoord",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Ter bevestiging dat jij het bent.",
    )
    confirm = forms.BooleanField(
        label="Ik begrijp dat al mijn gegevens definitief worden verwijderd.",
        error_messages={"required": "Vink aan dat je begrijpt wat er wordt verwijderd."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Dit wachtwoord klopt niet.")
        return password


class DelegateForm(UtrechtFormMixin, forms.Form):
    """Make the user the gedelegeerde of one secretaris (a role for that one person)."""

    namens = forms.ModelChoiceField(
        label="Gedelegeerde namens",
        queryset=None,
        empty_label="Kies een secretaris",
        help_text="Mag agenda's inlezen en afspraken indelen voor deze secretaris; nooit "
        "reflecties of notities.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import User

        self.fields["namens"].queryset = (
            User.objects.filter(role_assignments__group__name=Role.SECRETARIS, is_active=True)
            .exclude(pk=user.pk)
            .distinct()
            .order_by("username")
        )
