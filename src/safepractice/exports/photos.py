"""Photo metadata: what the export's JSON says, and what survives in the image file itself."""

import io
import warnings
from typing import Any, BinaryIO

from PIL import Image, UnidentifiedImageError

from safepractice.engine.photo import MAX_PIXELS, PhotoError, check_pixels

from .errors import MemberSkipped
from .text import clean, parse_date

PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".heic", ".webp", ".gif", ".tif", ".tiff")
_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769
_MAKE, _MODEL, _DATETIME_ORIGINAL = 0x010F, 0x0110, 0x9003


def is_photo(name: str) -> bool:
    return name.lower().endswith(PHOTO_EXTENSIONS)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number


def from_json(exif: dict[str, Any] | None) -> dict[str, Any]:
    """Facebook/Instagram ``exif_data[0]`` (or 2019's flat ``photo_metadata``), normalised."""
    if not isinstance(exif, dict):
        return {}
    photo: dict[str, Any] = {}
    latitude, longitude = _number(exif.get("latitude")), _number(exif.get("longitude"))
    if latitude is not None and longitude is not None and (latitude, longitude) != (0.0, 0.0):
        photo["gps"] = {"latitude": latitude, "longitude": longitude}
    taken = parse_date(exif.get("taken_timestamp") or exif.get("date_time_original"))
    if taken:
        photo["taken"] = taken.isoformat()
    for key in ("camera_make", "camera_model", "device_id", "lens_model", "upload_ip"):
        if exif.get(key):
            photo[key] = clean(exif[key])
    return photo


def _degrees(values: Any, ref: Any) -> float | None:
    try:
        degrees, minutes, seconds = (float(v) for v in values)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = degrees + minutes / 60 + seconds / 3600
    return -result if str(ref).upper() in {"S", "W"} else result


def from_image(stream: BinaryIO, header_limit: int) -> dict[str, Any]:
    """EXIF from the start of an image file: GPS, camera and the time it was taken.

    Only the header is read (EXIF sits before the image data), never the pixels. An image
    over the photo check's pixel limit raises ``MemberSkipped``, as the photo check refuses it.
    """
    head = stream.read(header_limit)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = Image.open(io.BytesIO(head))
            check_pixels(image.width, image.height)
            exif = image.getexif()
    except (Image.DecompressionBombError, PhotoError) as too_large:
        raise MemberSkipped(
            f"is over the {MAX_PIXELS // 1_000_000}-megapixel limit for photos, so its "
            "metadata was not read"
        ) from too_large
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return {}
    photo: dict[str, Any] = {}
    gps = exif.get_ifd(_GPS_IFD)
    if gps:
        latitude = _degrees(gps.get(2), gps.get(1))
        longitude = _degrees(gps.get(4), gps.get(3))
        if latitude is not None and longitude is not None:
            photo["gps"] = {"latitude": round(latitude, 6), "longitude": round(longitude, 6)}
    if exif.get(_MAKE):
        photo["camera_make"] = clean(exif[_MAKE])
    if exif.get(_MODEL):
        photo["camera_model"] = clean(exif[_MODEL])
    taken = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL)
    if taken:
        photo["taken"] = clean(taken)
    if photo:
        photo["source"] = "file"
    return photo
