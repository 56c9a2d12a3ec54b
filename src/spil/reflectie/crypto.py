"""Encryption at rest for reflection text (AES-256-GCM from `cryptography`).

The key is not in the database: it comes from SPIL_REFLECTIE_KEY (32 bytes, URL-safe base64)
or from the file `reflectie.key` in the data folder, created with mode 0600 on first use. Each
value is bound to its owner and purpose as associated data, so a ciphertext copied onto another
user's row does not decrypt. See docs/reflectie.md for what this does and does not protect.
"""

from __future__ import annotations

import base64
import json
import os
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PREFIX = "v1:"
KEY_FILE = "reflectie.key"


class SleutelFout(RuntimeError):
    """The key is missing, malformed, or not the one the text was written with."""


def _decode_key(raw: str, where: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(raw.strip().encode())
    except ValueError as error:
        raise SleutelFout(f"{where}: de sleutel is geen geldige base64-tekst.") from error
    if len(key) != 32:
        raise SleutelFout(f"{where}: de sleutel moet 32 bytes zijn (nu {len(key)}).")
    return key


def key_path() -> Path:
    return Path(settings.DATA_DIR) / KEY_FILE


@lru_cache(maxsize=4)
def _key_for(data_dir: str, env_value: str | None) -> bytes:
    if env_value:
        return _decode_key(env_value, "SPIL_REFLECTIE_KEY")
    path = Path(data_dir) / KEY_FILE
    if path.exists():
        return _decode_key(path.read_text(encoding="ascii"), str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    key = AESGCM.generate_key(bit_length=256)
    # O_EXCL: two processes starting at once must not write two different keys.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _decode_key(path.read_text(encoding="ascii"), str(path))
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(base64.urlsafe_b64encode(key).decode())
    return key


def key() -> bytes:
    return _key_for(str(settings.DATA_DIR), os.environ.get("SPIL_REFLECTIE_KEY"))


def _aad(owner_id: int, purpose: str) -> bytes:
    return f"spil-reflectie:{purpose}:{owner_id}".encode()


def encrypt(value, *, owner_id: int, purpose: str) -> str:
    """JSON-serialisable value -> text safe to store."""
    plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    nonce = os.urandom(12)
    sealed = AESGCM(key()).encrypt(nonce, plain, _aad(owner_id, purpose))
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()


def decrypt(text: str, *, owner_id: int, purpose: str):
    if not text:
        return None
    if not text.startswith(PREFIX):
        raise SleutelFout("onbekend formaat van versleutelde tekst")
    raw = base64.urlsafe_b64decode(text[len(PREFIX) :].encode())
    try:
        plain = AESGCM(key()).decrypt(raw[:12], raw[12:], _aad(owner_id, purpose))
    except InvalidTag as error:
        raise SleutelFout(
            "deze tekst is met een andere sleutel versleuteld of hoort bij een ander account"
        ) from error
    return json.loads(plain)
