"""Staff pages of cases, under /staff/cases/. A case is named by its reference in every URL;
a reference the signed-in person may not see is answered 404, never 403."""

from django.urls import path

from casereview.cases.views import case_page, dashboard, decide, receive, steps

app_name = "cases"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("new/", receive.receive, name="receive"),
    path("<str:reference>/", case_page.case_detail, name="case"),
    path("<str:reference>/acknowledge/", steps.acknowledge, name="acknowledge"),
    path("<str:reference>/spoc/", steps.assign_spoc, name="assign-spoc"),
    path("<str:reference>/complaints/new/", steps.add_complaint, name="add-complaint"),
    path(
        "<str:reference>/information-requests/new/",
        steps.request_information,
        name="request-information",
    ),
    path(
        "<str:reference>/information-requests/<int:request_id>/response/",
        steps.record_response,
        name="record-response",
    ),
    path("<str:reference>/decision/", decide.decide, name="decide"),
    path("<str:reference>/decline/", decide.decline_repeat, name="decline-repeat"),
    path("<str:reference>/victim-contact/", steps.victim_contact, name="victim-contact"),
    path("<str:reference>/withdraw/", steps.withdraw, name="withdraw"),
    path("<str:reference>/close/", steps.close, name="close"),
]
