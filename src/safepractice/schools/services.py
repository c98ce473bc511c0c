"""Writes for schools and people."""

from dataclasses import dataclass

from django.db import transaction

from safepractice.accounts.models import User
from safepractice.audit.services import record

from .models import Membership, Pupil, School
from .roster import ParsedRoster, parse_roster
from .signals import roster_changed


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    duplicates_skipped: int
    encoding: str


@transaction.atomic
def import_roster(school: School, data: bytes, kind: str, actor=None) -> ImportResult:
    """Import a pupil or staff roster: all rows or none. A re-import updates, never duplicates."""
    parsed = parse_roster(data, kind)
    if kind == "pupils":
        created, updated = _import_pupils(school, parsed)
    else:
        created, updated = _import_staff(school, parsed)
    record(
        "roster-import", actor=actor, school=school, object_type=f"roster:{kind}",
        created=created, updated=updated,
    )
    roster_changed.send(sender=School, school=school)
    return ImportResult(created, updated, parsed.duplicates_skipped, parsed.encoding)


def _import_pupils(school: School, parsed: ParsedRoster) -> tuple[int, int]:
    existing = {p.external_id: p for p in Pupil.objects.filter(school=school)}
    to_create, to_update = [], []
    fields = ["first_name", "last_name", "preferred_name", "year_group", "status", "leaving_date"]
    for row in parsed.rows:
        pupil = existing.get(row["external_id"])
        if pupil is None:
            to_create.append(Pupil(school=school, external_id=row["external_id"],
                                   **{f: row[f] for f in fields}))
        else:
            for name in fields:
                setattr(pupil, name, row[name])
            to_update.append(pupil)
    Pupil.objects.bulk_create(to_create, batch_size=500)
    Pupil.objects.bulk_update(to_update, fields, batch_size=500)
    return len(to_create), len(to_update)


def _import_staff(school: School, parsed: ParsedRoster) -> tuple[int, int]:
    created = updated = 0
    for row in parsed.rows:
        full_name = f"{row['first_name']} {row['last_name']}"
        user = User.objects.filter(email=row["email"]).first()
        if user is None:
            # No password: they set one through the password-reset route.
            user = User.objects.create_user(row["email"], None, full_name=full_name)
        elif user.full_name != full_name:
            user.full_name = full_name
            user.save(update_fields=["full_name"])
        membership = Membership.objects.filter(user=user, school=school).first()
        if membership is None:
            membership = Membership(user=user, school=school)
            created += 1
        else:
            updated += 1
        membership.staff_category = row["staff_category"]
        membership.job_title = row["job_title"] or membership.job_title
        membership.external_id = row["external_id"] or membership.external_id
        if row["roles"]:
            membership.set_roles(row["roles"])
        membership.left_on = None
        membership.save()
    return created, updated
