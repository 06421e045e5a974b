from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public journey: understand, check, apply, track, with no account."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "casereview.public"
    label = "public"

    def ready(self) -> None:
        # Registers the progress e-mails as side effects of the case's steps.
        from casereview.public import page_cache
        from casereview.public.track import notify  # noqa: F401

        page_cache.connect_signals()
