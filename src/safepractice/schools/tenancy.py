"""Tenancy in one place: every school-scoped view is reached through ``school_view``.

It resolves the school from the URL and the visitor's active membership of it, so a view
never sees a school its visitor does not belong to; records are then fetched with
``get_for_school`` (404 for anything of another school, whatever the id).
"""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from .models import School
from .rules import active_membership

ModelT = TypeVar("ModelT", bound=models.Model)


def school_view(
    roles: Iterable[str] | None = None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Require an active membership of the URL's school, and one of ``roles`` if given.

    Sets ``request.school`` and ``request.membership``. Unknown school → 404; no membership,
    a membership that has ended or a missing role → 403.
    """
    required = frozenset(roles or ())

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, school_slug: str, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            school = get_object_or_404(School, slug=school_slug)
            membership = active_membership(request.user, school)
            if membership is None:
                raise PermissionDenied("You are not a current member of this school.")
            if required and not membership.has_role(*required):
                raise PermissionDenied("Your role in this school does not include this page.")
            request.school = school
            request.membership = membership
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def for_school(queryset: "models.QuerySet[ModelT]", school: School) -> "models.QuerySet[ModelT]":
    """Narrow any school-owned queryset to one school (the model has a ``school`` field)."""
    return queryset.filter(school=school)


def get_for_school(
    model_or_queryset: "type[ModelT] | models.QuerySet[ModelT]", school: School, **lookup
) -> ModelT:
    queryset = (
        model_or_queryset._default_manager.all()
        if isinstance(model_or_queryset, type)
        else model_or_queryset
    )
    try:
        return for_school(queryset, school).get(**lookup)
    except queryset.model.DoesNotExist as missing:
        raise Http404("No such record in this school.") from missing
