"""One rule for the secrets kept outside the database and the instance folder."""

import subprocess
import sys

import pytest

from safepractice import keys


@pytest.fixture
def keys_folder(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("SAFEPRACTICE_EXAMPLE_KEY", raising=False)
    monkeypatch.delenv("SAFEPRACTICE_EXAMPLE_KEY_FILE", raising=False)
    settings.KEYS_DIR = tmp_path / "keys"
    return settings.KEYS_DIR


def test_a_key_is_generated_once_into_the_keys_folder_for_its_owner_only(keys_folder):
    first = keys.read("example")
    assert keys.read("example") == first
    assert len(first[0]) == 64
    assert (keys_folder / "example.key").stat().st_mode & 0o077 == 0
    assert keys_folder.stat().st_mode & 0o077 == 0


def test_keys_from_the_environment_come_current_first(keys_folder, monkeypatch):
    monkeypatch.setenv("SAFEPRACTICE_EXAMPLE_KEY", "new-key, old-key")
    assert keys.read("example") == [b"new-key", b"old-key"]
    assert not (keys_folder / "example.key").exists()


def test_a_key_file_named_in_the_environment_is_read_one_key_a_line(
    keys_folder, monkeypatch, tmp_path
):
    key_file = tmp_path / "mounted-secret"
    key_file.write_text("new-key\nold-key\n")
    monkeypatch.setenv("SAFEPRACTICE_EXAMPLE_KEY_FILE", str(key_file))
    assert keys.read("example") == [b"new-key", b"old-key"]


def test_a_key_where_an_earlier_version_kept_it_is_moved_not_replaced(keys_folder, tmp_path):
    legacy = tmp_path / "instance" / "example.key"
    legacy.parent.mkdir()
    legacy.write_bytes(b"the-old-key\n")
    assert keys.read("example", legacy_file=legacy) == [b"the-old-key"]
    assert not legacy.exists()
    assert (keys_folder / "example.key").read_bytes().strip() == b"the-old-key"
    assert (keys_folder / "example.key").stat().st_mode & 0o077 == 0


def test_two_different_keys_for_one_name_stop_and_both_are_kept(keys_folder, tmp_path):
    legacy = tmp_path / "legacy.key"
    legacy.write_bytes(b"the-old-key\n")
    current = keys.read("example")
    with pytest.raises(keys.KeyConflict, match="hold different keys"):
        keys.read("example", legacy_file=legacy)
    assert legacy.read_bytes() == b"the-old-key\n"
    assert keys.read("example") == current


def test_the_default_keys_folder_is_outside_the_instance_folder(tmp_path):
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='safepractice.settings'; "
        "import safepractice.instance as i; i.prepare(); "
        "from django.conf import settings; print(settings.INSTANCE_DIR); "
        "print(settings.KEYS_DIR)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    instance, keys_dir = out
    assert keys_dir == str(tmp_path / ".config" / "safepractice" / "keys")
    assert not keys_dir.startswith(instance)
