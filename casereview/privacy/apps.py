from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "casereview.privacy"
    label = "privacy"
    verbose_name = "Privacy"
