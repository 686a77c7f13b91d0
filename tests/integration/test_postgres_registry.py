"""The registry and scope on the real PostgreSQL server (make integration sets DATABASE_URL)."""

import pytest
from django.db import connection

from tadarki.accounts import scope
from tadarki.accounts.models import Membership, Role, User
from tadarki.registry.models import OrgUnit

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _tree():
    ministry = OrgUnit.objects.create(kind="ministry", code="moha", name_bn="স্বরাষ্ট্র মন্ত্রণালয়")
    ssd = OrgUnit.objects.create(
        kind="division", code="ssd", name_bn="সুরক্ষা সেবা বিভাগ", parent=ministry
    )
    dip = OrgUnit.objects.create(
        kind="department", code="dip", name_bn="বহিরাগমন ও পাসপোর্ট অধিদপ্তর", parent=ssd
    )
    dnc = OrgUnit.objects.create(
        kind="department", code="dnc", name_bn="মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর", parent=ssd
    )
    office = OrgUnit.objects.create(
        kind="office",
        office_kind="regional",
        code="rpo-lakshmipur",
        parent=dip,
        name_bn="আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর",
        portal_url="https://passport.lakshmipur.gov.bd/",
    )
    return ssd, dip, dnc, office


@pytest.fixture(autouse=True)
def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("set DATABASE_URL=postgres://… (make integration does)")


def test_database_is_postgresql():
    assert connection.vendor == "postgresql"


def test_subtree_and_bengali_names_round_trip_on_postgresql():
    ssd, dip, dnc, office = _tree()
    assert set(ssd.subtree().values_list("code", flat=True)) == {
        "ssd",
        "dip",
        "dnc",
        "rpo-lakshmipur",
    }
    assert OrgUnit.objects.get(code="rpo-lakshmipur").name_bn == "আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর"
    assert OrgUnit.objects.filter(name_bn__contains="পাসপোর্ট").count() == 2


def test_department_scope_on_postgresql():
    ssd, dip, dnc, office = _tree()
    user = User.objects.create_user("dnc-focal", password="x")
    Membership.objects.create(user=user, role=Role.FOCAL_POINT, unit=dnc)
    assert not scope.can_view(user, office)
    assert scope.can_view(user, dnc)
    assert set(scope.visible_units(user).values_list("code", flat=True)) == {"dnc"}
