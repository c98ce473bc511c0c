"""The evidence vault: allow-list by content, limits, encryption at rest, integrity, append-only."""

import hashlib

import pytest
from cryptography.fernet import Fernet

from safepractice.audit.models import AuditEntry
from safepractice.cases import services, vault
from safepractice.cases.models import EvidenceItem, IntegrityFlag, Route
from safepractice.cases.services import Upload
from safepractice.testing.auth import sign_in_verified as sign_in
from safepractice.testing.cases import make_case, make_staff_room, png_bytes

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EML = (b"From: parent@example.com\r\nTo: teacher@school.sch.uk\r\nSubject: You\r\n"
       b"Date: Mon, 2 Nov 2026 21:04:00 +0000\r\n\r\nYou will regret this.\r\n")
TXT = "Saved WhatsApp chat, 3 Nov 2026 22:15 — “see you at the gate”\n".encode()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 40
ZIP = b"PK\x03\x04" + b"\x00" * 40


@pytest.mark.parametrize(("data", "content_type"), [
    (png_bytes(), "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf"),
    (EML, "message/rfc822"), (TXT, "text/plain"),
])
def test_allowed_types_are_recognised_by_their_content(data, content_type):
    assert vault.check(data).content_type == content_type


@pytest.mark.parametrize("data", [EXE, ZIP, b"\x00\x01\x02binary", "caf\xe9".encode("latin-1")])
def test_other_content_is_refused_naming_what_is_allowed(data):
    with pytest.raises(vault.EvidenceRejected, match="Allowed: PNG image, JPEG image"):
        vault.check(data)


def test_a_name_does_not_change_what_a_file_is():
    room = make_staff_room()
    with pytest.raises(vault.EvidenceRejected):
        make_case(room, Route.CYBERBULLYING, uploads=[Upload("screenshot.png", EXE)])
    case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("notes.txt", png_bytes())])
    assert case.evidence.get().content_type == "image/png"


def test_an_oversize_file_is_refused_with_the_limit(settings):
    settings.CASES_EVIDENCE_MAX_BYTES = 1024 * 1024
    with pytest.raises(vault.EvidenceRejected, match=r"1\.5 MB; the limit is 1 MB"):
        vault.check(b"a" * (1024 * 1024 * 3 // 2))


def test_an_item_keeps_its_hash_size_type_who_and_when_and_is_encrypted_at_rest():
    room = make_staff_room()
    data = png_bytes("blue")
    case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("post.png", data, "FB 14:05")])
    item = case.evidence.get()
    assert (item.sha256, item.size, item.content_type, item.added_by) == (
        hashlib.sha256(data).hexdigest(), len(data), "image/png", room.teacher)
    stored = vault.path_for(case.school_id, item.stored_name).read_bytes()
    assert data not in stored and b"PNG" not in stored
    assert vault.cipher().decrypt(stored) == data


def test_download_returns_the_original_and_is_audited(client):
    room = make_staff_room()
    data = png_bytes("green")
    case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("post.png", data)])
    item = case.evidence.get()
    sign_in(client, room.line_manager.user)
    response = client.get(f"/s/{room.school.slug}/cases/{case.pk}/evidence/{item.pk}/")
    assert response.status_code == 200
    assert response.content == data
    assert response["Content-Type"] == "image/png"
    assert AuditEntry.objects.filter(action="evidence-downloaded", object_id=str(item.pk),
                                     actor=room.line_manager.user).exists()
    assert case.events.filter(kind="download").exists()


def _item(room):
    case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("post.png", png_bytes())])
    return case, case.evidence.get()


def test_a_file_altered_on_disk_is_detected_on_download_and_flagged(client):
    room = make_staff_room()
    case, item = _item(room)
    path = vault.path_for(case.school_id, item.stored_name)
    token = bytearray(path.read_bytes())
    token[40] ^= 0x01
    path.write_bytes(bytes(token))
    sign_in(client, room.head.user)
    response = client.get(f"/s/{room.school.slug}/cases/{case.pk}/evidence/{item.pk}/")
    assert response.status_code == 409
    assert "integrity check failed" in response.content.decode().lower()
    flag = IntegrityFlag.objects.get(item=item)
    assert "altered" in flag.reason
    assert AuditEntry.objects.filter(action="evidence-integrity-check-failed").exists()
    assert case.alerts.filter(message__contains="integrity").exists()


def test_a_file_swapped_for_another_validly_encrypted_file_fails_on_the_hash():
    room = make_staff_room()
    case, item = _item(room)
    path = vault.path_for(case.school_id, item.stored_name)
    path.write_bytes(vault.cipher().encrypt(png_bytes("black")))
    with pytest.raises(vault.IntegrityFailure, match="hash mismatch"):
        services.read_evidence(item, room.head)
    assert IntegrityFlag.objects.get(item=item).reason.startswith("hash mismatch")


def test_a_missing_file_is_flagged():
    room = make_staff_room()
    case, item = _item(room)
    vault.path_for(case.school_id, item.stored_name).unlink()
    with pytest.raises(vault.IntegrityFailure, match="missing"):
        services.read_evidence(item, room.head)


def test_evidence_cannot_be_changed_or_deleted():
    room = make_staff_room()
    case, item = _item(room)
    item.description = "changed"
    with pytest.raises(PermissionError):
        item.save()
    with pytest.raises(PermissionError):
        item.delete()
    with pytest.raises(PermissionError):
        EvidenceItem.objects.filter(case=case).delete()
    with pytest.raises(PermissionError):
        EvidenceItem.objects.filter(case=case).update(description="x")
    with pytest.raises(PermissionError):
        case.events.first().delete()


def test_a_correction_is_a_new_item_that_supersedes_the_old_one():
    room = make_staff_room()
    case, first = _item(room)
    services.add_evidence(case, room.teacher, [Upload("post-full.png", png_bytes("white"))],
                          supersedes=first)
    correction = case.evidence.exclude(pk=first.pk).get()
    assert correction.supersedes == first
    assert case.evidence.count() == 2


def test_the_key_comes_from_the_environment_when_set(monkeypatch):
    key = Fernet.generate_key()
    monkeypatch.setenv("SAFEPRACTICE_EVIDENCE_KEY", key.decode())
    token = vault.cipher().encrypt(b"x")
    assert Fernet(key).decrypt(token) == b"x"


def test_a_new_vault_key_is_made_in_the_keys_folder_not_the_instance_folder(
    settings, tmp_path, monkeypatch
):
    monkeypatch.delenv("SAFEPRACTICE_EVIDENCE_KEY", raising=False)
    settings.INSTANCE_DIR = tmp_path / "instance"
    settings.KEYS_DIR = tmp_path / "keys"
    token = vault.cipher().encrypt(b"x")
    key = (tmp_path / "keys" / "evidence.key").read_bytes().strip()
    assert Fernet(key).decrypt(token) == b"x"
    assert not (tmp_path / "instance" / "evidence.key").exists()


def test_a_vault_key_left_in_the_instance_folder_moves_to_the_keys_folder_and_still_opens(
    settings, tmp_path, monkeypatch
):
    monkeypatch.delenv("SAFEPRACTICE_EVIDENCE_KEY", raising=False)
    settings.INSTANCE_DIR = tmp_path / "instance"
    settings.KEYS_DIR = tmp_path / "keys"
    settings.INSTANCE_DIR.mkdir()
    old_key = Fernet.generate_key()
    (settings.INSTANCE_DIR / "evidence.key").write_bytes(old_key)
    stored_before_the_move = Fernet(old_key).encrypt(b"screen print")
    assert vault.cipher().decrypt(stored_before_the_move) == b"screen print"
    assert (tmp_path / "keys" / "evidence.key").read_bytes().strip() == old_key
    assert not (settings.INSTANCE_DIR / "evidence.key").exists()


def test_a_failed_database_write_leaves_no_file(monkeypatch):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    folder = vault.school_dir(case.school_id)
    before = set(folder.iterdir())

    def broken_create(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(EvidenceItem.objects, "create", broken_create)
    with pytest.raises(RuntimeError):
        services.add_evidence(case, room.teacher, [Upload("a.png", png_bytes())])
    assert set(folder.iterdir()) == before


def test_the_sweep_removes_files_of_interrupted_uploads_but_never_evidence():
    from safepractice.cases.deadlines import remove_interrupted_uploads

    room = make_staff_room()
    case, item = _item(room)
    folder = vault.school_dir(case.school_id)
    (folder / f"{vault.TEMP_PREFIX}abc").write_bytes(b"half")
    (folder / "0123456789abcdef.enc").write_bytes(b"never committed")
    assert remove_interrupted_uploads(older_than_seconds=0) == 2
    assert [p.name for p in folder.iterdir()] == [f"{item.stored_name}.enc"]
    assert services.read_evidence(item, room.head) == png_bytes()
