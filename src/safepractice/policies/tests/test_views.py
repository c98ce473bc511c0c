import datetime
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safepractice.audit.models import AuditEntry
from safepractice.policies.models import Acknowledgement, PolicyDocument
from safepractice.policies.services import add_version
from safepractice.schools.models import Role, StaffCategory
from safepractice.testing.factories import make_member, make_school

from .helpers import make_policy, signed_in

pytestmark = pytest.mark.django_db


def test_a_stale_tab_acknowledgement_is_refused_with_a_link_to_the_current_version(client):
    school = make_school()
    member = make_member(school)
    document, old = make_policy(school)
    add_version(document, "The governors changed it.\n")
    response = signed_in(client, member).post(
        reverse("policies:acknowledge", args=[school.slug, document.pk]), {"version": old.pk})
    assert response.status_code == 409
    assert reverse("policies:detail", args=[school.slug, document.pk]) in response.text
    assert not Acknowledgement.objects.exists()


def test_acknowledging_the_current_version_from_the_page_records_it(client):
    school = make_school()
    member = make_member(school)
    document, version = make_policy(school)
    signed_in(client, member).post(
        reverse("policies:acknowledge", args=[school.slug, document.pk]), {"version": version.pk})
    assert Acknowledgement.objects.filter(membership=member, version=version).exists()


def test_a_corrupt_docx_upload_shows_why_nothing_was_imported(client):
    school = make_school()
    head = make_member(school, roles={Role.HEAD_TEACHER, Role.SLT})
    upload = SimpleUploadedFile("policy.docx", b"not really a word file")
    response = signed_in(client, head).post(reverse("policies:list", args=[school.slug]),
                                            {"file": upload})
    assert "Nothing was imported. This file is not a .docx" in response.text
    assert not PolicyDocument.objects.exists()


def test_a_teacher_cannot_import_a_policy(client):
    school = make_school()
    upload = SimpleUploadedFile("policy.txt", b"Social media policy\n")
    response = signed_in(client, make_member(school)).post(
        reverse("policies:list", args=[school.slug]), {"file": upload})
    assert response.status_code == 403


@time_machine.travel(datetime.date(2026, 11, 25), tick=False)
def test_the_head_sees_an_overdue_review_on_their_home_page(client):
    school = make_school()
    make_policy(school, review_on=datetime.date(2018, 9, 1))
    head = make_member(school, roles={Role.HEAD_TEACHER, Role.SLT})
    response = signed_in(client, head).get(reverse("web:school_home", args=[school.slug]))
    assert "Review overdue by 8 years (was due 1 September 2018)" in response.text


@time_machine.travel(datetime.date(2026, 11, 25), tick=False)
def test_a_governor_sees_an_overdue_review_on_their_home_page(client):
    school = make_school()
    make_policy(school, review_on=datetime.date(2018, 9, 1))
    governor = make_member(school, roles={Role.GOVERNING_BOARD},
                           staff_category=StaffCategory.GOVERNOR)
    response = signed_in(client, governor).get(reverse("web:school_home", args=[school.slug]))
    assert "Review overdue" in response.text


def test_a_teacher_is_not_shown_review_dates_on_their_home_page(client):
    school = make_school()
    make_policy(school, review_on=datetime.date(2018, 9, 1))
    response = signed_in(client, make_member(school)).get(
        reverse("web:school_home", args=[school.slug]))
    assert "Review overdue" not in response.text


def test_governors_see_completion_counts_without_names(client):
    school = make_school()
    document, _ = make_policy(school)
    make_member(school, user=None, staff_category=StaffCategory.SITE)
    governor = make_member(school, roles={Role.GOVERNING_BOARD},
                           staff_category=StaffCategory.GOVERNOR)
    response = signed_in(client, governor).get(
        reverse("policies:completion", args=[school.slug, document.pk]))
    assert "Site staff" in response.text
    assert "Not yet acknowledged" not in response.text


def _completion_row(html: str, label: str) -> list[str]:
    row = html[html.index(f'<th scope="row">{label}</th>'):]
    return re.findall(r"<td>(.*?)</td>", row[:row.index("</tr>")])


def _small_school_with_a_governor():
    """Three site staff (one acknowledged) and seven teachers (all acknowledged)."""
    school = make_school()
    document, version = make_policy(school)
    site = [make_member(school, staff_category=StaffCategory.SITE) for _ in range(3)]
    teachers = [make_member(school) for _ in range(7)]
    for member in [site[0], *teachers]:
        Acknowledgement.objects.create(version=version, membership=member,
                                       content_hash=version.content_hash)
    governor = make_member(school, roles={Role.GOVERNING_BOARD},
                           staff_category=StaffCategory.GOVERNOR)
    Acknowledgement.objects.create(version=version, membership=governor,
                                   content_hash=version.content_hash)
    return school, document, governor


def test_governors_see_small_completion_counts_suppressed(client):
    school, document, governor = _small_school_with_a_governor()
    html = signed_in(client, governor).get(
        reverse("policies:completion", args=[school.slug, document.pk])).text
    assert _completion_row(html, "Site staff")[:3] == ["&lt;5", "&lt;5", "&lt;5"]


def test_governors_see_no_rate_over_fewer_than_five_people(client):
    school, document, governor = _small_school_with_a_governor()
    html = signed_in(client, governor).get(
        reverse("policies:completion", args=[school.slug, document.pk])).text
    assert _completion_row(html, "Site staff")[3] == "–"


def test_governors_see_the_everyone_total_rounded_when_a_row_is_suppressed(client):
    school, document, governor = _small_school_with_a_governor()
    html = signed_in(client, governor).get(
        reverse("policies:completion", args=[school.slug, document.pk])).text
    # 11 in scope shown exactly would give the suppressed rows away by subtraction from it.
    assert _completion_row(html, "Everyone")[0] == "≈10"


def test_governors_get_the_completion_csv_suppressed_too(client):
    school, document, governor = _small_school_with_a_governor()
    response = signed_in(client, governor).get(
        reverse("policies:completion", args=[school.slug, document.pk]), {"format": "csv"})
    assert "Site staff,<5,<5,<5,–" in response.content.decode("utf-8-sig")


def test_the_head_sees_exact_completion_counts(client):
    school, document, _ = _small_school_with_a_governor()
    head = make_member(school, roles={Role.HEAD_TEACHER})
    html = signed_in(client, head).get(
        reverse("policies:completion", args=[school.slug, document.pk])).text
    assert _completion_row(html, "Site staff") == ["3", "1", "2", "33%"]


def test_a_governors_home_page_suppresses_how_many_have_not_acknowledged(client):
    school, _, governor = _small_school_with_a_governor()
    html = signed_in(client, governor).get(reverse("web:school_home", args=[school.slug])).text
    assert '<span class="count">&lt;5</span> staff have not acknowledged' in html


def test_the_head_sees_who_has_not_acknowledged_and_the_view_is_audited(client):
    school = make_school()
    document, _ = make_policy(school)
    site = make_member(school, staff_category=StaffCategory.SITE)
    head = make_member(school, roles={Role.HEAD_TEACHER, Role.SLT})
    response = signed_in(client, head).get(
        reverse("policies:completion", args=[school.slug, document.pk]))
    assert site.user.full_name in response.text
    assert AuditEntry.objects.filter(action="acknowledgement-names-viewed").exists()


def test_a_review_date_before_adoption_is_refused_on_the_page(client):
    school = make_school()
    document, _ = make_policy(school, adopted_on=datetime.date(2026, 9, 1))
    governor = make_member(school, roles={Role.GOVERNING_BOARD})
    response = signed_in(client, governor).post(
        reverse("policies:review_date", args=[school.slug, document.pk]),
        {"review_on": "2025-01-01"})
    assert "must be after the adoption date" in response.text


def test_a_policy_of_another_school_is_not_found(client):
    document, _ = make_policy(make_school())
    other = make_school()
    response = signed_in(client, make_member(other)).get(
        reverse("policies:detail", args=[other.slug, document.pk]))
    assert response.status_code == 404


def test_markdown_policies_cannot_inject_html(client):
    school = make_school()
    document, _ = make_policy(school, text="# Policy\n\n<script>alert(1)</script>\n")
    document.versions.update(text_format="markdown")
    response = signed_in(client, make_member(school)).get(
        reverse("policies:detail", args=[school.slug, document.pk]))
    assert "<script>alert(1)</script>" not in response.text


def test_the_review_date_field_shows_the_saved_date_in_the_form_a_date_input_reads(client):
    school = make_school()
    head = make_member(school, roles={Role.HEAD_TEACHER})
    document, _ = make_policy(school, review_on=datetime.date(2018, 9, 1))
    response = signed_in(client, head).get(
        reverse("policies:detail", args=[school.slug, document.pk]))
    assert 'value="2018-09-01"' in response.text


def test_saving_a_blank_review_date_says_what_is_missing_and_keeps_the_date(client):
    school = make_school()
    head = make_member(school, roles={Role.HEAD_TEACHER})
    document, _ = make_policy(school, review_on=datetime.date(2018, 9, 1))
    response = signed_in(client, head).post(
        reverse("policies:review_date", args=[school.slug, document.pk]), {"review_on": ""})
    assert response.status_code == 400
    assert "Enter the next review date" in response.text
    document.refresh_from_db()
    assert document.review_on == datetime.date(2018, 9, 1)
