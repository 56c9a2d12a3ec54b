"""Form pieces every app uses: NL Design System (Utrecht) classes on widgets, a date input.

Render fields with `{% include "components/form_field.html" with field=form.x %}` and form
errors with `{% include "components/form_errors.html" %}`.
"""

from __future__ import annotations

from datetime import date

from django import forms


class UtrechtFormMixin:
    """Give widgets the NL Design System (Utrecht) classes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "utrecht-checkbox utrecht-checkbox--html-input"
            elif isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                css = ""
            elif isinstance(widget, forms.Select):
                css = "utrecht-select utrecht-select--html-select"
            elif isinstance(widget, forms.Textarea):
                css = "utrecht-textarea utrecht-textarea--html-textarea"
            elif isinstance(widget, forms.FileInput):
                css = "spil-file-input"
            else:
                css = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# Query parameters ---------------------------------------------------------------------------
# Every value a view reads from the address (request.GET) goes through a form built from these
# fields, so that out-of-range input (a 23-digit id, the year 9999, a NUL byte, a 10 kB string)
# is a Dutch message and never reaches the database or a date calculation.

# Database ids are 64-bit signed integers on every supported database.
MAX_ID = 2**63 - 1
# Dates Spil works with: far enough back for any archive, far enough ahead for any plan, and
# never at the edge of Python's date range (where "the next day" overflows).
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2199, 12, 31)
# The longest period a page analyses at once (a mirror or network overview).
MAX_PERIOD_YEARS = 5
MAX_PERIOD_DAYS = MAX_PERIOD_YEARS * 366


class IdField(forms.IntegerField):
    """An optional object id from the address: a positive number that fits the database."""

    default_error_messages = {
        "invalid": "Dit is geen geldig nummer.",
        "min_value": "Dit is geen geldig nummer.",
        "max_value": "Dit nummer bestaat niet.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)

    def to_python(self, value):
        # IntegerField also accepts "1e400" and "1.0"; an id is digits only.
        if value not in self.empty_values and not (str(value).isascii() and str(value).isdigit()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class BoundedDateField(forms.DateField):
    """A date within the range Spil can compute with (MIN_DATE to MAX_DATE)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", DateInput())
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and not MIN_DATE <= value <= MAX_DATE:
            raise forms.ValidationError(
                f"Kies een datum tussen {MIN_DATE:%d-%m-%Y} en {MAX_DATE:%d-%m-%Y}.",
                code="out_of_range",
            )


def check_period(van: date | None, tot: date | None, *, max_days: int | None = MAX_PERIOD_DAYS):
    """Dutch errors for a period [van, tot]: the end before the start, or longer than allowed."""
    if van and tot and tot < van:
        raise forms.ValidationError("De einddatum ligt voor de begindatum.", code="order")
    if van and tot and max_days is not None and (tot - van).days + 1 > max_days:
        raise forms.ValidationError(
            f"De periode is te lang: kies hoogstens {MAX_PERIOD_YEARS} jaar.", code="too_long"
        )


class QueryForm(forms.Form):
    """A form over request.GET. `value(name)` gives the cleaned value of one parameter, or its
    default when that parameter is missing or invalid, so one bad parameter does not undo the
    others; `problems()` lists the Dutch messages to show."""

    def value(self, name: str, default=None):
        if not self.is_bound:
            return default
        self.is_valid()
        if name in self.errors:
            return default
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value

    def problems(self) -> list[str]:
        if not self.is_bound or self.is_valid():
            return []
        out = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else None
            for error in errors:
                out.append(f"{label or name}: {error}" if name != "__all__" else str(error))
        return out


def ids_from(values: list[str]) -> list[int]:
    """Object ids from a list of form values; anything that is not a plain id is left out."""
    field = IdField()
    out = []
    for value in values:
        try:
            number = field.clean(value)
        except forms.ValidationError:
            continue
        if number is not None:
            out.append(number)
    return out
