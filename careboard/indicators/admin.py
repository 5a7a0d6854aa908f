"""The catalogue in Django's admin, for administrators tidying entries by hand."""

from django.contrib import admin

from careboard.indicators.models import CatalogueEntry


@admin.register(CatalogueEntry)
class CatalogueEntryAdmin(admin.ModelAdmin):
    list_display = ("code", "strategy_wording", "plan", "priority", "source", "polarity")
    list_filter = ("plan", "source", "polarity")
    search_fields = ("code", "strategy_wording", "definition")
    ordering = ("plan", "priority__number", "order")
