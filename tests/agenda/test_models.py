import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

FORMAL = re.compile(r"\b(u|uw|U|Uw)\b")


def test_field_texts_address_the_user_as_je():
    # Model texts reach the admin and any ModelForm; they speak with the same voice as the pages.
    for model in apps.get_app_config("agenda").get_models():
        for field in model._meta.get_fields():
            for text in (getattr(field, "help_text", ""), getattr(field, "verbose_name", "")):
                assert not FORMAL.findall(str(text)), (model.__name__, field.name, text)


@pytest.mark.django_db
def test_migrations_match_the_models():
    out = StringIO()
    call_command("makemigrations", "agenda", "--check", "--dry-run", stdout=out)
