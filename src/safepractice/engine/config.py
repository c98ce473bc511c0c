"""A school's configuration from a TOML file, for the CLI and archive review.

The web app builds its ``SchoolContext`` from the database; this file carries the same
fields (see docs/engine.md for an example)::

    [school]
    name = "Corpus Christi Catholic Primary School"
    aliases = ["Corpus Christi", "CCPS"]
    hashtags = ["#CorpusChristiPrimary"]
    local_authority = "Portsmouth City Council"
    local_authority_aliases = ["PCC"]
    work_email_domains = ["corpuschristi.portsmouth.sch.uk"]
    work_phone_numbers = ["023 9282 1234"]
    safeguarding_leads = ["Sarah Patel"]   # named in "do not send" advice

    [severity]
    "names.colleague" = "risk"

    [[pupils]]
    first_name = "Amelia"
    last_name = "Hughes"
    status = "current"        # or "past"

    [[staff]]
    first_name = "Sarah"
    last_name = "Patel"
"""

import tomllib
from pathlib import Path
from typing import Any

from .catalogue import load_catalogue
from .context import RosterPerson, SchoolContext
from .findings import Severity


class ConfigError(ValueError):
    """A school configuration that cannot be used; the message names the key."""


_TOP_LEVEL = {"school", "severity", "pupils", "staff"}
_SCHOOL_KEYS = {
    "name": str,
    "aliases": list,
    "hashtags": list,
    "local_authority": str,
    "local_authority_aliases": list,
    "work_email_domains": list,
    "work_phone_numbers": list,
    "safeguarding_leads": list,
}
# Fields the School model holds that the engine does not use: accepted, ignored.
_SCHOOL_IGNORED = {
    "slug",
    "trust",
    "hr_advice_service",
    "safeguarding_unit",
    "safeguarding_unit_contact",
    "police_contact",
    "unions",
    "acknowledgement_working_days",
}
_PERSON_KEYS = {"first_name", "last_name", "preferred_name", "status", "year_group", "id"}
_PUPIL_STATUSES = {"current", "past"}


def load_school_config(path: str | Path) -> SchoolContext:
    """Read a school's TOML configuration. Raises ``ConfigError`` naming the bad key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (byte offset {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return school_context_from_dict(data, source=str(path))


def school_context_from_dict(data: dict[str, Any], source: str = "config") -> SchoolContext:
    for key in data:
        if key not in _TOP_LEVEL:
            raise ConfigError(
                f"{source}: unknown key {key!r} (expected one of {', '.join(sorted(_TOP_LEVEL))})"
            )
    school = data.get("school", {})
    if not isinstance(school, dict):
        raise ConfigError(f"{source}: 'school' must be a table")
    fields: dict[str, Any] = {}
    for key, value in school.items():
        if key in _SCHOOL_IGNORED:
            continue
        if key not in _SCHOOL_KEYS:
            raise ConfigError(f"{source}: unknown key 'school.{key}'")
        expected = _SCHOOL_KEYS[key]
        if not isinstance(value, expected) or (
            expected is list and not all(isinstance(item, str) for item in value)
        ):
            kind = "a list of strings" if expected is list else "a string"
            raise ConfigError(f"{source}: 'school.{key}' must be {kind}")
        fields["school_name" if key == "name" else key] = (
            tuple(value) if expected is list else value
        )
    return SchoolContext(
        **fields,
        severity_overrides=_severity_overrides(data.get("severity", {}), source),
        pupils=_people(data.get("pupils", []), "pupils", source),
        staff=_people(data.get("staff", []), "staff", source),
    )


def _severity_overrides(table: Any, source: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: 'severity' must be a table of rule id = severity")
    catalogue = load_catalogue()
    overrides: dict[str, str] = {}
    for rule_id, value in table.items():
        rule = catalogue.get(rule_id)
        if rule is None:
            raise ConfigError(f"{source}: unknown rule 'severity.{rule_id}'")
        if rule.served != "detector":
            raise ConfigError(
                f"{source}: 'severity.{rule_id}' has no detector, so no severity to override"
            )
        try:
            overrides[rule_id] = Severity(value).value
        except ValueError:
            raise ConfigError(
                f"{source}: bad severity {value!r} for 'severity.{rule_id}' "
                f"(expected breach, risk or advice)"
            ) from None
    return overrides


def _people(entries: Any, key: str, source: str) -> tuple[RosterPerson, ...]:
    if not isinstance(entries, list):
        raise ConfigError(f"{source}: '{key}' must be an array of tables ([[{key}]])")
    people: list[RosterPerson] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{key}[{number}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{source}: '{where}' must be a table")
        for field_name in entry:
            if field_name not in _PERSON_KEYS:
                raise ConfigError(f"{source}: unknown key '{where}.{field_name}'")
        for required in ("first_name", "last_name"):
            if not isinstance(entry.get(required), str) or not entry[required].strip():
                raise ConfigError(f"{source}: '{where}.{required}' is required")
        status = entry.get("status", "current" if key == "pupils" else "staff")
        if key == "pupils" and status not in _PUPIL_STATUSES:
            raise ConfigError(
                f"{source}: '{where}.status' must be 'current' or 'past', not {status!r}"
            )
        people.append(
            RosterPerson(
                first_name=entry["first_name"].strip(),
                last_name=entry["last_name"].strip(),
                preferred_name=str(entry.get("preferred_name", "")).strip(),
                status=status if key == "pupils" else "staff",
                year_group=str(entry.get("year_group", "")),
            )
        )
    return tuple(people)
