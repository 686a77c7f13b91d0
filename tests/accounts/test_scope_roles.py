import pytest

from tadarki.accounts import scope
from tadarki.accounts.models import Membership, Role, User
from tadarki.registry.models import Officer, OrgUnit
from tadarki.registry.seed import load_seed


@pytest.fixture
def units(db):
    load_seed()
    return {u.code: u for u in OrgUnit.objects.all()}


def user_with(role, unit, name="u"):
    user = User.objects.create_user(name, password="pw-123456")
    Membership.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.mark.django_db
def test_ict_cell_sees_and_edits_everything(units):
    user = user_with(Role.ICT_CELL, units["ssd-ict"])
    assert scope.is_ict(user)
    assert scope.visible_units(user).count() == OrgUnit.objects.count()
    assert scope.can_edit(user, units["police"])


@pytest.mark.django_db
def test_focal_point_sees_and_edits_their_department_only(units):
    user = user_with(Role.FOCAL_POINT, units["dip"])
    codes = set(scope.visible_units(user).values_list("code", flat=True))
    assert {"dip", "dip-head", "dip-rpo-lakshmipur"} <= codes
    assert not codes & {"dnc", "ssd", "prisons-head"}
    assert scope.can_edit(user, units["dip-rpo-lakshmipur"])
    assert not scope.can_view(user, units["dnc-manikganj"])


@pytest.mark.django_db
def test_office_editor_has_only_their_office(units):
    user = user_with(Role.OFFICE_EDITOR, units["dnc-manikganj"])
    assert list(scope.visible_units(user).values_list("code", flat=True)) == ["dnc-manikganj"]
    assert scope.can_edit(user, units["dnc-manikganj"])


@pytest.mark.django_db
def test_committee_member_reads_but_does_not_edit(units):
    user = user_with(Role.COMMITTEE_MEMBER, units["ssd"])
    assert scope.can_view(user, units["dnc-manikganj"])
    assert not scope.can_edit(user, units["dnc-manikganj"])
    assert not scope.editable_units(user).exists()


@pytest.mark.django_db
def test_filter_by_unit_limits_related_rows(units):
    Officer.objects.create(unit=units["dnc-manikganj"], name="ক")
    Officer.objects.create(unit=units["dip-head"], name="খ")
    user = user_with(Role.FOCAL_POINT, units["dnc"])
    names = list(scope.filter_by_unit(user, Officer.objects.all()).values_list("name", flat=True))
    assert names == ["ক"]


@pytest.mark.django_db
def test_user_without_membership_sees_nothing(units):
    user = User.objects.create_user("nobody", password="pw-123456")
    assert not scope.visible_units(user).exists()
