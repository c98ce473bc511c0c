"""The engine's ``SchoolContext`` for one school, built from its record and rosters."""

from safepractice.engine.context import RosterPerson, SchoolContext
from safepractice.schools.models import Membership, Pupil, School


def _split(full_name: str) -> tuple[str, str]:
    first, _, last = full_name.strip().partition(" ")
    return first, last.strip()


def school_context(school: School) -> SchoolContext:
    pupils = tuple(
        RosterPerson(first_name=p.first_name, last_name=p.last_name,
                     preferred_name=p.preferred_name, status=p.status, year_group=p.year_group)
        for p in Pupil.objects.filter(school=school).only(
            "first_name", "last_name", "preferred_name", "status", "year_group")
    )
    staff = tuple(
        RosterPerson(*_split(m.user.full_name), status="staff")
        for m in Membership.objects.filter(school=school).active().select_related("user")
        if m.user.full_name
    )
    return SchoolContext(
        school_name=school.name,
        aliases=tuple(school.aliases or ()),
        hashtags=tuple(school.hashtags or ()),
        local_authority=school.local_authority,
        local_authority_aliases=tuple(school.local_authority_aliases or ()),
        work_email_domains=tuple(school.work_email_domains or ()),
        work_phone_numbers=tuple(school.work_phone_numbers or ()),
        pupils=pupils,
        staff=staff,
    )
