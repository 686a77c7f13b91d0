"""`tadarki demo` (the README's first command) sets up everything and runs a first round."""

import pytest
from django.core.management import call_command

from tadarki.accounts.models import User
from tadarki.audits.models import AuditRound
from tadarki.registry.models import OrgUnit


@pytest.mark.django_db(transaction=True)
def test_demo_seeds_registry_users_and_audits_the_farm(capsys, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("demo", "--no-serve", "--pages", "6")
    out = capsys.readouterr().out

    assert OrgUnit.objects.filter(code="dip").exists()
    assert OrgUnit.objects.filter(kind="office").count() >= 40
    admin = User.objects.get(username="admin")
    password = next(line.split()[1] for line in out.splitlines() if line.strip().startswith("admin "))
    assert admin.check_password(password)

    audit_round = AuditRound.objects.get()
    progress_line = next(line for line in out.splitlines() if line.startswith("round 1:"))
    done, total = progress_line.split()[2].split("/")
    assert done == total and int(total) >= 40
    assert audit_round.portals.filter(state="done").count() == int(total)
