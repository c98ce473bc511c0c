from django.urls import path

from . import views

app_name = "checks"
urlpatterns = [
    path("s/<slug:school_slug>/check/", views.check, name="check"),
    path("s/<slug:school_slug>/check/save/", views.save, name="save"),
    path("s/<slug:school_slug>/check/photos/", views.photos, name="photos"),
    path("s/<slug:school_slug>/check/saved/", views.saved, name="saved"),
    path("s/<slug:school_slug>/check/saved/<int:pk>/", views.saved_detail, name="saved_detail"),
    path("s/<slug:school_slug>/check/saved/<int:pk>/delete/", views.saved_delete,
         name="saved_delete"),
]
