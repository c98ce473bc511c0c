"""The demo school: Example Primary School, its staff in every category and role, and pupils.

Names are generated (Faker, en_GB, fixed seed), so the demo is the same on every machine.
Loading is idempotent: a second run refreshes the same records, it does not duplicate them.
Other domains add their demo data in a ``demo_data`` module with ``load(school)``.
"""

import datetime
import importlib
import random

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from faker import Faker

from safepractice.accounts.models import User

from .models import (
    Membership,
    Pupil,
    PupilStatus,
    Role,
    School,
    StaffCategory,
    Trust,
    TrustAdministrator,
)

DEMO_SLUG = "example-primary"
DEMO_DOMAIN = "example-primary.sch.uk"
DEMO_PASSWORD = "practise-safely-2026"

# (login role, email local part, staff category, duty roles, job title)
NAMED_ACCOUNTS = [
    ("head", "head", StaffCategory.TEACHER, {Role.HEAD_TEACHER, Role.SLT, Role.LINE_MANAGER},
     "Head teacher"),
    ("dsl", "dsl", StaffCategory.TEACHER, {Role.DSL, Role.SLT, Role.LINE_MANAGER},
     "Deputy head and designated safeguarding lead"),
    ("slt", "slt", StaffCategory.TEACHER, {Role.SLT, Role.LINE_MANAGER}, "Assistant head"),
    ("line-manager", "phase.leader", StaffCategory.TEACHER, {Role.LINE_MANAGER},
     "Key Stage 2 phase leader"),
    ("teacher", "teacher", StaffCategory.TEACHER, set(), "Class teacher, Year 4"),
    ("support", "ta", StaffCategory.SUPPORT, set(), "Teaching assistant"),
    ("governor", "governor", StaffCategory.GOVERNOR, {Role.GOVERNING_BOARD}, "Chair of governors"),
    ("ict", "ict", StaffCategory.SUPPORT, {Role.ICT_COORDINATOR}, "ICT technician"),
]

# The other ~32 staff, so every category of the policy's scope is present.
OTHER_STAFF = (
    [StaffCategory.TEACHER] * 11
    + [StaffCategory.SUPPORT] * 8
    + [StaffCategory.THERAPIST] * 2
    + [StaffCategory.SUPPLY] * 2
    + [StaffCategory.ADMINISTRATION] * 3
    + [StaffCategory.SITE] * 2
    + [StaffCategory.GOVERNOR] * 2
    + [StaffCategory.VOLUNTEER]
    + [StaffCategory.CONTRACTOR]
)
YEAR_GROUPS = ["Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6"]


def demo_is_loaded() -> bool:
    return School.objects.filter(slug=DEMO_SLUG).exists()


def _school() -> School:
    trust, _ = Trust.objects.get_or_create(name="Example Learning Trust")
    school, _ = School.objects.update_or_create(
        slug=DEMO_SLUG,
        defaults={
            "name": "Example Primary School",
            "trust": trust,
            "aliases": ["Example Primary", "Example School", "EPS"],
            "hashtags": ["#ExamplePrimary", "#TeamEPS"],
            "local_authority": "Exampleshire County Council",
            "local_authority_aliases": ["Exampleshire Council", "ECC"],
            "hr_advice_service": "Exampleshire Personnel Services (EPS-HR)",
            "safeguarding_unit": "Exampleshire Safeguarding Unit",
            "safeguarding_unit_contact": "01632 960000",
            "police_contact": "Police: 999 in an emergency, otherwise 101",
            "unions": ["NEU", "NASUWT", "UNISON", "NAHT"],
            "work_email_domains": [DEMO_DOMAIN],
            "work_phone_numbers": ["01632 960123"],
        },
    )
    return school


def _member(school, email, full_name, category, roles, job_title, password_hash, started):
    user, _ = User.objects.update_or_create(
        email=email, defaults={"full_name": full_name, "password": password_hash}
    )
    membership, _ = Membership.objects.get_or_create(
        user=user, school=school,
        defaults={"staff_category": category, "started_on": started},
    )
    membership.staff_category = category
    membership.job_title = job_title
    membership.set_roles(roles)
    membership.left_on = None
    membership.save()
    return membership


@transaction.atomic
def load_demo() -> School:
    fake = Faker("en_GB")
    fake.seed_instance(2017)
    rng = random.Random(2017)
    school = _school()
    password_hash = make_password(DEMO_PASSWORD)
    today = datetime.date.today()

    named = {}
    for login_role, local, category, roles, job in NAMED_ACCOUNTS:
        full_name = f"{fake.first_name()} {fake.last_name()}"
        started = today - datetime.timedelta(days=rng.randint(400, 4000))
        if login_role == "teacher":
            started = today - datetime.timedelta(days=7)  # a new starter, for the checklist
        named[login_role] = _member(
            school, f"{local}@{DEMO_DOMAIN}", full_name, category, roles, job, password_hash,
            started,
        )
    for index, category in enumerate(OTHER_STAFF, start=1):
        full_name = f"{fake.first_name()} {fake.last_name()}"
        started = today - datetime.timedelta(days=rng.randint(30, 5000))
        _member(school, f"staff{index:02d}@{DEMO_DOMAIN}", full_name, category, set(),
                category.label, password_hash, started)

    # Line management: the phase leader manages the teachers and TAs; SLT manage the leaders.
    head, dsl = named["head"], named["dsl"]
    leader = named["line-manager"]
    for membership in Membership.objects.filter(school=school).exclude(pk=head.pk):
        if membership.pk == leader.pk or membership.has_role(Role.SLT):
            membership.line_manager = head
        elif membership.staff_category in {StaffCategory.TEACHER, StaffCategory.SUPPORT}:
            membership.line_manager = leader
        else:
            membership.line_manager = dsl
        membership.save(update_fields=["line_manager"])
    school.ict_coordinator = named["ict"]
    school.save(update_fields=["ict_coordinator"])

    _pupils(school, fake, rng, today)

    trust_admin, _ = User.objects.update_or_create(
        email="trust.admin@example-trust.org.uk",
        defaults={"full_name": "Trust Administrator", "password": password_hash},
    )
    TrustAdministrator.objects.get_or_create(user=trust_admin, trust=school.trust)
    User.objects.update_or_create(
        email="admin@example-trust.org.uk",
        defaults={"full_name": "System Administrator", "password": password_hash,
                  "is_staff": True, "is_superuser": True},
    )
    _load_domain_demo_data(school)
    return school


def _pupils(school, fake, rng, today) -> None:
    rows = []
    for index in range(300):
        current = index < 200
        if current:
            year = YEAR_GROUPS[index % len(YEAR_GROUPS)]
            leaving = None
        else:
            year = "Year 6"
            leaving = datetime.date(today.year - 1 - (index % 5), 7, 20)
        first = fake.first_name_female() if index % 2 else fake.first_name_male()
        rows.append((f"DEMO{index:04d}", first, fake.last_name(), year, current, leaving))
    existing = {p.external_id: p for p in Pupil.objects.filter(school=school)}
    new = []
    for external_id, first, last, year, current, leaving in rows:
        status = PupilStatus.CURRENT if current else PupilStatus.PAST
        pupil = existing.get(external_id) or Pupil(school=school, external_id=external_id)
        pupil.first_name, pupil.last_name, pupil.year_group = first, last, year
        pupil.status, pupil.leaving_date = status, leaving
        if pupil.pk:
            pupil.save()
        else:
            new.append(pupil)
    Pupil.objects.bulk_create(new)


def _load_domain_demo_data(school: School) -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("safepractice."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo_data")
        except ModuleNotFoundError as missing:
            if missing.name == f"{config.name}.demo_data":
                continue
            raise
        module.load(school)


def demo_logins() -> list[tuple[str, str, str]]:
    logins = [(role, f"{local}@{DEMO_DOMAIN}", DEMO_PASSWORD)
              for role, local, *_ in NAMED_ACCOUNTS]
    logins.append(("trust-admin", "trust.admin@example-trust.org.uk", DEMO_PASSWORD))
    logins.append(("admin", "admin@example-trust.org.uk", DEMO_PASSWORD))
    return logins


def print_logins(header: bool = False) -> None:
    if header:
        print("Demo logins (role, email, password). Head, DSL, ICT, SLT and administrators set")
        print("up two-factor sign-in the first time they sign in, from a link emailed to them")
        print("(with the default console email, printed in the server's output).")
    for role, email, password in demo_logins():
        print(f"{role} {email} {password}")
