from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "casereview.letters"
    label = "letters"
    verbose_name = "Letters"
