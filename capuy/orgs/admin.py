"""Admin pages (Vietnamese) for organisations, their reorganisation events, bodies and terms."""

from __future__ import annotations

from django.contrib import admin

from capuy.orgs.models import Body, CommitteeTerm, Organisation, OrgEvent


class BodyInline(admin.TabularInline):
    model = Body
    extra = 0


class TermInline(admin.TabularInline):
    model = CommitteeTerm
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("indented_name", "kind", "code", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "committee_name", "code")
    autocomplete_fields = ("parent",)
    inlines = [BodyInline, TermInline]

    @admin.display(description="tên tổ chức đảng", ordering="tree_key")
    def indented_name(self, obj: Organisation) -> str:
        return "— " * (obj.path.count("/") - 2) + obj.name


@admin.register(OrgEvent)
class OrgEventAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "date", "decision")
    list_filter = ("kind",)
    date_hierarchy = "date"
    filter_horizontal = ("predecessors", "successors")


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "organisation", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "code", "organisation__name")


@admin.register(CommitteeTerm)
class CommitteeTermAdmin(admin.ModelAdmin):
    list_display = ("organisation", "label", "start_date", "end_date")
