import hashlib
from pathlib import Path

import pytest

from safepractice.policies.demo_data import SEED_NAME, seed_policy_path
from safepractice.policies.selectors import review_state, social_media_policy
from safepractice.schools.demo import load_demo

PACKAGE_SEED = Path(__file__).resolve().parents[1] / "seed" / SEED_NAME
SHARED = Path(__file__).resolve().parents[5] / "shared" / "policy" / SEED_NAME


def test_the_packaged_seed_is_the_shared_policy_unchanged():
    if not SHARED.exists():
        pytest.skip("the shared policy folder is not beside this checkout")
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (PACKAGE_SEED, SHARED)]
    assert digest[0] == digest[1]


def test_the_seed_path_is_a_readable_policy():
    assert "SOCIAL MEDIA POLICY" in seed_policy_path().read_text()


@pytest.mark.django_db
def test_the_demo_school_has_the_imported_policy_long_overdue_for_review():
    school = load_demo()
    state = review_state(social_media_policy(school))
    assert state.status == "overdue" and state.days > 365
