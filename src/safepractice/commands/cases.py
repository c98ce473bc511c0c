import typer

from safepractice.commands import django_setup


def register(app: typer.Typer) -> None:
    cases_app = typer.Typer(help="Cases: deadlines, retention and the evidence vault.",
                            no_args_is_help=True)

    @cases_app.command("sweep")
    def sweep() -> None:
        """Send due alerts and reminders (route 2's 60 minutes, acknowledgements, tasks).

        The scheduler queues it every five minutes; it is safe to run often."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.cases.tasks import sweep_deadlines

        result = sweep_deadlines.call()
        typer.echo(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in result.items()))

    @cases_app.command("retention-review")
    def retention_review(
        school: str = typer.Option("", help="Only this school (its slug)."),
        notify: bool = typer.Option(True, help="Alert each school's head in the app and by "
                                               "email."),
    ) -> None:
        """List case records due for retention review (references and dates, no content)."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.cases import retention
        from safepractice.cases.tasks import retention_review as review_task
        from safepractice.schools.models import School

        schools = School.objects.filter(slug=school) if school else School.objects.all()
        total = 0
        for each in schools:
            for case in retention.due_for_review(each):
                typer.echo(f"{each.slug}\t{case.reference}\t{case.route}\t"
                           f"review due {case.review_on:%Y-%m-%d}")
                total += 1
        typer.echo(f"{total} record(s) due for review. Dispose of them from the Retention "
                   "review page (head teacher).")
        if notify:
            review_task.call()

    @cases_app.command("verify-evidence")
    def verify_evidence(school: str = typer.Option("", help="Only this school (its slug).")):
        """Decrypt and hash-check every evidence file; report and flag any that fail."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.audit.actions import EVIDENCE_INTEGRITY_CHECK_FAILED
        from safepractice.audit.services import record
        from safepractice.cases import vault
        from safepractice.cases.models import EvidenceItem, IntegrityFlag

        items = EvidenceItem.objects.select_related("case__school")
        if school:
            items = items.filter(case__school__slug=school)
        failures = 0
        for item in items:
            try:
                vault.read_verified(item.case.school_id, item.stored_name, item.sha256)
            except vault.IntegrityFailure as failure:
                failures += 1
                IntegrityFlag.objects.create(item=item, reason=str(failure))
                record(EVIDENCE_INTEGRITY_CHECK_FAILED, school=item.case.school, target=item,
                       reason=str(failure), found_by="verify-evidence")
                typer.echo(f"FAILED {item.case.reference} item {item.pk}: {failure}", err=True)
        typer.echo(f"{items.count()} item(s) checked, {failures} failed.")
        if failures:
            raise typer.Exit(1)

    app.add_typer(cases_app, name="cases")
