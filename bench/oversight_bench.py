"""Benchmark: p95 page time of the head's dashboard, the case lists and the trust view.

Generates 1,000 staff and 50,000 cases over ten years for one school, plus 19 smaller
schools in its trust, into a fresh database (SQLite file, or a PostgreSQL database it
creates), then requests each page through Django's test client (in process, no network)
and reports p50/p95 and queries per page. Runs each backend in a child process and writes a
table under "## Oversight" in docs/benchmarks.md.

    python bench/oversight_bench.py                  # both backends, default sizes
    python bench/oversight_bench.py --backend sqlite --cases 5000 --no-write
"""

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).absolute().parents[1]
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
PG_DATABASE = "sp_bench_oversight"
TARGET_MS = 100


class _Counter:
    """A database execute wrapper that notes each statement and its time (DEBUG off)."""

    def __init__(self, executed: list[tuple[float, str]]) -> None:
        self.executed = executed

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.executed.append(((time.perf_counter() - started) * 1000, sql))


def _child(args: argparse.Namespace) -> dict:
    import django

    from safepractice import instance

    instance.prepare()
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    sys.path.insert(0, str(ROOT / "bench"))
    from oversight_data import generate

    from safepractice.testing.auth import sign_in_verified

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    trust, school, members = generate(
        staff=args.staff, cases=args.cases, years=args.years, schools=args.schools,
        trust_staff=args.trust_staff, trust_cases=args.trust_cases,
    )
    generated = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a running database would have
    from safepractice.schools.models import TrustAdministrator

    head = members[0]
    head_client = Client()
    sign_in_verified(head_client, head.user)
    trust_client = Client()
    admin = members[2].user
    TrustAdministrator.objects.create(user=admin, trust=trust)
    sign_in_verified(trust_client, admin)

    from django.core.cache import cache

    dashboard = reverse("oversight:dashboard", args=[school.slug])
    pages = {
        "head's dashboard": (head_client, dashboard),
        # The first view after a case changes, or of the day: the case charts are rebuilt.
        "head's dashboard, charts rebuilt": (head_client, dashboard, cache.clear),
        "open-cases list (oversight)": (
            head_client, reverse("oversight:list", args=[school.slug, "open-cases"])),
        "trust view (20 schools)": (trust_client, reverse("oversight:trust", args=[trust.pk])),
    }
    if not args.skip_cases_list:
        with contextlib.suppress(NoReverseMatch):
            pages["case list (cases app)"] = (
                head_client, reverse("cases:list", args=[school.slug]))
    results = {}
    for name, (client, url, *before) in pages.items():
        prepare = before[0] if before else (lambda: None)
        for _ in range(args.warmup):
            prepare()
            started = time.perf_counter()
            assert client.get(url).status_code == 200, (name, url)
            if time.perf_counter() - started > args.budget / 3:
                break
        executed: list[tuple[float, str]] = []
        prepare()
        with connection.execute_wrapper(_Counter(executed)):
            client.get(url)
        times: list[float] = []
        budget_ends = time.perf_counter() + args.budget
        # A page far over the target gets fewer samples rather than stalling the run.
        while len(times) < args.requests and (not times or time.perf_counter() < budget_ends):
            prepare()
            t0 = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
        times.sort()
        results[name] = {
            "p50": statistics.median(times),
            "p95": times[max(0, round(0.95 * len(times)) - 1)],
            "queries": len(executed),
            "sql_ms": sum(ms for ms, _ in executed),
            "slowest": [f"{ms:.1f} ms {sql[:160]}" for ms, sql in sorted(executed)[-3:]],
            "samples": len(times),
        }
    return {"generated_s": generated, "pages": results}


def _run_backend(backend: str, args: argparse.Namespace) -> dict:
    instance = tempfile.mkdtemp(prefix=f"sp-bench-{backend}-")
    env = {**os.environ, "SAFEPRACTICE_INSTANCE": instance,
           "DJANGO_SETTINGS_MODULE": "safepractice.settings", "ALLOWED_HOSTS": "testserver",
           "PYTHONPATH": str(ROOT / "src")}
    env.pop("DATABASE_URL", None)
    if backend == "postgres":
        for command in (["dropdb", "--if-exists"], ["createdb"]):
            subprocess.run([*command, "-h", "127.0.0.1", "-U", "postgres", PG_DATABASE],
                           check=True)
        env["DATABASE_URL"] = PG_URL.format(name=PG_DATABASE)
    try:
        output = subprocess.run(
            [sys.executable, __file__, "--child", *sys.argv[1:]], env=env,
            capture_output=True, text=True,
        )
        if output.returncode:
            sys.exit(f"The {backend} run failed:\n{output.stderr[-4000:]}")
    finally:
        shutil.rmtree(instance, ignore_errors=True)
        if backend == "postgres":
            subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres",
                            PG_DATABASE], check=False)
    return json.loads(output.stdout.strip().splitlines()[-1])


def _markdown(args: argparse.Namespace, runs: dict[str, dict]) -> str:
    backends = list(runs)
    lines = [
        "## Oversight: dashboard, case lists, trust view",
        "",
        f"Command: `python bench/oversight_bench.py` ({args.staff} staff and {args.cases} cases "
        f"over {args.years} years in one school; {args.schools - 1} more schools in the trust "
        f"with {args.trust_staff} staff and {args.trust_cases} cases each). "
        f"{args.requests} timed requests per page after {args.warmup} warm-up, Django test "
        f"client in process (no network), 2 shared CPU cores. Target p95 < {TARGET_MS} ms.",
        "",
        "| page | " + " | ".join(f"{b} p50 ms | {b} p95 ms | {b} queries" for b in backends)
        + (" | PostgreSQL/SQLite p95 |" if len(backends) == 2 else ""),
        "|---|" + "---|---|---|" * len(backends) + ("---|" if len(backends) == 2 else ""),
    ]
    for page in runs[backends[0]]["pages"]:
        cells = []
        for backend in backends:
            r = runs[backend]["pages"][page]
            flag = "" if r["p95"] < TARGET_MS else " ✗"
            samples = "" if r["samples"] == args.requests else f" (n={r['samples']})"
            cells += [f"{r['p50']:.1f}", f"{r['p95']:.1f}{flag}{samples}", str(r["queries"])]
        ratio = ""
        if len(backends) == 2:
            a, b = (runs[x]["pages"][page]["p95"] for x in backends)
            ratio = f" {b / a:.2f} |"
        lines.append(f"| {page} | " + " | ".join(cells) + " |" + ratio)
    lines.append("")
    lines.append("Data generation: " + ", ".join(
        f"{b} {runs[b]['generated_s']:.0f} s" for b in backends) + ". ✗ = over the target.")
    return "\n".join(lines) + "\n"


def _write(section: str) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    path.parent.mkdir(exist_ok=True)
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    heading = section.splitlines()[0]
    if heading in text:
        start = text.index(heading)
        following = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[following + 1:] if following != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--staff", type=int, default=1000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--schools", type=int, default=20)
    parser.add_argument("--trust-staff", type=int, default=200)
    parser.add_argument("--trust-cases", type=int, default=2_500)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--budget", type=float, default=20.0,
                        help="Seconds of timed requests per page at most (1 request at least).")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--skip-cases-list", action="store_true",
                        help="Leave out the cases app's own list (slow at this size).")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args)))
        return
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    runs = {backend: _run_backend(backend, args) for backend in backends}
    section = _markdown(args, runs)
    print(section)
    for backend, run in runs.items():
        for page, result in run["pages"].items():
            print(f"{backend} · {page}: {result['sql_ms']:.1f} ms in SQL; slowest:",
                  *result["slowest"], sep="\n  ")
    if not args.no_write:
        _write(section)


if __name__ == "__main__":
    main()
