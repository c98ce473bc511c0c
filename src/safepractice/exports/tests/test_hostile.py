"""Hostile and damaged archives: each refused or skipped with a message naming the problem."""

import os
import re
import stat
import zipfile

import pytest

from safepractice.engine import Checker
from safepractice.exports import ArchiveRefused, Limits, SafeArchive, read_items, review_archive
from safepractice.testing.photos import png_bomb

from .archives import PHOTOS, zip_fixture

TWEETS = 'window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1", "full_text": "hello"}} ]'


def _zip(path, members: dict[str, bytes | str], **options):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, **options) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _refusal(path, limits=None) -> str:
    with pytest.raises(ArchiveRefused) as refused:
        read_items(path, limits)
    return str(refused.value)


def test_zip_bomb_by_ratio_is_refused(tmp_path):
    path = _zip(tmp_path / "bomb.zip", {"data/tweets.js": b"0" * (50 * 1024 * 1024)})
    assert "zip bomb" in _refusal(path)


def test_zip_bomb_by_total_size_is_refused(tmp_path):
    members = {f"data/part{i}.js": os.urandom(300_000) for i in range(4)}
    path = _zip(tmp_path / "big.zip", members)
    message = _refusal(path, Limits(max_total_uncompressed=1_000_000))
    assert "more than 976.6 KB" in message and "zip bomb" in message


def test_path_traversal_is_refused(tmp_path):
    path = _zip(tmp_path / "climb.zip", {"data/tweets.js": TWEETS, "../../etc/evil.js": "x"})
    assert "climbs out of the folder ('../../etc/evil.js')" in _refusal(path)


def test_absolute_member_name_is_refused(tmp_path):
    path = _zip(tmp_path / "abs.zip", {"data/tweets.js": TWEETS})
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo("placeholder")
        info.filename = "/etc/passwd"  # ZipInfo strips a leading slash; real attackers don't
        archive.writestr(info, "root:x:0:0")
    assert "absolute path ('/etc/passwd')" in _refusal(path)


def test_symlink_member_is_refused(tmp_path):
    path = _zip(tmp_path / "link.zip", {"data/tweets.js": TWEETS})
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo("data/follower.js")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    assert "symbolic link ('data/follower.js')" in _refusal(path)


def test_encrypted_zip_is_refused(tmp_path):
    path = _zip(tmp_path / "secret.zip", {"data/tweets.js": TWEETS})
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag in both the local and the central header, as zip -e does.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        index = data.find(signature)
        data[index + offset] |= 0x01
    path.write_bytes(bytes(data))
    assert "encrypted" in _refusal(path)


def test_truncated_zip_is_refused(tmp_path):
    path = zip_fixture("x_2022", tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "damaged or incomplete" in _refusal(path)


def test_unknown_platform_is_refused_naming_what_is_read(tmp_path):
    path = _zip(tmp_path / "holiday.zip", {"notes/list.docx": "x", "IMG_0001.jpg": "y"})
    message = _refusal(path)
    assert "not a download from a platform we can read" in message
    assert "Facebook" in message and "WhatsApp" in message


def test_too_many_members_is_refused(tmp_path):
    path = _zip(tmp_path / "many.zip", {f"data/{i}.js": "" for i in range(30)})
    assert "30 files" in _refusal(path, Limits(max_members=20))


def test_member_over_the_size_limit_is_skipped_and_named(tmp_path):
    big = 'window.YTD.tweets.part0 = [' + ",".join(
        f'{{"tweet": {{"id_str": "{i}", "full_text": "{os.urandom(8).hex()}"}}}}'
        for i in range(20_000)) + "]"
    path = _zip(tmp_path / "x.zip", {"data/tweets.js": big, "data/tweet-part1.js": TWEETS})
    platform, items, warnings = read_items(path, Limits(max_member_size=100_000))
    assert platform == "x" and [i.text for i in items] == ["hello"]
    assert any(re.match(r"'data/tweets.js' is 1\.\d MB, over the 97.7 KB limit", w)
               for w in warnings), warnings


def test_a_one_gigabyte_member_is_refused_before_anything_is_read(tmp_path):
    path = tmp_path / "gig.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, \
            archive.open("data/tweets.js", "w", force_zip64=True) as member:
        chunk = b" " * (16 * 1024 * 1024)
        for _ in range(64):
            member.write(chunk)
    assert "zip bomb" in _refusal(path)


def test_deeply_nested_json_is_skipped_without_exhausting_memory(tmp_path):
    deep = "window.YTD.tweets.part0 = " + "[" * 200_000 + "]" * 200_000
    path = _zip(tmp_path / "deep.zip", {"data/tweets.js": deep, "data/tweet-part1.js": TWEETS})
    _, items, warnings = read_items(path)
    assert [i.text for i in items] == ["hello"]
    assert any("nested more than 64 levels deep" in w for w in warnings)


def test_invalid_utf8_is_skipped_and_named(tmp_path):
    path = _zip(tmp_path / "bad.zip", {
        "data/tweets.js": b'window.YTD.tweets.part0 = [{"tweet": {"full_text": "\xff\xfe"}}]',
        "data/tweet-part1.js": TWEETS,
    })
    _, items, warnings = read_items(path)
    assert [i.text for i in items] == ["hello"]
    assert any("'data/tweets.js' is not valid UTF-8" in w for w in warnings)


def test_invalid_utf8_in_a_chat_file(tmp_path):
    chat = b"[07/06/2020, 15:12:45] Alex: Hi\n" + b"[07/06/2020, 15:13:00] Alex: \xff\n"
    path = _zip(tmp_path / "chat.zip", {"_chat.txt": chat})
    _, _, warnings = read_items(path)
    assert any("'_chat.txt' is not valid UTF-8 text" in w for w in warnings)


def test_a_header_that_lies_about_its_size_cannot_make_us_read_more(tmp_path):
    path = _zip(tmp_path / "liar.zip", {"data/tweets.js": TWEETS})
    with SafeArchive(path) as archive:
        member = archive.members[0]
        with archive.open(member) as stream:
            assert len(stream.read()) == member.size


def test_review_of_a_refused_archive_ends_cleanly_with_the_message(tmp_path):
    path = _zip(tmp_path / "climb.zip", {"../evil": "x"})
    result = review_archive(path, Checker(factories=[]))
    assert result.error.startswith("The zip holds a file whose path climbs out")
    assert result.as_json() == {"archive": "climb.zip", "error": result.error}


def test_nothing_is_written_to_disk_while_reading(tmp_path):
    path = zip_fixture("facebook_2024", tmp_path)
    before = set(tmp_path.rglob("*"))
    read_items(path)
    assert set(tmp_path.rglob("*")) == before


def test_an_archive_photo_over_the_pixel_limit_is_skipped_and_named(tmp_path, monkeypatch):
    photo_path = next(iter(PHOTOS["facebook_2024"]))
    monkeypatch.setattr("safepractice.exports.tests.archives.jpeg_with_exif",
                        lambda gps=None: png_bomb(8_000, 6_000))  # 48 MP in a few KB
    path = zip_fixture("facebook_2024", tmp_path)
    _, items, warnings = read_items(path)
    assert f"'{photo_path}' is over the 40-megapixel limit for photos, so its metadata was " \
           "not read." in warnings
    assert any(item.text for item in items), "the rest of the archive is still read"


def test_an_archive_photo_pillow_calls_a_bomb_does_not_stop_the_review(tmp_path, monkeypatch):
    monkeypatch.setattr("safepractice.exports.tests.archives.jpeg_with_exif",
                        lambda gps=None: png_bomb(30_000, 30_000))
    path = zip_fixture("facebook_2024", tmp_path)
    result = review_archive(path, Checker(factories=[]))
    assert result.error == ""
    assert any("40-megapixel limit" in warning for warning in result.warnings)
