"""Writes for two-factor login: setting up the authenticator app, recovery codes, the check."""

from __future__ import annotations

import re

from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"
_TOTP_TOKEN = re.compile(r"^\d{6}$")


def _normalise_token(token: str) -> str:
    return re.sub(r"[\s-]+", "", token or "").lower()


@transaction.atomic
def two_factor_device_start(*, user: User) -> TOTPDevice:
    """The authenticator-app device being set up: the unconfirmed one, or a new one.

    Reusing the unconfirmed device keeps the QR code the same when the set-up page is reloaded.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def _recovery_codes_create(*, user: User) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": RECOVERY_DEVICE_NAME, "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def two_factor_device_confirm(*, user: User, token: str) -> tuple[TOTPDevice, list[str]] | None:
    """Confirm the device being set up with a code from the app.

    Returns the device and fresh recovery codes (shown to the user once), or None when the code
    is wrong; then nothing changes.
    """
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    token = _normalise_token(token)
    if device is None or not _TOTP_TOKEN.match(token) or not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return device, _recovery_codes_create(user=user)


@transaction.atomic
def two_factor_recovery_codes_renew(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    return _recovery_codes_create(user=user)


@transaction.atomic
def two_factor_verify(*, user: User, token: str) -> Device | None:
    """The device that accepts this code: six digits from the app, or else a recovery code
    (used once). None when no device accepts it. Each device throttles repeated wrong codes."""
    token = _normalise_token(token)
    if not token:
        return None
    model: type[Device] = TOTPDevice if _TOTP_TOKEN.match(token) else StaticDevice
    for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
        if device.verify_token(token):
            return device
    return None


@transaction.atomic
def two_factor_disable(*, user: User) -> None:
    """Remove the user's authenticator app and recovery codes."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
