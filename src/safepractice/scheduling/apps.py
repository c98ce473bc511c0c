from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "safepractice.scheduling"
    label = "scheduling"
    verbose_name = "Scheduled jobs"
