"""Fill `portal_key` for units created before the field existed.

Where two active units already share a portal, only the first keeps the key, so the
migration never fails; `tadarki registry-export` then shows the second for the ICT cell to fix.
"""

from urllib.parse import urlsplit

from django.db import migrations


def key_of(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url.strip())
    return f"{(parts.netloc or '').lower()}{parts.path.rstrip('/')}"


def fill(apps, schema_editor):
    OrgUnit = apps.get_model("registry", "OrgUnit")
    taken = set()
    for unit in OrgUnit.objects.filter(portal_key="").exclude(portal_url="").order_by("pk"):
        key = key_of(unit.portal_url)
        if unit.is_active:  # the constraint binds active units only
            if key in taken:
                continue
            taken.add(key)
        OrgUnit.objects.filter(pk=unit.pk).update(portal_key=key)


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_history_holidays_changes")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
