"""Factories: plain functions that make valid records with sensible defaults."""

import itertools

from safepractice.accounts.models import User
from safepractice.schools.models import (
    Membership,
    Pupil,
    PupilStatus,
    School,
    StaffCategory,
    Trust,
    TrustAdministrator,
)

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery"


def make_school(**fields) -> School:
    n = next(_counter)
    defaults = {
        "name": f"Test School {n}",
        "slug": f"test-school-{n}",
        "aliases": [],
        "local_authority": "Testshire Council",
        "hr_advice_service": "Testshire HR",
        "safeguarding_unit": "Testshire Safeguarding Unit",
        "work_email_domains": [f"school{n}.sch.uk"],
    }
    return School.objects.create(**(defaults | fields))


def make_user(**fields) -> User:
    n = next(_counter)
    email = fields.pop("email", f"person{n}@example.org")
    full_name = fields.pop("full_name", f"Person {n}")
    password = fields.pop("password", PASSWORD)
    return User.objects.create_user(email, password, full_name=full_name, **fields)


def make_member(
    school: School | None = None,
    roles: set[str] | tuple[str, ...] = (),
    staff_category: str = StaffCategory.TEACHER,
    user: User | None = None,
    **fields,
) -> Membership:
    school = school or make_school()
    user = user or make_user()
    membership = Membership(user=user, school=school, staff_category=staff_category, **fields)
    membership.set_roles(set(roles))
    membership.save()
    return membership


def make_pupil(school: School, status: str = PupilStatus.CURRENT, **fields) -> Pupil:
    n = next(_counter)
    defaults = {
        "external_id": f"P{n:05d}",
        "first_name": f"Pupil{n}",
        "last_name": "Example",
        "year_group": "Year 4",
        "status": status,
    }
    return Pupil.objects.create(school=school, **(defaults | fields))


def make_trust_admin(*schools: School) -> User:
    trust = Trust.objects.create(name=f"Trust {next(_counter)}")
    for school in schools:
        school.trust = trust
        school.save(update_fields=["trust"])
    user = make_user()
    TrustAdministrator.objects.create(user=user, trust=trust)
    return user
