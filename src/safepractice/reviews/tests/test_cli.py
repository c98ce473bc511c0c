"""``safepractice review``: JSON per archive on standard output, progress on standard error."""

import json

import pytest
from typer.testing import CliRunner

from safepractice.cli import _register_command_modules, app
from safepractice.exports.tests.archives import unusable_archive, zip_fixture


@pytest.fixture
def run():
    _register_command_modules()

    def invoke(*args: str):
        return CliRunner().invoke(app, ["review", *args])

    return invoke


def test_json_gives_one_object_per_archive_with_counts_by_kind(run, tmp_path):
    x = zip_fixture("x_2022", tmp_path)
    tiktok = zip_fixture("tiktok_2025", tmp_path)
    result = run(str(x), str(tiktok), "--json")
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(o["archive"], o["platform"], o["items"]) for o in objects] == [
        ("x_2022.zip", "x", 14), ("tiktok_2025.zip", "tiktok", 13)
    ]
    assert objects[0]["by_kind"] == {"post": 3, "comment": 1, "profile": 4, "message": 1,
                                     "photo": 1, "connection": 4}
    assert set(objects[0]) == {"archive", "platform", "items", "by_kind", "findings"}


def test_a_refused_archive_gives_an_error_object(run, tmp_path):
    bad = tmp_path / "notes.zip"
    bad.write_bytes(b"PK\x03\x04broken")
    result = run(str(bad), str(zip_fixture("linkedin_2026", tmp_path)), "--json")
    first = json.loads(result.stdout.splitlines()[0])
    assert set(first) == {"archive", "error"}
    assert "damaged or incomplete" in first["error"]


def test_pdf_is_written(run, tmp_path):
    report = tmp_path / "report.pdf"
    result = run(str(zip_fixture("linkedin_2026", tmp_path)), "--pdf", str(report))
    assert result.exit_code == 0, result.output
    assert report.read_bytes().startswith(b"%PDF")


def test_school_config_feeds_the_checker(run, tmp_path):
    config = tmp_path / "school.toml"
    config.write_text('[school]\nname = "Oakfield Primary School"\naliases = ["Oakfield Primary"]\n'
                      '[[pupils]]\nfirst_name = "Ellie"\nlast_name = "Hartwell"\n'
                      'status = "current"\n')
    result = run(str(zip_fixture("x_2022", tmp_path)), "--school-config", str(config), "--json")
    findings = json.loads(result.stdout.splitlines()[0])["findings"]
    topics = {f["topic"] for f in findings}
    assert {"connection-pupil", "identifies-school", "personal-information"} <= topics


def test_an_archive_no_reader_can_use_fails_the_review_beside_a_good_one(run, tmp_path):
    good = zip_fixture("linkedin_2026", tmp_path)
    result = run(str(good), str(unusable_archive("facebook-html", tmp_path)))
    assert result.exit_code == 1
    assert "This Facebook download is in HTML" in result.output


def test_no_pdf_is_written_when_an_archive_cannot_be_used(run, tmp_path):
    report = tmp_path / "report.pdf"
    good = zip_fixture("linkedin_2026", tmp_path)
    result = run(str(good), str(unusable_archive("jpeg", tmp_path)), "--pdf", str(report))
    assert not report.exists()
    assert "No report was written" in result.output
