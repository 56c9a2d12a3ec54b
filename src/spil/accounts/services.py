from django.db import transaction

from .models import User


@transaction.atomic
def user_create_local(*, username: str, password: str, display_name: str = "") -> tuple[User, bool]:
    """Create the local account, or reset its password when it already exists."""
    user, created = User.objects.get_or_create(
        username=username, defaults={"display_name": display_name}
    )
    user.set_password(password)
    if display_name:
        user.display_name = display_name
    user.save()
    return user, created
