"""Template filters for the house style of dates, times and counts (``web/formatting.py``).

Loaded as a template builtin (settings ``TEMPLATES``), so pages, PDFs and emails need no
``{% load %}``: ``{{ case.raised_at|datetime_text }}``, ``{{ count|count_text:"minute" }}``,
``{{ count|count_text:"person,people" }}``.
"""

from django import template

from safepractice.web import formatting

register = template.Library()

register.filter("date_text", formatting.date_text)
register.filter("datetime_text", formatting.datetime_text)
register.filter("month_text", formatting.month_text)
register.filter("exif_datetime_text", formatting.exif_datetime_text)


@register.filter
def count_text(count: int, nouns: str) -> str:
    """``nouns`` is "minute" or, for an irregular plural, "person,people"."""
    singular, _, plural = nouns.partition(",")
    return formatting.count_text(int(count or 0), singular, plural or None)
