"""Why an archive, or one file inside it, could not be read."""


class ArchiveRefused(Exception):
    """The whole archive is refused. The message names the problem in plain words."""


class MemberSkipped(Exception):
    """One file inside the archive is skipped; the rest is still read."""
