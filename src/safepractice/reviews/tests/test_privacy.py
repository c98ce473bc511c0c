"""Nobody but the owner can open a review, whatever their role."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safepractice.reviews.models import Review
from safepractice.schools.models import Role
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member

PAGES = ["reviews:detail", "reviews:progress", "reviews:pdf"]


@pytest.fixture
def review(client, teacher, x_archive):
    client.force_login(teacher.user)
    client.post(reverse("reviews:index", args=[teacher.school.slug]),
                {"archives": [SimpleUploadedFile(x_archive.name, x_archive.read_bytes())]})
    client.logout()
    return Review.objects.get(owner=teacher.user)


@pytest.mark.parametrize("page", PAGES)
def test_head_teacher_gets_not_found(client, head, review, page):
    sign_in_verified(client, head.user)
    response = client.get(reverse(page, args=[review.school.slug, review.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_dsl_and_slt_get_not_found(client, oakfield, review, page):
    dsl = make_member(oakfield, roles={Role.DSL, Role.SLT})
    sign_in_verified(client, dsl.user)
    assert client.get(reverse(page, args=[review.school.slug, review.pk])).status_code == 404


def test_head_cannot_delete_it_either(client, head, review):
    sign_in_verified(client, head.user)
    response = client.post(reverse("reviews:delete", args=[review.school.slug, review.pk]))
    assert response.status_code == 404
    assert Review.objects.filter(pk=review.pk).exists()


@pytest.mark.parametrize("page", PAGES)
def test_system_administrator_gets_no_report(client, admin_user, review, page):
    sign_in_verified(client, admin_user)
    response = client.get(reverse(page, args=[review.school.slug, review.pk]))
    assert response.status_code in {403, 404}


def test_system_administrator_has_no_admin_page_for_reviews(client, admin_user, review):
    sign_in_verified(client, admin_user)
    for model in ("review", "reviewfinding", "reviewarchive"):
        response = client.get(f"/admin/reviews/{model}/")
        assert response.status_code == 404


def test_head_does_not_see_it_in_their_own_list(client, head, review):
    sign_in_verified(client, head.user)
    page = client.get(reverse("reviews:index", args=[review.school.slug]))
    assert reverse("reviews:detail", args=[review.school.slug, review.pk]) \
        not in page.content.decode()
