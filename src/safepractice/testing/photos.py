"""Images for tests, made in memory: photos with GPS and owner EXIF, bombs, fakes.

``face.jpg`` beside this file is NASA's public-domain portrait of astronaut Eileen Collins
(the ``astronaut`` sample image that scikit-image ships), cut down to 256×256.
"""

import io
import struct
import zlib
from pathlib import Path

from PIL import ExifTags, Image

FACE_JPEG = Path(__file__).with_name("fixtures") / "face.jpg"


def _rational_degrees(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def photo_with_metadata(
    latitude: float | None = 50.8198,
    longitude: float | None = -1.0880,
    image_format: str = "JPEG",
    size: tuple[int, int] = (64, 48),
    make: str = "Examplephone",
    model: str = "X 12",
    artist: str = "Jo Teacher",
    taken: str = "2026:06:01 15:30:00",
) -> bytes:
    """An image whose EXIF holds a GPS position, a device, an owner and when it was taken."""
    image = Image.new("RGB", size, (40, 120, 200))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = make
    exif[ExifTags.Base.Model] = model
    exif[ExifTags.Base.Artist] = artist
    exif[ExifTags.Base.DateTime] = taken
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    if latitude is not None and longitude is not None:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef] = "N" if latitude >= 0 else "S"
        gps[ExifTags.GPS.GPSLatitude] = _rational_degrees(latitude)
        gps[ExifTags.GPS.GPSLongitudeRef] = "E" if longitude >= 0 else "W"
        gps[ExifTags.GPS.GPSLongitude] = _rational_degrees(longitude)
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, exif=exif)
    return buffer.getvalue()


def plain_png(size: tuple[int, int] = (32, 32)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (255, 255, 255)).save(buffer, format="PNG")
    return buffer.getvalue()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A real, valid 1-bit PNG of width×height pixels: ~100 KB that decodes to ~900 MP.

    Built row by row through a streaming compressor, so making it costs no memory either.
    """
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", body)
        + _png_chunk(b"IEND", b"")
    )


def face_photo() -> bytes:
    return FACE_JPEG.read_bytes()
