"""Admin for tandems: read-only, for looking things up. Tandems change through the services only
(matching, confirmation, the blame-free end), which keep the audit trail and tell the partners.
"""

from django.contrib import admin

from tandem.tandems.models import Tandem

# The partners' separate answers are left out: nobody learns here who declined (R13).
TANDEM_FIELDS = ("cohort", "mentor", "mentee", "status", "created_at", "confirmed_at", "ended_at")


@admin.register(Tandem)
class TandemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "cohort", "status", "created_at", "confirmed_at", "ended_at"]
    list_filter = ["status", "cohort"]
    list_select_related = ["cohort__program", "mentor__person", "mentee__person"]
    fields = TANDEM_FIELDS
    readonly_fields = TANDEM_FIELDS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
