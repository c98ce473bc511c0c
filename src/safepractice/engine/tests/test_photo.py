import io
import tracemalloc

import pytest
from PIL import ExifTags, Image

from safepractice.engine import Checker, SchoolContext
from safepractice.engine.photo import (
    FACES_RULE,
    LOCATION_RULE,
    MAX_PHOTO_BYTES,
    MAX_PIXELS,
    PhotoError,
    describe_position,
    read_photo,
    strip_metadata,
)
from safepractice.testing.photos import face_photo, photo_with_metadata, plain_png, png_bomb


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_gps_position_is_read_from_each_format(image_format):
    report = read_photo(photo_with_metadata(51.5, -0.1276, image_format=image_format))
    assert report.gps is not None
    assert report.gps.latitude == pytest.approx(51.5, abs=1e-4)
    assert report.gps.longitude == pytest.approx(-0.1276, abs=1e-4)


def test_southern_and_eastern_references_give_signed_degrees():
    report = read_photo(photo_with_metadata(-33.8688, 151.2093))
    assert report.gps.latitude == pytest.approx(-33.8688, abs=1e-4)
    assert report.gps.longitude == pytest.approx(151.2093, abs=1e-4)


def test_device_owner_and_timestamps_are_reported():
    report = read_photo(photo_with_metadata(make="Acme", model="Snap 3", artist="A. Teacher"))
    assert report.device == {"make": "Acme", "model": "Snap 3"}
    assert report.owner == {"artist": "A. Teacher"}
    assert report.timestamps["taken"] == "2026:06:01 15:30:00"


def test_a_photo_without_metadata_reports_none():
    report = read_photo(plain_png())
    assert report.gps is None
    assert not report.has_metadata


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_cleaned_copy_has_no_metadata_at_all(image_format):
    cleaned, mime_type, _ = strip_metadata(photo_with_metadata(image_format=image_format))
    assert mime_type == f"image/{image_format.lower()}"
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == image_format
        assert len(image.getexif()) == 0
        assert "exif" not in image.info
    assert not read_photo(cleaned).has_metadata


def test_cleaned_copy_keeps_the_picture_the_right_way_up():
    image = Image.new("RGB", (40, 20), (255, 0, 0))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # "rotate 90° clockwise to display"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    cleaned, _, _ = strip_metadata(buffer.getvalue())
    with Image.open(io.BytesIO(cleaned)) as upright:
        assert upright.size == (20, 40)


def test_text_file_is_refused_with_a_clear_message():
    with pytest.raises(PhotoError, match="not an image"):
        read_photo(b"hello, this is a text file\n")


def test_a_file_that_claims_to_be_a_jpeg_but_is_not_says_so():
    with pytest.raises(PhotoError, match="says it is a JPEG image"):
        read_photo(b"%PDF-1.7 not really a photo", name="holiday.jpg")


def test_a_truncated_jpeg_is_reported_as_damaged():
    data = photo_with_metadata(size=(400, 300))
    with pytest.raises(PhotoError, match="damaged"):
        read_photo(data[: len(data) // 2])


def test_decompression_bomb_is_refused_without_decoding_it():
    bomb = png_bomb(30_000, 30_000)
    tracemalloc.start()
    try:
        with pytest.raises(PhotoError, match="too large"):
            read_photo(bomb)
        with pytest.raises(PhotoError, match="too large"):
            strip_metadata(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # decoding it would need ~110 MB even at one bit a pixel


def test_an_image_over_40_megapixels_is_refused_from_its_header():
    forty_eight_megapixels = png_bomb(8_000, 6_000)  # a valid PNG of a few KB
    with pytest.raises(PhotoError, match="the limit is 40 megapixels"):
        read_photo(forty_eight_megapixels)


def test_pillow_itself_refuses_twice_the_limit_whoever_opens_the_image():
    # Archive photos, PDFs: any Pillow open in the process, not only the photo check's.
    over_twice = png_bomb(9_000, 9_000)
    assert 2 * MAX_PIXELS < 9_000 * 9_000
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(over_twice))


def test_images_over_the_size_limit_are_refused_with_the_limit_stated():
    oversize = b"\xff\xd8\xff" + b"\x00" * MAX_PHOTO_BYTES
    with pytest.raises(PhotoError, match="limit is 20 MB"):
        read_photo(oversize)


def test_a_face_is_found_in_a_portrait():
    report = read_photo(face_photo())
    assert report.faces is not None and len(report.faces) == 1


def test_no_face_is_found_in_a_plain_image():
    assert read_photo(plain_png((200, 200))).faces == ()


def test_checker_reports_location_and_faces_with_the_fixed_rule_ids():
    checker = Checker(SchoolContext())
    located = checker.check(read_photo(photo_with_metadata()).content("a.jpg"))
    assert [(f.rule, f.topic) for f in located] == [(LOCATION_RULE, "photo-location")]
    faces = checker.check(read_photo(face_photo()).content("b.jpg"))
    assert [(f.rule, f.topic) for f in faces] == [(FACES_RULE, "photo-faces")]


def test_checker_finds_nothing_in_a_clean_photo_without_people():
    assert Checker(SchoolContext()).check(read_photo(plain_png()).content()) == []


def test_a_truncated_jpeg_is_refused_even_after_weasyprint_is_imported():
    from PIL import ImageFile

    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = True  # what importing weasyprint does
    try:
        data = photo_with_metadata(size=(400, 300))
        with pytest.raises(PhotoError, match="damaged"):
            read_photo(data[: len(data) // 2])
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def test_a_phones_gps_position_is_described_as_within_about_10_m():
    gps = read_photo(photo_with_metadata(50.8198, -1.0880)).gps.as_dict()
    assert describe_position(gps).startswith(
        "GPS coordinates that place the photo within about 10 m of where it was taken.")


def test_coordinates_rounded_to_two_decimals_are_described_as_within_about_1_km():
    assert "within about 1 km" in describe_position({"latitude": 50.82, "longitude": -1.09})


def test_the_location_finding_describes_the_position_without_bare_coordinates():
    [finding] = Checker(SchoolContext()).check(read_photo(photo_with_metadata()).content())
    assert "within about 10 m" in finding.explanation
    assert "50.8198" not in finding.explanation
