"""Archive items reach the same Checker as every other front, photos included."""

from safepractice.engine import Checker
from safepractice.exports.review import review_archive

from .archives import zip_fixture


def test_a_photo_with_gps_in_the_archive_gives_a_location_finding(tmp_path):
    review = review_archive(zip_fixture("facebook_2024", tmp_path), Checker())
    located = [f for f in review.findings if f.topic == "photo-location"]
    assert located, [f.topic for f in review.findings]


def test_checking_in_worker_processes_gives_the_same_findings_in_the_same_order(tmp_path):
    path = zip_fixture("facebook_2024", tmp_path)
    checker = Checker()
    serial = review_archive(path, checker)
    parallel = review_archive(path, checker, workers=2)
    assert parallel.findings and parallel.findings == serial.findings
    assert (parallel.items, parallel.by_kind) == (serial.items, serial.by_kind)
