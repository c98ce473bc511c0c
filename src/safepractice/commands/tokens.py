"""`safepractice token create EMAIL` and `safepractice token revoke PREFIX`."""

import typer


def register(app: typer.Typer) -> None:
    token_app = typer.Typer(help="Personal API tokens for scripts.", no_args_is_help=True)
    app.add_typer(token_app, name="token")

    @token_app.command("create")
    def create(
        email: str = typer.Argument(..., help="The person the token acts as."),
        school: str = typer.Option("", help="School slug; needed if they are in several."),
        name: str = typer.Option("Script", help="What will use the token."),
        rate: int = typer.Option(120, min=1, help="Requests a minute allowed."),
    ) -> None:
        """Create a token and print it (only this once: it is stored hashed)."""
        from safepractice.cli import setup_django

        setup_django()
        from safepractice.api.tokens import create_token
        from safepractice.schools.models import Membership

        memberships = [
            m for m in Membership.objects.select_related("school", "user")
            .filter(user__email__iexact=email.strip())
            if m.is_active and (not school or m.school.slug == school)
        ]
        if not memberships:
            typer.echo(f"No current member {email!r}"
                       + (f" in school {school!r}." if school else "."), err=True)
            raise typer.Exit(2)
        if len(memberships) > 1:
            slugs = ", ".join(m.school.slug for m in memberships)
            typer.echo(f"{email} is in several schools ({slugs}): choose one with --school.",
                       err=True)
            raise typer.Exit(2)
        _, raw = create_token(memberships[0], name, rate_per_minute=rate)
        typer.echo(raw)

    @token_app.command("revoke")
    def revoke(
        token: str = typer.Argument(..., help="The token, or the first characters shown "
                                               "on the API tokens page (e.g. sp_AbC123x)."),
    ) -> None:
        """Revoke a token at once."""
        from safepractice.cli import setup_django

        setup_django()
        from safepractice.api.models import ApiToken
        from safepractice.api.tokens import digest_of, revoke_token

        found = list(ApiToken.objects.live().filter(digest=digest_of(token.strip())))
        if not found:
            found = list(ApiToken.objects.live().filter(prefix=token.strip()[:10]))
        if len(found) != 1:
            typer.echo("No live token matches." if not found else
                       "Several tokens start like that: give the whole token.", err=True)
            raise typer.Exit(2)
        revoke_token(found[0])
        typer.echo(f"Revoked {found[0].name} ({found[0].prefix}…).")
