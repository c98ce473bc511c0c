from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("s/<slug:school_slug>/reviews/", views.index, name="index"),
    path("s/<slug:school_slug>/reviews/<int:pk>/", views.detail, name="detail"),
    path("s/<slug:school_slug>/reviews/<int:pk>/progress/", views.progress, name="progress"),
    path("s/<slug:school_slug>/reviews/<int:pk>/report.pdf", views.pdf, name="pdf"),
    path("s/<slug:school_slug>/reviews/<int:pk>/delete/", views.delete, name="delete"),
]
