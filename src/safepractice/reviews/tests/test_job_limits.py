"""A review job stops at its processing-time and memory limits; the worker carries on."""

import resource
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safepractice.reviews import joblimits, reading
from safepractice.reviews.models import Review, ReviewStatus

MB = 1024 * 1024


def _spin(cpu_seconds: float) -> None:
    started = time.process_time()
    while time.process_time() - started < cpu_seconds:
        pass


def test_a_job_past_its_processing_time_is_stopped():
    started = time.process_time()
    with (
        pytest.raises(joblimits.JobLimitExceeded),
        joblimits.job_limits(cpu_seconds=1, memory_bytes=512 * MB),
    ):
        _spin(20)
    assert time.process_time() - started < 5


def test_a_job_past_its_memory_is_stopped():
    with pytest.raises(MemoryError), joblimits.job_limits(cpu_seconds=60, memory_bytes=64 * MB):
        bytearray(400 * MB)


def test_the_limits_are_put_back_after_the_job():
    before = (resource.getrlimit(resource.RLIMIT_CPU), resource.getrlimit(resource.RLIMIT_AS))
    with joblimits.job_limits(cpu_seconds=60, memory_bytes=64 * MB):
        pass
    assert (resource.getrlimit(resource.RLIMIT_CPU), resource.getrlimit(resource.RLIMIT_AS)) == (
        before
    )


def _upload(client, membership, path):
    client.force_login(membership.user)
    upload = SimpleUploadedFile(path.name, path.read_bytes(), "application/zip")
    client.post(reverse("reviews:index", args=[membership.school.slug]), {"archives": [upload]})
    return Review.objects.get(owner=membership.user)


def test_a_review_past_its_processing_time_fails_saying_so_and_keeps_no_upload(
    client, teacher, x_archive, settings, monkeypatch
):
    settings.REVIEW_JOB_CPU_SECONDS = 1
    real_review_archive = reading.review_archive

    def slow_review_archive(*args, **kwargs):
        _spin(8)  # what a hostile archive costs; without a limit the review ends DONE
        return real_review_archive(*args, **kwargs)

    monkeypatch.setattr(reading, "review_archive", slow_review_archive)
    review = _upload(client, teacher, x_archive)
    assert review.status == ReviewStatus.FAILED
    assert "longer than a review may take (1 second of processing)" in review.problem
    assert list(settings.REVIEW_UPLOAD_DIR.iterdir()) == []


def test_a_review_past_its_memory_fails_saying_so(
    client, teacher, x_archive, settings, monkeypatch
):
    settings.REVIEW_JOB_MEMORY_BYTES = 64 * MB
    real_review_archive = reading.review_archive

    def greedy_review_archive(*args, **kwargs):
        hoard = bytearray(400 * MB)
        del hoard
        return real_review_archive(*args, **kwargs)

    monkeypatch.setattr(reading, "review_archive", greedy_review_archive)
    review = _upload(client, teacher, x_archive)
    assert review.status == ReviewStatus.FAILED
    assert "needed more memory than a review may use (64.0 MB)" in review.problem
