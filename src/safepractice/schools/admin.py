from django.contrib import admin

from .models import Membership, Pupil, School, Trust, TrustAdministrator


@admin.register(Trust)
class TrustAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "trust", "local_authority"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "school", "staff_category", "roles", "left_on"]
    list_filter = ["school", "staff_category"]
    search_fields = ["user__email", "user__full_name"]
    raw_id_fields = ["user", "line_manager"]


@admin.register(Pupil)
class PupilAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "year_group", "status", "school"]
    list_filter = ["school", "status"]
    search_fields = ["last_name", "first_name", "external_id"]


admin.site.register(TrustAdministrator)
admin.site.site_header = "safepractice administration"
