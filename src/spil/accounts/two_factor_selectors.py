from __future__ import annotations

from dataclasses import dataclass

import segno
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from spil.core.security import requires_two_factor

from .models import User


@dataclass(frozen=True)
class TwoFactorStatus:
    enabled: bool
    required: bool
    recovery_codes_left: int


def two_factor_status_get(*, user: User) -> TwoFactorStatus:
    return TwoFactorStatus(
        enabled=TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        required=requires_two_factor(user),
        recovery_codes_left=StaticToken.objects.filter(device__user=user).count(),
    )


def two_factor_secret_get(*, device: TOTPDevice) -> str:
    """The device's key as the base32 text an app accepts when typed, in groups of four."""
    from base64 import b32encode

    text = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def two_factor_qr_svg_uri(*, device: TOTPDevice) -> str:
    """The set-up link as a QR code: an SVG image in a data URI."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=4)
