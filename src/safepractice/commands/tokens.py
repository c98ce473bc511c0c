"""`safepractice token create EMAIL`, `token list EMAIL` and `token revoke PREFIX`.

The same rules as the tokens page (``api/rules.py``): no token before two-factor sign-in is
set up for roles that need it, and case access only with the person's current code.
"""

import typer

from safepractice.commands import django_setup


def register(app: typer.Typer) -> None:
    token_app = typer.Typer(help="Personal API tokens for scripts.", no_args_is_help=True)
    app.add_typer(token_app, name="token")

    def _memberships(email: str, school: str) -> list:
        # Lazy: Django's models load only once Django is set up (by the calling command).
        from safepractice.schools.models import Membership
        from safepractice.schools.rules import active_member_q

        return [
            m for m in Membership.objects.select_related("school", "user")
            .filter(active_member_q(), user__email__iexact=email.strip())
            if not school or m.school.slug == school
        ]

    @token_app.command("create")
    def create(
        email: str = typer.Argument(..., help="The person the token acts as."),
        school: str = typer.Option("", help="School slug; needed if they are in several."),
        name: str = typer.Option("Script", help="What will use the token."),
        rate: int = typer.Option(120, min=1, help="Requests a minute allowed."),
        days: int = typer.Option(90, min=1, max=365, help="Days until it expires (at most 365)."),
        cases: bool = typer.Option(False, "--cases", help="Add case access (needs --code)."),
        code: str = typer.Option("", help="The person's current authenticator code: case "
                                          "access is granted only with it."),
    ) -> None:
        """Create a token and print it (only this once: it is stored hashed)."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.api.models import Scope
        from safepractice.api.tokens import TokenRefused, create_token

        memberships = _memberships(email, school)
        if not memberships:
            typer.echo(f"No current member {email!r}"
                       + (f" in school {school!r}." if school else "."), err=True)
            raise typer.Exit(2)
        if len(memberships) > 1:
            slugs = ", ".join(m.school.slug for m in memberships)
            typer.echo(f"{email} is in several schools ({slugs}): choose one with --school.",
                       err=True)
            raise typer.Exit(2)
        scopes = {Scope.CHECK} | ({Scope.CASES} if cases else set())
        try:
            _, raw = create_token(memberships[0], name, rate_per_minute=rate, scopes=scopes,
                                  days=days, code=code)
        except TokenRefused as refused:
            typer.echo(f"No token created. {refused}", err=True)
            raise typer.Exit(1) from refused
        typer.echo(raw)

    @token_app.command("list")
    def list_tokens(
        email: str = typer.Argument(..., help="Whose tokens."),
    ) -> None:
        """Each token: start, name, school, scopes, expiry, last use and state."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.api.models import ApiToken

        found = ApiToken.objects.select_related("membership__school").filter(
            membership__user__email__iexact=email.strip()
        )
        for t in found:
            state = ("revoked" if t.revoked_at else "expired" if t.is_expired() else "live")
            last = t.last_used.strftime("%Y-%m-%d %H:%M") if t.last_used else "never"
            typer.echo(f"{t.prefix}  {t.name}  {t.membership.school.slug}  "
                       f"scopes={','.join(sorted(t.scope_set))}  "
                       f"expires={t.expires_at:%Y-%m-%d}  last-used={last}  {state}")
        if not found:
            typer.echo("No tokens.")

    @token_app.command("revoke")
    def revoke(
        token: str = typer.Argument(..., help="The token, or the first characters shown "
                                               "on the API tokens page (e.g. sp_AbC123x)."),
    ) -> None:
        """Revoke a token at once."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
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
