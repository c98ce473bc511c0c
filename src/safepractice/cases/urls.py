from django.urls import path

from . import views

app_name = "cases"
prefix = "s/<slug:school_slug>/cases/"
urlpatterns = [
    path(prefix, views.case_list, name="list"),
    path(f"{prefix}new/<str:route>/", views.raise_case, name="raise"),
    path(f"{prefix}retention/", views.retention_review, name="retention"),
    path(f"{prefix}<int:pk>/", views.case_detail, name="detail"),
    path(f"{prefix}<int:pk>/summary/", views.case_summary, name="summary"),
    path(f"{prefix}<int:pk>/act/<str:action>/", views.act, name="act"),
    path(f"{prefix}<int:pk>/evidence/<int:item_pk>/", views.download, name="download"),
    path(f"{prefix}<int:pk>/export/", views.export, name="export"),
]
