from django.apps import AppConfig


class PledgeConfig(AppConfig):
    name = "casereview.pledge"
    label = "pledge"
    verbose_name = "PLEDGE self-assessment"
