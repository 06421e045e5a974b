from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "casereview.cases"
    label = "cases"
    verbose_name = "Cases"
