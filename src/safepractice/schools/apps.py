from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "safepractice.schools"
    label = "schools"
    verbose_name = "Schools and people"
