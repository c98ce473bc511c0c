import pytest
from django.test import RequestFactory

from safepractice.audit.models import AuditEntry
from safepractice.testing.factories import make_school, make_user
from safepractice.web.csv_export import csv_response, safe_cell


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("-3", "-3"),
    ("Plain", "Plain"),
    (None, ""),
])
def test_cells_a_spreadsheet_would_run_are_neutralised(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.django_db
def test_every_export_is_audited_with_the_list_and_row_count():
    request = RequestFactory().get("/x", {"format": "csv", "route": "conduct"})
    request.user = make_user()
    school = make_school()
    response = csv_response(request, list_name="things", header=["A"], rows=[["1"], ["2"]],
                            school=school)
    assert response.content.decode("utf-8-sig") == "A\r\n1\r\n2\r\n"
    entry = AuditEntry.objects.get(action="list-exported")
    assert entry.detail == {"rows": 2, "filters": {"route": "conduct"}}
    assert entry.school == school and entry.actor == request.user
