import pytest

from safepractice.exports.tests.archives import zip_fixture
from safepractice.schools.models import Role
from safepractice.testing.factories import make_member, make_pupil, make_school, make_user


@pytest.fixture(autouse=True)
def _private_upload_dir(settings, tmp_path):
    settings.REVIEW_UPLOAD_DIR = tmp_path / "uploads"


@pytest.fixture
def oakfield(db):
    """The school the fixtures talk about, with a current pupil who follows the teacher on X."""
    school = make_school(name="Oakfield Primary School", aliases=["Oakfield Primary", "Oakfield"])
    make_pupil(school, first_name="Ellie", last_name="Hartwell")
    return school


@pytest.fixture
def teacher(oakfield):
    return make_member(oakfield, user=make_user(full_name="Alex Teacher"))


@pytest.fixture
def head(oakfield):
    return make_member(oakfield, roles={Role.HEAD_TEACHER, Role.SLT})


@pytest.fixture
def x_archive(tmp_path):
    return zip_fixture("x_2022", tmp_path, zip_name="twitter-2022-11-20-abc123.zip")


@pytest.fixture
def admin_user(db):
    return make_user(is_staff=True, is_superuser=True)
