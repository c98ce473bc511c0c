"""CSV downloads of the lists people can see, each download written to the audit log.

A list view offers ``?format=csv`` and answers with ``csv_response`` after its usual access
checks, so a CSV never holds more than the page would show. Cells that a spreadsheet would
run as a formula are neutralised (CSV injection). Dates and times are written in ISO 8601,
local time, whatever the list passes (``formatting.csv_value`` says why).
"""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from safepractice.audit.actions import LIST_EXPORTED
from safepractice.audit.services import record
from safepractice.web.formatting import csv_value

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def wants_csv(request: HttpRequest) -> bool:
    return request.GET.get("format") == "csv"


def safe_cell(value: Any) -> str:
    text = "" if value is None else str(csv_value(value))
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_response(
    request: HttpRequest,
    *,
    list_name: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    school=None,
    **detail: Any,
) -> HttpResponse:
    """The rows as a CSV download; the export itself is audited (who, which list, how many)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(cell) for cell in header])
    count = 0
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        count += 1
    record(
        LIST_EXPORTED,
        actor=request.user,
        school=school,
        object_type="list",
        object_id=list_name,
        rows=count,
        filters={key: value for key, value in request.GET.items() if key != "format"},
        **detail,
    )
    stamp = timezone.localdate().isoformat()
    filename = f"{slugify(list_name)}-{stamp}.csv"
    # The byte-order mark lets Excel open UTF-8 (names with accents) correctly.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
