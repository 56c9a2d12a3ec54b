import base64

import pytest

from spil.reflectie import crypto


def test_round_trip_and_no_plaintext_in_the_stored_value():
    stored = crypto.encrypt({"tekst": "geheime twijfel over de wethouder"}, owner_id=1, purpose="x")
    assert stored.startswith("v1:")
    assert "wethouder" not in stored
    assert "wethouder" not in base64.urlsafe_b64decode(stored[3:]).decode("latin-1")
    assert crypto.decrypt(stored, owner_id=1, purpose="x") == {
        "tekst": "geheime twijfel over de wethouder"
    }


def test_a_value_copied_to_another_owner_or_purpose_does_not_decrypt():
    stored = crypto.encrypt("tekst", owner_id=1, purpose="moment")
    with pytest.raises(crypto.SleutelFout):
        crypto.decrypt(stored, owner_id=2, purpose="moment")
    with pytest.raises(crypto.SleutelFout):
        crypto.decrypt(stored, owner_id=1, purpose="voornemen")


def test_the_key_file_is_private_and_an_environment_key_is_used_instead(monkeypatch, tmp_path):
    from django.conf import settings

    crypto.key()
    path = crypto.key_path()
    assert path.exists() and (path.stat().st_mode & 0o777) == 0o600
    stored = crypto.encrypt("a", owner_id=1, purpose="x")
    other = base64.urlsafe_b64encode(b"k" * 32).decode()
    monkeypatch.setenv("SPIL_REFLECTIE_KEY", other)
    with pytest.raises(crypto.SleutelFout):
        crypto.decrypt(stored, owner_id=1, purpose="x")
    assert crypto.decrypt(crypto.encrypt("b", owner_id=1, purpose="x"), owner_id=1, purpose="x")
    monkeypatch.setenv("SPIL_REFLECTIE_KEY", "te-kort")
    with pytest.raises(crypto.SleutelFout, match=r"32 bytes|base64"):
        crypto.key()
    assert settings.DATA_DIR


def test_text_survives_a_restart_with_the_key_file(monkeypatch):
    monkeypatch.delenv("SPIL_REFLECTIE_KEY", raising=False)
    stored = crypto.encrypt("na een herstart", owner_id=3, purpose="moment")
    crypto._key_for.cache_clear()  # a new process reads the key file again
    assert crypto.decrypt(stored, owner_id=3, purpose="moment") == "na een herstart"
