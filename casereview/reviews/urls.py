from django.urls import path

from casereview.reviews.views import documents, steps

app_name = "reviews"

urlpatterns = [
    path("<str:reference>/review/voice/", steps.victim_voice, name="voice"),
    path("<str:reference>/review/voice/statement/", steps.statement_file, name="statement"),
    path("<str:reference>/review/meeting/", steps.schedule_meeting, name="schedule"),
    path("<str:reference>/review/record/", steps.record_meeting, name="record"),
    path("<str:reference>/review/outcome/", steps.send_outcome, name="outcome"),
    path("<str:reference>/review/minutes/", steps.circulate_minutes, name="minutes"),
    path("<str:reference>/review/comment/", steps.victim_comment, name="comment"),
    path("<str:reference>/review/finalise/", steps.finalise_plan, name="finalise"),
    path("<str:reference>/review/actions/<int:action_id>/", steps.update_action, name="action"),
    path("<str:reference>/review/lead-agency/", steps.change_lead_agency, name="lead-agency"),
    path("<str:reference>/review/documents/", documents.document_list, name="documents"),
    path(
        "<str:reference>/review/documents/<slug:kind>/<slug:audience>.<slug:fmt>",
        documents.document_file,
        name="document",
    ),
]
