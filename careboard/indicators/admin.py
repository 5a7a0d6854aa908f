"""The catalogue in Django's admin, for administrators tidying entries by hand."""

from django.contrib import admin
from django.http import HttpRequest

from careboard.indicators.models import (
    CatalogueEntry,
    IndicatorValue,
    Judgement,
    StatusOverride,
    Target,
)


@admin.register(CatalogueEntry)
class CatalogueEntryAdmin(admin.ModelAdmin):
    list_display = ("code", "strategy_wording", "plan", "priority", "source", "polarity")
    list_filter = ("plan", "source", "polarity")
    search_fields = ("code", "strategy_wording", "definition")
    ordering = ("plan", "priority__number", "order")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown for inspection only: values, targets and overrides are recorded through the
    indicator pages (which keep the history); judgements are derived from them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ReadOnlyAdmin):
    list_display = ("entry", "period_label", "value", "source", "is_current", "recorded_at")
    list_filter = ("source", "is_current", "year")
    search_fields = ("entry__code",)


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin):
    list_display = ("entry", "period_label", "value", "tolerance", "is_current", "recorded_at")
    list_filter = ("is_current", "year")
    search_fields = ("entry__code",)


@admin.register(StatusOverride)
class StatusOverrideAdmin(ReadOnlyAdmin):
    list_display = ("entry", "period_label", "status", "reason", "is_current", "recorded_at")
    search_fields = ("entry__code",)


@admin.register(Judgement)
class JudgementAdmin(ReadOnlyAdmin):
    list_display = ("entry", "period_label", "value", "status", "quartile", "refreshed_at")
    list_filter = ("status", "year")
    search_fields = ("entry__code",)
