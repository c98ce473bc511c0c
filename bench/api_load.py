"""Load benchmark for POST /api/v1/check: wrk against gunicorn on 127.0.0.1, bounded.

Starts gunicorn (2 sync workers, this machine's 2 cores, ``--preload``) on a fresh instance
with the demo school, creates a token with no practical rate limit, and runs wrk for a fixed
time at a fixed concurrency against:

  * check  — POST /api/v1/check with a realistic post (auth, rate limit, checker, JSON);
  * peer   — the same request with an unknown token (401): the framework-and-auth floor
             the check is compared against.

Prints requests/s, p50/p95/p99 latency, the server's CPU time per request (gunicorn master
and workers, from /proc: less sensitive to other load than requests/s), and the ratio
check/peer. Needs `wrk` (Debian: apt-get install wrk).

``--attack`` runs the check a third time while another member floods POST /api/v1/check/photo
(``--attackers`` at once, each sending without pause) with the security review's pixel bomb: a
PNG of 64 megapixels, small on the wire. The attacker's token has no practical rate limit
(the worst case); the daily photo quota is the product's (``--photo-quota`` to change it).
Peer, in the same run: the same flood with an unknown token, refused at the door (401), which
is what any flood of requests costs. Printed: the check's rate under each over its rate alone,
and the ratio of the two.

    python bench/api_load.py [--seconds 15] [--connections 8] [--workers 2] [--threads 1]
                             [--no-preload] [--attack] [--attackers 1] [--photo-quota N]
"""

import argparse
import collections
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "What a brilliant sports day at Example Primary School! Well done to everyone in "
    "Year 4. Text me on 07700 900123 if you'd like the photos, or see #TeamEPS later."
)
LUA = """
wrk.method = "POST"
wrk.body = %s
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %s"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%.1f %%.1f %%.1f %%.1f\\n",
    summary.requests, summary.errors.status, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(env: dict) -> str:
    code = (
        "import safepractice.instance as i; i.prepare(); import django; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from safepractice.schools.demo import load_demo; s = load_demo();"
        "from safepractice.schools.models import Membership;"
        "from safepractice.api.tokens import create_token;"
        "m = Membership.objects.get(school=s, user__email='teacher@example-primary.sch.uk');"
        "print(create_token(m, 'bench', rate_per_minute=10**9)[1]);"
        "a = Membership.objects.get(school=s, user__email='ta@example-primary.sch.uk');"
        "print(create_token(a, 'attack', rate_per_minute=10**9)[1])"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-2:]


def pixel_bomb() -> bytes:
    """The review's hostile photo: 64 megapixels that compress to a small PNG."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (8000, 8000), 200).save(buffer, "PNG")
    return buffer.getvalue()


def attack(url: str, token: str, photo: bytes, stop: threading.Event,
           statuses: collections.Counter) -> None:
    """Post the photo again and again until told to stop; count the answers' status codes."""
    boundary = "safepracticebench"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"bomb.png\"\r\nContent-Type: image/png\r\n\r\n").encode()
    body += photo + f"\r\n--{boundary}--\r\n".encode()
    headers = {"Authorization": f"Bearer {token}",
               "Content-Type": f"multipart/form-data; boundary={boundary}"}
    while not stop.is_set():
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                statuses[response.status] += 1
        except urllib.error.HTTPError as error:
            statuses[error.code] += 1
        except OSError:
            statuses["error"] += 1


def server_cpu_seconds(master_pid: int) -> float:
    """User + system CPU of gunicorn's master and workers so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [master_pid]
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    if children.exists():
        pids += [int(pid) for pid in children.read_text().split()]
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def run_wrk(url: str, token: str, seconds: int, connections: int, folder: Path) -> dict:
    script = folder / f"check-{token[:6]}.lua"
    script.write_text(LUA % (json.dumps(json.dumps({"text": TEXT, "kind": "post"})), token))
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s",
         str(script), url],
        check=True, capture_output=True, text=True, timeout=seconds + 30,
    ).stdout
    requests, non_2xx, duration_us, p50, p95, p99, _mean = re.search(
        r"RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)", out).groups()
    seconds_run = int(duration_us) / 1e6
    return {"rps": int(requests) / seconds_run, "requests": int(requests),
            "non_2xx": int(non_2xx), "p50_ms": float(p50) / 1000,
            "p95_ms": float(p95) / 1000, "p99_ms": float(p99) / 1000}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1,
                        help="more than 1 runs gunicorn's gthread workers (keep-alive)")
    parser.add_argument("--no-preload", action="store_true",
                        help="import the app in each worker instead of once before fork")
    parser.add_argument("--attack", action="store_true",
                        help="run the check a third time during a flood of pixel-bomb photos")
    parser.add_argument("--attackers", type=int, default=1)
    parser.add_argument("--photo-quota", type=int, default=None,
                        help="the member's daily photo quota (default: the product's)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    folder = Path(tempfile.mkdtemp(prefix="safepractice-bench-"))
    env = {**os.environ, "SAFEPRACTICE_INSTANCE": str(folder),
           "DJANGO_SETTINGS_MODULE": "safepractice.settings",
           "PYTHONPATH": str(ROOT / "src"), "DATABASE_CONN_MAX_AGE": "600"}
    env.pop("DATABASE_URL", None)
    if args.photo_quota is not None:
        env["SAFEPRACTICE_PHOTOS_PER_DAY"] = str(args.photo_quota)
    token, attacker = prepare(env)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "safepractice.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
         "--threads", str(args.threads), "--no-control-socket", "--log-level", "warning",
         *([] if args.no_preload else ["--preload"])],
        env=env, cwd=folder,
    )
    url = f"http://127.0.0.1:{port}/api/v1/check"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        run_wrk(url, token, 3, args.connections, folder)  # warm up: imports, checker build
        results = {}
        for name, bearer in (("check", token), ("peer", "sp_not-a-real-token")):
            cpu_before = server_cpu_seconds(server.pid)
            results[name] = run_wrk(url, bearer, args.seconds, args.connections, folder)
            cpu = server_cpu_seconds(server.pid) - cpu_before
            results[name]["cpu_ms"] = cpu * 1000 / max(results[name]["requests"], 1)
        check, peer = results["check"], results["peer"]
        if args.attack:
            photo, photo_url = pixel_bomb(), f"http://127.0.0.1:{port}/api/v1/check/photo"
            attacks = {name: run_under_attack(url, token, photo_url, bearer, photo, args,
                                              server.pid, folder)
                       for name, bearer in (("bombs", attacker),
                                            ("flood", "sp_not-a-real-token"))}
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"cores={os.cpu_count()} workers={args.workers} connections={args.connections} "
          f"seconds={args.seconds}")
    print_result("check (200)", check)
    print_result("peer: bad token (401)", peer)
    print(f"ratio check/peer: {check['rps'] / peer['rps']:.2f} of the peer's req/s")
    if args.attack:
        print(f"attack: {args.attackers} client(s) at once, each posting without pause a "
              f"{len(photo) // 1024} KB PNG of 64 MP")
        for name, label in (("bombs", "a member's token"),
                            ("flood", "peer: an unknown token")):
            attacked, statuses = attacks[name]
            print_result(f"check, attack {name}", attacked)
            print(f"  the attack ({label}): "
                  + ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items(), key=str))
                  + f"; the check at {attacked['rps'] / check['rps']:.2f} of its rate alone")
        ratio = attacks["bombs"][0]["rps"] / attacks["flood"][0]["rps"]
        print(f"ratio bombs/flood: {ratio:.2f} (the check's rate under the photo attack over "
              "its rate under a flood of refused requests)")


def run_under_attack(url: str, token: str, photo_url: str, attacker: str, photo: bytes,
                     args: argparse.Namespace, server_pid: int, folder: Path) -> tuple:
    """The check timed by wrk while ``args.attackers`` clients post the photo without pause."""
    stop, statuses = threading.Event(), collections.Counter()
    threads = [threading.Thread(target=attack, args=(photo_url, attacker, photo, stop, statuses))
               for _ in range(args.attackers)]
    for thread in threads:
        thread.start()
    time.sleep(1)  # the attack under way before the check is timed
    cpu_before = server_cpu_seconds(server_pid)
    attacked = run_wrk(url, token, args.seconds, args.connections, folder)
    attacked["cpu_ms"] = ((server_cpu_seconds(server_pid) - cpu_before) * 1000
                          / max(attacked["requests"], 1))
    stop.set()
    for thread in threads:
        thread.join(timeout=90)
    return attacked, statuses


def print_result(name: str, result: dict) -> None:
    print(f"{name:22} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:.1f} ms  "
          f"p95 {result['p95_ms']:.1f} ms  p99 {result['p99_ms']:.1f} ms  "
          f"requests {result['requests']}  non-2xx {result['non_2xx']}  "
          f"server CPU {result['cpu_ms']:.2f} ms/request")


if __name__ == "__main__":
    main()
