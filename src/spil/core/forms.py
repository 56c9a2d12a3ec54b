"""Form pieces every app uses: NL Design System (Utrecht) classes on widgets, a date input.

Render fields with `{% include "components/form_field.html" with field=form.x %}` and form
errors with `{% include "components/form_errors.html" %}`.
"""

from __future__ import annotations

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
