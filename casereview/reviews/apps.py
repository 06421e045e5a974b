from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "casereview.reviews"
    label = "reviews"
    verbose_name = "Reviews: the victim's voice, the meeting, its outcome and the action plan"
