from safepractice.engine import ContentKind, ProfileField


def test_2025_sections_under_profile_and_settings(read_fixture):
    platform, items, warnings = read_fixture("tiktok_2025")
    assert (platform, warnings) == ("tiktok", [])
    assert [i.handle for i in items if i.kind is ContentKind.CONNECTION] == [
        "ellie_hartwell", "sam_parent"
    ]
    assert [i.text for i in items if i.kind is ContentKind.POST] == [
        "Classroom makeover! #oakfieldprimary"
    ]
    assert [i.text for i in items if i.kind is ContentKind.COMMENT] == [
        "See you at parents evening"
    ]
    assert [i.text for i in items if i.kind is ContentKind.MESSAGE] == ["Thanks for the lift"]


def test_autofill_address_and_phone_are_profile_items(read_fixture):
    _, items, _ = read_fixture("tiktok_2025")
    profile = {i.text for i in items if i.kind is ContentKind.PROFILE}
    assert {"1 Elm Road", "EX1 2AB", "+447700900456"} <= profile
    assert "N/A" not in profile


def test_2022_activity_sections_with_null_lists(read_fixture):
    platform, items, warnings = read_fixture("tiktok_2022")
    assert (platform, warnings) == ("tiktok", [])
    assert [(i.handle, i.extra["relation"]) for i in items if i.kind is ContentKind.CONNECTION] == [
        ("ellie_hartwell", "follower"), ("exampletownfc", "following")
    ]
    bios = [i.text for i in items if i.profile_field is ProfileField.BIO]
    assert bios == ["Primary teacher"]
