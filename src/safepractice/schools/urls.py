from django.urls import path

from . import views

app_name = "schools"
urlpatterns = [
    path("s/<slug:school_slug>/people/", views.people, name="people"),
    path("s/<slug:school_slug>/people/roles/", views.duty_roles, name="duty_roles"),
]
