"""Photos: what an image's metadata gives away, a cleaned copy without it, and faces.

Pure Python over Pillow (and OpenCV's bundled face detector when it is installed): the web
page, the API and the archive review all read photos through here. Every image is sized from
its header before any pixel is decoded, so a decompression bomb is refused without the memory
it would take.
"""

import io
import math
import threading
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from PIL import ExifTags, Image, ImageFile, ImageOps, UnidentifiedImageError

from .catalogue import make_finding
from .content import Content, ContentKind
from .context import SchoolContext
from .findings import Finding

try:  # HEIC/HEIF (iPhone photos) when pillow-heif is installed.
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIC_SUPPORTED = True
except ImportError:  # pragma: no cover - depends on the installation
    HEIC_SUPPORTED = False

MAX_PHOTO_BYTES = 20 * 1024 * 1024
# 40 megapixels covers the 12–24 MP photos phones save by default. Checking one image costs
# about 60 ms and 12 MB a megapixel here (decode, faces, cleaned copy): ten 0.5 MB PNGs of
# 64 MP each took a web worker past its 30 s timeout, so the limit is well below that.
MAX_PIXELS = 40_000_000
# Pillow's own guard, for every image opened in this process (archive photos, PDFs included):
# it warns above this and refuses above twice this, before any pixel is decoded.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
FACE_DETECTION_SIDE = 1024  # faces are looked for on a copy no larger than this

LOCATION_RULE = "personal-information.photo-location"
FACES_RULE = "online-conduct.photo-faces"

# Magic numbers, so a file is judged by what it is rather than what it is called.
_FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "HEIF": ("image/heic", "heic"),
}
_CLAIMED = {
    "jpg": "JPEG", "jpeg": "JPEG", "jpe": "JPEG", "png": "PNG", "webp": "WEBP",
    "heic": "HEIF", "heif": "HEIF",
    "image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/heic": "HEIF",
    "image/heif": "HEIF",
}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}

_DEVICE_TAGS = {
    ExifTags.Base.Make: "make",
    ExifTags.Base.Model: "model",
    ExifTags.Base.Software: "software",
    ExifTags.Base.LensMake: "lens_make",
    ExifTags.Base.LensModel: "lens_model",
    ExifTags.Base.BodySerialNumber: "serial_number",
    ExifTags.Base.LensSerialNumber: "lens_serial_number",
}
_OWNER_TAGS = {
    ExifTags.Base.Artist: "artist",
    ExifTags.Base.Copyright: "copyright",
    ExifTags.Base.CameraOwnerName: "camera_owner",
    ExifTags.Base.XPAuthor: "author",
    ExifTags.Base.ImageDescription: "description",
    ExifTags.Base.XPComment: "comment",
}
_TIME_TAGS = {
    ExifTags.Base.DateTimeOriginal: "taken",
    ExifTags.Base.DateTimeDigitized: "digitised",
    ExifTags.Base.DateTime: "modified",
}


class PhotoError(ValueError):
    """An upload that cannot be checked; the message is written for the person who sent it."""


@dataclass(frozen=True, slots=True)
class GpsPosition:
    latitude: float
    longitude: float
    altitude: float | None = None

    def as_dict(self) -> dict[str, float | None]:
        return {
            "latitude": round(self.latitude, 6),
            "longitude": round(self.longitude, 6),
            "altitude": None if self.altitude is None else round(self.altitude, 1),
        }


@dataclass(frozen=True)
class PhotoReport:
    """What one image is and what its metadata says."""

    format: str
    mime_type: str
    width: int
    height: int
    gps: GpsPosition | None = None
    device: dict[str, str] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)
    timestamps: dict[str, str] = field(default_factory=dict)
    other_metadata: tuple[str, ...] = ()
    faces: tuple[tuple[int, int, int, int], ...] | None = None  # None: not looked for

    @property
    def has_metadata(self) -> bool:
        return bool(
            self.gps or self.device or self.owner or self.timestamps or self.other_metadata
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "mime_type": self.mime_type,
            "width": self.width,
            "height": self.height,
            "gps": self.gps.as_dict() if self.gps else None,
            "device": dict(self.device),
            "owner": dict(self.owner),
            "timestamps": dict(self.timestamps),
            "other_metadata": list(self.other_metadata),
            "faces": None if self.faces is None else len(self.faces),
        }

    def content(self, name: str = "") -> Content:
        """The photo as an item for the ``Checker``."""
        return Content(text=name, kind=ContentKind.PHOTO, photo=self.as_dict())


def sniff_format(data: bytes) -> str | None:
    """The image format the bytes really are, from their magic number."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "HEIF"
    return None


def claimed_format(name: str = "", content_type: str = "") -> str | None:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return _CLAIMED.get(extension) or _CLAIMED.get(content_type.split(";")[0].strip().lower())


def check_size(size: int) -> None:
    """Refuse a file over ``MAX_PHOTO_BYTES`` (callers with an upload's size ask before reading)."""
    if size > MAX_PHOTO_BYTES:
        raise PhotoError(
            f"This image is {size / 1_048_576:.1f} MB; the limit is "
            f"{MAX_PHOTO_BYTES // 1_048_576} MB."
        )


def open_image(data: bytes, name: str = "", content_type: str = "") -> Image.Image:
    """Open an upload safely: size, type and pixel count are checked before decoding."""
    check_size(len(data))
    if not data:
        raise PhotoError("The file is empty.")
    actual = sniff_format(data)
    claimed = claimed_format(name, content_type)
    if actual is None:
        if claimed:
            raise PhotoError(
                f"This file says it is a {claimed} image, but its contents are not "
                f"{_article(claimed)} {claimed} image (or any image we can read)."
            )
        raise PhotoError(
            "This file is not an image we can read. Photos can be JPEG, PNG, WebP"
            + (" or HEIC." if HEIC_SUPPORTED else ".")
        )
    if actual == "HEIF" and not HEIC_SUPPORTED:
        raise PhotoError("HEIC photos cannot be read on this server; send a JPEG instead.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[actual])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        raise PhotoError(_too_many_pixels_message()) from bomb
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as broken:
        raise PhotoError(
            f"This file starts like a {actual} image but is damaged and cannot be read."
        ) from broken
    check_pixels(image.width, image.height)
    return image


def check_pixels(width: int, height: int) -> None:
    """Refuse an image whose header says it is over ``MAX_PIXELS``, before it is decoded."""
    if width * height > MAX_PIXELS:
        raise PhotoError(_too_many_pixels_message(width, height))


def _too_many_pixels_message(width: int | None = None, height: int | None = None) -> str:
    size = f" ({width}×{height})" if width else ""
    return (
        f"This image is too large to check{size}: the limit is {MAX_PIXELS // 1_000_000} "
        "megapixels. Send a smaller copy (most phones can share a photo at a lower size). "
        "It may also be a 'decompression bomb', a small file that expands to fill memory."
    )


def _article(word: str) -> str:
    return "an" if word[0] in "AEIOUH" else "a"


_strict_decoding = threading.Lock()


def _decode(image: Image.Image) -> Image.Image:
    """Decode the pixels (after the header checks); a truncated file fails here."""
    try:
        with _strict_decoding:
            # WeasyPrint switches truncated-image loading on for the whole process when it is
            # imported (for PDFs); a damaged upload must still be refused, not padded out.
            lenient = ImageFile.LOAD_TRUNCATED_IMAGES
            ImageFile.LOAD_TRUNCATED_IMAGES = False
            try:
                image.load()
            finally:
                ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    except (OSError, SyntaxError, ValueError) as broken:
        raise PhotoError(
            f"This {image.format} image is damaged or incomplete and cannot be read."
        ) from broken
    return image


def read_photo(
    data: bytes, name: str = "", content_type: str = "", find_faces: bool = True
) -> PhotoReport:
    """Report an image's format, size, location, device, owner and timestamps, and faces."""
    image = open_image(data, name, content_type)
    exif = image.getexif()
    base = dict(exif.items())
    exif_ifd = _safe_ifd(exif, ExifTags.IFD.Exif)
    tags = base | exif_ifd
    faces = None
    if find_faces:
        faces = detect_faces(_decode(image))
    else:
        _decode(image)
    mime_type, _ = _FORMATS[image.format if image.format in _FORMATS else "HEIF"]
    return PhotoReport(
        format=image.format or "",
        mime_type=mime_type,
        width=image.width,
        height=image.height,
        gps=_gps(_safe_ifd(exif, ExifTags.IFD.GPSInfo)),
        device=_text_fields(tags, _DEVICE_TAGS),
        owner=_text_fields(tags, _OWNER_TAGS),
        timestamps=_text_fields(tags, _TIME_TAGS),
        other_metadata=_other_metadata(image, tags),
        faces=faces,
    )


def _safe_ifd(exif: Image.Exif, ifd: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(ifd).items())
    except (KeyError, TypeError, ValueError, OSError, SyntaxError):
        return {}  # a malformed sub-directory: treat as absent rather than fail the photo


_UTF16_TAGS = {ExifTags.Base.XPAuthor, ExifTags.Base.XPComment}


def _text(value: Any, utf16: bool = False) -> str:
    if isinstance(value, bytes):
        # Windows' XP* tags are UTF-16LE; the rest are ASCII padded with NULs.
        decoded = value.decode("utf-16-le", errors="ignore") if utf16 else value.decode("latin-1")
        return decoded.strip("\x00 ").strip()
    if isinstance(value, tuple):
        return "".join(chr(v) for v in value if isinstance(v, int) and v).strip()
    return str(value).strip("\x00 ").strip()


def _text_fields(tags: Mapping[int, Any], wanted: Mapping[int, str]) -> dict[str, str]:
    found = {}
    for tag, label in wanted.items():
        if tag in tags and (value := _text(tags[tag], utf16=tag in _UTF16_TAGS)):
            found[label] = value[:200]
    return found


def _other_metadata(image: Image.Image, tags: Mapping[int, Any]) -> tuple[str, ...]:
    found = []
    if tags:
        found.append("EXIF")
    if image.info.get("xmp") or "XML:com.adobe.xmp" in image.info:
        found.append("XMP")
    if image.info.get("icc_profile"):
        found.append("ICC colour profile")
    if image.info.get("comment"):
        found.append("comment")
    text_chunks = getattr(image, "text", None) if image.format == "PNG" else None
    if text_chunks:
        found.append("PNG text")
    return tuple(found)


def _gps(gps: Mapping[int, Any]) -> GpsPosition | None:
    latitude = _degrees(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef))
    longitude = _degrees(
        gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef)
    )
    if latitude is None or longitude is None:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    altitude = None
    if (raw := gps.get(ExifTags.GPS.GPSAltitude)) is not None:
        try:
            altitude = float(raw)
            if gps.get(ExifTags.GPS.GPSAltitudeRef) in (1, b"\x01"):
                altitude = -altitude
            if not math.isfinite(altitude):
                altitude = None
        except (TypeError, ValueError, ZeroDivisionError):
            altitude = None
    return GpsPosition(latitude, longitude, altitude)


def _degrees(value: Any, ref: Any) -> float | None:
    if value is None:
        return None
    try:
        parts = [float(part) for part in (value if isinstance(value, tuple) else (value,))]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    parts = [*parts, 0.0, 0.0][:3]
    if not all(math.isfinite(part) for part in parts):
        return None
    degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    reference = _text(ref).upper() if ref is not None else ""
    return -degrees if reference in {"S", "W"} else degrees


def strip_metadata(
    data: bytes, name: str = "", content_type: str = ""
) -> tuple[bytes, str, str]:
    """A copy of the image with every piece of metadata removed.

    Returns (bytes, mime type, file extension). The pixels are re-encoded, so nothing of the
    original's EXIF, XMP, ICC profile, comments or text chunks can survive; the picture is
    first turned the way its EXIF orientation said, so it still looks the right way up.
    HEIC becomes JPEG, which every site accepts; an animation keeps its first frame.
    """
    image = _decode(open_image(data, name, content_type))
    source_format = image.format
    upright = ImageOps.exif_transpose(image) or image
    transparency = image.info.get("transparency")
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    if source_format == "JPEG" or source_format == "HEIF":
        clean = clean if clean.mode in {"RGB", "L", "CMYK"} else clean.convert("RGB")
        return _save(clean, "JPEG", quality=92, optimize=True), "image/jpeg", "jpg"
    if source_format == "PNG":
        options = {"transparency": transparency} if transparency is not None else {}
        return _save(clean, "PNG", **options), "image/png", "png"
    return _save(clean, "WEBP", quality=90), "image/webp", "webp"


def _save(image: Image.Image, image_format: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _face_cascade():
    """OpenCV's bundled frontal-face Haar cascade, loaded once per process (None without cv2)."""
    try:
        # Optional: OpenCV is needed only for face detection, and absent on a lean install.
        import cv2
    except ImportError:
        return None
    cascade = cv2.CascadeClassifier(
        cv2.data.haarcascades + "haarcascade_frontalface_default.xml"
    )
    return None if cascade.empty() else cascade


def detect_faces(image: Image.Image) -> tuple[tuple[int, int, int, int], ...] | None:
    """Boxes (x, y, width, height) of faces in the image; None if no detector is installed."""
    cascade = _face_cascade()
    if cascade is None:
        return None
    # Optional: OpenCV (see _face_cascade).
    import cv2
    import numpy

    grey = ImageOps.exif_transpose(image.convert("L")) or image.convert("L")
    scale = min(1.0, FACE_DETECTION_SIDE / max(grey.size))
    if scale < 1.0:
        grey = grey.resize((round(grey.width * scale), round(grey.height * scale)))
    pixels = cv2.equalizeHist(numpy.asarray(grey))
    smallest = max(24, min(grey.size) // 20)
    boxes = cascade.detectMultiScale(
        pixels, scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest)
    )
    return tuple(
        tuple(round(v / scale) for v in box)  # type: ignore[misc]
        for box in (boxes.tolist() if len(boxes) else [])
    )


# A phone's GPS is good to about 5-10 m outdoors: finer coordinates promise no more than that.
_BEST_GPS_METRES = 10
_METRES_PER_DEGREE = 111_000  # of latitude, anywhere; of longitude at the equator


def position_precision_metres(gps: Mapping[str, Any]) -> int:
    """How closely the coordinates place the photo, from the decimals they were written with:
    4 or more is the GPS's own 10 m, 3 about 100 m, 2 about 1 km (an archive that rounds).

    The larger count of the two is taken: a float loses its trailing zeros (50.8200 reads as
    50.82), so the coordinate with more decimals shows how precisely both were recorded.
    """
    decimals = max(_decimals(gps["latitude"]), _decimals(gps["longitude"]))
    metres = _METRES_PER_DEGREE / 10**decimals
    return max(_BEST_GPS_METRES, int(float(f"{metres:.0e}")))  # one significant figure


def _decimals(value: float) -> int:
    text = f"{float(value):.6f}".rstrip("0")
    return len(text.partition(".")[2])


def _distance_text(metres: int) -> str:
    return f"{metres // 1000:,} km" if metres >= 1000 else f"{metres} m"


def describe_position(gps: Mapping[str, Any]) -> str:
    """Where the photo says it was taken, in words and without a map or a geocoder (there is
    no network at run time): how precisely it can be found, and by whom."""
    return (
        f"GPS coordinates that place the photo within about "
        f"{_distance_text(position_precision_metres(gps))} of where it was taken. Anyone who "
        "has the photo can look them up on a map."
    )


def coordinates_text(gps: Mapping[str, Any]) -> str:
    """The coordinates themselves, for the person who wants to see them: "50.81980, -1.08800"."""
    return f"{gps['latitude']:.5f}, {gps['longitude']:.5f}"


class PhotoDetector:
    """Findings from a photo's report: where it was taken, and faces in it."""

    name = "photo"
    kinds = frozenset({ContentKind.PHOTO})

    def __init__(self, context: SchoolContext) -> None:
        self.context = context

    def detect(self, content: Content) -> Iterable[Finding]:
        photo = content.photo or {}
        if gps := photo.get("gps"):
            yield make_finding(
                LOCATION_RULE,
                0,
                0,
                confidence=1.0,
                explanation=(
                    f"This photo holds {describe_position(gps)} Posted as it is, it can show "
                    "pupils, parents or anyone else where you live or spend your time."
                ),
                suggestion=(
                    "Post the cleaned copy, which has all metadata removed, and turn off "
                    "location tagging in your camera app."
                ),
                detail={"gps": dict(gps)},
            )
        faces = photo.get("faces") or 0
        if faces:
            yield make_finding(
                FACES_RULE,
                0,
                0,
                confidence=0.7,  # a Haar cascade misses some faces and finds a few that aren't
                explanation=(
                    f"{faces} face{'s' if faces != 1 else ''} found. Pupils may only appear "
                    "in a photo with consent under the school's photo policy, and no photo "
                    "should embarrass you or bring the school into disrepute."
                ),
                suggestion=(
                    "Check that no pupil can be seen, or that their consent is recorded under "
                    "the school's photo policy. If in doubt, leave the photo out."
                ),
                detail={"faces": faces},
            )


def photo_detector(context: SchoolContext) -> PhotoDetector:
    return PhotoDetector(context)
