from django.urls import path

from . import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("trust/", views.trust_home, name="trust_home"),
    path("s/<slug:school_slug>/", views.school_home, name="school_home"),
]
