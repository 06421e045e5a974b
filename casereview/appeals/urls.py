from django.urls import path

from casereview.appeals import views

app_name = "appeals"

urlpatterns = [
    path("<str:reference>/appeals/new/", views.lodge, name="lodge"),
    path("<str:reference>/appeals/<int:appeal_id>/", views.appeal, name="appeal"),
    path("<str:reference>/appeals/<int:appeal_id>/hearing/", views.hear, name="hear"),
    path("<str:reference>/appeals/<int:appeal_id>/outcome/", views.send_outcome, name="outcome"),
]
