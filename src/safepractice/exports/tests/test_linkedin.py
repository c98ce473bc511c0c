from safepractice.engine import ContentKind, ProfileField


def test_connections_file_with_its_notes_preamble(read_fixture):
    platform, items, warnings = read_fixture("linkedin_2026")
    assert (platform, warnings) == ("linkedin", [])
    connections = [i for i in items if i.kind is ContentKind.CONNECTION]
    assert [c.text for c in connections] == ["Priya Shah", "Ellie Hartwell", "José Martínez"]
    assert connections[0].extra["company"] == "Oakfield Primary School"
    assert connections[0].date.date().isoformat() == "2025-12-22"


def test_multi_line_share_loses_its_doubled_quotes(read_fixture):
    _, items, _ = read_fixture("linkedin_2026")
    first = next(i for i in items if i.kind is ContentKind.POST)
    assert first.text == (
        "End of year at Oakfield Primary!\n\nSo proud of every one of my class.\n"
        "#teaching #primary"
    )


def test_positions_headline_address_and_prefixed_comments_file(read_fixture):
    _, items, _ = read_fixture("linkedin_2026")
    profile = {(i.profile_field, i.text) for i in items if i.kind is ContentKind.PROFILE}
    assert (ProfileField.WORKPLACE, "Oakfield Primary School") in profile
    assert (ProfileField.JOB_TITLE, "Year 4 Teacher at Oakfield Primary School") in profile
    assert (ProfileField.LOCATION, "12 Elm Road, Exampletown") in profile
    comments = [i.text for i in items if i.kind is ContentKind.COMMENT]
    assert comments == ["Congratulations Priya!\nWell deserved."]  # Comments_<id>.csv
