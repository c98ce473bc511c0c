from safepractice.engine import ContentKind


def test_2022_archive_reads_tweets_replies_profile_and_messages(read_fixture):
    platform, items, _ = read_fixture("x_2022")
    assert platform == "x"
    kinds = {kind: sum(1 for i in items if i.kind is kind) for kind in ContentKind}
    assert kinds[ContentKind.POST] == 3
    assert kinds[ContentKind.COMMENT] == 1  # the reply
    assert kinds[ContentKind.MESSAGE] == 1
    assert kinds[ContentKind.PHOTO] == 1


def test_tweet_text_is_unescaped_and_linked(read_fixture):
    _, items, _ = read_fixture("x_2022")
    first = next(i for i in items if i.kind is ContentKind.POST)
    assert first.text.startswith("Great assembly at Oakfield Primary today & so proud")
    assert first.location == "https://x.com/alex_teaches/status/1590000000000000001"
    assert first.date.isoformat() == "2022-11-08T09:30:00+00:00"


def test_followers_are_named_from_mentions_and_the_limit_is_explained(read_fixture):
    _, items, warnings = read_fixture("x_2022")
    followers = [i for i in items if i.extra.get("relation") == "follower"]
    assert [(f.text, f.handle) for f in followers] == [
        ("Ellie Hartwell", "ellie_hartwell"),
        ("Exampletown News", "exampletownnews"),
        ("", None),
    ]
    assert "2 of 3" not in warnings[0] and "3 of 4" in warnings[0]


def test_2020_archive_without_trailing_newline_or_user_links(read_fixture):
    platform, items, _ = read_fixture("x_2020")
    assert platform == "x"
    assert [i.text for i in items if i.kind is ContentKind.POST] == [
        "Home learning packs are ready > check the blog"
    ]
    (follower,) = [i for i in items if i.kind is ContentKind.CONNECTION]
    assert follower.extra["account_id"] == "1100000000000000001"
