from safepractice.engine import ContentKind, ProfileField


def test_2025_layout_reads_followers_from_every_page(read_fixture):
    platform, items, warnings = read_fixture("instagram_2025")
    assert (platform, warnings) == ("instagram", [])
    followers = [i.handle for i in items if i.extra.get("relation") == "follower"]
    assert followers == ["ellie.hartwell", "sam.parent"]  # followers_1.json and followers_2.json


def test_following_names_come_from_title_or_the_href_once_value_is_gone(read_fixture):
    _, items, _ = read_fixture("instagram_2025")
    following = [i.handle for i in items if i.extra.get("relation") == "following"]
    assert following == ["exampletown.fc", "zoe.friend"]


def test_single_image_caption_and_carousel_caption(read_fixture):
    _, items, _ = read_fixture("instagram_2025")
    posts = [i.text for i in items if i.kind is ContentKind.POST]
    assert posts == ["Sports day at Oakfield ☀️ #TeamOakfield", "Weekend in Cornwall"]
    assert sum(1 for i in items if i.kind is ContentKind.PHOTO) == 3


def test_exif_location_and_profile_labels_whatever_their_case(read_fixture):
    _, items, _ = read_fixture("instagram_2025")
    located = [i for i in items if i.kind is ContentKind.PHOTO and i.photo.get("gps")]
    assert located[0].photo["gps"]["latitude"] == 51.4545
    profile = {(i.profile_field, i.text) for i in items if i.kind is ContentKind.PROFILE}
    assert (ProfileField.BIO, "Year 4 teacher at Oakfield Primary 🍎") in profile
    assert (ProfileField.NAME, "Alex Téacher") in profile  # mojibake repaired
    assert (ProfileField.LOCATION, "Exampletown") in profile


def test_2021_layout_with_wrapped_relationships_and_old_comments(read_fixture):
    platform, items, _ = read_fixture("instagram_2021")
    assert platform == "instagram"
    assert [i.handle for i in items if i.kind is ContentKind.CONNECTION] == ["jos.m", "zoe.friend"]
    assert [i.text for i in items if i.kind is ContentKind.COMMENT] == ["Lovely ❤️"]
