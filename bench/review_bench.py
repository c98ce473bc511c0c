"""Benchmark: review a generated Facebook archive of 100,000 items (2,000 photos).

    PYTHONPATH=src python bench/review_bench.py [--items 100000] [--photos 2000]

Each run happens in a fresh child process that reports its own peak memory (ru_maxrss). The
peer, in the same run, is the naive reading most scripts do: ``json.load`` of each member
(whole file in memory), no checks. Localhost only, bounded loops.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

SCHOOL = {"school_name": "Oakfield Primary School", "aliases": ("Oakfield Primary",)}


def generate(path: Path, items: int, photos: int) -> dict[str, int]:
    from safepractice.exports.tests.archives import jpeg_with_exif

    comments = items // 4
    connections = items // 8
    posts = items - comments - connections - photos
    jpeg = jpeg_with_exif((51.5, -0.12))
    sentence = ("lovely day out with the family, walking the dog by the river and then a "
                "long lunch at the new place in town")
    words = sentence.split(" ")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        with archive.open("your_facebook_activity/posts/"
                          "your_posts__check_ins__photos_and_videos_1.json", "w") as out:
            out.write(b"[")
            for n in range(posts + photos):
                if n:
                    out.write(b",")
                if n < photos:
                    uri = f"your_facebook_activity/posts/media/album/{n}.jpg"
                    record = {"timestamp": 1600000000 + n, "data": [], "attachments": [{"data": [
                        {"media": {"uri": uri, "creation_timestamp": 1600000000 + n,
                                   "media_metadata": {"photo_metadata": {"exif_data": [
                                       {"latitude": 51.5, "longitude": -0.12,
                                        "taken_timestamp": 1600000000}]}},
                                   "title": "", "description": ""}}]}],
                        "title": "Alex added a new photo."}
                else:
                    text = " ".join(words[(n + i) % len(words)] for i in range(18))
                    if n % 50 == 0:
                        text += " at Oakfield Primary, call 07700 900123"
                    mojibake_cafe = " caf\u00c3\u00a9"
                    record = {"timestamp": 1600000000 + n,
                              "data": [{"post": text + mojibake_cafe}],
                              "title": "Alex updated their status."}
                out.write(json.dumps(record).encode())
            out.write(b"]")
        for n in range(photos):
            archive.writestr(f"your_facebook_activity/posts/media/album/{n}.jpg", jpeg)
        with archive.open("your_facebook_activity/comments_and_reactions/comments.json",
                          "w") as out:
            out.write(b'{"comments_v2": [')
            for n in range(comments):
                if n:
                    out.write(b",")
                out.write(json.dumps({"timestamp": 1600000000 + n, "data": [{"comment": {
                    "timestamp": 1600000000 + n, "comment": f"Ha, brilliant {n}",
                    "author": "Alex"}}], "title": "Alex commented on a post."}).encode())
            out.write(b"]}")
        with archive.open("connections/friends/your_friends.json", "w") as out:
            out.write(b'{"friends_v2": [')
            for n in range(connections):
                if n:
                    out.write(b",")
                out.write(json.dumps({"name": f"Friend Number{n}",
                                      "timestamp": 1500000000 + n}).encode())
            out.write(b"]}")
    return {"post": posts, "photo": photos, "comment": comments, "connection": connections}


def run_review(path: str, workers: int = 1) -> None:
    from safepractice.engine import Checker, SchoolContext
    from safepractice.engine.detectors import FACTORIES
    from safepractice.exports import review_archive

    started = time.perf_counter()
    with TreeMemory() as tree:
        result = review_archive(path, Checker(SchoolContext(**SCHOOL)), workers=workers)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "items": result.items, "by_kind": result.by_kind,
                      "findings": len(result.findings) + result.findings_not_kept,
                      "detectors": len(FACTORIES), "workers": workers, "error": result.error,
                      "peak_rss_mb": _peak_mb(),
                      "all_processes_peak_rss_mb": round(tree.peak_kb / 1024, 1)}))


def run_naive(path: str) -> None:
    started = time.perf_counter()
    count = 0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".json"):
                data = json.loads(archive.read(name))
                count += len(data) if isinstance(data, list) else len(next(iter(data.values())))
    print(json.dumps({"seconds": time.perf_counter() - started, "items": count,
                      "peak_rss_mb": _peak_mb()}))


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class TreeMemory:
    """Samples the resident memory of this process and all its descendants (the check
    workers hang under a forkserver, so RUSAGE_CHILDREN does not see them)."""

    def __init__(self, every: float = 0.2) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(os.getpid()))


def _tree_rss_kb(root: int) -> int:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def child(mode: str, path: Path, *extra: str) -> dict:
    out = subprocess.run([sys.executable, __file__, f"--{mode}", str(path), *extra], check=True,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(SRC)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--photos", type=int, default=2_000)
    parser.add_argument("--review")
    parser.add_argument("--naive")
    parser.add_argument("--workers", type=int, default=2,
                        help="check processes for the parallel run (the serial run is also made)")
    args = parser.parse_args()
    if args.review:
        return run_review(args.review, args.workers)
    if args.naive:
        return run_naive(args.naive)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facebook-bench.zip"
        started = time.perf_counter()
        planned = generate(path, args.items, args.photos)
        print(f"generated {path.stat().st_size / 1e6:.1f} MB zip {planned} in "
              f"{time.perf_counter() - started:.1f} s")
        naive = child("naive", path)
        print(f"naive json.load, no checks: {naive}", flush=True)
        serial = child("review", path, "--workers", "1")
        print(f"streaming review + Checker, one process: {serial}", flush=True)
        parallel = child("review", path, "--workers", str(args.workers))
        print(f"streaming review + Checker, {args.workers} check workers: {parallel}")
        for name, run in (("serial", serial), ("parallel", parallel)):
            print(f"time ratio {name} review/naive: {run['seconds'] / naive['seconds']:.1f}x")


if __name__ == "__main__":
    main()
