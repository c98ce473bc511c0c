from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "safepractice.audit"
    label = "audit"
    verbose_name = "Audit log"
