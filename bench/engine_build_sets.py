"""Turn marked-up development sets into the eval JSONL schema.

A source line is ``KIND :: TEXT`` where KIND is post, comment, profile:<field>,
message>pupil (a message and its recipient) or connection@handle, and TEXT marks each
expected finding as ``[[rule.id|the span]]``. Lines starting with # are comments.

    python bench/engine_build_sets.py src/safepractice/engine/tests/data/dev/*.txt
"""

import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"\[\[([a-z-]+\.[a-z-]+)\|(.*?)\]\]")


def convert_line(line: str, number: int, stem: str) -> dict:
    kind_spec, marked = line.split(" :: ", 1)
    record: dict = {"id": f"{stem}-{number:03d}"}
    if ">" in kind_spec:
        kind_spec, record["to"] = kind_spec.split(">", 1)
    if "@" in kind_spec:
        kind_spec, record["handle"] = kind_spec.split("@", 1)
    record["kind"] = kind_spec
    text, expected, position = [], [], 0
    cursor = 0
    for match in MARK.finditer(marked):
        text.append(marked[position:match.start()])
        cursor += match.start() - position
        span = match.group(2)
        expected.append({"rule": match.group(1), "start": cursor, "end": cursor + len(span)})
        text.append(span)
        cursor += len(span)
        position = match.end()
    text.append(marked[position:])
    record["text"] = "".join(text)
    record["expected"] = expected
    return record


def main(paths: list[str]) -> None:
    for name in paths:
        source = Path(name)
        records = []
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                records.append(convert_line(line, number, source.stem))
        target = source.with_suffix(".jsonl")
        target.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        print(f"{target}: {len(records)} items")


if __name__ == "__main__":
    main(sys.argv[1:])
