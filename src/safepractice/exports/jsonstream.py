"""Streaming JSON with a depth limit, one record at a time.

ijson's own prefix bookkeeping grows with the square of the nesting depth (100,000 nested
``[`` took several GB), so the depth is checked on the raw events before ijson builds
prefixes, and a file nested deeper than ``max_depth`` is skipped with a clear message.
"""

from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import ijson
from ijson.common import ObjectBuilder

from .errors import MemberSkipped

_START = {"start_map": "end_map", "start_array": "end_array"}


class JsonTooDeep(MemberSkipped):
    pass


def _depth_guard(events: Iterator[tuple[str, Any]], max_depth: int):
    depth = 0
    for event in events:
        kind = event[0]
        if kind == "start_map" or kind == "start_array":
            depth += 1
            if depth > max_depth:
                raise JsonTooDeep(f"is JSON nested more than {max_depth} levels deep")
        elif kind == "end_map" or kind == "end_array":
            depth -= 1
        yield event


def select(
    stream: BinaryIO, want: Callable[[str, str], str | None], max_depth: int = 64
) -> Iterator[tuple[str, Any]]:
    """Yield ``(label, value)`` for every value whose ijson prefix and first event ``want``
    labels (the event tells a list from an object or a scalar at the same place).

    One pass over the file, whatever the number of wanted prefixes; only the value being
    built is held in memory. Prefixes are ijson's: keys joined by ``.``, list items ``item``.
    """
    events = ijson.parse(_depth_guard(ijson.basic_parse(stream, use_float=True), max_depth))
    labels: dict[tuple[str, str], str | None] = {}
    for prefix, event, value in events:
        if event == "map_key" or event.startswith("end_"):
            continue
        label = labels.get((prefix, event), "")
        if label == "":
            label = labels[prefix, event] = want(prefix, event)
        if label is None:
            continue
        end = _START.get(event)
        if end is None:
            yield label, value
            continue
        builder = ObjectBuilder()
        builder.event(event, value)
        for inner_prefix, inner_event, inner_value in events:
            if inner_event == end and inner_prefix == prefix:
                break
            builder.event(inner_event, inner_value)
        yield label, builder.value


def records(stream: BinaryIO, *list_keys: str, max_depth: int = 64) -> Iterator[Any]:
    """The items of a root list, or of the list under one of ``list_keys`` in a root object.

    Meta's files are either ``[...]`` or ``{"some_key_v2": [...]}``; a list of one item is
    sometimes a bare object, which is yielded as it is.
    """
    wanted = {"item"} | {f"{key}.item" for key in list_keys}
    bare = set(list_keys)

    def want(prefix: str, event: str) -> str | None:
        if prefix in wanted or (prefix in bare and event == "start_map"):
            return "record"
        return None

    for _, value in select(stream, want, max_depth):
        yield value


def whole(stream: BinaryIO, max_depth: int = 64) -> Any:
    """A small file read whole (profiles, settings), still depth-checked."""
    for _, value in select(stream, lambda prefix, _: "root" if prefix == "" else None, max_depth):
        return value
    return None


def skip_js_assignment(stream: BinaryIO, limit: int = 4096) -> BinaryIO:
    """Move past ``window.YTD.tweets.part0 =`` so the rest is plain JSON."""
    for _ in range(limit):
        byte = stream.read(1)
        if not byte:
            break
        if byte == b"=":
            return stream
    raise MemberSkipped("is not an X archive data file (no 'window.YTD… =' at the start)")
