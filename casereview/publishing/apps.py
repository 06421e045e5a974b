from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "casereview.publishing"
    label = "publishing"
    verbose_name = "Publishing: statistics, releases, open data and the procedure's records"
