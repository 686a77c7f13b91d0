"""Demo data for embedded defaults: users for each role, more field offices, and a farm of
NPF-like portals on 127.0.0.1 standing in for the real ones (no internet is needed).

The farm speaks plain HTTP only, so demo portals are registered as http://<real host>/ and
reached through the farm's loopback proxy, exactly as a crawler behind a proxy reaches them.
"""

from __future__ import annotations

import hashlib
import random
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import transaction

from tadarki.accounts.models import Membership, Role, User
from tadarki.farm import catalogue
from tadarki.farm.generate import NAMED, RANDOM_POOL, Farm, PortalSpec, office_name
from tadarki.registry.models import District, OrgUnit

# Department code in the seed registry → the farm's department key and host prefix.
DEPARTMENTS = {"dip": "passport", "prisons": "prison", "dnc": "dnc", "fscd": "fire"}
HOST_PREFIX = {"passport": "passport", "prison": "jail", "dnc": "dnc", "fire": "fireservice"}
OFFICE_NAME = {
    "passport": "আঞ্চলিক পাসপোর্ট অফিস, {district}",
    "prison": "জেলা কারাগার, {district}",
    "dnc": "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর, জেলা কার্যালয়, {district}",
    "fire": "ফায়ার সার্ভিস ও সিভিল ডিফেন্স, {district}",
}
DEMO_DISTRICTS = ["dhaka", "khulna", "rajshahi", "sylhet", "barisal", "rangpur", "mymensingh", "cumilla"]
DEMO_USERS = [  # username, role, unit code
    ("dip-focal", Role.FOCAL_POINT, "dip"),
    ("dnc-focal", Role.FOCAL_POINT, "dnc"),
    ("lakshmipur-editor", Role.OFFICE_EDITOR, "dip-rpo-lakshmipur"),
    ("member", Role.COMMITTEE_MEMBER, "ssd"),
    ("ict", Role.ICT_CELL, "ssd"),
]


@dataclass
class DemoLogin:
    username: str
    password: str
    role: str


def ensure_users(password: str | None = None) -> list[DemoLogin]:
    """An admin and one user per role; the password is new each time the demo starts."""
    password = password or secrets.token_urlsafe(9)
    admin, _ = User.objects.get_or_create(username="admin", defaults={"is_staff": True})
    admin.is_staff = admin.is_superuser = True
    admin.set_password(password)
    admin.save()
    logins = [DemoLogin("admin", password, "superuser")]
    for username, role, code in DEMO_USERS:
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            continue
        user, _ = User.objects.get_or_create(username=username)
        user.set_password(password)
        user.save()
        Membership.objects.get_or_create(user=user, role=role, unit=unit)
        logins.append(DemoLogin(username, password, str(role.label)))
    return logins


@transaction.atomic
def ensure_offices() -> None:
    """Eight district offices per department besides those the minutes name."""
    for code, key in DEPARTMENTS.items():
        department = OrgUnit.objects.filter(code=code).first()
        if department is None:
            continue
        for slug in DEMO_DISTRICTS:
            district = District.objects.filter(slug=slug).first()
            if district is None:
                continue
            host = f"{HOST_PREFIX[key]}.{slug}.gov.bd"
            if OrgUnit.objects.filter(portal_url__icontains=f"//{host}/").exists():
                continue
            OrgUnit.objects.update_or_create(
                code=f"demo-{code}-{slug}",
                defaults={
                    "parent": department,
                    "kind": OrgUnit.Kind.OFFICE,
                    "office_kind": OrgUnit.OfficeKind.DISTRICT,
                    "name_bn": OFFICE_NAME[key].format(district=district.name_bn),
                    "name_en": f"{key} office, {district.name_en}",
                    "district": district,
                    "portal_url": f"http://{host}/",
                    "portal_maintainer": OrgUnit.Maintainer.OWN,
                },
            )


def _department_key(unit: OrgUnit) -> str:
    for ancestor in unit.ancestors():
        if ancestor.code in DEPARTMENTS:
            return DEPARTMENTS[ancestor.code]
    return "passport"


def build_demo_farm(pages: int = 30, seed: int = 1) -> Farm:
    """A farm portal for every office with a portal; named ones carry the farm's known defects.

    Seeded https:// portal URLs are switched to http:// since the farm has no TLS.
    """
    named = {host: (gen, defects) for host, gen, _d, defects, _k, _t in NAMED}
    specs = []
    offices = OrgUnit.objects.filter(kind=OrgUnit.Kind.OFFICE).exclude(portal_url="")
    for unit in offices:
        host = (urlsplit(unit.portal_url).hostname or "").lower()
        if not host:
            continue
        if unit.portal_url != f"http://{host}/":
            OrgUnit.objects.filter(pk=unit.pk).update(portal_url=f"http://{host}/")
        key = _department_key(unit)
        digest = int(hashlib.sha1(host.encode()).hexdigest(), 16)
        generation, defects = named.get(host, (("G1", "G2", "G3")[digest % 3], None))
        if defects is None:
            defects = random.Random(digest).sample(RANDOM_POOL, 2 + digest % 5)
        specs.append(PortalSpec(host, generation, unit.name_bn, key, pages, list(defects)))
    assert set(DEPARTMENTS.values()) <= set(catalogue.DEPARTMENTS)
    return Farm(specs, seed=seed)


__all__ = ["build_demo_farm", "ensure_offices", "ensure_users", "office_name"]
