from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "casereview.reviews"
    label = "reviews"
    verbose_name = "Reviews: the victim's voice, the meeting, its outcome and the action plan"

    def ready(self) -> None:
        # Registers the review's handlers for the steps of a case (casereview.cases.effects):
        # the invitations to the meeting and the minutes to the panel.
        from casereview.reviews import effects  # noqa: F401
