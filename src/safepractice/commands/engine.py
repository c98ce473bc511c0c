"""Engine commands: ``rules``, ``check`` and ``eval``. None of them starts Django."""

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

SchoolConfigOption = Annotated[
    Path | None, typer.Option("--school-config", help="The school's TOML configuration.")
]
EXIT_INPUT_ERROR = 3  # 0 none, 1 advice/risk, 2 breach are the check's verdicts


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_INPUT_ERROR)


def _checker(school_config: Path | None):
    # Lazy: importing the engine costs about 0.1 s (catalogue, detectors); only the
    # commands that check text pay it, not `safepractice --help` or the Django commands.
    from safepractice.engine import Checker
    from safepractice.engine.config import ConfigError, load_school_config

    context = None
    if school_config is not None:
        try:
            context = load_school_config(school_config)
        except ConfigError as error:
            _fail(str(error))
    return Checker(context)


def _read_text(text: str | None, file: Path | None) -> str:
    if file is not None:
        try:
            data = file.read_bytes()
        except OSError as error:
            _fail(f"{file}: {error.strerror}")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            _fail(
                f"{file} is not valid UTF-8: byte 0x{data[error.start]:02x} at byte offset "
                f"{error.start}"
            )
    if text is None or text == "-":
        data = sys.stdin.buffer.read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            _fail(f"standard input is not valid UTF-8: byte 0x{data[error.start]:02x} at "
                  f"byte offset {error.start}")
    return text


def _marked(text: str, findings) -> str:
    """The text with each finding's span bracketed and numbered: ⟦1 07700 900123⟧."""
    pieces, position = [], 0
    for number, finding in enumerate(findings, start=1):
        if finding.start < position or finding.start == finding.end:
            continue
        pieces.append(text[position:finding.start])
        pieces.append(f"⟦{number} {text[finding.start:finding.end]}⟧")
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


def register(app: typer.Typer) -> None:
    rules_app = typer.Typer(help="The rule catalogue: the policy as rules.",
                            invoke_without_command=True)

    @rules_app.callback()
    def rules(
        ctx: typer.Context,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON object a rule.")] = False,
    ) -> None:
        """List the catalogue's rules."""
        if ctx.invoked_subcommand is not None:
            return
        # Lazy: the engine loads only for the commands that use it (see _checker).
        from safepractice.engine.catalogue import load_catalogue

        for rule in load_catalogue():
            if as_json:
                typer.echo(json.dumps({
                    "id": rule.id, "title": rule.title, "section": rule.section,
                    "summary": rule.summary, "served": rule.served, "detector": rule.detector,
                    "topic": rule.topic, "kinds": sorted(k.value for k in rule.kinds),
                    "severity": rule.severity.value if rule.severity else None,
                    "by": rule.by, "reason": rule.reason,
                }))
                continue
            severity = rule.severity.value.upper() if rule.severity else "-"
            typer.echo(f"{rule.id:44} {severity:7} {rule.title}")
            typer.echo(f"{'':44} {'':7} [{rule.section}] {rule.how_served}")

    @rules_app.command("coverage")
    def rules_coverage(
        policy: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                               help="The policy as plain text.")],
        uncovered_only: Annotated[bool, typer.Option("--uncovered", help="Only gaps.")] = False,
    ) -> None:
        """Paragraph by paragraph, which rules serve the policy, and the share covered."""
        # Lazy: the engine loads only for the commands that use it (see _checker).
        from safepractice.engine.catalogue import coverage

        try:
            text = policy.read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            _fail(f"{policy} is not valid UTF-8: byte offset {error.start}")
        result = coverage(text)
        for paragraph in result.paragraphs:
            if paragraph.heading:
                if not uncovered_only:
                    typer.echo(f"\n== {paragraph.text}")
                continue
            if uncovered_only and paragraph.covered:
                continue
            excerpt = paragraph.text if len(paragraph.text) <= 90 else paragraph.text[:87] + "..."
            mark = "ok" if paragraph.covered else "--"
            typer.echo(f"{mark} ¶{paragraph.number:<3} {excerpt}")
            for rule in paragraph.rules:
                typer.echo(f"         {rule.id} ({rule.how_served[:70]})")
        counted = result.counted
        covered = sum(p.covered for p in counted)
        typer.echo(f"\nCovered: {covered}/{len(counted)} paragraphs ({result.share:.0%}).")
        if covered < len(counted):
            raise typer.Exit(1)

    app.add_typer(rules_app, name="rules")

    @app.command()
    def check(
        text: Annotated[str | None, typer.Argument(
            help="Text to check; '-' or nothing reads stdin.")] = None,
        file: Annotated[Path | None, typer.Option(
            "--file", "-f", help="Read the text from a file.")] = None,
        kind: Annotated[str, typer.Option(
            help="post, comment, profile:<field>, message, connection")] = "post",
        to: Annotated[str | None, typer.Option(
            "--to", help="For a message: pupil, parent, colleague, public.")] = None,
        handle: Annotated[str | None, typer.Option(
            help="For a connection: the account's handle.")] = None,
        school_config: SchoolConfigOption = None,
        as_json: Annotated[bool, typer.Option("--json", help="Findings as JSON.")] = False,
        batch: Annotated[str | None, typer.Option(
            "--batch", help="JSONL file of items ('-' for stdin).")] = None,
    ) -> None:
        """Check text against the policy. Exit 0: nothing found, 1: advice or risk, 2: breach
        or must not be sent."""
        # Lazy: the engine loads only for the commands that use it (see _checker).
        from safepractice.engine.batch import ContentError, parse_kind, run_batch
        from safepractice.engine.checker import safer_text, worst_severity
        from safepractice.engine.content import Content

        checker = _checker(school_config)
        if batch is not None:
            if batch == "-":
                stream = sys.stdin.buffer
            else:
                try:
                    stream = open(batch, "rb")  # noqa: SIM115 - closed below
                except OSError as error:
                    _fail(f"{batch}: {error.strerror}")
            try:
                for line in run_batch(stream, checker):
                    sys.stdout.write(line + "\n")
                    sys.stdout.flush()
            finally:
                if stream is not sys.stdin.buffer:
                    stream.close()
            return
        try:
            fields = parse_kind(kind, to)
        except ContentError as error:
            _fail(str(error))
        body = _read_text(text, file)
        content = Content(text=body, handle=handle, **fields)
        findings = checker.check(content)
        worst = worst_severity(findings)
        advice = checker.send_advice(content, findings)
        if as_json:
            typer.echo(json.dumps({
                "findings": [f.as_dict() for f in findings],
                "safer_text": None if advice.do_not_send else safer_text(body, findings),
                "send_advice": advice.as_dict(),
                "worst": worst.value if worst else None,
            }, ensure_ascii=False, indent=2))
        elif not findings:
            typer.echo("No findings: nothing in this goes against the policy's checks.")
        else:
            if advice.do_not_send:
                typer.echo(f"DO NOT SEND THIS. {advice.reason}\n{advice.talk_to}\n")
            typer.echo(_marked(body, findings))
            typer.echo("")
            for number, finding in enumerate(findings, start=1):
                typer.echo(f"{number}. {finding.severity.value.upper()} {finding.title} "
                           f"[{finding.rule}, confidence {finding.confidence:.2f}]")
                typer.echo(f"   {finding.explanation}")
                typer.echo(f"   → {finding.suggestion}")
        if worst is None:
            raise typer.Exit(0)
        # 2 for anything that must not go out as it is: a breach, or what must not be sent.
        raise typer.Exit(2 if worst.value == "breach" or advice.do_not_send else 1)

    @app.command("eval")
    def evaluate_command(
        data: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                             help="Labelled JSONL.")],
        school_config: SchoolConfigOption = None,
        min_confidence: Annotated[float, typer.Option(help="Ignore findings below this.")] = 0.5,
        only: Annotated[list[str] | None, typer.Option(
            "--only", help="Score only rules with this prefix.")] = None,
        as_json: Annotated[bool, typer.Option("--json")] = False,
        show_misses: Annotated[bool, typer.Option(
            "--misses", help="List each miss and extra.")] = False,
        by: Annotated[str, typer.Option(
            "--by", help="Score per 'rule' (default) or per 'topic' (the batch vocabulary).",
        )] = "rule",
    ) -> None:
        """Precision and recall per rule on labelled data (schema: docs/engine.md)."""
        if by not in ("rule", "topic"):
            _fail(f"--by takes 'rule' or 'topic', not {by!r}")
        # Lazy: the engine loads only for the commands that use it (see _checker).
        from safepractice.engine.evaluation import evaluate

        checker = _checker(school_config)
        try:
            lines = data.read_bytes().decode("utf-8").splitlines()
        except UnicodeDecodeError as error:
            _fail(f"{data} is not valid UTF-8: byte offset {error.start}")
        result = evaluate(lines, checker, min_confidence=min_confidence, only=tuple(only or ()),
                          by=by)
        if as_json:
            typer.echo(json.dumps(result.as_dict(), indent=2))
        else:
            typer.echo(f"{by:44} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
            rows = [*sorted(result.rules.items()), ("total", result.total())]
            for rule, score in rows:
                typer.echo(f"{rule:44} {score.true_positives:4} {score.false_positives:4} "
                           f"{score.false_negatives:4} {score.precision:9.3f} {score.recall:7.3f}")
            typer.echo(f"{result.items} items, {len(result.errors)} unreadable")
            if result.clean_items:
                typer.echo(f"clean items flagged: {result.clean_flagged} of {result.clean_items} "
                           f"({result.clean_flagged / result.clean_items:.1%})")
            for error in result.errors:
                typer.echo(f"  {error}", err=True)
            if show_misses:
                for miss in result.misses:
                    typer.echo(f"  {json.dumps(miss, ensure_ascii=False)}")
