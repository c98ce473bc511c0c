from django import template

register = template.Library()


@register.filter
def attr_display(instance, name: str):
    """A field's value for display: the label of a choice, the name of a person, yes/no."""
    display = getattr(instance, f"get_{name}_display", None)
    if display is not None:
        return display()
    value = getattr(instance, name)
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    return value
