import datetime

import pytest
import time_machine

from safepractice.policies.demo_data import seed_policy_path
from safepractice.policies.models import Acknowledgement, PolicyDocument
from safepractice.policies.selectors import (
    acknowledgement_completion,
    policies_needing_review,
    policies_to_acknowledge,
    review_state,
)
from safepractice.policies.services import (
    PolicyError,
    SupersededVersion,
    acknowledge,
    add_version,
    import_policy,
    set_review_date,
)
from safepractice.schools.models import StaffCategory
from safepractice.testing.factories import make_member, make_school

from .helpers import make_policy

pytestmark = pytest.mark.django_db


def import_seed(school):
    path = seed_policy_path()
    return import_policy(school, path.read_bytes(), path.name)


def test_importing_the_seed_makes_version_one_and_the_related_policies():
    result = import_seed(make_school())
    assert result.version.number == 1
    assert result.document.read_with.count() == 6


def test_reimporting_the_same_text_makes_no_new_version():
    school = make_school()
    import_seed(school)
    again = import_seed(school)
    assert (again.new_version, again.version.number) == (False, 1)


def test_a_new_version_asks_everyone_to_acknowledge_again():
    school = make_school()
    member = make_member(school)
    document, version = make_policy(school)
    acknowledge(member, version)
    add_version(document, "Staff must not befriend pupils or parents.\n")
    assert policies_to_acknowledge(member) == [document]


def test_an_acknowledgement_keeps_the_exact_version_hash_and_time():
    school = make_school()
    member = make_member(school)
    _, version = make_policy(school)
    with time_machine.travel(datetime.datetime(2026, 10, 1, 9, 30, tzinfo=datetime.UTC),
                             tick=False):
        ack = acknowledge(member, version)
    assert (ack.content_hash, ack.acknowledged_at) == (
        version.content_hash, datetime.datetime(2026, 10, 1, 9, 30, tzinfo=datetime.UTC))


def test_acknowledging_a_superseded_version_is_refused_naming_the_current_one():
    school = make_school()
    member = make_member(school)
    document, old = make_policy(school)
    new, _ = add_version(document, "A better policy.\n")
    with pytest.raises(SupersededVersion) as refused:
        acknowledge(member, old)
    assert refused.value.current == new
    assert not Acknowledgement.objects.exists()


def test_a_member_of_another_school_cannot_acknowledge():
    _, version = make_policy(make_school())
    with pytest.raises(PolicyError):
        acknowledge(make_member(make_school()), version)


def test_someone_who_has_left_cannot_acknowledge():
    school = make_school()
    _, version = make_policy(school)
    leaver = make_member(school, left_on=datetime.date(2020, 1, 1))
    with pytest.raises(PolicyError):
        acknowledge(leaver, version)


def test_acknowledging_twice_keeps_one_record():
    school = make_school()
    member = make_member(school)
    _, version = make_policy(school)
    acknowledge(member, version)
    acknowledge(member, version)
    assert Acknowledgement.objects.count() == 1


def test_a_review_date_before_the_adoption_date_is_refused():
    school = make_school()
    document, _ = make_policy(school, adopted_on=datetime.date(2026, 9, 1))
    with pytest.raises(PolicyError, match="after the adoption date"):
        set_review_date(document, datetime.date(2026, 8, 1))


@time_machine.travel(datetime.date(2026, 11, 25), tick=False)
def test_the_seed_review_date_is_years_overdue():
    result = import_seed(make_school())
    state = review_state(result.document)
    assert (state.status, state.days) == ("overdue", (datetime.date(2026, 11, 25)
                                                       - datetime.date(2018, 9, 1)).days)


def test_a_review_date_within_thirty_days_is_due():
    school = make_school()
    document, _ = make_policy(school, review_on=datetime.date(2027, 3, 20))
    with time_machine.travel(datetime.date(2027, 2, 20), tick=False):
        assert review_state(document).status == "due"


def test_a_review_date_becomes_overdue_the_day_after():
    school = make_school()
    document, _ = make_policy(school, review_on=datetime.date(2027, 3, 20))
    with time_machine.travel(datetime.date(2027, 3, 21), tick=False):
        assert review_state(document).status == "overdue"


def test_policies_needing_review_lists_overdue_before_due():
    school = make_school()
    make_policy(school, title="Due", review_on=datetime.date(2027, 3, 10))
    make_policy(school, title="Late", review_on=datetime.date(2026, 1, 1))
    make_policy(school, title="Fine", review_on=datetime.date(2028, 1, 1))
    with time_machine.travel(datetime.date(2027, 3, 1), tick=False):
        titles = [doc.title for doc, _ in policies_needing_review(school)]
    assert titles == ["Late", "Due"]


def test_completion_counts_every_staff_category_in_scope():
    school = make_school()
    _, version = make_policy(school)
    volunteer = make_member(school, staff_category=StaffCategory.VOLUNTEER)
    make_member(school, staff_category=StaffCategory.CONTRACTOR)
    make_member(school, staff_category=StaffCategory.GOVERNOR, left_on=datetime.date(2020, 1, 1))
    acknowledge(volunteer, version)
    rows = {row.category: (row.in_scope, row.acknowledged)
            for row in acknowledgement_completion(PolicyDocument.objects.get())}
    assert rows == {"volunteer": (1, 1), "contractor": (1, 0), "all": (2, 1)}


def test_completion_counts_only_the_current_version():
    school = make_school()
    member = make_member(school)
    document, old = make_policy(school)
    acknowledge(member, old)
    add_version(document, "Changed.\n")
    assert acknowledgement_completion(document)[-1].acknowledged == 0
