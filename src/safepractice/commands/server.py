import os
import signal
import socket
import threading

import typer

from safepractice.commands import django_setup

_ALL_INTERFACES = {"", "0.0.0.0", "::"}


def served_url(host: str, port: int) -> str:
    """The address ``run`` serves, as a link (all interfaces: this machine's name)."""
    if host in _ALL_INTERFACES:
        host = socket.getfqdn()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    return f"http://{host}:{port}"


def _supervised_workers():
    """The workers of every queue and the scheduler of the periodic jobs, recovered after the
    last run and supervised from now on."""
    # Lazy: the settings need Django set up (by the calling command).
    from django.conf import settings

    from .supervisor import Supervisor
    from .workers import recover_after_death, recover_on_start, scheduler_spec, worker_specs

    backend = settings.TASKS_BACKEND
    recover_on_start(backend)
    supervisor = Supervisor(
        [*worker_specs(backend), scheduler_spec()],
        on_death=lambda spec, worker_id: recover_after_death(backend, spec, worker_id),
    )
    supervisor.start()
    return supervisor


def _sweep_uploads_left_by_a_crash() -> None:
    """Before serving no request is running, so whatever the upload folders hold is left over
    from the last run: spooled request bodies, archives a killed worker was saving."""
    # Lazy: Django's models load only once Django is set up (by `run`).
    from safepractice.reviews.cleanup import delete_orphan_uploads
    from safepractice.web import uploads

    uploads.sweep(older_than_seconds=0)
    delete_orphan_uploads()


def register(app: typer.Typer) -> None:
    @app.command()
    def run(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
        dev: bool = typer.Option(False, "--dev", help="Development mode: DEBUG on."),
        worker: bool = typer.Option(
            True, help="Also run the background-task workers and the periodic jobs' scheduler."
        ),
    ) -> None:
        """Migrate, load the demo school on first run, and serve safepractice."""
        if dev:
            os.environ.setdefault("SAFEPRACTICE_DEBUG", "1")
        # Links in emails (alerts, reminders) point at SITE_URL: unless it is set, at the
        # address served here. Set before the settings are read, and seen by the worker too.
        os.environ.setdefault("SITE_URL", served_url(host, port))
        django_setup.setup_django()
        django_setup.call_manage("migrate", "--verbosity", "0")
        # The migrations make it too, but CACHE_URL may have been unset since they ran.
        django_setup.call_manage("createcachetable")
        # Lazy: Django's models load only once Django is set up (above).
        from safepractice.schools.demo import demo_is_loaded, load_demo, print_logins

        if not demo_is_loaded():
            typer.echo("First run: loading the demo school (Example Primary School)…")
            load_demo()
        print_logins(header=True)
        _sweep_uploads_left_by_a_crash()
        typer.echo(f"\nsafepractice is at {served_url(host, port)}/  (Ctrl+C to stop)\n")
        supervisor = _supervised_workers() if worker else None
        try:
            if dev:
                django_setup.call_manage("runserver", f"{host}:{port}", "--noreload")
            else:
                # Lazy: gunicorn is imported only when serving without --dev.
                from safepractice.commands.gunicorn_app import serve

                serve(host, port, on_stop=supervisor.stop_watching if supervisor else None)
        finally:
            if supervisor is not None:
                supervisor.stop()

    @app.command()
    def workers() -> None:
        """Run the background-task workers (one a queue) and the periodic jobs' scheduler
        without the web server, restarting any that dies. For a machine that runs only
        workers, or under systemd."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from django.conf import settings

        from .workers import SCHEDULER

        if settings.TASKS_BACKEND == "immediate":
            typer.echo("SAFEPRACTICE_TASKS=immediate runs tasks in the web server: no workers.")
            raise typer.Exit(1)
        supervisor = _supervised_workers()
        stopped = threading.Event()

        def stop(*_) -> None:
            supervisor.stop_watching()  # before the workers, who got the Ctrl+C too, end
            stopped.set()

        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, stop)
        queues = [name for name in supervisor.running() if name != SCHEDULER]
        typer.echo(f"Workers running for the queues: {', '.join(queues)}; and the scheduler.")
        stopped.wait()
        supervisor.stop()

    @app.command()
    def demo(
        print_logins_: bool = typer.Option(
            False, "--print-logins", help="Print one demo account a line: ROLE EMAIL PASSWORD."
        ),
    ) -> None:
        """Load (or refresh) the demo school. Safe to run more than once."""
        django_setup.setup_django()
        django_setup.call_manage("migrate", "--verbosity", "0")
        # Lazy: Django's models load only once Django is set up (above).
        from safepractice.schools.demo import load_demo, print_logins

        load_demo()
        if print_logins_:
            print_logins(header=False)
        else:
            typer.echo("Demo school loaded. `safepractice demo --print-logins` lists the logins.")
