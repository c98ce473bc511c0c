from django.urls import path

from . import views

app_name = "api_tokens"
urlpatterns = [
    path("s/<slug:school_slug>/api-tokens/", views.tokens, name="tokens"),
    path("s/<slug:school_slug>/api-tokens/<int:pk>/revoke/", views.revoke, name="revoke"),
]
