from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("accounts/", include("safepractice.accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("safepractice.schools.urls")),
    path("", include("safepractice.cases.urls")),
    path("", include("safepractice.web.urls")),
]

handler403 = "safepractice.web.views.permission_denied"
handler404 = "safepractice.web.views.page_not_found"
