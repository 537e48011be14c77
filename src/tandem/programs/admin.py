"""Admin for programs and cohorts: for looking things up. Changes go through the services (the
phase guards, the charter versions and the audit trail live there), so most fields are read-only.
"""

from django.contrib import admin
from django.db import models

from tandem.programs.models import Charter, Cohort, CohortEvent, CohortTransition, Program


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    filter_horizontal = ["focus_topics"]


TRANSITION_FIELDS = ("at", "from_phase", "to_phase", "actor")
CHARTER_FIELDS = ("version", "created_at", "created_by")


class CohortTransitionInline(admin.TabularInline):
    model = CohortTransition
    extra = 0
    can_delete = False
    fields = TRANSITION_FIELDS
    readonly_fields = TRANSITION_FIELDS

    def has_add_permission(self, request, obj=None):  # written by the phase services only
        return False


class CharterInline(admin.TabularInline):
    model = Charter
    extra = 0
    can_delete = False
    fields = CHARTER_FIELDS
    readonly_fields = CHARTER_FIELDS
    show_change_link = True

    def has_add_permission(self, request, obj=None):  # published by charter_publish only
        return False


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "program", "phase", "starts_on", "ends_on", "is_pilot", "coordinator"]
    list_filter = ["phase", "is_pilot", "program"]
    search_fields = ["name", "program__name"]
    list_select_related = ["program", "coordinator"]
    # The phase changes only through the guarded services (cohort_transition).
    readonly_fields = ["phase", "copied_from", "created_at", "updated_at"]
    filter_horizontal = ["sites"]
    inlines = [CharterInline, CohortTransitionInline]


@admin.register(Charter)
class CharterAdmin(admin.ModelAdmin):
    list_display = ["cohort", "version", "created_at", "created_by"]
    list_select_related = ["cohort__program", "created_by"]
    readonly_fields = [f.name for f in Charter._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):  # a version never changes
        return False


@admin.register(CohortEvent)
class CohortEventAdmin(admin.ModelAdmin):
    # A video link typed without a scheme is an https one (as in the event form).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "cohort", "kind", "starts_at"]
    list_filter = ["kind"]
    list_select_related = ["cohort"]
