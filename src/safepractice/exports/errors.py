"""Why an archive, or one file inside it, could not be read."""

from safepractice.errors import ApplicationError


class ArchiveRefused(ApplicationError):
    """The whole archive is refused. The message names the problem in plain words."""

    status = 422


class MemberSkipped(Exception):
    """One file inside the archive is skipped; the rest is still read."""
