import os
import subprocess

import typer

from .workers import new_worker_id, worker_specs


def _start_workers() -> list[subprocess.Popen]:
    """A worker for each queue runs beside the web server, so one command is enough."""
    from django.conf import settings

    return [subprocess.Popen(spec.command(new_worker_id(spec.queue)))
            for spec in worker_specs(settings.TASKS_BACKEND)]


def register(app: typer.Typer) -> None:
    @app.command()
    def run(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
        dev: bool = typer.Option(False, "--dev", help="Development mode: DEBUG on."),
        worker: bool = typer.Option(True, help="Also run the background-task workers."),
    ) -> None:
        """Migrate, load the demo school on first run, and serve safepractice."""
        if dev:
            os.environ.setdefault("SAFEPRACTICE_DEBUG", "1")
        from safepractice.cli import call_manage, setup_django

        setup_django()
        call_manage("migrate", "--verbosity", "0")
        from safepractice.schools.demo import demo_is_loaded, load_demo, print_logins

        if not demo_is_loaded():
            typer.echo("First run: loading the demo school (Example Primary School)…")
            load_demo()
        print_logins(header=True)
        typer.echo(f"\nsafepractice is at http://{host}:{port}/  (Ctrl+C to stop)\n")
        worker_processes = _start_workers() if worker else []
        try:
            if dev:
                call_manage("runserver", f"{host}:{port}", "--noreload")
            else:
                from safepractice.commands.gunicorn_app import serve

                serve(host, port)
        finally:
            for process in worker_processes:
                process.terminate()
            for process in worker_processes:
                process.wait(timeout=10)

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
