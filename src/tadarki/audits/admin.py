from django.contrib import admin

from .models import ApiToken, AuditRound, Finding, FindingEvent, RoundPortal, Score


@admin.register(AuditRound)
class AuditRoundAdmin(admin.ModelAdmin):
    list_display = ["number", "scope", "state", "trigger", "created_at", "finished_at"]
    list_filter = ["state", "trigger"]


@admin.register(RoundPortal)
class RoundPortalAdmin(admin.ModelAdmin):
    list_display = ["round", "unit", "state", "pages_fetched", "findings_count", "score"]
    list_filter = ["state"]
    raw_id_fields = ["round", "unit"]
    exclude = ["pages"]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["unit", "rule", "subject", "severity", "status", "review"]
    list_filter = ["status", "review", "severity", "family"]
    search_fields = ["rule", "subject", "unit__name_bn"]
    raw_id_fields = ["unit", "department", "first_round", "last_seen_round", "status_round"]


@admin.register(FindingEvent)
class FindingEventAdmin(admin.ModelAdmin):
    list_display = ["finding", "kind", "actor", "at"]
    raw_id_fields = ["finding", "round", "actor"]


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ["round", "unit", "level", "score", "method"]
    list_filter = ["level", "method"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "name", "created_at", "last_used_at"]
    readonly_fields = ["token_hash", "prefix"]
