from django.urls import path

from . import views

app_name = "registers"
prefix = "s/<slug:school_slug>/registers/"
urlpatterns = [
    path(prefix, views.mine, name="mine"),
    path(f"{prefix}to-acknowledge/", views.queue, name="queue"),
    path(f"{prefix}new-starters/", views.starters, name="starters"),
    path(f"{prefix}checklist/", views.checklist, name="checklist"),
    path(f"{prefix}declarations/new/", views.declare, name="declare"),
    path(f"{prefix}declarations/<int:pk>/", views.declaration, name="declaration"),
    path(f"{prefix}contact-details/new/", views.contact_new, name="contact_new"),
    path(f"{prefix}contact-details/<int:pk>/", views.contact, name="contact"),
    path(f"{prefix}phone-on-duty/new/", views.phone_new, name="phone_new"),
    path(f"{prefix}phone-on-duty/<int:pk>/", views.phone, name="phone"),
    path(f"{prefix}devices/", views.devices, name="devices"),
    path(f"{prefix}devices/lookup/", views.device_lookup, name="device_lookup"),
    path(f"{prefix}notices/new/", views.notice_new, name="notice_new"),
    path(f"{prefix}notices/<int:pk>/", views.notice, name="notice"),
]
