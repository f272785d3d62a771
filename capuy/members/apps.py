"""App config: the member register is personal data, so every model is in the audit trail."""

from __future__ import annotations

from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "capuy.members"
    label = "members"
    verbose_name = "Đảng viên"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.members.synth import register as register_synth

        register_synth()

        from capuy.members.demo import load_demo_records
        from capuy.web.demo import register_demo_step

        register_demo_step("records", load_demo_records, order=30, label="Hồ sơ đảng viên")

        from capuy.members.stats import register as register_stats

        register_stats()
        from capuy.members.report_sections import register as register_report_sections

        register_report_sections()  # its sections of a composed report

        from capuy.web.home import NavItem, register_nav
        from capuy.web.records import READ_ROLES

        register_nav(NavItem("Đảng viên", "members:list", roles=frozenset(READ_ROLES), order=20))

        from capuy.members.panels import register_home

        register_home()
        from capuy.members.search import register_search

        register_search()

        from capuy.members import models

        for model in (
            models.Member,
            models.MemberEvent,
            models.Affiliation,
            models.Badge,
            models.MemberRating,
            models.OrganisationRating,
        ):
            auditlog.register(model)

        from capuy.accounts.scoped import register_scoped

        for model in (models.Member, models.MemberEvent, models.Affiliation):
            register_scoped(model, "organisation")
        register_scoped(models.Badge, "member__organisation")
        register_scoped(models.MemberRating, "member__organisation")
        register_scoped(models.OrganisationRating, "organisation")
        # counts kept by triggers from the records above (capuy/members/tallies.py): scoped by
        # unit, not audited (the records' changes are)
        register_scoped(models.MemberRatingTally, "organisation")
        register_scoped(models.MemberCountTally, "organisation")
        from capuy.members.tallies import pause_triggers, resume_and_rebuild
        from capuy.stats.national import register_national_copy

        # a national COPY build: the tallies recounted once at the end, not a trigger a row
        register_national_copy("members.tallies", pause_triggers, resume_and_rebuild)
