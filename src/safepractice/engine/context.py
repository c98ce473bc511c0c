"""What the checker knows about a school: names, contacts and rosters."""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RosterPerson:
    first_name: str
    last_name: str
    preferred_name: str = ""
    status: str = "current"  # pupils: "current" or "past"; staff: "staff"
    year_group: str = ""


@dataclass(frozen=True)
class SchoolContext:
    """Everything school-specific a detector may use. Built by a front, never by the engine.

    The web app builds it from the School row and rosters; the CLI from a TOML file
    (``safepractice.engine.config``).
    """

    school_name: str = ""
    aliases: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    local_authority: str = ""
    local_authority_aliases: tuple[str, ...] = ()
    work_email_domains: tuple[str, ...] = ()
    work_phone_numbers: tuple[str, ...] = ()
    pupils: tuple[RosterPerson, ...] = ()
    staff: tuple[RosterPerson, ...] = ()
    severity_overrides: dict[str, str] = field(default_factory=dict)
    # Whom staff are told to talk to when an item must not be sent (engine.sending): the
    # designated safeguarding lead and any deputies, by name.
    safeguarding_leads: tuple[str, ...] = ()
