"""Which archives a review can use: one rule (``ArchiveReview.usable``) for the CLI and the web."""

import pytest

from safepractice.engine import Checker
from safepractice.exports import review_archive

from .archives import unusable_archive, zip_fixture


@pytest.mark.parametrize("kind", ["random-zip", "facebook-html", "jpeg", "facebook-damaged"])
def test_an_archive_no_reader_can_use_is_not_usable_and_says_why(tmp_path, kind):
    result = review_archive(unusable_archive(kind, tmp_path), Checker(factories=[]))
    assert not result.usable
    assert result.error


def test_a_recognised_archive_with_nothing_readable_names_the_damaged_file(tmp_path):
    result = review_archive(unusable_archive("facebook-damaged", tmp_path), Checker(factories=[]))
    assert result.error.startswith(
        "This looks like a Facebook download, but nothing in it could be read:"
    )
    assert "your_posts__check_ins__photos_and_videos_1.json' is not valid JSON" in result.error


def test_an_archive_that_was_read_is_usable(tmp_path):
    result = review_archive(zip_fixture("linkedin_2026", tmp_path), Checker(factories=[]))
    assert result.usable
    assert result.error == ""
