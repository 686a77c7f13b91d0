"""An SSD-shaped organisation tree, its users and a website monitoring committee."""

import pytest
from tests.helpers.org import fast_passwords, make_user, ministry_and_division

from tadarki.accounts.models import Role
from tadarki.committees.models import Committee, NumberingScheme
from tadarki.registry.models import OrgUnit, OrgUnitAlias

__all__ = ["fast_passwords"]  # the autouse fixture, shared with tests/audits

DEPARTMENTS = [
    ("dip", "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"),
    ("prisons", "কারা অধিদপ্তর"),
    ("dnc", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"),
    ("fscd", "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর"),
]


@pytest.fixture
def org(db):
    K = OrgUnit.Kind
    ministry, ssd = ministry_and_division()
    ict = OrgUnit.objects.create(kind=K.SECTION, code="ssd-ict", name_bn="আইসিটি সেল", parent=ssd)
    units = {"ministry": ministry, "ssd": ssd, "ict": ict}
    for code, name in DEPARTMENTS:
        units[code] = OrgUnit.objects.create(
            kind=K.DEPARTMENT, code=code, name_bn=name, parent=ssd, email=f"{code}@example.gov.bd"
        )
    OrgUnitAlias.objects.create(unit=units["dip"], name="ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর")
    units["dip-lakshmipur"] = OrgUnit.objects.create(
        kind=K.OFFICE,
        code="dip-lakshmipur",
        name_bn="আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর",
        parent=units["dip"],
    )
    return units


@pytest.fixture
def users(org, fast_passwords):
    return {
        "ict": make_user("ict", Role.ICT_CELL, org["ict"]),
        "dip": make_user("dipfocal", Role.FOCAL_POINT, org["dip"]),
        "prisons": make_user("prisonfocal", Role.FOCAL_POINT, org["prisons"]),
        "member": make_user("member", Role.COMMITTEE_MEMBER, org["ssd"]),
    }


@pytest.fixture
def committee(org):
    scheme = NumberingScheme.objects.create(name="আইসিটি সেল", prefix="৫৮.০০.০০০০.০১৮.৩১.০০২.২১")
    return Committee.objects.create(
        name="সুরক্ষা সেবা বিভাগের আওতাধীন অধিদপ্তরসমূহের ওয়েবসাইট মনিটরিং সংক্রান্ত কমিটি",
        kind=Committee.Kind.WEBSITE_MONITORING,
        owner=org["ict"],
        numbering=scheme,
        address="বাংলাদেশ সচিবালয়, ঢাকা-১০০০",
        website="www.ssd.gov.bd",
    )


@pytest.fixture
def sample_json(shared_dir):
    import json

    def load(name):
        return json.loads((shared_dir / "samples" / "minutes" / name).read_text(encoding="utf-8"))

    return load
