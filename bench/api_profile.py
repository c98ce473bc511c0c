"""In-process cost of one POST /api/v1/check: CPU time per request, load-independent.

Builds a fresh instance with the demo school (SQLite), then calls Django's WSGI handler
directly (no server, no sockets) a bounded number of times with the same request the load
benchmark sends, and reports CPU time (``time.process_time``) per request for:

  * check  — a valid token (200);
  * peer   — an unknown token (401).

CPU time is what a gunicorn worker spends per request, so it bounds requests/s on this
machine's cores whatever else is running. ``--profile`` prints cProfile's top entries.

    python bench/api_profile.py [--requests 2000] [--profile check|peer]
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from api_load import TEXT  # noqa: E402  (the same post as the load benchmark)

os.environ["SAFEPRACTICE_INSTANCE"] = tempfile.mkdtemp(prefix="safepractice-profile-")
os.environ["DJANGO_SETTINGS_MODULE"] = "safepractice.settings"
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")


def setup() -> str:
    import django

    from safepractice import instance

    instance.prepare()
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from safepractice.api.tokens import create_token
    from safepractice.schools.demo import load_demo
    from safepractice.schools.models import Membership

    school = load_demo()
    member = Membership.objects.get(school=school, user__email="teacher@example-primary.sch.uk")
    return create_token(member, "profile", rate_per_minute=10**9)[1]


def environ_for(token: str) -> dict:
    body = json.dumps({"text": TEXT, "kind": "post"}).encode()
    return {
        "REQUEST_METHOD": "POST", "PATH_INFO": "/api/v1/check", "SCRIPT_NAME": "",
        "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": "127.0.0.1",
        "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
        "HTTP_AUTHORIZATION": f"Bearer {token}", "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr, "wsgi.multithread": False,
        "wsgi.multiprocess": True, "wsgi.run_once": False, "wsgi.version": (1, 0),
    }


def run(app, token: str, count: int, expected: int) -> float:
    """CPU seconds per request over ``count`` requests."""
    body = environ_for(token)["wsgi.input"].getvalue()
    statuses = set()

    def start_response(status, headers, exc_info=None):
        statuses.add(int(status.split()[0]))

    started = time.process_time()
    for _ in range(count):
        environ = environ_for(token)
        environ["wsgi.input"] = io.BytesIO(body)
        for _chunk in app(environ, start_response):
            pass
    spent = time.process_time() - started
    if statuses != {expected}:
        sys.exit(f"expected only {expected}, got {sorted(statuses)}")
    return spent / count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--profile", choices=["check", "peer"],
                        help="print cProfile's top entries for one of the two requests")
    args = parser.parse_args()
    token = setup()
    import logging

    logging.disable(logging.WARNING)  # "Unauthorized: ..." per 401 would measure the console
    from django.core.wsgi import get_wsgi_application

    app = get_wsgi_application()
    run(app, token, 50, 200)  # warm up: checker build, URL resolver, schema
    run(app, "sp_not-a-real-token", 50, 401)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        if args.profile == "check":
            run(app, token, args.requests, 200)
        else:
            run(app, "sp_not-a-real-token", args.requests, 401)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return
    check = run(app, token, args.requests, 200)
    peer = run(app, "sp_not-a-real-token", args.requests, 401)
    print(f"requests={args.requests} each, CPU time per request (time.process_time)")
    print(f"check (200)            {check * 1000:6.2f} ms  -> at most {2 / check:6.0f} req/s "
          "on 2 cores")
    print(f"peer: bad token (401)  {peer * 1000:6.2f} ms  -> at most {2 / peer:6.0f} req/s "
          "on 2 cores")


if __name__ == "__main__":
    main()
