import pytest
from tests.helpers.org import fast_passwords

from tadarki.accounts.models import Membership, Role, User
from tadarki.registry.models import OrgUnit
from tadarki.registry.seed import load_seed

__all__ = ["fast_passwords"]  # the autouse fixture, shared with tests/audits and tests/committees


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
