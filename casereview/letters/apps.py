from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "casereview.letters"
    label = "letters"
    verbose_name = "Letters"

    def ready(self) -> None:
        # Registers the letters' handler for the steps of a case (casereview.cases.effects).
        from casereview.letters import effects  # noqa: F401
