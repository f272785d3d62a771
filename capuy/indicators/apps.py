"""App config: targets and entered values are in the audit trail."""

from __future__ import annotations

from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "capuy.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.indicators.synth import register as register_synth

        register_synth()

        from capuy.indicators.rollup import target_of
        from capuy.stats.counts import register_target_lookup

        register_target_lookup(target_of)
        from capuy.indicators.report_sections import register as register_report_sections

        register_report_sections()  # its sections of a composed report

        from capuy.web.home import NavItem, register_nav
        from capuy.web.records import READ_ROLES

        register_nav(
            NavItem(
                "Số liệu, chỉ tiêu", "indicators:dashboard", roles=frozenset(READ_ROLES), order=15
            )
        )

        from capuy.indicators import models

        for model in (
            models.Indicator,
            models.Target,
            models.IndicatorValue,
            models.ValidationRule,
        ):
            auditlog.register(model)

        from capuy.accounts.scoped import register_scoped

        register_scoped(models.Target, "organisation")
        register_scoped(models.IndicatorValue, "organisation")
