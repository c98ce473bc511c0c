"""`safepractice import-roster` and `safepractice roles grant|revoke`."""

from pathlib import Path

import typer

from safepractice.commands import django_setup


def register(app: typer.Typer) -> None:
    @app.command("import-roster")
    def import_roster_command(
        school: str = typer.Argument(..., help="The school's slug, e.g. example-primary."),
        csv_file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
        kind: str = typer.Option("pupils", help="pupils or staff"),
    ) -> None:
        """Import a pupil or staff roster CSV (all rows or none; re-import updates)."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.schools.models import School
        from safepractice.schools.roster import RosterError
        from safepractice.schools.services import import_roster

        found = School.objects.filter(slug=school).first()
        if found is None:
            typer.echo(f"No school with slug {school!r}.", err=True)
            raise typer.Exit(2)
        try:
            result = import_roster(found, csv_file.read_bytes(), kind)
        except RosterError as error:
            typer.echo(f"Nothing imported. {error}", err=True)
            raise typer.Exit(1) from error
        typer.echo(
            f"{kind}: {result.created} added, {result.updated} updated, "
            f"{result.duplicates_skipped} duplicate rows skipped ({result.encoding})"
            + (f"; {result.invited} emailed an invitation." if result.invited else ".")
        )
        for notice in result.notices:
            typer.echo(notice)

    roles_app = typer.Typer(
        help="Duty roles that a roster import never changes (head, DSL, ICT coordinator, SLT).",
        no_args_is_help=True,
    )
    app.add_typer(roles_app, name="roles")

    def _change(email: str, role: str, school: str, by: str, grant: bool) -> None:
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.accounts.models import User
        from safepractice.schools.models import Membership
        from safepractice.schools.services import (
            RoleChangeRefused,
            grant_duty_role,
            revoke_duty_role,
        )

        membership = (
            Membership.objects.select_related("user", "school")
            .filter(user__email__iexact=email.strip(), school__slug=school)
            .first()
        )
        if membership is None:
            typer.echo(f"No member {email!r} in school {school!r}.", err=True)
            raise typer.Exit(2)
        actor = User.objects.filter(email__iexact=by.strip()).first()
        if actor is None:
            typer.echo(f"No account {by!r} to act as.", err=True)
            raise typer.Exit(2)
        try:
            (grant_duty_role if grant else revoke_duty_role)(membership, role, by=actor)
        except RoleChangeRefused as refused:
            typer.echo(f"Nothing changed. {refused}", err=True)
            raise typer.Exit(1) from refused
        typer.echo(
            f"{'Granted' if grant else 'Revoked'} {role} "
            f"{'to' if grant else 'from'} {membership.user.email} at {school}."
        )

    role_help = "head, dsl, ict, slt, line-manager or governor"

    @roles_app.command("grant")
    def grant(
        email: str = typer.Argument(..., help="The member of staff."),
        role: str = typer.Argument(..., help=role_help),
        school: str = typer.Option(..., help="The school's slug."),
        by: str = typer.Option(
            ...,
            help="Who grants it (recorded in the audit log): the head, or for the head role "
            "a system or trust administrator.",
        ),
    ) -> None:
        """Grant a duty role: audited, and the person is told by email."""
        _change(email, role, school, by, grant=True)

    @roles_app.command("revoke")
    def revoke(
        email: str = typer.Argument(..., help="The member of staff."),
        role: str = typer.Argument(..., help=role_help),
        school: str = typer.Option(..., help="The school's slug."),
        by: str = typer.Option(..., help="Who revokes it (recorded in the audit log)."),
    ) -> None:
        """Revoke a duty role: audited, and the person is told by email."""
        _change(email, role, school, by, grant=False)
