"""The project's own promises: CLI, demo school, settings defaults."""

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from safepractice.cli import _register_command_modules, app
from safepractice.schools.models import Membership, Pupil, StaffCategory

LOGIN_ROLES = {"head", "dsl", "slt", "line-manager", "teacher", "support", "governor", "ict",
               "trust-admin", "admin"}


@pytest.fixture
def cli():
    _register_command_modules()
    return CliRunner()


@pytest.mark.django_db
def test_demo_print_logins_gives_one_account_a_line_for_every_role(cli):
    result = cli.invoke(app, ["demo", "--print-logins"])
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.output.strip().splitlines()]
    assert all(len(parts) == 3 for parts in lines)
    assert {parts[0] for parts in lines} == LOGIN_ROLES


@pytest.mark.django_db
def test_the_demo_school_has_every_staff_category_and_the_pupils():
    from safepractice.schools.demo import load_demo

    school = load_demo()
    staff = Membership.objects.filter(school=school)
    assert staff.count() >= 40
    assert set(staff.values_list("staff_category", flat=True)) == set(StaffCategory.values)
    assert Pupil.objects.filter(school=school).current().count() == 200
    assert Pupil.objects.filter(school=school).past().count() == 100


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing():
    from safepractice.schools.demo import load_demo

    load_demo()
    counts = (Membership.objects.count(), Pupil.objects.count())
    load_demo()
    assert (Membership.objects.count(), Pupil.objects.count()) == counts


def test_debug_is_off_unless_asked_for(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG)"
    env = {"SAFEPRACTICE_INSTANCE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']="
         f"'safepractice.settings'; import safepractice.instance as i; i.prepare(); "
         f"django.setup(); {code}"],
        env=env, capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "False"


def test_the_secret_key_is_generated_once_into_the_instance_folder(tmp_path):
    env = {"SAFEPRACTICE_INSTANCE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code = ("import os; os.environ['DJANGO_SETTINGS_MODULE']='safepractice.settings'; "
            "import safepractice.instance as i; i.prepare(); "
            "from django.conf import settings; print(settings.SECRET_KEY)")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=True).stdout
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, check=True).stdout
    assert first == second and len(first.strip()) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_manage_passes_through_to_django_from_any_folder(tmp_path):
    env = {"SAFEPRACTICE_INSTANCE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "safepractice.cli", "manage", "check"],
        env=env, cwd=tmp_path, capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr
    assert "no issues" in out.stdout


@pytest.mark.django_db
def test_import_roster_from_the_cli_names_the_bad_line(cli, tmp_path):
    from safepractice.testing.factories import make_school

    school = make_school()
    good = tmp_path / "pupils.csv"
    good.write_text("UPN,Surname,Forename\nA1,Smith,Amy\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("UPN,Surname,Forename\nA1,Smith,Amy\nA2,,Ben\n")
    ok = cli.invoke(app, ["import-roster", school.slug, str(good)])
    assert ok.exit_code == 0 and "1 added" in ok.output
    refused = cli.invoke(app, ["import-roster", school.slug, str(bad)])
    assert refused.exit_code == 1
    assert "Line 3" in refused.output


@pytest.fixture
def run_without_serving(monkeypatch):
    """``safepractice run`` up to the point it would serve: what SITE_URL was by then."""
    from safepractice.commands import django_setup, gunicorn_app, server
    from safepractice.schools import demo

    seen: dict[str, str | None] = {}
    monkeypatch.setattr(django_setup, "call_manage", lambda *args: None)
    monkeypatch.setattr(demo, "demo_is_loaded", lambda: True)
    monkeypatch.setattr(demo, "print_logins", lambda header: None)
    monkeypatch.setattr(server, "_supervised_workers", lambda: None)
    monkeypatch.setattr(server, "_sweep_uploads_left_by_a_crash", lambda: None)
    monkeypatch.setattr(gunicorn_app, "serve",
                        lambda host, port, **_: seen.update(site_url=os.environ.get("SITE_URL")))
    return seen


def test_run_points_links_at_the_host_and_port_it_serves(cli, monkeypatch, run_without_serving):
    monkeypatch.delenv("SITE_URL", raising=False)
    result = cli.invoke(app, ["run", "--host", "192.0.2.10", "--port", "8123", "--no-worker"])
    assert result.exit_code == 0, result.output
    assert run_without_serving["site_url"] == "http://192.0.2.10:8123"


def test_run_leaves_a_configured_site_url_alone(cli, monkeypatch, run_without_serving):
    monkeypatch.setenv("SITE_URL", "https://safepractice.example.sch.uk")
    result = cli.invoke(app, ["run", "--port", "8123", "--no-worker"])
    assert result.exit_code == 0, result.output
    assert run_without_serving["site_url"] == "https://safepractice.example.sch.uk"


def test_reading_the_settings_creates_nothing_and_a_new_instance_is_told_what_to_run(tmp_path):
    instance = tmp_path / "new-instance"
    env = {"SAFEPRACTICE_INSTANCE": str(instance), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", "import safepractice.settings"],
        env=env, capture_output=True, text=True,
    )
    assert out.returncode != 0
    assert "run any `safepractice` command" in out.stderr
    assert list(tmp_path.iterdir()) == [], "importing the settings made files"


def test_the_command_prepares_a_new_instance(tmp_path):
    instance = tmp_path / "new-instance"
    env = {"SAFEPRACTICE_INSTANCE": str(instance), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "safepractice.cli", "manage", "check"],
                   env=env, capture_output=True, text=True, check=True)
    assert (instance / "secret_key").stat().st_mode & 0o077 == 0
    assert (instance / "upload-tmp").stat().st_mode & 0o077 == 0
