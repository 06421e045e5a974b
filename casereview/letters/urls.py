"""Staff pages of letters, mounted at /staff/letters/. A letter is named by its case's reference
and its own id; both are checked against the caller's scope."""

from django.urls import path

from casereview.letters import views

app_name = "letters"

urlpatterns = [
    path("post/", views.post_queue, name="post-queue"),
    path("<str:reference>/<int:pk>/", views.letter, name="letter"),
    path("<str:reference>/<int:pk>/letter.pdf", views.pdf, name="pdf"),
    path("<str:reference>/<int:pk>/letter.docx", views.docx, name="docx"),
    path("<str:reference>/<int:pk>/posted/", views.mark_posted, name="mark-posted"),
    path("<str:reference>/<int:pk>/resend/", views.resend, name="resend"),
]
