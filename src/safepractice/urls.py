from django.contrib import admin
from django.urls import include, path

from safepractice.api.main import api

urlpatterns = [
    path("accounts/", include("safepractice.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("safepractice.schools.urls")),
    path("", include("safepractice.policies.urls")),
    path("", include("safepractice.registers.urls")),
    path("", include("safepractice.reviews.urls")),
    path("", include("safepractice.cases.urls")),
    path("", include("safepractice.oversight.urls")),
    path("", include("safepractice.web.urls")),
    path("", include("safepractice.checks.urls")),
    path("", include("safepractice.api.urls")),
]

handler403 = "safepractice.web.views.permission_denied"
handler404 = "safepractice.web.views.page_not_found"
