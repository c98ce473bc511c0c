import os
import time
from datetime import timedelta

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from safepractice.reviews import uploads
from safepractice.reviews.cleanup import purge_expired_reviews
from safepractice.reviews.models import Review, ReviewCompletion
from safepractice.reviews.services import retention


def _review(member) -> Review:
    now = timezone.now()
    return Review.objects.create(owner=member.user, school=member.school, created=now,
                                 expires=now + retention())


def test_default_retention_is_ninety_days(client, teacher, x_archive):
    client.force_login(teacher.user)
    client.post(reverse("reviews:index", args=[teacher.school.slug]),
                {"archives": [SimpleUploadedFile(x_archive.name, x_archive.read_bytes())]})
    review = Review.objects.get(owner=teacher.user)
    assert review.expires - review.created == timedelta(days=90)


def test_reviews_past_retention_are_purged_and_others_kept(teacher):
    old, fresh = _review(teacher), _review(teacher)
    ReviewCompletion.objects.create(membership=teacher)
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        fresh.expires = timezone.now() + timedelta(days=1)
        fresh.save()
        assert purge_expired_reviews() == 1
    assert list(Review.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert old.pk != fresh.pk
    assert ReviewCompletion.objects.filter(membership=teacher).exists()


def test_retention_period_is_a_setting(teacher, settings):
    settings.REVIEW_RETENTION_DAYS = 7
    review = _review(teacher)
    assert review.expires - review.created == timedelta(days=7)


def test_uploads_left_by_a_crashed_worker_are_swept(db):
    stale = uploads.upload_dir() / "dead.upload"
    stale.write_bytes(b"x")
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(stale, (day_ago, day_ago))
    fresh = uploads.upload_dir() / "live.upload"
    fresh.write_bytes(b"y")
    purge_expired_reviews()
    assert not stale.exists() and fresh.exists()
