"""Batch mode: one JSON object a line in, one a line out, in order, streaming.

In:  {"id": ..., "text": "...", "kind": "post", "to": null}
     (optional: "field" for a profile item, "handle" for a connection; "kind" may also be
     written "profile:bio")
Out: {"id": ..., "findings": [{"rule", "topic", "severity", "start", "end", "confidence"}],
      "do_not_send": false}
     or {"id": ..., "error": "..."} for a line that cannot be read; the run goes on.
"""

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .checker import PREPARED_GROUP, Checker
from .content import Content, ContentKind, ProfileField, Recipient


class ContentError(ValueError):
    """A record that does not describe content to check."""


def parse_kind(kind: str | None, to: str | None = None, field: str | None = None) -> dict:
    """``--kind``/"kind" (post, comment, profile:<field>, message, connection) as Content fields."""
    kind = (kind or "post").strip().lower()
    if ":" in kind:
        kind, field = kind.split(":", 1)
    try:
        content_kind = ContentKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in ContentKind if k != ContentKind.PHOTO)
        raise ContentError(f"unknown kind {kind!r} (expected {choices})") from None
    if content_kind == ContentKind.PHOTO:
        raise ContentError("photos are checked from the image, not from text")
    fields: dict[str, Any] = {"kind": content_kind}
    if to is not None:
        if content_kind != ContentKind.MESSAGE:
            raise ContentError("'to' applies to messages only")
        try:
            fields["recipient"] = Recipient(to.strip().lower())
        except ValueError:
            choices = ", ".join(r.value for r in Recipient)
            raise ContentError(f"unknown recipient {to!r} (expected {choices})") from None
    if content_kind == ContentKind.PROFILE:
        try:
            fields["profile_field"] = ProfileField((field or "other").strip().lower())
        except ValueError:
            choices = ", ".join(f.value for f in ProfileField)
            raise ContentError(f"unknown profile field {field!r} (expected {choices})") from None
    return fields


def content_from_record(record: Any) -> Content:
    if not isinstance(record, dict):
        raise ContentError("each line must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise ContentError("'text' must be a string")
    for key in ("kind", "to", "field", "handle"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ContentError(f"{key!r} must be a string or null")
    fields = parse_kind(record.get("kind"), record.get("to"), record.get("field"))
    return Content(text=text, handle=record.get("handle"), **fields)


def _record_id(record: Any) -> Any:
    return record.get("id") if isinstance(record, dict) else None


def run_batch(lines: Iterable[bytes | str], checker: Checker) -> Iterator[str]:
    """One output line (without newline) per input line, in order. Blank lines are skipped.

    Lines are checked a group at a time (``Checker.check_many``), so that detectors which read
    many items faster at once (the judgement model) can.
    """
    group: list[tuple[dict, Content] | str] = []
    for parsed in _parsed(lines):
        group.append(parsed)
        if len(group) == PREPARED_GROUP:
            yield from _checked(group, checker)
            group = []
    if group:
        yield from _checked(group, checker)


def _parsed(lines: Iterable[bytes | str]) -> Iterator[tuple[dict, Content] | str]:
    """Each line as (record, content), or as its error line, ready to print."""
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield _dump({"id": None, "error": f"line {number}: not UTF-8 "
                                                  f"(byte offset {error.start} in the line)"})
                continue
        else:
            line = raw
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield _dump({"id": None, "error": f"line {number}: not JSON ({error.msg})"})
            continue
        try:
            yield record, content_from_record(record)
        except ContentError as error:
            yield _dump({"id": _record_id(record), "error": f"line {number}: {error}"})


def _checked(group: list[tuple[dict, Content] | str], checker: Checker) -> Iterator[str]:
    contents = [entry[1] for entry in group if not isinstance(entry, str)]
    results = iter(checker.check_many(contents))
    for entry in group:
        if isinstance(entry, str):
            yield entry
            continue
        record = entry[0]
        content, findings = next(results)
        yield _dump({"id": record.get("id"), "findings": [f.as_dict(full=False) for f in findings],
                     "do_not_send": checker.send_advice(content, findings).do_not_send})


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
