"""One reader per platform. Each module has ``PLATFORM``, ``score(names)`` and ``read(reading)``."""

from . import facebook, instagram, linkedin, tiktok, twitter, whatsapp

READERS = {module.PLATFORM: module
           for module in (facebook, instagram, twitter, tiktok, linkedin, whatsapp)}
PLATFORM_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X (Twitter)",
    "tiktok": "TikTok",
    "linkedin": "LinkedIn",
    "whatsapp": "WhatsApp",
}
