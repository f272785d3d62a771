"""App config of the background jobs: the scope of a job (its unit and classification)."""

from __future__ import annotations

import importlib
import os

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "capuy.jobs"
    label = "jobs"
    verbose_name = "Công việc chạy nền"

    def ready(self) -> None:
        from capuy.accounts.scoped import register_scoped
        from capuy.jobs.models import Job
        from capuy.web.home import NavItem, register_nav

        # a job is seen as the record it works on: its unit and its classification
        register_scoped(Job, "organisation", "classification")
        register_nav(NavItem("Công việc", "jobs:list", order=95))
        from auditlog.registry import auditlog

        # who asked for what is kept; the progress written as the job runs is not
        auditlog.register(Job, exclude_fields=["done", "total", "message", "worker"])
        # an installation's own job kinds (a module calling register_kind on import)
        for module in filter(None, os.environ.get("CAPUY_JOB_MODULES", "").split(",")):
            importlib.import_module(module.strip())
