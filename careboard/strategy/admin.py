"""Django admin for plans and their items. Progress updates can be added, never changed."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest

from careboard.core.locking import save_if_unchanged
from careboard.core.models import Versioned
from careboard.strategy.models import (
    Action,
    GovernanceBody,
    Plan,
    Principle,
    Priority,
    ProgressUpdate,
)


class BumpsVersion(admin.ModelAdmin):
    """Saving here bumps the version, so anyone with the record open sees a conflict."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        if change and isinstance(obj, Versioned):
            save_if_unchanged(obj, obj.version)
        else:
            super().save_model(request, obj, form, change)


class PrincipleInline(admin.TabularInline):
    model = Principle
    extra = 0


class GovernanceInline(admin.StackedInline):
    model = GovernanceBody
    extra = 0


class PriorityInline(admin.StackedInline):
    model = Priority
    extra = 0
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Plan)
class PlanAdmin(BumpsVersion):
    list_display = ["title", "starts_on", "ends_on", "status"]
    list_filter = ["status"]
    prepopulated_fields = {"slug": ["short_title"]}
    inlines = [PriorityInline, PrincipleInline, GovernanceInline]


@admin.register(Priority)
class PriorityAdmin(BumpsVersion):
    list_display = ["__str__", "plan"]
    list_filter = ["plan"]


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    fk_name = "action"
    extra = 0
    fields = readonly_fields = ("reported_on", "rag", "narrative", "author", "reported_by")

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Action)
class ActionAdmin(BumpsVersion):
    list_display = ["reference", "title", "plan", "priority", "kind", "owner", "due_on"]
    list_filter = ["plan", "kind"]
    search_fields = ["reference", "title", "responsibility"]
    raw_id_fields = ["carried_from", "owner"]
    filter_horizontal = ["recommendations"]
    inlines = [ProgressUpdateInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    """Updates are added (e.g. from a committee report) but never edited or deleted."""

    list_display = ["action", "reported_on", "rag", "reporter"]
    list_filter = ["rag", "action__plan"]
    raw_id_fields = ["action", "author"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
