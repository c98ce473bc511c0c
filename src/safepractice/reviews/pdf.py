"""The report as a PDF the person can keep (WeasyPrint; nothing is fetched from anywhere)."""

from django.template.loader import render_to_string
from weasyprint import HTML

from .report import Report


def _no_fetching(url: str, *args, **kwargs):
    raise ValueError(f"The report PDF fetches nothing ({url}).")


def render_pdf(report: Report, *, owner_name: str = "", school_name: str = "") -> bytes:
    html = render_to_string("reviews/report_pdf.html", {
        "report": report, "owner_name": owner_name, "school_name": school_name,
    })
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()
