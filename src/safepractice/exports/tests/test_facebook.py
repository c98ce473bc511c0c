from safepractice.engine import ContentKind, ProfileField


def _texts(items, kind):
    return [item.text for item in items if item.kind is kind]


def test_older_layout_is_read_as_facebook(read_fixture):
    platform, items, warnings = read_fixture("facebook_2021")
    assert platform == "facebook"
    assert warnings == []
    assert {item.kind for item in items} == set(ContentKind) - {ContentKind.MESSAGE}


def test_mis_encoded_utf8_is_repaired_in_names_posts_and_comments(read_fixture):
    _, items, _ = read_fixture("facebook_2021")
    assert "José Martínez" in _texts(items, ContentKind.CONNECTION)
    assert any("café with José" in text for text in _texts(items, ContentKind.POST))
    assert "Ha! Ms Brontë would love this" in _texts(items, ContentKind.COMMENT)


def test_newer_layout_repairs_vietnamese_names_of_friends_and_followers(read_fixture):
    platform, items, _ = read_fixture("facebook_2024")
    assert platform == "facebook"
    connections = {item.text: item.extra["relation"] for item in items
                   if item.kind is ContentKind.CONNECTION}
    assert connections["Trần Thị Hoa"] == "friend"
    assert connections["Lê Văn An"] == "follower"
    assert connections["Exampletown FC"] == "following"  # who_you've_followed.json
    assert "Old Friend" not in connections  # removed friends are not connections


def test_profile_gives_workplace_job_title_and_phone(read_fixture):
    _, items, _ = read_fixture("facebook_2021")
    profile = {(item.profile_field, item.text) for item in items
               if item.kind is ContentKind.PROFILE}
    assert (ProfileField.WORKPLACE, "Oakfield Primary School") in profile
    assert (ProfileField.JOB_TITLE, "Year 4 teacher") in profile
    assert (ProfileField.OTHER, "+447700900456") in profile
    assert (ProfileField.LOCATION, "Exampletown, United Kingdom") in profile


def test_photo_carries_location_from_the_json_and_dates_from_the_post(read_fixture):
    _, items, _ = read_fixture("facebook_2021")
    (photo,) = [item for item in items if item.kind is ContentKind.PHOTO]
    assert (photo.photo["gps"]["latitude"], photo.photo["gps"]["longitude"]) == (50.7192, -1.8808)
    assert photo.location == "photos_and_videos/MobileUploads_abc/20210701_beach.jpg"
    assert photo.date.year == 2021


def test_photo_location_is_read_from_the_image_file_when_the_json_has_none(read_fixture):
    _, items, _ = read_fixture("facebook_2024")
    (photo,) = [item for item in items if item.kind is ContentKind.PHOTO]
    assert photo.photo["source"] == "file"
    assert abs(photo.photo["gps"]["latitude"] - 51.4545) < 1e-4


def test_check_in_place_becomes_an_item_with_its_address(read_fixture):
    _, items, _ = read_fixture("facebook_2021")
    check_ins = [item for item in items if item.extra.get("check_in")]
    assert check_ins[0].text == "Checked in at Oakfield Primary School, 1 Oak Lane, Exampletown"


def test_an_archive_re_zipped_under_a_top_folder_reads_the_same(read_fixture):
    _, plain, _ = read_fixture("facebook_2024")
    _, nested, _ = read_fixture("facebook_2024", top_folder="facebook-alex-2024-05-01",
                                zip_name="renamed (1).zip")
    assert [item.text for item in nested] == [item.text for item in plain]
