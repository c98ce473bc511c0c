import pytest
from typer.testing import CliRunner

from safepractice.cli import _register_command_modules, app
from safepractice.policies.models import PolicyVersion
from safepractice.testing.factories import make_school

pytestmark = pytest.mark.django_db


def test_policy_import_from_the_command_line(tmp_path):
    school = make_school()
    policy = tmp_path / "policy.md"
    policy.write_text("# Social media policy\n\nReview date: March 2030\n")
    _register_command_modules()
    result = CliRunner().invoke(app, ["policy", "import", school.slug, str(policy)])
    assert result.exit_code == 0, result.output
    assert PolicyVersion.objects.get().document.review_on.isoformat() == "2030-03-01"


def test_a_bad_file_on_the_command_line_exits_with_the_reason(tmp_path):
    school = make_school()
    policy = tmp_path / "policy.docx"
    policy.write_bytes(b"nope")
    _register_command_modules()
    result = CliRunner().invoke(app, ["policy", "import", school.slug, str(policy)])
    assert result.exit_code == 1
    assert "not a .docx" in result.output
