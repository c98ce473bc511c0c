"""A worker killed mid-upload leaves no half item: no row without its file, no file as an item.

A child process with its own instance folder and SQLite database adds a file and is held at
a chosen point (while the encrypted file is being written; after the file is in place but
before the transaction commits), then killed with SIGKILL. We then look at what it left.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from safepractice.cases import vault

SRC = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent("""
    import os, sys, time
    os.environ["DJANGO_SETTINGS_MODULE"] = "safepractice.settings"
    import safepractice.instance
    safepractice.instance.prepare()
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from django.conf import settings
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from safepractice.cases import services, vault
    from safepractice.testing.cases import make_case, make_staff_room, png_bytes

    room = make_staff_room()
    case = make_case(room, "cyberbullying")
    print("SCHOOL", case.school_id, flush=True)

    def hold():
        print("HOLDING", flush=True)
        time.sleep(600)

    if sys.argv[1] == "writing":
        os.fsync = lambda fd: hold()
    else:
        real_publish = vault.publish
        def publish_then_hold(temporary, final):
            real_publish(temporary, final)
            hold()
        vault.publish = publish_then_hold
    services.add_evidence(case, room.teacher, [services.Upload("shot.png", png_bytes())])
    print("FINISHED", flush=True)
""")


def _run_and_kill(tmp_path: Path, point: str) -> tuple[Path, int]:
    instance = tmp_path / point
    instance.mkdir()
    env = {**os.environ, "SAFEPRACTICE_INSTANCE": str(instance), "SAFEPRACTICE_TESTING": "1",
           "PYTHONPATH": str(SRC)}
    env.pop("DATABASE_URL", None)
    env.pop("SAFEPRACTICE_EVIDENCE_DIR", None)
    child = subprocess.Popen([sys.executable, "-c", CHILD, point], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    school_id = None
    try:
        for line in child.stdout:
            if line.startswith("SCHOOL"):
                school_id = int(line.split()[1])
            if line.startswith(("HOLDING", "FINISHED")):
                assert line.startswith("HOLDING"), "the child was not held"
                break
        else:
            pytest.fail(f"child ended early: {child.stderr.read()[-2000:]}")
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    return instance, school_id


def _rows(instance: Path) -> list[str]:
    with sqlite3.connect(instance / "db.sqlite3") as db:
        return [r[0] for r in db.execute("SELECT stored_name FROM cases_evidenceitem")]


@pytest.mark.parametrize("point", ["writing", "renamed"])
def test_a_worker_killed_mid_upload_leaves_no_half_item(tmp_path, point):
    instance, school_id = _run_and_kill(tmp_path, point)
    assert _rows(instance) == []
    folder = instance / "evidence" / str(school_id)
    left = sorted(folder.iterdir())
    assert left, "the child was killed before it wrote anything"
    # What is left on disk is never an item, and the sweep finds all of it.
    assert vault.orphans(folder, known_names=set()) == left
    for path in left:
        path.unlink()
    assert list(folder.iterdir()) == []
