from django import template

from safepractice.web.navigation import nav_items

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation(context) -> list:
    membership = context.get("membership")
    if membership is None:
        return []
    return nav_items(membership)
