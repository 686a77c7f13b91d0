"""The ICT cell keeps the registry in the admin too; admin edits land in the same change record."""

from django.contrib import admin
from django.forms.models import model_to_dict

from tadarki.registry.actions import record_change
from tadarki.registry.models import (
    AdminDivision,
    District,
    Holiday,
    Officer,
    OfficerRole,
    OrgUnit,
    OrgUnitAlias,
    OrgUnitVersion,
    RegistryChange,
    Reorganisation,
)


class RecordedAdmin(admin.ModelAdmin):
    """Writes a RegistryChange for every save and delete made in the admin."""

    def _unit(self, obj):
        return obj if isinstance(obj, OrgUnit) else getattr(obj, "unit", None)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        record_change(
            RegistryChange.Action.UPDATE if change else RegistryChange.Action.CREATE,
            f"admin: {obj._meta.verbose_name} {obj}",
            by=request.user,
            unit=self._unit(obj),
            details={"fields": list(form.changed_data)},
        )

    def delete_model(self, request, obj):
        unit = self._unit(obj)
        summary = f"admin: delete {obj._meta.verbose_name} {obj}"
        details = {k: str(v) for k, v in model_to_dict(obj).items()}
        super().delete_model(request, obj)
        record_change(
            RegistryChange.Action.DELETE,
            summary,
            by=request.user,
            unit=None if isinstance(obj, OrgUnit) else unit,
            details=details,
        )


class AliasInline(admin.TabularInline):
    model = OrgUnitAlias
    extra = 1


class OfficerRoleInline(admin.TabularInline):
    model = OfficerRole
    extra = 1


class VersionInline(admin.TabularInline):
    model = OrgUnitVersion
    fk_name = "unit"
    extra = 0
    can_delete = False
    readonly_fields = ["name_bn", "name_en", "parent", "valid_from", "valid_to", "reorganisation"]

    def has_add_permission(self, request, obj=None):
        return False  # history is written by registry.actions only


@admin.register(OrgUnit)
class OrgUnitAdmin(RecordedAdmin):
    list_display = ["name_bn", "code", "kind", "office_kind", "district", "portal_url", "is_active"]
    list_filter = ["kind", "office_kind", "is_active", "portal_maintainer", "district__division"]
    search_fields = ["name_bn", "name_en", "code", "portal_url", "aliases__name"]
    autocomplete_fields = ["parent", "district"]
    inlines = [AliasInline, VersionInline]
    readonly_fields = ["path"]


@admin.register(Officer)
class OfficerAdmin(RecordedAdmin):
    list_display = ["name", "designation", "unit", "email"]
    search_fields = ["name", "designation", "email", "unit__name_bn", "unit__code"]
    autocomplete_fields = ["unit"]
    inlines = [OfficerRoleInline]


@admin.register(AdminDivision)
class AdminDivisionAdmin(admin.ModelAdmin):
    list_display = ["name_bn", "name_en", "slug"]
    search_fields = ["name_bn", "name_en", "slug"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name_bn", "name_en", "slug", "division"]
    list_filter = ["division"]
    search_fields = ["name_bn", "name_en", "slug"]


@admin.register(Holiday)
class HolidayAdmin(RecordedAdmin):
    list_display = ["date", "name_bn", "name_en", "removed"]
    list_filter = ["removed"]
    date_hierarchy = "date"
    search_fields = ["name_bn", "name_en"]


@admin.register(Reorganisation)
class ReorganisationAdmin(admin.ModelAdmin):
    list_display = ["kind", "effective_on", "by", "recorded_at"]
    list_filter = ["kind"]
    readonly_fields = ["kind", "effective_on", "reason", "sources", "results", "by", "recorded_at"]

    def has_add_permission(self, request):
        return False  # made by registry.actions so that history stays consistent


@admin.register(RegistryChange)
class RegistryChangeAdmin(admin.ModelAdmin):
    list_display = ["at", "by", "action", "unit", "summary"]
    list_filter = ["action"]
    search_fields = ["summary", "reason", "unit__code", "unit__name_bn"]
    readonly_fields = ["at", "by", "action", "unit", "summary", "reason", "details"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
