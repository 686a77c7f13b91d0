import pytest

from tadarki.accounts.models import Membership, Role, User
from tadarki.registry.models import OrgUnit
from tadarki.registry.seed import load_seed


@pytest.fixture
def seeded(db):
    load_seed()
    return {u.code: u for u in OrgUnit.objects.all()}


@pytest.fixture
def make_user(db):
    def make(username: str, role: str | None = None, unit: OrgUnit | None = None) -> User:
        user = User.objects.create_user(username, f"{username}@example.gov.bd", "pw-123456")
        if role:
            Membership.objects.create(user=user, role=role, unit=unit)
        return user

    return make


@pytest.fixture
def ict(make_user, seeded):
    return make_user("ict", Role.ICT_CELL, seeded["ssd"])


@pytest.fixture
def dnc_focal(make_user, seeded):
    return make_user("dncfocal", Role.FOCAL_POINT, seeded["dnc"])


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    """Uploaded import files land in the test's own folder, not in ./var."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # PBKDF2's million rounds cost a second a user on a busy CI machine; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
