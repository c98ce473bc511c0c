import os
import socket
import subprocess
import sys

import typer

_ALL_INTERFACES = {"", "0.0.0.0", "::"}


def served_url(host: str, port: int) -> str:
    """The address ``run`` serves, as a link (all interfaces: this machine's name)."""
    if host in _ALL_INTERFACES:
        host = socket.getfqdn()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    return f"http://{host}:{port}"


def _start_worker() -> subprocess.Popen | None:
    """The background-task worker runs beside the web server, so one command is enough."""
    from django.conf import settings

    if settings.TASKS_BACKEND == "immediate":
        return None
    if settings.TASKS_BACKEND == "redis":
        command = ["rqworker", "--job-class", "django_tasks_rq.Job", "default"]
    else:
        command = ["db_worker", "--interval", "1"]
    return subprocess.Popen([sys.executable, "-m", "safepractice.cli", "manage", *command])


def register(app: typer.Typer) -> None:
    @app.command()
    def run(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
        dev: bool = typer.Option(False, "--dev", help="Development mode: DEBUG on."),
        worker: bool = typer.Option(True, help="Also run the background-task worker."),
    ) -> None:
        """Migrate, load the demo school on first run, and serve safepractice."""
        if dev:
            os.environ.setdefault("SAFEPRACTICE_DEBUG", "1")
        # Links in emails (alerts, reminders) point at SITE_URL: unless it is set, at the
        # address served here. Set before the settings are read, and seen by the worker too.
        os.environ.setdefault("SITE_URL", served_url(host, port))
        from safepractice.cli import call_manage, setup_django

        setup_django()
        call_manage("migrate", "--verbosity", "0")
        # The migrations make it too, but CACHE_URL may have been unset since they ran.
        call_manage("createcachetable")
        from safepractice.schools.demo import demo_is_loaded, load_demo, print_logins

        if not demo_is_loaded():
            typer.echo("First run: loading the demo school (Example Primary School)…")
            load_demo()
        print_logins(header=True)
        typer.echo(f"\nsafepractice is at {served_url(host, port)}/  (Ctrl+C to stop)\n")
        worker_process = _start_worker() if worker else None
        try:
            if dev:
                call_manage("runserver", f"{host}:{port}", "--noreload")
            else:
                from safepractice.commands.gunicorn_app import serve

                serve(host, port)
        finally:
            if worker_process is not None:
                worker_process.terminate()
                worker_process.wait(timeout=10)

    @app.command()
    def demo(
        print_logins_: bool = typer.Option(
            False, "--print-logins", help="Print one demo account a line: ROLE EMAIL PASSWORD."
        ),
    ) -> None:
        """Load (or refresh) the demo school. Safe to run more than once."""
        from safepractice.cli import call_manage, setup_django

        setup_django()
        call_manage("migrate", "--verbosity", "0")
        from safepractice.schools.demo import load_demo, print_logins

        load_demo()
        if print_logins_:
            print_logins(header=False)
        else:
            typer.echo("Demo school loaded. `safepractice demo --print-logins` lists the logins.")
