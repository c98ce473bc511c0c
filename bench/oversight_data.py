"""Generate oversight benchmark data straight into the real models (bulk inserts).

One large school (default 1,000 staff and 50,000 cases over ten years) plus smaller schools
in the same trust for the trust view. Deterministic (fixed seed).
"""

import datetime
import hashlib
import random

from django.contrib.auth.hashers import make_password
from django.utils import timezone

BATCH = 2000


def _users(prefix: str, count: int, password: str):
    from safepractice.accounts.models import User

    users = [
        User(email=f"{prefix}-{i}@bench.example", full_name=f"Bench Person {prefix} {i}",
             password=password)
        for i in range(count)
    ]
    User.objects.bulk_create(users, batch_size=BATCH)
    return list(User.objects.filter(email__startswith=f"{prefix}-").order_by("id"))


def _school(trust, n: int, staff: int, cases: int, years: int, rng: random.Random,
            password: str):
    from safepractice.schools.models import Membership, Role, School, StaffCategory

    school = School.objects.create(name=f"Bench School {n:02d}", slug=f"bench-{n:02d}",
                                   trust=trust)
    users = _users(f"s{n}", staff, password)
    today = timezone.localdate()
    categories = list(StaffCategory.values)
    members = []
    for i, user in enumerate(users):
        member = Membership(
            user=user, school=school, staff_category=categories[i % len(categories)]
            if i % 3 == 0 else StaffCategory.TEACHER,
            started_on=today - datetime.timedelta(days=rng.randint(0, 3650)),
            left_on=None if i % 10 != 9 else today - datetime.timedelta(days=rng.randint(1, 900)),
        )
        member.set_roles({Role.HEAD_TEACHER} if i == 0 else
                         {Role.GOVERNING_BOARD} if i == 1 else
                         {Role.SLT} if i < 6 else set())
        members.append(member)
    Membership.objects.bulk_create(members, batch_size=BATCH)
    members = list(Membership.objects.filter(school=school).order_by("id"))
    _policy(school, members, rng)
    _registers(school, members, rng)
    _cases(school, members, cases, years, rng)
    return school, members


def _policy(school, members, rng):
    from safepractice.policies.models import (
        Acknowledgement,
        PolicyDocument,
        PolicyKind,
        PolicyVersion,
    )

    document = PolicyDocument.objects.create(
        school=school, title="Staff social media policy", kind=PolicyKind.SOCIAL_MEDIA,
        review_on=datetime.date(2018, 9, 1), requires_acknowledgement=True,
    )
    for title in ("Child protection policy", "Whistleblowing policy", "Code of conduct"):
        PolicyDocument.objects.create(school=school, title=title,
                                      review_on=datetime.date(2027, 1, 1))
    issued = timezone.now() - datetime.timedelta(days=300)
    version = PolicyVersion.objects.create(
        document=document, number=2, text="Policy text", created_at=issued,
        content_hash=hashlib.sha256(b"Policy text").hexdigest(),
    )
    Acknowledgement.objects.bulk_create(
        [Acknowledgement(version=version, membership=m, content_hash=version.content_hash,
                         acknowledged_at=issued + datetime.timedelta(days=rng.randint(0, 290)))
         for m in members if rng.random() < 0.85],
        batch_size=BATCH,
    )


def _registers(school, members, rng):
    from safepractice.registers.models import (
        ContactDetailsException,
        Decision,
        PhoneOnDutyException,
        SocialContactDeclaration,
    )

    now = timezone.now()
    today = timezone.localdate()
    sample = rng.sample(members, min(len(members), max(10, len(members) // 10)))
    SocialContactDeclaration.objects.bulk_create([
        SocialContactDeclaration(
            school=school, membership=m, kind="social-circle", contact_with="A family",
            details="Weekends", acknowledged_at=now if i % 4 else None,
        ) for i, m in enumerate(sample)
    ])
    ContactDetailsException.objects.bulk_create([
        ContactDetailsException(
            school=school, membership=m, given_to="A parent", details_given="Mobile",
            reason="Escort", starts_on=today - datetime.timedelta(days=30),
            ends_on=today + datetime.timedelta(days=rng.randint(1, 120)),
            senior_agreed_at=now if i % 3 else None, parent_agreed_on=today if i % 2 else None,
        ) for i, m in enumerate(sample[: len(sample) // 2])
    ])
    PhoneOnDutyException.objects.bulk_create([
        PhoneOnDutyException(
            school=school, membership=m, circumstances="Family illness",
            starts_at=now - datetime.timedelta(days=1),
            ends_at=now + datetime.timedelta(days=rng.randint(1, 30)),
            decision=Decision.AGREED if i % 2 else Decision.PENDING,
        ) for i, m in enumerate(sample[: len(sample) // 3])
    ])


CLOSED_SHARE = 0.97


def _cases(school, members, count, years, rng):
    from safepractice.cases.models import (
        Body,
        Case,
        ConductConcern,
        CyberbullyingReport,
        IndecentImagesReport,
        Notification,
        NotificationKind,
        PupilExposureReport,
        Route,
        UnsuitableMaterialReport,
    )
    from safepractice.cases.workflow import machine_for

    now = timezone.now()
    span = years * 365 * 24 * 3600
    routes = [Route.CYBERBULLYING] * 40 + [Route.CONDUCT] * 30 + [Route.PUPIL_EXPOSURE] * 20 + [
        Route.UNSUITABLE_MATERIAL] * 8 + [Route.INDECENT_IMAGES] * 2
    open_state = {route: machine_for(route).initial for route in Route}
    batch = []
    for _ in range(count):
        route = rng.choice(routes)
        raised = now - datetime.timedelta(seconds=rng.randint(0, span))
        closed = rng.random() < CLOSED_SHARE and raised < now - datetime.timedelta(days=20)
        acknowledged = raised + datetime.timedelta(hours=rng.randint(1, 24 * 8))
        batch.append(Case(
            school=school, route=route, state="closed" if closed else open_state[route],
            raised_by=rng.choice(members), concerns=rng.choice(members),
            raised_at=raised,
            acknowledged_at=acknowledged if route == Route.CYBERBULLYING and closed else None,
            acknowledgement_due_on=(raised + datetime.timedelta(days=5)).date()
            if route == Route.CYBERBULLYING else None,
            closed_at=raised + datetime.timedelta(days=rng.randint(1, 120)) if closed else None,
        ))
    Case.objects.bulk_create(batch, batch_size=BATCH)
    cases = list(Case.objects.filter(school=school).values_list("id", "route", "raised_at"))
    details = {
        Route.CYBERBULLYING: lambda cid, at: CyberbullyingReport(
            case_id=cid, site="Facebook", seen_at=at, what_happened="Bench text",
            police_wish="no", report_to="head"),
        Route.INDECENT_IMAGES: lambda cid, at: IndecentImagesReport(
            case_id=cid, found_at=at, device="Laptop", location="Office"),
        Route.UNSUITABLE_MATERIAL: lambda cid, at: UnsuitableMaterialReport(
            case_id=cid, found_at=at, where_found="Laptop", concern="Bench text"),
        Route.CONDUCT: lambda cid, at: ConductConcern(
            case_id=cid, kind="other", occurred_on=at.date(), concern="Bench text"),
        Route.PUPIL_EXPOSURE: lambda cid, at: PupilExposureReport(
            case_id=cid, occurred_at=at, where="ICT suite", pupils_involved="Year 5",
            what_happened="Bench text"),
    }
    by_model: dict[type, list] = {}
    notifications = []
    for case_id, route, raised in cases:
        detail = details[Route(route)](case_id, raised)
        by_model.setdefault(type(detail), []).append(detail)
        if route == Route.INDECENT_IMAGES:
            for body in (Body.POLICE, Body.SAFEGUARDING_UNIT):
                notifications.append(Notification(
                    case_id=case_id, body=body, kind=NotificationKind.NOTIFIED,
                    at=raised + datetime.timedelta(minutes=rng.randint(5, 150)),
                    notified_by=members[0], contact="Desk",
                ))
    for model, rows in by_model.items():
        model.objects.bulk_create(rows, batch_size=BATCH)
    Notification.objects.bulk_create(notifications, batch_size=BATCH)


def generate(*, staff: int, cases: int, years: int, schools: int, trust_staff: int,
             trust_cases: int, seed: int = 2026):
    """The large school first (returned), then ``schools - 1`` smaller ones in its trust."""
    from safepractice.schools.models import Trust

    rng = random.Random(seed)
    password = make_password(None)  # unusable: the benchmark signs in with force_login
    trust = Trust.objects.create(name="Bench Trust")
    main, members = _school(trust, 1, staff, cases, years, rng, password)
    for n in range(2, schools + 1):
        _school(trust, n, trust_staff, trust_cases, years, rng, password)
    return trust, main, members
