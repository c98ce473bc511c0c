import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from safepractice.engine import Checker
from safepractice.exports import review_archive
from safepractice.exports.tests.archives import unusable_archive
from safepractice.reviews.models import Review, ReviewStatus
from safepractice.reviews.selectors import completed_review_dates


def _upload(client, membership, *paths):
    client.force_login(membership.user)
    files = [SimpleUploadedFile(p.name, p.read_bytes(), "application/zip") for p in paths]
    return client.post(reverse("reviews:index", args=[membership.school.slug]),
                       {"archives": files})


def test_upload_is_read_in_the_background_and_the_upload_deleted(client, teacher, x_archive,
                                                                  settings):
    response = _upload(client, teacher, x_archive)
    review = Review.objects.get(owner=teacher.user)
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:detail", args=[teacher.school.slug, review.pk])
    assert review.status == ReviewStatus.DONE
    archive = review.archives.get()
    assert (archive.platform, archive.items, archive.upload_path) == ("x", 14, "")
    assert archive.by_kind["connection"] == 4
    assert list(settings.REVIEW_UPLOAD_DIR.iterdir()) == []


def test_refused_archive_ends_cleanly_with_its_message_and_no_upload_left(
        client, teacher, tmp_path, settings):
    junk = tmp_path / "holiday.zip"
    junk.write_bytes(b"PK\x03\x04 this is not really a zip")
    _upload(client, teacher, junk)
    review = Review.objects.get(owner=teacher.user)
    assert review.status == ReviewStatus.FAILED
    assert "damaged or incomplete" in review.archives.get().error
    assert list(settings.REVIEW_UPLOAD_DIR.iterdir()) == []


@pytest.mark.parametrize("kind", ["random-zip", "facebook-html", "jpeg", "facebook-damaged"])
def test_an_archive_no_reader_can_use_fails_the_review_with_the_clis_reason(
        client, teacher, tmp_path, kind):
    path = unusable_archive(kind, tmp_path)
    reason = review_archive(path, Checker(factories=[])).error  # what the CLI prints
    _upload(client, teacher, path)
    review = Review.objects.get(owner=teacher.user)
    assert review.status == ReviewStatus.FAILED
    page = client.get(reverse("reviews:detail", args=[teacher.school.slug, review.pk]))
    assert escape(reason) in page.content.decode()


def test_a_failed_review_does_not_count_as_done(client, teacher, tmp_path):
    _upload(client, teacher, unusable_archive("random-zip", tmp_path))
    assert completed_review_dates(teacher) == []


def test_a_failed_review_page_offers_no_report_and_no_pdf(client, teacher, tmp_path):
    _upload(client, teacher, unusable_archive("jpeg", tmp_path))
    review = Review.objects.get(owner=teacher.user)
    page = client.get(reverse("reviews:detail", args=[teacher.school.slug, review.pk]))
    text = page.content.decode()
    assert "could not be completed" in text
    assert "goes against the policy" not in text
    assert reverse("reviews:pdf", args=[teacher.school.slug, review.pk]) not in text


def test_a_failed_review_has_no_pdf(client, teacher, tmp_path):
    _upload(client, teacher, unusable_archive("jpeg", tmp_path))
    review = Review.objects.get(owner=teacher.user)
    pdf = client.get(reverse("reviews:pdf", args=[teacher.school.slug, review.pk]))
    assert pdf.status_code == 302
    assert not pdf.content.startswith(b"%PDF")


def test_one_unusable_archive_fails_the_whole_review_naming_it(client, teacher, x_archive,
                                                               tmp_path):
    _upload(client, teacher, x_archive, unusable_archive("facebook-html", tmp_path))
    review = Review.objects.get(owner=teacher.user)
    assert review.status == ReviewStatus.FAILED
    assert "'facebook-html.zip' could not be used: This Facebook download is in HTML" \
        in review.problem
    assert completed_review_dates(teacher) == []


def test_the_good_archives_findings_are_not_kept_when_the_review_fails(client, teacher,
                                                                       x_archive, tmp_path):
    _upload(client, teacher, x_archive, unusable_archive("facebook-html", tmp_path))
    review = Review.objects.get(owner=teacher.user)
    assert not review.findings.exists()
    page = client.get(reverse("reviews:detail", args=[teacher.school.slug, review.pk]))
    assert 'class="findings"' not in page.content.decode()


def test_several_archives_in_one_review(client, teacher, x_archive, tmp_path):
    from safepractice.exports.tests.archives import zip_fixture

    _upload(client, teacher, x_archive, zip_fixture("linkedin_2026", tmp_path))
    review = Review.objects.get(owner=teacher.user)
    assert sorted(review.archives.values_list("platform", flat=True)) == ["linkedin", "x"]
    assert review.items_read == 14 + 18


def test_progress_is_stored_on_the_review_and_shown_after_a_reload(client, teacher, x_archive):
    _upload(client, teacher, x_archive)
    review = Review.objects.get(owner=teacher.user)
    page = client.get(reverse("reviews:progress", args=[teacher.school.slug, review.pk]))
    assert 'data-testid="items-read">14<' in page.content.decode()
    assert page["HX-Refresh"] == "true"


def test_completion_date_is_all_the_school_sees(client, teacher, x_archive):
    assert completed_review_dates(teacher) == []
    _upload(client, teacher, x_archive)
    review = Review.objects.get(owner=teacher.user)
    assert completed_review_dates(teacher) == [review.completed]


def test_report_page_and_pdf_for_the_owner(client, teacher, x_archive):
    _upload(client, teacher, x_archive)
    review = Review.objects.get(owner=teacher.user)
    page = client.get(reverse("reviews:detail", args=[teacher.school.slug, review.pk]))
    assert "X (Twitter)" in page.content.decode()
    pdf = client.get(reverse("reviews:pdf", args=[teacher.school.slug, review.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_owner_can_delete_the_review(client, teacher, x_archive):
    _upload(client, teacher, x_archive)
    review = Review.objects.get(owner=teacher.user)
    client.post(reverse("reviews:delete", args=[teacher.school.slug, review.pk]))
    assert not Review.objects.filter(pk=review.pk).exists()
    assert len(completed_review_dates(teacher)) == 1  # the school still knows it was done


def test_review_uploads_past_the_hourly_rate_limit_are_refused(client, teacher, x_archive,
                                                               settings):
    settings.REVIEW_UPLOADS_PER_HOUR = 1
    assert _upload(client, teacher, x_archive).status_code == 302
    refused = _upload(client, teacher, x_archive)
    assert refused.status_code == 429
    assert "You can start 1 reviews an hour. Try again in" in refused.content.decode()


def test_an_upload_past_the_daily_bytes_quota_is_refused_and_nothing_kept(
        client, teacher, x_archive, settings):
    settings.REVIEW_UPLOAD_BYTES_PER_DAY = x_archive.stat().st_size * 3 // 2
    _upload(client, teacher, x_archive)
    refused = _upload(client, teacher, x_archive)
    assert refused.status_code == 429
    assert Review.objects.filter(owner=teacher.user).count() == 1
    assert list(settings.REVIEW_UPLOAD_DIR.iterdir()) == []
