from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "casereview.partners"
    label = "partners"
    verbose_name = "Partners: information requests and responses"
