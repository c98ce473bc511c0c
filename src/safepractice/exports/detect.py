"""Which platform an archive comes from, judged by what is inside, never by its name."""

from .archive import SafeArchive
from .errors import ArchiveRefused
from .readers import PLATFORM_NAMES, READERS, whatsapp
from .readers.base import MEMBER_ERRORS

_HTML_ONLY = ("your_facebook_activity/", "your_instagram_activity/", "personal_information/",
              "connections/")
_NOT_SUPPORTED = {
    "snapchat": ("json/friends.json", "json/account.json", "memories_history"),
    "grailbird": ("data/js/tweets/",),
}


def detect_platform(archive: SafeArchive) -> str:
    names = [member.lower for member in archive.members]
    scores = {platform: reader.score(names) for platform, reader in READERS.items()}
    if not any(scores.values()) and len(archive.members) == 1:
        scores["whatsapp"] = _sniff_chat(archive)
    best = max(scores, key=scores.get)
    if scores[best] > 0:
        if best in {"facebook", "instagram"} and not any(n.endswith(".json") for n in names):
            raise ArchiveRefused(
                f"This {PLATFORM_NAMES[best]} download is in HTML. Download your information "
                "again, choosing the JSON format and 'All time', and upload that."
            )
        return best
    if any(marker in name for name in names for marker in _NOT_SUPPORTED["snapchat"]):
        raise ArchiveRefused("This looks like a Snapchat download, which is not read yet.")
    if any(marker in name for name in names for marker in _NOT_SUPPORTED["grailbird"]):
        raise ArchiveRefused("This is an X archive from before 2019, which is not read yet. "
                             "Request a new archive from X.")
    if any(marker in name for name in names for marker in _HTML_ONLY):
        raise ArchiveRefused("This looks like an HTML download. Download your information "
                             "again in JSON format and upload that.")
    supported = ", ".join(PLATFORM_NAMES.values())
    raise ArchiveRefused(
        f"'{archive.display_name}' is not a download from a platform we can read "
        f"({supported}): none of their files were found in it."
    )


def _sniff_chat(archive: SafeArchive) -> int:
    member = archive.members[0]
    if not member.lower.endswith(".txt"):
        return 0
    try:
        with archive.open(member) as stream:
            head = stream.read(4096).decode("utf-8", errors="replace")
    except MEMBER_ERRORS:  # damage here just means "not a chat"
        return 0
    lines = [line for line in head.splitlines()[:10] if line.strip()]
    return 3 if lines and whatsapp.looks_like_chat(lines) else 0
