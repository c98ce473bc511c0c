"""Uploads too big for memory never lie in plain on disk, and nothing of them outlives a kill."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from safepractice.api.models import Scope
from safepractice.api.tokens import create_token
from safepractice.cases.models import Route
from safepractice.testing.auth import current_code, give_authenticator
from safepractice.testing.cases import make_case, make_staff_room
from safepractice.testing.processes import SRC
from safepractice.web import uploads

MARKER = b"EVIDENCE-" + os.urandom(16).hex().encode()
# Over FILE_UPLOAD_MAX_MEMORY_SIZE (2 MB), so Django spools it to disk.
BIG = MARKER + b"\n" + b"a screen print of the post, as text\n" * 100_000 + MARKER

CHILD = textwrap.dedent("""
    import os, sys, time
    os.environ["DJANGO_SETTINGS_MODULE"] = "safepractice.settings"
    import safepractice.instance
    safepractice.instance.prepare()
    import django
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import RequestFactory

    data = open(sys.argv[1], "rb").read()
    request = RequestFactory().post("/upload/", {"files": SimpleUploadedFile("shot.txt", data)})
    assert request.FILES["files"].read() == data  # the body has arrived and been parsed
    print("HOLDING", flush=True)
    time.sleep(600)
""")


@pytest.fixture
def killed_after_the_body_arrived(tmp_path):
    """A process that parsed a big upload and was killed (SIGKILL) while handling it.

    Yields (its system temp folder, its instance folder, what it had open on disk just before
    it was killed: {fd path: bytes})."""
    system_temp, instance = tmp_path / "system-temp", tmp_path / "instance"
    system_temp.mkdir()
    instance.mkdir()
    body = tmp_path / "body"
    body.write_bytes(BIG)
    env = {
        **os.environ,
        "TMPDIR": str(system_temp),
        "SAFEPRACTICE_INSTANCE": str(instance),
        "SAFEPRACTICE_TESTING": "1",
        "PYTHONPATH": str(SRC),
    }
    env.pop("DATABASE_URL", None)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(body)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    open_files = {}
    try:
        line = child.stdout.readline()
        assert line.startswith("HOLDING"), child.stderr.read()[-2000:]
        body.unlink()  # the test's own copy of the bytes
        for fd in Path(f"/proc/{child.pid}/fd").iterdir():
            target = os.readlink(fd)
            if target.startswith((str(system_temp), str(instance))):
                open_files[target] = fd.read_bytes()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    yield system_temp, instance, open_files


def _files_holding(folder: Path, data: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and data in p.read_bytes()]


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads /proc (Linux)")
def test_a_worker_killed_after_the_body_arrived_leaves_no_copy_of_the_upload(
    killed_after_the_body_arrived,
):
    system_temp, instance, _ = killed_after_the_body_arrived
    assert _files_holding(system_temp, MARKER) == []
    assert list(system_temp.iterdir()) == []
    assert list((instance / "upload-tmp").iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads /proc (Linux)")
def test_while_it_is_handled_the_upload_on_disk_is_nameless_and_encrypted(
    killed_after_the_body_arrived,
):
    _, instance, open_files = killed_after_the_body_arrived
    ((spool, data),) = open_files.items()
    assert spool.startswith(str(instance / "upload-tmp")) and spool.endswith("(deleted)")
    assert len(data) >= len(BIG) and MARKER not in data


@pytest.mark.parametrize("size", [0, 1, uploads.RECORD, uploads.RECORD + 1, 3 * uploads.RECORD + 5])
def test_a_spooled_upload_reads_back_byte_for_byte(tmp_path, size):
    data = os.urandom(size)
    spool = uploads.EncryptedSpool(tmp_path)
    for start in range(0, size, 1000):
        spool.append(data[start : start + 1000])
    spool.finish()
    assert spool.read() == data
    spool.seek(uploads.RECORD - 3)
    assert spool.read(7) == data[uploads.RECORD - 3 : uploads.RECORD + 4]


def test_a_big_upload_through_django_reads_back_whole(settings):
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("big.txt", BIG)})
    upload = request.FILES["file"]
    assert isinstance(upload, uploads.EncryptedUploadedFile)
    assert b"".join(upload.chunks()) == BIG and upload.size == len(BIG)


@pytest.mark.django_db
def test_big_evidence_spooled_this_way_is_stored_in_the_vault_intact(client, settings, tmp_path):
    settings.CASES_EVIDENCE_DIR = str(tmp_path / "evidence")
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    device = give_authenticator(room.teacher.user)  # case access is a scope granted on two factors
    raw = create_token(room.teacher, "tests", scopes={Scope.CHECK, Scope.CASES},
                       code=current_code(device))[1]
    response = client.post(
        f"/api/v1/schools/{room.school.slug}/cases/{case.pk}/evidence",
        {"files": [SimpleUploadedFile("chat.txt", BIG)]},
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 201, response.content[:300]
    item = case.evidence.get()
    download = client.get(
        f"/api/v1/schools/{room.school.slug}/cases/{case.pk}/evidence/{item.pk}",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert download.content == BIG


def test_on_start_the_upload_folder_is_emptied():
    left = uploads.temporary_dir() / "tmp-left-by-a-killed-worker.upload"
    left.write_bytes(MARKER)
    uploads.sweep(older_than_seconds=0)
    assert not left.exists()


def test_the_daily_sweep_leaves_an_upload_still_being_written():
    recent = uploads.temporary_dir() / "tmp-being-written.upload"
    recent.write_bytes(MARKER)
    uploads.sweep()
    assert recent.exists()
    recent.unlink()


def test_the_upload_folder_is_private_to_the_server():
    assert uploads.temporary_dir().stat().st_mode & 0o777 == 0o700
