import datetime

from django import template

from safepractice.schools.models import Membership
from safepractice.web.formatting import datetime_text

register = template.Library()


@register.simple_tag
def detail_rows(instance) -> list[tuple[str, object]]:
    """(label, value) for each filled-in field of a route's detail record."""
    rows = []
    for field in instance._meta.concrete_fields:
        if field.name in {"id", "case"}:
            continue
        value = attr_display(instance, field.name)
        if value not in (None, ""):
            rows.append((str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:],
                         value))
    return rows


def attr_display(instance, name: str):
    """A field's value for display: the label of a choice, the name of a person, yes/no."""
    display = getattr(instance, f"get_{name}_display", None)
    if display is not None:
        return display()
    value = getattr(instance, name)
    if isinstance(value, datetime.datetime | datetime.date):
        return datetime_text(value)
    if isinstance(value, Membership):
        return value.user.full_name
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    return value
