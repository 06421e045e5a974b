from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "casereview.areas"
    label = "areas"
    verbose_name = "Areas and the national directory"
