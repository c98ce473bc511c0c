from django.urls import path

from . import views

app_name = "oversight"
prefix = "s/<slug:school_slug>/oversight/"
urlpatterns = [
    path(prefix, views.school_dashboard, name="dashboard"),
    path(f"{prefix}lists/<slug:list_name>/", views.list_view, name="list"),
    path(f"{prefix}reports/", views.reports, name="reports"),
    path(f"{prefix}reports/<int:pk>/", views.report_download, name="report"),
    path(f"{prefix}terms/", views.terms, name="terms"),
    path("trust/<int:trust_id>/", views.trust_overview, name="trust"),
    path("trust/<int:trust_id>/schools/<int:school_id>/", views.trust_school,
         name="trust_school"),
]
