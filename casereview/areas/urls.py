from django.urls import path

from casereview.areas import views

app_name = "areas"
urlpatterns = [
    path("", views.home, name="home"),
    path("areas/", views.directory, name="directory"),
    path("areas/region/<slug:region_slug>/", views.region, name="region"),
    path("areas/<slug:slug>/", views.area, name="area"),
]
