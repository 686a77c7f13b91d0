"""An organisation tree and a scriptable fake auditor for the audits tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pytest
from tests.helpers.org import fast_passwords, make_user, ministry_and_division

from tadarki.engine.result import Finding, PageRecord, PortalResult

__all__ = ["fast_passwords"]  # the autouse fixture, shared with tests/committees


@dataclass
class FakePortal:
    """What the fake auditor reports for one portal; tests edit it between rounds."""

    findings: dict[tuple[str, str], str] = field(default_factory=dict)  # (rule, subject) -> url
    pages: dict[str, bytes] = field(default_factory=dict)  # url -> body; absent = not reached
    reachable: bool = True


class FakeAuditor:
    def __init__(self) -> None:
        self.portals: dict[str, FakePortal] = {}
        self.calls: list[str] = []

    def portal(self, url: str) -> FakePortal:
        return self.portals.setdefault(url, FakePortal())

    async def __call__(self, target, config, politeness) -> PortalResult:
        self.calls.append(target.url)
        portal = self.portal(target.url)
        result = PortalResult(
            office=target.office,
            url=target.url,
            host=target.url.split("/")[2],
            reachable=portal.reachable,
            template="G2",
        )
        for page_url, body in portal.pages.items():
            digest = hashlib.sha256(body).hexdigest()
            result.pages.append(
                PageRecord(
                    page_url, 200, "2026-01-31T10:00:00+06:00", digest, "text/html", "", body
                )
            )
        result.pages_fetched = len(result.pages)
        for (rule, subject), url in portal.findings.items():
            severity = "critical" if rule.startswith(("portal.", "charter.missing")) else "major"
            page = next((p for p in result.pages if p.url == url), None)
            result.findings.append(
                Finding(
                    rule=rule,
                    severity=severity,
                    subject=subject,
                    url=url,
                    evidence=f"<p>{rule}</p>",
                    message_bn=f"{subject or rule} সমস্যা রয়েছে।",
                    status=200 if page else None,
                    fetched_at=page.fetched_at if page else None,
                    sha256=page.sha256 if page else None,
                )
            )
        result.compute_score()
        return result


@pytest.fixture
def auditor() -> FakeAuditor:
    return FakeAuditor()


@pytest.fixture
def tree(db):
    """Ministry → division → two departments → offices (one without a portal)."""
    from tadarki.registry.models import OrgUnit

    K = OrgUnit.Kind
    ministry, division = ministry_and_division()
    dip = OrgUnit.objects.create(
        kind=K.DEPARTMENT, code="dip", name_bn="বহিরাগমন ও পাসপোর্ট অধিদপ্তর", parent=division
    )
    dnc = OrgUnit.objects.create(
        kind=K.DEPARTMENT, code="dnc", name_bn="মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর", parent=division
    )

    def office(code, name, parent, url):
        return OrgUnit.objects.create(
            kind=K.OFFICE,
            office_kind="regional",
            code=code,
            name_bn=name,
            parent=parent,
            portal_url=url,
        )

    units = {
        "ministry": ministry,
        "division": division,
        "dip": dip,
        "dnc": dnc,
        "lakshmipur": office(
            "passport-lakshmipur",
            "আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর",
            dip,
            "http://passport.lakshmipur.gov.bd/",
        ),
        "brahmanbaria": office(
            "passport-brahmanbaria",
            "আঞ্চলিক পাসপোর্ট অফিস, ব্রাহ্মণবাড়িয়া",
            dip,
            "http://passport.brahmanbaria.gov.bd/",
        ),
        "manikganj": office(
            "dnc-manikganj",
            "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর, মানিকগঞ্জ",
            dnc,
            "http://dnc.manikganj.gov.bd/",
        ),
        "noportal": office("dnc-noportal", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর, শেরপুর", dnc, ""),
    }
    return units


@pytest.fixture
def users(tree):
    from tadarki.accounts.models import Role

    return {
        "ict": make_user("ict", Role.ICT_CELL, tree["division"]),
        "dip_focal": make_user("dipfocal", Role.FOCAL_POINT, tree["dip"]),
        "dnc_focal": make_user("dncfocal", Role.FOCAL_POINT, tree["dnc"]),
        "lakshmipur_editor": make_user("lakeditor", Role.OFFICE_EDITOR, tree["lakshmipur"]),
        "member": make_user("member", Role.COMMITTEE_MEMBER, tree["division"]),
        "nobody": make_user("nobody"),
    }
