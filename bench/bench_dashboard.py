"""Benchmark the audits pages and API on a seeded database.

    .venv/bin/python bench/bench_dashboard.py [--offices 300] [--rounds 20] [--requests 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tadarki .venv/bin/python bench/bench_dashboard.py

Seeds offices × rounds of findings, observations and scores into a throwaway test database
(Django's test-database machinery: SQLite in memory by default, `test_<name>` on
PostgreSQL, dropped afterwards), then times the division dashboard, a department page, an
office page, a finding page and the JSON API with Django's test client, and prints p50/p95
per page. Target: p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tadarki.settings")

RULES = [
    ("menu.empty-submenu", "major", "menus"),
    ("page.empty", "major", "menus"),
    ("link.broken", "major", "links"),
    ("box.empty-link", "minor", "menus"),
    ("charter.incomplete", "major", "charter"),
    ("charter.missing", "critical", "charter"),
    ("rti.designated-missing", "major", "officers"),
    ("grs.alternate-missing", "minor", "officers"),
    ("contact.personal-email", "minor", "officers"),
    ("notice.stale", "minor", "notices"),
    ("news.empty", "minor", "notices"),
    ("content.junk", "minor", "content"),
    ("stats.missing", "major", "stats"),
]
DEPARTMENTS = [
    ("passport", "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"),
    ("prison", "কারা অধিদপ্তর"),
    ("dnc", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"),
    ("fire", "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর"),
]


def seed(offices: int, rounds: int, rng: random.Random) -> dict:
    """Bulk-insert a plausible history: each office keeps ~8 live defects, some fixed and
    some new every round."""
    from django.utils import timezone

    from tadarki.audits.models import AuditRound, Finding, Observation, RoundPortal, Score
    from tadarki.audits.scoring import METHOD, mean_score, office_score
    from tadarki.registry.models import OrgUnit

    K = OrgUnit.Kind
    ministry = OrgUnit.objects.create(kind=K.MINISTRY, code="moha", name_bn="স্বরাষ্ট্র মন্ত্রণালয়")
    division = OrgUnit.objects.create(
        kind=K.DIVISION, code="ssd", name_bn="সুরক্ষা সেবা বিভাগ", parent=ministry
    )
    depts = [
        OrgUnit.objects.create(kind=K.DEPARTMENT, code=c, name_bn=n, parent=division)
        for c, n in DEPARTMENTS
    ]
    units = []
    for i in range(offices):
        dept = depts[i % len(depts)]
        units.append(
            OrgUnit.objects.create(
                kind=K.OFFICE,
                office_kind="district",
                code=f"{dept.code}-office{i}",
                name_bn=f"{dept.name_bn[:12]} অফিস {i}",
                parent=dept,
                portal_url=f"http://{dept.code}.district{i}.gov.bd/",
            )
        )
    now = timezone.now()
    round_rows = AuditRound.objects.bulk_create(
        AuditRound(number=n + 1, state="done", score_method=METHOD, finished_at=now)
        for n in range(rounds)
    )
    live: dict[int, dict[tuple[str, str], Finding]] = {u.pk: {} for u in units}
    all_findings: dict[tuple[int, str, str], Finding] = {}
    for audit_round in round_rows:
        observations, office_scores, portals = [], [], []
        for unit in units:
            mine = live[unit.pk]
            fixed_now = [k for k in mine if rng.random() < 0.2]
            for key in fixed_now:
                f = mine.pop(key)
                f.status, f.status_round = "fixed", audit_round
                observations.append(Observation(finding=f, round=audit_round, state="fixed"))
            while len(mine) < 8 and rng.random() < 0.8:
                rule, severity, family = rng.choice(RULES)
                subject = f"{unit.portal_url}page/{rng.randrange(40)}"
                if (rule, subject) in mine or (rule, subject) in fixed_now:
                    continue
                fkey = (unit.pk, rule, subject)
                f = all_findings.get(fkey)
                if f is None:
                    f = Finding(
                        unit=unit,
                        department=unit.parent,
                        rule=rule,
                        subject=subject,
                        severity=severity,
                        family=family,
                        status="new",
                        url=subject,
                        message_bn=f"{rule} পর্যবেক্ষণ",
                        first_round=audit_round,
                        last_seen_round=audit_round,
                        status_round=audit_round,
                    )
                    f.save()
                    all_findings[fkey] = f
                else:
                    f.status, f.status_round = "regressed", audit_round
                mine[(rule, subject)] = f
            for f in mine.values():
                state = "new" if f.status_round_id == audit_round.pk else "open"
                if f.status == "new" and f.first_round_id != audit_round.pk:
                    f.status = "open"
                f.last_seen_round = audit_round
                observations.append(
                    Observation(
                        finding=f,
                        round=audit_round,
                        state=state,
                        url=f.url,
                        http_status=200,
                        sha256="0" * 64,
                        evidence="<li>…</li>",
                    )
                )
            score = office_score(f.severity for f in mine.values())
            office_scores.append(
                Score(
                    round=audit_round,
                    unit=unit,
                    level="office",
                    score=score,
                    method=METHOD,
                    open_findings=len(mine),
                )
            )
            portals.append(
                RoundPortal(
                    round=audit_round,
                    unit=unit,
                    url=unit.portal_url,
                    state="done",
                    pages_fetched=60,
                    findings_count=len(mine),
                    score=score,
                )
            )
        Observation.objects.bulk_create(observations, batch_size=2000)
        RoundPortal.objects.bulk_create(portals, batch_size=2000)
        Score.objects.bulk_create(office_scores, batch_size=2000)
        dept_scores = []
        for dept in depts:
            mine = [s for s in office_scores if s.unit.parent_id == dept.pk]
            dept_scores.append(
                Score(
                    round=audit_round,
                    unit=dept,
                    level="department",
                    method=METHOD,
                    score=mean_score(s.score for s in mine),
                    offices=len(mine),
                    open_findings=sum(s.open_findings for s in mine),
                )
            )
        Score.objects.bulk_create(dept_scores)
        Score.objects.create(
            round=audit_round,
            unit=division,
            level="division",
            method=METHOD,
            score=mean_score(s.score for s in dept_scores),
            offices=len(units),
        )
    Finding.objects.bulk_update(
        list(all_findings.values()), ["status", "status_round", "last_seen_round"], batch_size=2000
    )
    return {"depts": depts, "units": units, "findings": list(all_findings.values())}


def timed(client, url: str, n: int, **headers) -> tuple[float, float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(url, **headers)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return statistics.median(samples), p95


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from tadarki.accounts.models import Membership, Role, User
        from tadarki.audits import tokens
        from tadarki.audits.models import Observation

        started = time.perf_counter()
        data = seed(args.offices, args.rounds, random.Random(1))
        print(
            f"seeded {args.offices} offices x {args.rounds} rounds: "
            f"{len(data['findings'])} findings, {Observation.objects.count()} observations "
            f"in {time.perf_counter() - started:.1f}s on {connection.vendor}"
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # what autovacuum does after a bulk load
                cursor.execute("ANALYZE")
        ict = User.objects.create_user("ict", password="x")
        Membership.objects.create(user=ict, role=Role.ICT_CELL, unit=data["depts"][0].parent)
        focal = User.objects.create_user("focal", password="x")
        Membership.objects.create(user=focal, role=Role.FOCAL_POINT, unit=data["depts"][2])
        token = tokens.create_token(ict)
        auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        dept, office = data["depts"][2], data["units"][2]
        finding = next(f for f in data["findings"] if f.unit_id == office.pk)
        pages = [
            ("dashboard (ICT)", ict, "/audits/", {}),
            ("dashboard (focal point)", focal, "/audits/", {}),
            ("department page", ict, f"/audits/unit/{dept.code}/", {}),
            ("office page", focal, f"/audits/unit/{office.code}/", {}),
            ("finding page", ict, f"/audits/findings/{finding.pk}/", {}),
            ("findings list", ict, f"/audits/findings/?department={dept.code}", {}),
            ("API dashboard", None, "/audits/api/dashboard/", auth),
            (
                "API department findings",
                None,
                f"/audits/api/findings/?department={dept.code}",
                auth,
            ),
            ("API office", None, f"/audits/api/units/{office.code}/", auth),
        ]
        worst = 0.0
        print(f"{'page':<28}{'p50 ms':>10}{'p95 ms':>10}")
        for label, user, url, headers in pages:
            client = Client()
            if user is not None:
                client.force_login(user)
            client.get(url, **headers)  # warm caches (templates, query plans)
            p50, p95 = timed(client, url, args.requests, **headers)
            worst = max(worst, p95)
            print(f"{label:<28}{p50:>10.1f}{p95:>10.1f}")
        print(f"worst p95: {worst:.1f} ms (target < 300 ms): {'OK' if worst < 300 else 'SLOW'}")
        return 0 if worst < 300 else 1
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
