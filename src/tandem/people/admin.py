from django.contrib import admin

from tandem.people.models import CareerLevel, Location, OrgUnit, Person
from tandem.people.services_accounts import accounts_follow_email_changes


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "employee_id", "email", "org_unit", "is_active"]
    list_filter = ["is_active", "kind", "career_level", "location"]
    search_fields = ["last_name", "first_name", "email", "employee_id"]
    # Manager changes must pass the cycle check in services.person_set_manager.
    # The named level and its rank change together: the import and People → Career levels.
    readonly_fields = ["manager", "level", "email_key", "created_at", "updated_at"]
    list_select_related = ["org_unit"]
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        """A changed e-mail moves the person's account to it, unverified (as the import does)."""
        old = Person.objects.filter(pk=obj.pk).values_list("email", flat=True).first()
        super().save_model(request, obj, form, change)
        if change and old and "email" in form.changed_data:
            accounts_follow_email_changes(changes=[(old, obj.email)], actor=request.user)


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "parent"]
    search_fields = ["name"]
    list_select_related = ["parent"]


admin.site.register(Location)


@admin.register(CareerLevel)
class CareerLevelAdmin(admin.ModelAdmin):
    list_display = ["name", "rank"]
    # Ranks are set on People → Career levels, which also updates the people at each level.
    readonly_fields = ["rank"]
