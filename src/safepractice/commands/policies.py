from pathlib import Path
from typing import Annotated

import typer

from safepractice.commands import django_setup

policy_app = typer.Typer(help="The school's policies.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(policy_app, name="policy")

    @app.command("reminders")
    def reminders_command(
        now: Annotated[bool, typer.Option(
            "--now", help="Send in this process instead of queueing for the worker.")] = False,
    ) -> None:
        """Queue today's reminder emails (the scheduler queues them each school day)."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.policies.tasks import send_all_reminders, send_policy_reminders
        from safepractice.registers.tasks import send_register_reminders
        from safepractice.schools.models import School

        if not now:
            send_all_reminders.enqueue()
            typer.echo("Queued: a running worker (safepractice manage db_worker) sends them.")
            return
        sent = 0
        for school_id in School.objects.values_list("pk", flat=True):
            sent += send_policy_reminders.call(school_id)
            sent += send_register_reminders.call(school_id)
        typer.echo(f"{sent} reminder emails sent.")


@policy_app.command("import")
def import_command(
    school: Annotated[str, typer.Argument(help="The school's slug, e.g. example-primary.")],
    policy_file: Annotated[Path, typer.Argument(
        exists=True, dir_okay=False, readable=True, help="A .txt, .md or .docx file.")],
) -> None:
    """Import the social media policy; a changed text becomes a new version to acknowledge."""
    django_setup.setup_django()
    # Lazy: Django's models and what uses them load only once Django is set up.
    from safepractice.policies.importing import PolicyImportError
    from safepractice.policies.services import PolicyError, import_policy
    from safepractice.schools.models import School

    found = School.objects.filter(slug=school).first()
    if found is None:
        typer.echo(f"No school with slug {school!r}.", err=True)
        raise typer.Exit(2)
    try:
        result = import_policy(found, policy_file.read_bytes(), policy_file.name)
    except (PolicyImportError, PolicyError) as error:
        typer.echo(f"Nothing imported. {error}", err=True)
        raise typer.Exit(1) from error
    state = "new version" if result.new_version else "unchanged"
    typer.echo(f"{result.document.title}: version {result.version.number} ({state}); "
               f"review date {result.document.review_on or 'not set'}.")
