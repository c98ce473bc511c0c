"""Oversight keeps little of its own: a school's term dates and the termly reports it made.

Everything else it shows is computed from the other apps' records when asked.
"""

from django.db import models
from django.utils import timezone

from safepractice.schools.models import School
from safepractice.web.formatting import date_text


class SchoolTerm(models.Model):
    """One term of a school's own calendar. Without any, the English default is used."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(max_length=80)
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="term_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on} to {self.ends_on})"


class TermlyReport(models.Model):
    """A governors' termly report as it was generated: counts only, kept as the PDF sent."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="termly_reports")
    term_name = models.CharField(max_length=80)
    # The term's own dates, as in the term list (null: made before they were kept). Its cases
    # are counted from ``period_start``, the day after the term before ended, so the holiday
    # before it is not lost; ``period_end`` is the term's last day, the report's "as at".
    term_starts_on = models.DateField(null=True, blank=True)
    period_start = models.DateField()
    period_end = models.DateField()
    generated_at = models.DateTimeField(default=timezone.now)
    scheduled = models.BooleanField(default=False, help_text="Made by the end-of-term task.")
    pdf = models.BinaryField()

    class Meta:
        ordering = ["-period_end", "-generated_at"]
        indexes = [models.Index(fields=["school", "period_end"])]

    def __str__(self) -> str:
        return f"{self.school}: {self.term_name}"

    @property
    def term_label(self) -> str:
        """The term as the term list names it: its name and its own dates."""
        starts = self.term_starts_on or self.period_start
        return f"{self.term_name} ({date_text(starts)} to {date_text(self.period_end)})"

    @property
    def filename(self) -> str:
        return f"governors-report-{self.school.slug}-{self.period_end:%Y-%m-%d}.pdf"
