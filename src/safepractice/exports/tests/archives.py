"""Building test archives from the fixture folders, and photos with EXIF to put in them."""

import io
import zipfile
from pathlib import Path

from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures"

# Photos each fixture's export holds beside its JSON: archive path → (latitude, longitude)
# or None for a photo whose location the platform stripped.
PHOTOS: dict[str, dict[str, tuple[float, float] | None]] = {
    "facebook_2021": {"photos_and_videos/MobileUploads_abc/20210701_beach.jpg": None},
    "facebook_2024": {
        "your_facebook_activity/posts/media/Summer_abc/garden.jpg": (51.4545, -2.5879)
    },
    "instagram_2025": {"media/posts/202405/1789_a.jpg": None},
    "x_2022": {"data/tweets_media/1590000000000000003-FhAbCdEfGh.jpg": None},
    "whatsapp_ios": {"WhatsApp Chat - Book Club/00000042-PHOTO-2020-06-07-15-13-20.jpg":
                     (51.5014, -0.1419)},
}


def _rational(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes_float = (value - degrees) * 60
    minutes = int(minutes_float)
    return (float(degrees), float(minutes), round((minutes_float - minutes) * 60, 4))


def jpeg_with_exif(gps: tuple[float, float] | None = None, make: str = "ExampleCam",
                   size: tuple[int, int] = (8, 8)) -> bytes:
    """A tiny JPEG carrying camera make and, if given, a GPS position in its EXIF."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = make
    if gps is not None:
        latitude, longitude = gps
        exif.get_ifd(0x8825).update({
            1: "N" if latitude >= 0 else "S", 2: _rational(abs(latitude)),
            3: "E" if longitude >= 0 else "W", 4: _rational(abs(longitude)),
        })
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def zip_fixture(name: str, destination: Path, *, top_folder: str = "",
                zip_name: str | None = None) -> Path:
    """Zip ``fixtures/<name>`` (plus its photos) the way the platform delivers it."""
    source = FIXTURES / name
    path = destination / (zip_name or f"{name}.zip")
    prefix = f"{top_folder}/" if top_folder else ""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(source.rglob("*")):
            if file.is_file():
                archive.write(file, prefix + file.relative_to(source).as_posix())
        for photo_path, gps in PHOTOS.get(name, {}).items():
            archive.writestr(prefix + photo_path, jpeg_with_exif(gps))
    return path


def unusable_archive(kind: str, destination: Path) -> Path:
    """An upload no reader can use, of the kinds people really send by mistake.

    ``random-zip``: a zip of someone's own files; ``facebook-html``: Facebook's download in
    HTML rather than JSON; ``jpeg``: a photo; ``facebook-damaged``: a Facebook JSON download
    every file of which is broken, so nothing in it can be checked.
    """
    if kind == "jpeg":
        path = destination / "IMG_0042.jpg"
        path.write_bytes(jpeg_with_exif())
        return path
    members = {
        "random-zip": {"notes/shopping.txt": "milk, eggs", "budget.csv": "month,total\nMay,12\n"},
        "facebook-html": {
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html":
                "<html><body>Posts</body></html>",
            "personal_information/profile_information/profile_information.html":
                "<html><body>Profile</body></html>",
        },
        "facebook-damaged": {
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json":
                '[{"data": [{"post": "cut off',
        },
    }[kind]
    path = destination / f"{kind}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path
