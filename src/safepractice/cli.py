"""The ``safepractice`` command."""

import os
import sys

import typer

app = typer.Typer(help="safepractice: putting a school's social media policy into practice.",
                  no_args_is_help=True, add_completion=False)


def setup_django() -> None:
    """Start Django for commands that need the database (the engine commands do not)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepractice.settings")
    import django

    django.setup()


def call_manage(*args: str) -> None:
    setup_django()
    from django.core.management import call_command

    call_command(*args)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `safepractice manage migrate`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepractice.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["safepractice manage", *ctx.args])


_registered = False


def _register_command_modules() -> None:
    # Each domain adds its commands in its own module, so this file stays small.
    global _registered
    if _registered:
        return
    from safepractice.commands import MODULES

    for module in MODULES:
        module.register(app)
    _registered = True


def main() -> None:
    _register_command_modules()
    app(prog_name="safepractice")


if __name__ == "__main__":
    sys.exit(main())
