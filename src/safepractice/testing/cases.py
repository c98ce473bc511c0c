"""Factories for cases: a school with one person in every role, and a case on any route."""

import io
from dataclasses import dataclass

from django.utils import timezone
from PIL import Image

from safepractice.accounts.models import User
from safepractice.cases import services
from safepractice.cases.models import Case, PoliceWish, ReportTo, Route
from safepractice.schools.models import Membership, Role, School, StaffCategory

from .factories import make_member, make_school, make_trust_admin


@dataclass
class StaffRoom:
    """Everyone the need-to-know table mentions, in one school."""

    school: School
    head: Membership
    dsl: Membership
    slt: Membership
    line_manager: Membership
    other_line_manager: Membership
    teacher: Membership  # managed by line_manager; the person bullied or the subject
    colleague: Membership  # another teacher: the reporter of cases about ``teacher``
    bystander: Membership  # a teacher with nothing to do with the case
    ict: Membership
    governor: Membership
    trust_admin: User


def make_staff_room(school: School | None = None) -> StaffRoom:
    school = school or make_school()
    head = make_member(school, roles={Role.HEAD_TEACHER, Role.SLT, Role.LINE_MANAGER})
    dsl = make_member(school, roles={Role.DSL, Role.SLT})
    slt = make_member(school, roles={Role.SLT})
    line_manager = make_member(school, roles={Role.LINE_MANAGER}, line_manager=head)
    other_line_manager = make_member(school, roles={Role.LINE_MANAGER}, line_manager=head)
    teacher = make_member(school, line_manager=line_manager)
    colleague = make_member(school, line_manager=other_line_manager)
    bystander = make_member(school, line_manager=other_line_manager)
    ict = make_member(school, roles={Role.ICT_COORDINATOR}, staff_category=StaffCategory.SUPPORT)
    governor = make_member(school, roles={Role.GOVERNING_BOARD},
                           staff_category=StaffCategory.GOVERNOR)
    school.ict_coordinator = ict
    school.save(update_fields=["ict_coordinator"])
    return StaffRoom(school, head, dsl, slt, line_manager, other_line_manager, teacher,
                     colleague, bystander, ict, governor, make_trust_admin(school))


def png_bytes(colour: str = "red", size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def route_details(route: str, **overrides) -> dict:
    now = timezone.now() - timezone.timedelta(hours=1)
    defaults = {
        Route.CYBERBULLYING: {
            "site": "Facebook", "link": "https://facebook.com/groups/parents/posts/1",
            "seen_at": now, "what_happened": "A parent posted my photo with insults.",
            "wants_confidentiality": True, "police_wish": PoliceWish.NO,
            "report_to": ReportTo.LINE_MANAGER, "support_union": True,
        },
        Route.INDECENT_IMAGES: {
            "found_at": now, "device": "School laptop EPS-LT-042", "location":
            "Locked in the head's office", "account": "", "others_aware": "Only me",
        },
        Route.UNSUITABLE_MATERIAL: {
            "found_at": now, "where_found": "Staff room shared PC, browser history",
            "concern": "Adult dating sites open under a staff login.",
        },
        Route.CONDUCT: {
            "kind": "friending-pupil", "occurred_on": now.date(),
            "concern": "Accepted a friend request from a Year 6 pupil.",
        },
        Route.PUPIL_EXPOSURE: {
            "occurred_at": now, "where": "ICT suite, PC 12", "pupils_involved": "Year 5",
            "what_happened": "A search for a game led to a violent video.",
        },
    }[Route(route)]
    return defaults | overrides


def make_case(room: StaffRoom, route: str, raised_by: Membership | None = None,
              concerns: Membership | None = None, uploads=(), **details) -> Case:
    """Raise a case the way a person would: the bullied teacher reports route 1; a colleague
    raises the others, about the teacher where the route has a subject."""
    route = Route(route)
    if route == Route.CYBERBULLYING:
        raised_by = raised_by or room.teacher
    else:
        raised_by = raised_by or room.colleague
        if route in (Route.UNSUITABLE_MATERIAL, Route.CONDUCT):
            concerns = concerns or room.teacher
    return services.raise_case(route, room.school, raised_by, route_details(route, **details),
                               concerns=concerns, uploads=uploads)

