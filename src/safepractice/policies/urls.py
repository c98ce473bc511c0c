from django.urls import path

from . import views

app_name = "policies"
urlpatterns = [
    path("s/<slug:school_slug>/policies/", views.policy_list, name="list"),
    path("s/<slug:school_slug>/policies/<int:pk>/", views.policy_detail, name="detail"),
    path("s/<slug:school_slug>/policies/<int:pk>/acknowledge/", views.acknowledge_view,
         name="acknowledge"),
    path("s/<slug:school_slug>/policies/<int:pk>/review-date/", views.review_date,
         name="review_date"),
    path("s/<slug:school_slug>/policies/<int:pk>/completion/", views.completion,
         name="completion"),
]
