from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_DIR.parent / "shared"
SEEDS_DIR = SHARED_DIR / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir() or not any(SEEDS_DIR.glob("*.txt")):
        pytest.skip(
            f"bronteksten ontbreken: {SEEDS_DIR} niet gevonden (zet ../shared naast de repo)"
        )
    return SEEDS_DIR


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(
        username="secretaris", password="geheim-wachtwoord-1"
    )


@pytest.fixture
def other_user(django_user_model):
    return django_user_model.objects.create_user(username="collega", password="geheim-wachtwoord-2")


@pytest.fixture
def librarian(user):
    """The `user` as bibliotheekbeheerder: manages the shared library."""
    from spil.accounts.services import role_grant

    role_grant(actor=None, user=user, role="bibliotheekbeheerder")
    return user
