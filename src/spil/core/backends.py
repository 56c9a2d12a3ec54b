"""Django permission checks (`user.has_perm`, navigation items) answered from the access matrix."""

from __future__ import annotations

from spil.core.access import PERMISSIONS, has_permission


class AccessPolicyBackend:
    """Authenticates nobody; grants the permissions of `spil.core.access.PERMISSIONS`."""

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        if obj is not None or perm not in PERMISSIONS:
            return False
        return has_permission(user_obj, perm)

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return any(
            perm.startswith(f"{app_label}.") and has_permission(user_obj, perm)
            for perm in PERMISSIONS
        )
