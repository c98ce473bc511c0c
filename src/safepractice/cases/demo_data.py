"""Demo cases for Example Primary School: one or two on every route, at different stages.

Loaded once: if the school already has cases, nothing is added (the demo loader is re-run).
"""

import datetime
import io

from django.utils import timezone
from PIL import Image, ImageDraw

from safepractice.schools.models import Membership, School

from . import services
from .evidence import Upload
from .models import Case, PoliceWish, ReportTo, Route


def _screenshot(lines: list[str]) -> bytes:
    """A small picture of a social media post, as a member of staff would screenshot it."""
    image = Image.new("RGB", (520, 40 + 22 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 519, 28], fill="#3b5998")
    draw.text((10, 8), "Community group: Example Parents", fill="white")
    for index, line in enumerate(lines):
        draw.text((12, 38 + 22 * index), line, fill="#1b1f24")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _member(school: School, local_part: str) -> Membership:
    return Membership.objects.select_related("user", "school").get(
        school=school, user__email__startswith=f"{local_part}@"
    )


def _backdate(case: Case, minutes: int) -> Case:
    Case.objects.filter(pk=case.pk).update(
        raised_at=timezone.now() - datetime.timedelta(minutes=minutes))
    case.refresh_from_db()
    return case


def _do(case: Case, name: str, actor: Membership, **data) -> Case:
    return services.perform(case, name, actor, data, case.version)


def load(school: School) -> None:
    if Case.objects.filter(school=school).exists():
        return
    head, dsl = _member(school, "head"), _member(school, "dsl")
    leader, teacher = _member(school, "phase.leader"), _member(school, "teacher")
    ta, ict, slt = _member(school, "ta"), _member(school, "ict"), _member(school, "slt")
    staff = list(Membership.objects.filter(school=school, user__email__startswith="staff")
                 .select_related("user").order_by("user__email")[:6])
    now = timezone.now()

    # Route 1: the teacher reports comments on a parents' group; acknowledged, no police.
    case = services.raise_case(Route.CYBERBULLYING, school, teacher, {
        "site": "Facebook (Example Parents community group)",
        "link": "https://www.facebook.com/groups/example-parents/posts/1042",
        "seen_at": now - datetime.timedelta(days=2, hours=3),
        "what_happened": "A parent posted that I 'should not be allowed near children' under "
                         "a photo of my classroom door, and others joined in.",
        "wants_confidentiality": True, "police_wish": PoliceWish.NO,
        "report_to": ReportTo.LINE_MANAGER, "support_union": True,
        "support_notes": "NEU school rep",
    }, uploads=[
        Upload("facebook-post.png", _screenshot([
            "Posted 21:04, 2 days ago", "'should not be allowed near children'",
            "12 comments"]), "Facebook group post, 21:04, two days ago"),
        Upload("saved-comments.txt", b"Comments saved 21:30:\n- 'agreed, disgraceful'\n"
               b"- 'someone should say something at the gate'\n",
               "Comments copied from the post at 21:30"),
    ])
    case = _do(case, "acknowledge", leader, note="Met in person; agreed to speak to the head.")

    # Route 1, recorded by the ICT technician for a teaching assistant; awaiting the head.
    services.raise_case(Route.CYBERBULLYING, school, ict, {
        "site": "WhatsApp (Year 3 parents' group)", "link": "",
        "seen_at": now - datetime.timedelta(hours=20),
        "what_happened": "Messages forwarded to the TA mocking her appearance, with her photo.",
        "wants_confidentiality": True, "police_wish": PoliceWish.NOT_YET,
        "report_to": ReportTo.HEAD, "support_colleague": True,
    }, concerns=ta, uploads=[Upload("whatsapp-export.txt", (
        b"[21:12] Parent A: look who it is\n[21:13] Parent B: (photo)\n"),
        "WhatsApp chat export, yesterday 21:12")])

    # Route 2: raised 25 minutes ago; the police are notified, the unit not yet.
    finder = staff[0] if staff else teacher
    case = services.raise_case(Route.INDECENT_IMAGES, school, finder, {
        "found_at": now - datetime.timedelta(minutes=30),
        "device": "Staff laptop EPS-LT-017 (returned for repair)",
        "location": "Sealed bag, locked in the head's office",
        "account": "Local account 'teacher2'", "others_aware": "The IT contractor who found it",
    })
    case = _backdate(case, 25)
    case = _do(case, "record-notification", head, body="police",
        at=now - datetime.timedelta(minutes=15), contact="Police control room (101)",
        reference="CAD-2026-118842", notified_by=head)

    # Route 3: material about a member of staff; advice sought, nothing investigated yet.
    subject = staff[1] if len(staff) > 1 else ta
    case = services.raise_case(Route.UNSUITABLE_MATERIAL, school, slt, {
        "found_at": now - datetime.timedelta(days=1),
        "where_found": "Shared staff-room PC, browser history under the subject's login",
        "concern": "Adult content sites visited during the school day.",
    }, concerns=subject)
    case = _do(case, "request-advice", dsl, source="hr-advice",
        at=now - datetime.timedelta(hours=20), contact=school.hr_advice_service or "HR")

    # Route 4: a possible breach; the head investigates, the member of staff not yet told.
    subject = staff[2] if len(staff) > 2 else ta
    case = services.raise_case(Route.CONDUCT, school, leader, {
        "kind": "friending-pupil", "occurred_on": (now - datetime.timedelta(days=5)).date(),
        "concern": "A Year 6 pupil showed friends that the member of staff accepted her "
                   "friend request on Instagram.",
    }, concerns=subject)
    case = _do(case, "request-advice", head, source="hr-advice",
        at=now - datetime.timedelta(days=4), contact=school.hr_advice_service or "HR")
    case = _do(case, "start-investigation", head)

    # Route 5: a pupil reached a violent video; controls changed and closed.
    case = services.raise_case(Route.PUPIL_EXPOSURE, school, teacher, {
        "occurred_at": now - datetime.timedelta(days=9), "where": "ICT suite, PC 12",
        "pupils_involved": "Year 4 (two pupils)",
        "what_happened": "A search for a game walkthrough led to a violent video.",
    })
    case = _do(case, "record-control-action", ict, control="web filter",
        body="Blocked the video site and the search term for pupil accounts.")
    case = _do(case, "record-control-action", ict, control="passwords",
        body="Reset the shared class login; pupils now have their own passwords.")
    case = _do(case, "close", dsl, outcome_detail="Filter tightened, shared login retired, "
                                           "parents informed by the class teacher.")
