from django.http import HttpRequest


def current_school(request: HttpRequest) -> dict:
    return {
        "school": getattr(request, "school", None),
        "membership": getattr(request, "membership", None),
    }
