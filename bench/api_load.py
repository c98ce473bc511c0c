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

    python bench/api_load.py [--seconds 15] [--connections 8] [--workers 2] [--threads 1]
                             [--no-preload]
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
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
        "import django; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from safepractice.schools.demo import load_demo; s = load_demo();"
        "from safepractice.schools.models import Membership;"
        "from safepractice.api.tokens import create_token;"
        "m = Membership.objects.get(school=s, user__email='teacher@example-primary.sch.uk');"
        "print(create_token(m, 'bench', rate_per_minute=10**9)[1])"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


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
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    folder = Path(tempfile.mkdtemp(prefix="safepractice-bench-"))
    env = {**os.environ, "SAFEPRACTICE_INSTANCE": str(folder),
           "DJANGO_SETTINGS_MODULE": "safepractice.settings",
           "PYTHONPATH": str(ROOT / "src"), "DATABASE_CONN_MAX_AGE": "600"}
    env.pop("DATABASE_URL", None)
    token = prepare(env)
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
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"cores={os.cpu_count()} workers={args.workers} connections={args.connections} "
          f"seconds={args.seconds}")
    for name, result in (("check (200)", check), ("peer: bad token (401)", peer)):
        print(f"{name:22} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:.1f} ms  "
              f"p95 {result['p95_ms']:.1f} ms  p99 {result['p99_ms']:.1f} ms  "
              f"requests {result['requests']}  non-2xx {result['non_2xx']}  "
              f"server CPU {result['cpu_ms']:.2f} ms/request")
    print(f"ratio check/peer: {check['rps'] / peer['rps']:.2f} of the peer's req/s")


if __name__ == "__main__":
    main()
