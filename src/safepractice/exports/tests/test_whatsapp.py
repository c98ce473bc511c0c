from datetime import datetime
from zoneinfo import ZoneInfo

from safepractice.engine import ContentKind
from safepractice.exports import read_items
from safepractice.exports.readers.whatsapp import parse_stamp

LONDON = ZoneInfo("Europe/London")


def test_ios_chat_skips_system_lines_and_joins_multi_line_messages(read_fixture):
    platform, items, _ = read_fixture("whatsapp_ios")
    assert platform == "whatsapp"
    messages = [(i.handle, i.text) for i in items if i.kind is ContentKind.MESSAGE]
    assert messages[0] == ("Alex Teacher", "Hi all! Next meeting at mine, 12 Elm Road")
    assert ("+44 7700 900789", "Lovely. I'll bring cake\nand the book list\n\nsee you Saturday") \
        in messages
    assert not any("end-to-end" in text or "omitted" in text or "deleted" in text
                   for _, text in messages)
    assert ("Alex Teacher", "Running late") in messages  # the edited marker is dropped


def test_ios_chat_uk_dates_and_attached_photo_with_its_exif(read_fixture):
    _, items, _ = read_fixture("whatsapp_ios")
    dated = [i.date for i in items if i.kind is ContentKind.MESSAGE]
    assert dated[1] == datetime(2020, 6, 13, 9, 1, tzinfo=LONDON)
    (photo,) = [i for i in items if i.kind is ContentKind.PHOTO]
    assert photo.photo["gps"]["latitude"] == 51.5014


def test_phone_number_authors_become_connections(read_fixture):
    _, items, _ = read_fixture("whatsapp_ios")
    participants = [i.text for i in items if i.kind is ContentKind.CONNECTION]
    assert participants == ["Alex Teacher", "+44 7700 900789", "Sam Parent"]


def test_android_us_chat_as_a_lone_file_with_narrow_spaces_before_pm(fixture_file):
    path = fixture_file("whatsapp_android", "WhatsApp Chat with Sam Parent.txt")
    platform, items, _ = read_items(path)
    assert platform == "whatsapp"
    messages = [(i.date, i.text) for i in items if i.kind is ContentKind.MESSAGE]
    assert messages[0] == (datetime(2024, 1, 5, 21, 42, tzinfo=LONDON),
                           "Are you free on the 13th?")
    assert messages[-1] == (datetime(2024, 1, 13, 8, 0, tzinfo=LONDON), "morning\nwhat a night")


def test_a_renamed_chat_file_is_still_recognised_by_its_lines(tmp_path, fixture_file):
    source = fixture_file("whatsapp_android", "WhatsApp Chat with Sam Parent.txt")
    renamed = tmp_path / "notes.txt"
    renamed.write_bytes(source.read_bytes())
    assert read_items(renamed)[0] == "whatsapp"


def test_date_variants():
    assert parse_stamp("13/06/2020", "09:01:00", "dmy") == datetime(2020, 6, 13, 9, 1,
                                                                    tzinfo=LONDON)
    assert parse_stamp("6/13/20", "9:01 PM", "mdy") == datetime(2020, 6, 13, 21, 1,
                                                                tzinfo=LONDON)
    assert parse_stamp("13.06.20", "12:05\u202fa.m.", "dmy") == datetime(2020, 6, 13, 0, 5,
                                                                        tzinfo=LONDON)
    assert parse_stamp("2020/06/13", "12:30 p. m.", "dmy") == datetime(2020, 6, 13, 12, 30,
                                                                      tzinfo=LONDON)
