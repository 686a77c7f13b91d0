"""Organisation-tree and user builders shared by the Django test folders.

Imported as `from tests.helpers.org import ...` (the repository root is on pytest's
pythonpath, as for `tests.audits.farm_env`). Models are imported inside the functions so
that importing this module needs no configured Django.
"""

from __future__ import annotations

import pytest


def ministry_and_division():
    """The top of every test tree: স্বরাষ্ট্র মন্ত্রণালয় (moha) → সুরক্ষা সেবা বিভাগ (ssd)."""
    from tadarki.registry.models import OrgUnit

    K = OrgUnit.Kind
    ministry = OrgUnit.objects.create(kind=K.MINISTRY, code="moha", name_bn="স্বরাষ্ট্র মন্ত্রণালয়")
    division = OrgUnit.objects.create(
        kind=K.DIVISION, code="ssd", name_bn="সুরক্ষা সেবা বিভাগ", parent=ministry
    )
    return ministry, division


def make_user(username, role=None, unit=None, email="", *, password="pw-Tadarki-1"):
    """A user with an @example.gov.bd address and, given a role, one membership."""
    from tadarki.accounts.models import Membership, User

    user = User.objects.create_user(
        username, email=email or f"{username}@example.gov.bd", password=password
    )
    if role:
        Membership.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Password hashing is not under test; PBKDF2 would dominate the run time.

    A conftest takes it in with `from tests.helpers.org import fast_passwords`.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
